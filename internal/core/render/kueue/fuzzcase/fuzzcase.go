// Package fuzzcase turns fuzzer arguments into Kueue renderer inputs. It
// is shared by the renderer's own fuzz test (never panics; accepted input
// renders deterministically) and test/conformance's (accepted input passes
// the real CRDs and Kueue's own webhook checks), so both explore the same
// input space.
package fuzzcase

import "github.com/scalingkit/terraform-provider-scaling/internal/core/render/kueue"

// Strings is the number of string arguments Spec takes.
const Strings = 8

// Spec builds a two-flavor spec; bits of flags switch optional parts on.
func Spec(s [Strings]string, n1, n2 int64, flags uint16) kueue.Spec {
	on := func(bit uint) bool { return flags&(1<<bit) != 0 }
	first := kueue.Flavor{NodePool: s[0], Quota: map[string]kueue.Quota{s[1]: {Nominal: s[2]}}}
	second := kueue.Flavor{NodePool: s[0], NodePoolLimits: map[string]string{"cpu": s[3]}}
	spec := kueue.Spec{ClusterQueue: s[4]}
	if on(0) {
		first.CapacityType, second.CapacityType = s[5], "on-demand"
	}
	if on(1) {
		first.NodePoolCapacityTypes = []string{"spot", s[6]}
	}
	if on(2) {
		first.NodeLabels = map[string]string{s[6]: s[7]}
	}
	if on(3) {
		first.Taints = []kueue.Taint{{Key: s[6], Value: s[7], Effect: s[5]}}
	}
	if on(4) {
		spec.Cohort = s[7]
	}
	if on(5) {
		q := first.Quota[s[1]]
		q.Lending = &s[3]
		first.Quota[s[1]] = q
	}
	if on(6) {
		q := first.Quota[s[1]]
		q.Borrowing = &s[2]
		first.Quota[s[1]] = q
	}
	if on(7) {
		spec.Preemption = kueue.Preemption{ReclaimWithinCohort: s[5], BorrowWithinCohort: s[6], WithinClusterQueue: s[7]}
	}
	if on(8) {
		t := n1
		spec.Preemption.BorrowMaxPriorityThreshold = &t
	}
	if on(9) {
		spec.WhenCanBorrow, spec.WhenCanPreempt = s[5], s[6]
	}
	if on(10) {
		spec.LocalQueues = []kueue.LocalQueue{{Namespace: s[7]}, {Namespace: s[6], Name: s[5]}}
	}
	if on(11) {
		second.Name = s[5]
	}
	if on(12) {
		spec.QueueingStrategy = s[5]
	}
	if on(13) {
		lim, base, max := n1, n2, n1+n2
		spec.Provisioning = &kueue.ProvisioningCheck{
			Name: s[5], APIGroup: s[6], ProvisioningClassName: s[7], ManagedResources: []string{s[1]},
			BackoffLimitCount: &lim, BackoffBaseSeconds: &base, BackoffMaxSeconds: &max,
		}
	}
	if on(14) && spec.Provisioning != nil {
		spec.Provisioning.OnFlavors = []string{s[5]}
		spec.Provisioning.Parameters = map[string]string{s[6]: s[7]}
	}
	spec.Flavors = []kueue.Flavor{first, second}
	if on(15) {
		spec.Flavors = spec.Flavors[:1]
	}
	return spec
}

// Seed is one seed corpus entry.
type Seed struct {
	S      [Strings]string
	N1, N2 int64
	Flags  uint16
}

// Seeds start the fuzzer near valid and near-invalid inputs.
var Seeds = []Seed{
	{S: [Strings]string{"batch", "cpu", "100", "50", "batch", "spot", "on-demand", "ml"}, N1: 3, N2: 60, Flags: 0x0403},
	{S: [Strings]string{"gpu", "nvidia.com/gpu", "8", "4", "research", "on-demand", "nvidia.com/gpu", "ai"}, N1: 100, N2: 30, Flags: 0x00fd},
	{S: [Strings]string{"gpu", "memory", "1Ti", "2Ti", "q", "LowerPriority", "LowerPriority", "Any"}, N1: -5, N2: 0, Flags: 0x61f0},
	{S: [Strings]string{"p", "cpu", "-1", "x", "Q", "reserved", "kueue.x-k8s.io/v1beta1", "check-capacity.autoscaling.x-k8s.io"}, N1: 1, N2: 2, Flags: 0xffff},
	{S: [Strings]string{"a", "pods", "10", "10", "b", "TryNextFlavor", "MayStopSearch", "StrictFIFO"}, N1: 0, N2: 0, Flags: 0x1a00},
}
