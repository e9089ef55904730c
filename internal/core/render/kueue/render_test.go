package kueue

import (
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

func minimal() Spec {
	return Spec{Flavors: []Flavor{{NodePool: "batch", Quota: map[string]Quota{"cpu": {Nominal: "10"}}}}}
}

// Each bad input fails with the attribute named and the fix in the message.
func TestBadInputIsRejectedWithTheFix(t *testing.T) {
	cases := []struct {
		name       string
		edit       func(*Spec)
		path, want string
	}{
		{"api group with a version (the guides' form)", func(s *Spec) {
			s.Provisioning = &ProvisioningCheck{APIGroup: "kueue.x-k8s.io/v1beta1"}
		}, "provisioning_check.api_group", `use "kueue.x-k8s.io" (parameters.apiGroup is a group without a version`},
		{"another api group", func(s *Spec) {
			s.Provisioning = &ProvisioningCheck{APIGroup: "autoscaling.x-k8s.io"}
		}, "provisioning_check.api_group", `use "kueue.x-k8s.io"`},
		{"wrong controller name", func(s *Spec) {
			s.Provisioning = &ProvisioningCheck{ControllerName: "kueue.x-k8s.io/provisioning"}
		}, "provisioning_check.controller_name", `use "kueue.x-k8s.io/provisioning-request"`},
		{"config name longer than a DNS label", func(s *Spec) {
			s.Provisioning = &ProvisioningCheck{ConfigName: strings.Repeat("a", 64)}
		}, "provisioning_check.config_name", "at most 63 lowercase letters"},
		{"check on an unknown flavor", func(s *Spec) {
			s.Provisioning = &ProvisioningCheck{OnFlavors: []string{"gpu"}}
		}, "provisioning_check.on_flavors", `"gpu" is not one of the flavors (batch)`},
		{"backoff base above max", func(s *Spec) {
			s.Provisioning = &ProvisioningCheck{BackoffBaseSeconds: ptr(int64(600)), BackoffMaxSeconds: ptr(int64(60))}
		}, "provisioning_check.backoff_max_seconds", "below backoff_base_seconds"},
		{"no flavor", func(s *Spec) { s.Flavors = nil }, "flavor", "add at least one flavor"},
		{"no node pool", func(s *Spec) { s.Flavors[0].NodePool = "" }, "flavor[0].node_pool", "karpenter.sh/nodepool"},
		{"unknown capacity type", func(s *Spec) { s.Flavors[0].CapacityType = "preemptible" }, "flavor[0].capacity_type", "use spot, on-demand, reserved"},
		{"capacity type the pool does not launch", func(s *Spec) {
			s.Flavors[0].CapacityType, s.Flavors[0].NodePoolCapacityTypes = "spot", []string{"on-demand"}
		}, "flavor[0].capacity_type", "never schedule"},
		{"node label overriding the pool label", func(s *Spec) {
			s.Flavors[0].NodeLabels = map[string]string{NodePoolLabel: "other"}
		}, "flavor[0].node_labels." + NodePoolLabel, "set from node_pool"},
		{"too many node labels", func(s *Spec) {
			s.Flavors[0].CapacityType = "spot"
			s.Flavors[0].NodeLabels = map[string]string{"a": "1", "b": "2", "c": "3", "d": "4", "e": "5", "f": "6", "g": "7"}
		}, "flavor[0].node_labels", "at most 8 node labels"},
		{"duplicate flavor names", func(s *Spec) { s.Flavors = append(s.Flavors, s.Flavors[0]) }, "flavor[1].name", "give each flavor its own name"},
		{"no quota and no limits", func(s *Spec) { s.Flavors[0].Quota = nil }, "flavor[0].quota", "node_pool_limits"},
		{"negative quota", func(s *Spec) { s.Flavors[0].Quota["cpu"] = Quota{Nominal: "-1"} }, "flavor[0].quota.cpu.nominal", "must not be negative"},
		{"not a quantity", func(s *Spec) { s.Flavors[0].Quota["cpu"] = Quota{Nominal: "ten"} }, "flavor[0].quota.cpu.nominal", "not a Kubernetes quantity"},
		{"borrowing limit without cohort", func(s *Spec) { s.Flavors[0].Quota["cpu"] = Quota{Nominal: "10", Borrowing: ptr("5")} }, "flavor[0].quota.cpu.borrowing_limit", "needs a cohort"},
		{"lending above nominal", func(s *Spec) {
			s.Cohort = "ai"
			s.Flavors[0].Quota["cpu"] = Quota{Nominal: "10", Lending: ptr("20")}
		}, "flavor[0].quota.cpu.lending_limit", "above the nominal quota"},
		{"bad resource name", func(s *Spec) { s.Flavors[0].Quota["nvidia.com/gpu/x"] = Quota{Nominal: "1"} }, "flavor[0].quota.nvidia.com/gpu/x", "at most one '/'"},
		{"bad taint effect", func(s *Spec) { s.Flavors[0].Taints = []Taint{{Key: "nvidia.com/gpu", Effect: "NoExecuteSoon"}} }, "flavor[0].taint[0].effect", "NoSchedule, PreferNoSchedule, NoExecute"},
		{"borrow preemption without reclaim", func(s *Spec) { s.Preemption.BorrowWithinCohort = "LowerPriority" }, "preemption.borrow_within_cohort", "needs reclaim_within_cohort"},
		{"unknown queueing strategy", func(s *Spec) { s.QueueingStrategy = "FIFO" }, "queueing_strategy", "BestEffortFIFO, StrictFIFO"},
		{"namespace not a DNS label", func(s *Spec) { s.LocalQueues = []LocalQueue{{Namespace: "ML"}} }, "local_queue[0].namespace", "at most 63 lowercase letters"},
		{"same local queue twice", func(s *Spec) { s.LocalQueues = []LocalQueue{{Namespace: "ml"}, {Namespace: "ml"}} }, "local_queue[1]", "listed twice"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := minimal()
			tc.edit(&s)
			res, probs := s.Render()
			if !probs.HasErrors() || res.Objects != nil {
				t.Fatalf("want an error, got objects=%d problems=%v", len(res.Objects), probs)
			}
			if !hasProblem(probs, tc.path, tc.want) {
				t.Fatalf("want an error at %s containing %q, got %v", tc.path, tc.want, probs)
			}
			if s.Validate().Err() == nil {
				t.Fatal("Validate and Render disagree")
			}
		})
	}
}

func hasProblem(probs problem.List, path, want string) bool {
	for _, p := range probs {
		if !p.Warning && p.Path.String() == path && strings.Contains(p.Message, want) {
			return true
		}
	}
	return false
}

// The provisioning check renders, with a warning that says Karpenter
// serves no ProvisioningRequests, and a quota above the pool's limit warns.
func TestWarnings(t *testing.T) {
	s := minimal()
	s.Provisioning = &ProvisioningCheck{}
	s.Flavors[0].NodePoolLimits = map[string]string{"cpu": "8"}
	res, probs := s.Render()
	if probs.HasErrors() || len(res.Objects) != 4 {
		t.Fatalf("got %d objects, %v", len(res.Objects), probs)
	}
	var karpenter, limit bool
	for _, p := range probs {
		karpenter = karpenter || (p.Warning && strings.Contains(p.Message, "Karpenter v1.14 does not"))
		limit = limit || (p.Warning && p.Path.String() == "flavor[0].quota.cpu.nominal" && strings.Contains(p.Message, "above the NodePool's limit 8"))
	}
	if !karpenter || !limit {
		t.Fatalf("want both warnings, got %v", probs)
	}
}

// Every flavor quotes every covered resource; a resource a flavor has no
// quota for takes the pool's limit, else zero.
func TestFlavorsQuoteEveryCoveredResource(t *testing.T) {
	res, probs := cases["gpu-cohort-provisioning-check"].Render()
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	if got := strings.Join(res.CoveredResources, ","); got != "cpu,memory,nvidia.com/gpu" {
		t.Fatalf("covered %s", got)
	}
	cq := res.Objects[4]
	flavors := cq["spec"].(map[string]any)["resourceGroups"].([]any)[0].(map[string]any)["flavors"].([]any)
	general := flavors[1].(map[string]any)["resources"].([]any)
	want := map[string]string{"cpu": "512", "memory": "2048Gi", "nvidia.com/gpu": "0"}
	for i, r := range general {
		m := r.(map[string]any)
		if m["name"] != res.CoveredResources[i] || m["nominalQuota"] != want[m["name"].(string)] {
			t.Fatalf("general resource %d: %v", i, m)
		}
	}
}

func TestDefaultNamesAndSelectors(t *testing.T) {
	s := Spec{Flavors: []Flavor{{NodePool: "batch", CapacityType: "spot", NodePoolLimits: map[string]string{"cpu": "4"}}},
		LocalQueues: []LocalQueue{{Namespace: "b"}, {Namespace: "a"}, {Namespace: "a", Name: "other"}}}
	res, probs := s.Render()
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	if res.Flavors[0] != "batch-spot" || strings.Join(res.LocalQueues, ",") != "b/batch,a/batch,a/other" {
		t.Fatalf("names: %v %v", res.Flavors, res.LocalQueues)
	}
	cq := res.Objects[1]
	sel := cq["spec"].(map[string]any)["namespaceSelector"].(map[string]any)["matchExpressions"].([]any)[0].(map[string]any)
	if vals := sel["values"].([]any); len(vals) != 2 || vals[0] != "a" || vals[1] != "b" {
		t.Fatalf("selector %v", sel)
	}
	rf := res.Objects[0]["spec"].(map[string]any)["nodeLabels"].(map[string]any)
	if rf[NodePoolLabel] != "batch" || rf[CapacityTypeLabel] != "spot" {
		t.Fatalf("node labels %v", rf)
	}
}
