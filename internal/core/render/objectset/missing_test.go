package objectset

import (
	"strings"
	"testing"
)

func TestPlural(t *testing.T) {
	for kind, want := range map[string]string{
		"NodePool": "nodepools", "EC2NodeClass": "ec2nodeclasses", "ScaledObject": "scaledobjects",
		"Policy": "policies", "Ingress": "ingresses", "CapacityBuffer": "capacitybuffers",
	} {
		if got := Plural(kind); got != want {
			t.Errorf("Plural(%s) = %s, want %s", kind, got, want)
		}
	}
}

func TestMissingKindNamesTheCRDAndHowToInstallIt(t *testing.T) {
	obj := func(apiVersion, kind string) Object {
		objs, probs := Parse("apiVersion: "+apiVersion+"\nkind: "+kind+"\nmetadata: {name: x}\n", attr)
		if len(probs) > 0 {
			t.Fatal(probs)
		}
		return objs[0]
	}
	cases := []struct {
		obj    Object
		served []string
		want   []string
	}{
		{obj("karpenter.sh/v1", "NodePool"), nil, []string{"no NodePool in karpenter.sh/v1", "CRD nodepools.karpenter.sh", "Karpenter's CRDs", "karpenter.sh_nodepools.yaml", "or add them to this resource's yaml"}},
		{obj("karpenter.k8s.aws/v1", "EC2NodeClass"), nil, []string{"ec2nodeclasses.karpenter.k8s.aws", "karpenter.k8s.aws_ec2nodeclasses.yaml"}},
		{obj("keda.sh/v1alpha1", "ScaledObject"), nil, []string{"scaledobjects.keda.sh", "KEDA's CRDs", "keda.sh_scaledobjects.yaml"}},
		{obj("karpenter.sh/v1", "NodePool"), []string{"v1beta1"}, []string{"serves karpenter.sh only in v1beta1, not v1", "nodepools.karpenter.sh"}},
		{obj("karpenter.sh/v1", "NodeOverlay"), []string{"v1"}, []string{"no NodeOverlay in karpenter.sh/v1", "nodeoverlays.karpenter.sh"}},
		{obj("example.com/v1", "Widget"), nil, []string{"widgets.example.com", "example.com_widgets.yaml"}},
		{obj("autoscaling/v2", "HorizontalPodAutoscaler"), []string{"v1"}, []string{"serves no HorizontalPodAutoscaler in autoscaling/v2 (it serves v1)", "kubectl api-resources"}},
	}
	for _, c := range cases {
		msg := MissingKind(c.obj, c.served)
		for _, w := range c.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: %q lacks %q", c.obj.Key(), msg, w)
			}
		}
	}
}
