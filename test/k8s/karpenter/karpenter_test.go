// Package karpenter drives Karpenter's KWOK cloud provider with the NodePools
// our renderer produces, to show they really provision nodes, and that the
// higher-weight (spot) NodePool of a fallback pair is tried first.
package karpenter

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/kubernetes"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

func TestMain(m *testing.M) { cluster.Main(m) }

// The renderer's spot-first / on-demand-fallback pair.
const renderedPair = "internal/core/render/karpenterv1/testdata/golden/fallback-defaults.yaml"

var nodeClaimGVR = schema.GroupVersionResource{Group: "karpenter.sh", Version: "v1", Resource: "nodeclaims"}

// forKwok points a rendered NodePool at the KWOK node class and drops the
// requirements on AWS-only labels (karpenter.k8s.aws/...), which KWOK's
// instance types do not carry. Everything else stays as rendered.
func forKwok(t *testing.T, np *unstructured.Unstructured) {
	t.Helper()
	ref := map[string]any{"group": "karpenter.kwok.sh", "kind": "KWOKNodeClass", "name": "default"}
	if err := unstructured.SetNestedMap(np.Object, ref, "spec", "template", "spec", "nodeClassRef"); err != nil {
		t.Fatal(err)
	}
	reqs, _, _ := unstructured.NestedSlice(np.Object, "spec", "template", "spec", "requirements")
	var kept []any
	for _, r := range reqs {
		key, _ := r.(map[string]any)["key"].(string)
		if strings.HasPrefix(key, "karpenter.k8s.aws/") {
			continue
		}
		kept = append(kept, r)
	}
	if err := unstructured.SetNestedSlice(np.Object, kept, "spec", "template", "spec", "requirements"); err != nil {
		t.Fatal(err)
	}
}

func TestRenderedNodePoolProvisionsNodes(t *testing.T) {
	if os.Getenv("KUBECONFIG") != "" {
		t.Skip("runs Karpenter's KWOK provider against the local control plane only")
	}
	root, err := cluster.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	objs, err := cluster.ReadObjects(filepath.Join(root, renderedPair))
	if err != nil {
		t.Fatalf("rendered NodePool pair: %v", err)
	}
	ctx := context.Background()
	c := cluster.NewWith(t, cluster.Options{SkipCRDs: true})
	began := time.Now()
	if err := c.StartKarpenterKwok(ctx); err != nil {
		t.Fatal(err)
	}
	t.Logf("karpenter (KWOK provider) ready in %s", time.Since(began).Round(time.Millisecond))
	cs, err := kubernetes.NewForConfig(c.Config)
	if err != nil {
		t.Fatal(err)
	}
	dyn, err := dynamic.NewForConfig(c.Config)
	if err != nil {
		t.Fatal(err)
	}
	a, err := c.NewApplier()
	if err != nil {
		t.Fatal(err)
	}

	nodeClass := &unstructured.Unstructured{Object: map[string]any{
		"apiVersion": "karpenter.kwok.sh/v1alpha1", "kind": "KWOKNodeClass", "metadata": map[string]any{"name": "default"},
	}}
	weights := map[string]int64{}
	for _, obj := range append(objs, nodeClass) {
		if obj.GetKind() == "NodePool" {
			forKwok(t, obj)
			// YAML numbers decode as float64 (JSON rules).
			w, _, _ := unstructured.NestedFieldNoCopy(obj.Object, "spec", "weight")
			switch v := w.(type) {
			case float64:
				weights[obj.GetName()] = int64(v)
			case int64:
				weights[obj.GetName()] = v
			}
		}
		if err := a.Apply(ctx, obj); err != nil {
			t.Fatalf("apply %s %s: %v", obj.GetKind(), obj.GetName(), err)
		}
	}
	heaviest := ""
	for name, w := range weights {
		if heaviest == "" || w > weights[heaviest] {
			heaviest = name
		}
	}
	if len(weights) != 2 || weights[heaviest] == 0 {
		t.Fatalf("want a weighted NodePool pair in %s, got weights %v", renderedPair, weights)
	}
	for name, w := range weights {
		if name != heaviest && w >= weights[heaviest] {
			t.Fatalf("the pair's weights are not distinct: %v", weights)
		}
	}

	// Pending pods that need new capacity: 6 x 1 CPU.
	replicas := int32(6)
	labels := map[string]string{"app": "needs-capacity"}
	dep := &appsv1.Deployment{
		ObjectMeta: metav1.ObjectMeta{Name: "needs-capacity", Namespace: "default"},
		Spec: appsv1.DeploymentSpec{
			Replicas: &replicas,
			Selector: &metav1.LabelSelector{MatchLabels: labels},
			Template: corev1.PodTemplateSpec{
				ObjectMeta: metav1.ObjectMeta{Labels: labels},
				Spec: corev1.PodSpec{Containers: []corev1.Container{{
					Name: "app", Image: "registry.k8s.io/pause:3.10",
					Resources: corev1.ResourceRequirements{Requests: corev1.ResourceList{
						corev1.ResourceCPU: resource.MustParse("1"), corev1.ResourceMemory: resource.MustParse("1Gi"),
					}},
				}}},
			},
		},
	}
	start := time.Now()
	if _, err := cs.AppsV1().Deployments("default").Create(ctx, dep, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	var firstClaim, allBound time.Duration
	deadline := time.Now().Add(3 * time.Minute)
	for {
		if firstClaim == 0 {
			claims, err := dyn.Resource(nodeClaimGVR).List(ctx, metav1.ListOptions{})
			if err == nil && len(claims.Items) > 0 {
				firstClaim = time.Since(start)
			}
		}
		pods, err := cs.CoreV1().Pods("default").List(ctx, metav1.ListOptions{LabelSelector: "app=needs-capacity"})
		if err != nil {
			t.Fatal(err)
		}
		bound := 0
		for _, p := range pods.Items {
			if p.Spec.NodeName != "" {
				bound++
			}
		}
		if bound == int(replicas) {
			allBound = time.Since(start)
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d pods bound after 3 minutes (logs: %s)", bound, replicas, c.LogDir())
		}
		time.Sleep(100 * time.Millisecond)
	}

	claims, err := dyn.Resource(nodeClaimGVR).List(ctx, metav1.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, claim := range claims.Items {
		l := claim.GetLabels()
		if l["karpenter.sh/nodepool"] != heaviest {
			t.Errorf("NodeClaim %s came from NodePool %q; the higher weight %q should be tried first (weights %v)",
				claim.GetName(), l["karpenter.sh/nodepool"], heaviest, weights)
		}
		t.Logf("NodeClaim %s: nodepool=%s capacity-type=%s instance-type=%s", claim.GetName(),
			l["karpenter.sh/nodepool"], l["karpenter.sh/capacity-type"], l["node.kubernetes.io/instance-type"])
	}
	if len(claims.Items) == 0 {
		t.Fatal("no NodeClaims")
	}
	t.Logf("pending pods -> first NodeClaim %s, all %d pods bound %s (%d NodeClaims)",
		firstClaim.Round(time.Millisecond), replicas, allBound.Round(time.Millisecond), len(claims.Items))
}
