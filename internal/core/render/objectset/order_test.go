package objectset

import (
	"reflect"
	"testing"
)

func keys(objs []Object) []string {
	var out []string
	for _, o := range objs {
		out = append(out, o.Key())
	}
	return out
}

// CRDs and Namespaces go first, then what others reference, then the rest
// in the order written.
func TestApplyOrder(t *testing.T) {
	src := `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: so, namespace: shop}
---
apiVersion: keda.sh/v1alpha1
kind: TriggerAuthentication
metadata: {name: ta, namespace: shop}
---
apiVersion: karpenter.sh/v1
kind: NodePool
metadata: {name: general}
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: nodepools.karpenter.sh}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: warm, namespace: shop}
---
apiVersion: karpenter.k8s.aws/v1
kind: EC2NodeClass
metadata: {name: web}
---
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: warm}
`
	objs, probs := Parse(src, attr)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	phases := ApplyOrder(objs)
	want := [][]string{
		{"CustomResourceDefinition.apiextensions.k8s.io/nodepools.karpenter.sh", "Namespace/shop"},
		{"TriggerAuthentication.keda.sh/shop/ta", "EC2NodeClass.karpenter.k8s.aws/web", "PriorityClass.scheduling.k8s.io/warm"},
		{"ScaledObject.keda.sh/shop/so", "NodePool.karpenter.sh/general", "Deployment.apps/shop/warm"},
	}
	for i, w := range want {
		if got := keys(phases[i]); !reflect.DeepEqual(got, w) {
			t.Errorf("phase %d = %v, want %v", i, got, w)
		}
	}

	var refs []Ref
	for _, o := range objs {
		refs = append(refs, o.Ref)
	}
	del := DeleteOrder(refs)
	if len(del[0]) != 3 || PhaseOf(del[0][0]) != PhaseWorkloads || len(del[2]) != 2 || !del[2][0].IsNamespace() && !del[2][0].IsCRD() {
		t.Errorf("delete order: %v", del)
	}
	if del[2][0].Key() < del[2][1].Key() {
		t.Errorf("delete order within a phase is not reversed by key: %v", del[2])
	}
}
