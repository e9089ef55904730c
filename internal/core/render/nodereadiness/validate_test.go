package nodereadiness

import (
	"strings"
	"testing"
)

func rule(mut func(*Rule)) Rule {
	r := Rule{Name: "vpc-cni", Presets: []string{"vpc_cni"}, NodePools: []string{"web"}}
	mut(&r)
	return r
}

// Each mistake fails with the attribute named and the fix stated.
func TestValidateNamesAttributeAndFix(t *testing.T) {
	cases := []struct {
		name, path, contains string
		r                    Rule
	}{
		{"guide api group", "api_version", "readiness.node.x-k8s.io/v1alpha1", rule(func(r *Rule) { r.Guide.APIVersion = "nodereadiness.k8s.io/v1alpha1" })},
		{"guide requiredDaemonSets", "required_daemon_sets", "presets = [", rule(func(r *Rule) { r.Guide.RequiredDaemonSets = []string{"aws-node"} })},
		{"guide readinessTimeout", "readiness_timeout", "no timeout", rule(func(r *Rule) { r.Guide.ReadinessTimeout = "300s" })},
		{"no conditions", "conditions", "vpc_cni", rule(func(r *Rule) { r.Presets = nil })},
		{"unknown preset", "presets[0]", "nvidia_device_plugin", rule(func(r *Rule) { r.Presets = []string{"aws_node"} })},
		{"duplicate preset", "presets[1]", "listed twice", rule(func(r *Rule) { r.Presets = []string{"vpc_cni", "vpc_cni"} })},
		{"preset and same condition", "conditions[0].type", "also in presets[0]", rule(func(r *Rule) {
			r.Conditions = []Condition{{Type: Presets["vpc_cni"].ConditionType}}
		})},
		{"33 conditions", "conditions", "at most 32", rule(func(r *Rule) {
			for i := 0; i < 32; i++ {
				r.Conditions = append(r.Conditions, Condition{Type: "example.com/C" + strings.Repeat("x", i)})
			}
		})},
		{"control character in type", "conditions[0].type", "control character", rule(func(r *Rule) { r.Conditions = []Condition{{Type: "example.com/A\x7f"}} })},
		{"condition without type", "conditions[0].type", "is required", rule(func(r *Rule) { r.Conditions = []Condition{{RequiredStatus: "True"}} })},
		{"lowercase status", "conditions[0].required_status", "True, False or Unknown", rule(func(r *Rule) {
			r.Conditions = []Condition{{Type: "example.com/A", RequiredStatus: "true"}}
		})},
		{"default status bootstrap", "conditions[0].default_status", "continuous", rule(func(r *Rule) {
			r.Conditions = []Condition{{Type: "example.com/A", DefaultStatus: "False"}}
		})},
		{"taint outside domain", "taint.key", "must start with readiness.k8s.io/", rule(func(r *Rule) { r.Taint.Key = "example.com/cni-not-ready" })},
		{"taint domain shown", "taint.key", `"readiness.k8s.io/cni-not-ready"`, rule(func(r *Rule) { r.Taint.Key = "example.com/cni-not-ready" })},
		{"long name makes long key", "taint.key", "set taint.key to shorten it", rule(func(r *Rule) { r.Name = strings.Repeat("a", 64) })},
		{"taint value", "taint.value", "at most 63", rule(func(r *Rule) { r.Taint.Value = "not ready" })},
		{"taint effect", "taint.effect", "NoSchedule", rule(func(r *Rule) { r.Taint.Effect = "NoExecution" })},
		{"empty selector", "node_pools", "every node", rule(func(r *Rule) { r.NodePools = nil })},
		{"bad pool", "node_pools[0]", "not a NodePool name", rule(func(r *Rule) { r.NodePools = []string{"Web Pool"} })},
		{"pool twice", "node_pools[1]", "twice", rule(func(r *Rule) { r.NodePools = []string{"web", "web"} })},
		{"pool label in selector", "node_selector.karpenter.sh/nodepool", "node_pools only", rule(func(r *Rule) { r.NodeSelector = map[string]string{NodePoolLabel: "web"} })},
		{"bad selector key", "node_selector.Example.com/x", "label key", rule(func(r *Rule) { r.NodeSelector = map[string]string{"Example.com/x": "y"} })},
		{"mode", "enforcement_mode", "bootstrap-only", rule(func(r *Rule) { r.EnforcementMode = "once" })},
		{"name", "name", "lowercase", rule(func(r *Rule) { r.Name = "VPC_CNI" })},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			probs := c.r.Validate()
			for _, p := range probs {
				if !p.Warning && p.Path.String() == c.path && strings.Contains(p.Message, c.contains) {
					return
				}
			}
			t.Fatalf("want an error at %s containing %q, got %v", c.path, c.contains, probs)
		})
	}
}

func TestWarnings(t *testing.T) {
	r := rule(func(r *Rule) {
		r.EnforcementMode = "continuous"
		r.Taint.Effect = "NoExecute"
		r.Conditions = []Condition{{Type: "AgentReady"}}
	})
	probs := r.Validate()
	if probs.HasErrors() {
		t.Fatalf("warnings only expected: %v", probs)
	}
	if len(probs) != 2 {
		t.Fatalf("want warnings on taint.effect and conditions[0].type, got %v", probs)
	}
}

// The NodePool's startup taint is the rule's taint, defaults included.
func TestStartupTaintIsTheRulesTaint(t *testing.T) {
	r := rule(func(*Rule) {})
	got := r.StartupTaint()
	want := Taint{Key: "readiness.k8s.io/vpc-cni", Value: "pending", Effect: "NoSchedule"}
	if got != want {
		t.Fatalf("startup taint %+v, want %+v", got, want)
	}
	obj, probs := r.Render()
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	taint := obj["spec"].(map[string]any)["taint"].(map[string]any)
	if taint["key"] != got.Key || taint["value"] != got.Value || taint["effect"] != got.Effect {
		t.Fatalf("rendered taint %v differs from the startup taint %+v", taint, got)
	}
}

func TestReportersFollowPresets(t *testing.T) {
	r := rule(func(r *Rule) { r.Presets = []string{"ebs_csi", "vpc_cni"} })
	reps := r.Reporters()
	if len(reps) != 2 || reps[0].Name != "ebs_csi" || reps[1].CheckEndpoint != "http://127.0.0.1:61679/v1/enis" {
		t.Fatalf("reporters %+v", reps)
	}
	for _, p := range Presets {
		if !strings.HasPrefix(p.ConditionType, ConditionDomain+"/") || p.Feed == "" {
			t.Errorf("preset %s: condition %q, feed %q", p.Name, p.ConditionType, p.Feed)
		}
	}
}

func TestRealAPIVersionIsAccepted(t *testing.T) {
	r := rule(func(r *Rule) { r.Guide.APIVersion = APIVersion })
	if probs := r.Validate(); probs.HasErrors() {
		t.Fatal(probs.Err())
	}
}
