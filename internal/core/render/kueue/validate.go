package kueue

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sname"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// Enumerations of the v1beta2 CRDs.
var (
	queueingStrategies  = []string{"BestEffortFIFO", "StrictFIFO"}
	reclaimPolicies     = []string{"Never", "LowerPriority", "Any"}
	withinQueuePolicies = []string{"Never", "LowerPriority", "LowerOrNewerEqualPriority"}
	borrowPolicies      = []string{"Never", "LowerPriority"}
	fungibilityPolicies = []string{"MayStopSearch", "TryNextFlavor"}
)

// Validate reports every problem with the spec (after defaults), each
// naming the attribute and the fix. Render validates too.
func (s Spec) Validate() problem.List {
	var probs problem.List
	validate(withDefaults(s), &probs)
	return probs
}

func validate(s Spec, probs *problem.List) {
	name(probs, problem.Path{"cluster_queue"}, s.ClusterQueue, k8sname.SubdomainError)
	if s.Cohort != "" {
		name(probs, problem.Path{"cohort"}, s.Cohort, k8sname.SubdomainError)
	}
	oneOf(probs, problem.Path{"queueing_strategy"}, s.QueueingStrategy, queueingStrategies)
	validatePreemption(s.Preemption, probs)
	if s.WhenCanBorrow != "" {
		oneOf(probs, problem.Path{"when_can_borrow"}, s.WhenCanBorrow, fungibilityPolicies)
	}
	if s.WhenCanPreempt != "" {
		oneOf(probs, problem.Path{"when_can_preempt"}, s.WhenCanPreempt, fungibilityPolicies)
	}
	validateFlavors(s, probs)
	validateLocalQueues(s, probs)
	if s.Provisioning != nil {
		validateProvisioning(*s.Provisioning, s.Flavors, probs)
	}
}

func validatePreemption(p Preemption, probs *problem.List) {
	at := problem.Path{"preemption"}
	oneOf(probs, at.Child("reclaim_within_cohort"), p.ReclaimWithinCohort, reclaimPolicies)
	oneOf(probs, at.Child("within_cluster_queue"), p.WithinClusterQueue, withinQueuePolicies)
	oneOf(probs, at.Child("borrow_within_cohort"), p.BorrowWithinCohort, borrowPolicies)
	if p.ReclaimWithinCohort == "Never" && p.BorrowWithinCohort != "Never" {
		probs.Addf(at.Child("borrow_within_cohort"), "%q needs reclaim_within_cohort LowerPriority or Any: Kueue rejects borrowWithinCohort preemption when reclaimWithinCohort is Never", p.BorrowWithinCohort)
	}
	if p.BorrowMaxPriorityThreshold != nil {
		if p.BorrowWithinCohort == "Never" {
			probs.Addf(at.Child("borrow_max_priority_threshold"), "only applies when borrow_within_cohort is LowerPriority")
		}
		if t := *p.BorrowMaxPriorityThreshold; t < math.MinInt32 || t > math.MaxInt32 {
			probs.Addf(at.Child("borrow_max_priority_threshold"), "must be a priority (a 32-bit integer), got %d", t)
		}
	}
}

func validateFlavors(s Spec, probs *problem.List) {
	if len(s.Flavors) == 0 {
		probs.Addf(problem.Path{"flavor"}, "add at least one flavor: a Karpenter NodePool the queue admits work onto")
		return
	}
	if len(s.Flavors) > maxFlavorsPerGroup {
		probs.Addf(problem.Path{"flavor"}, "at most %d flavors fit one resource group, got %d", maxFlavorsPerGroup, len(s.Flavors))
	}
	seen := map[string]int{}
	for i, f := range s.Flavors {
		at := problem.Path{"flavor", i}
		if j, dup := seen[f.Name]; dup {
			probs.Addf(at.Child("name"), "%q is also flavor[%d]'s name: give each flavor its own name (it defaults to the node pool plus the capacity type)", f.Name, j)
		}
		seen[f.Name] = i
		validateFlavor(f, s.Cohort != "", at, probs)
	}
	if covered := coveredResources(s.Flavors); len(covered) > maxCoveredResources {
		probs.Addf(problem.Path{"flavor"}, "the flavors quote %d resources; a ClusterQueue covers at most %d", len(covered), maxCoveredResources)
	}
}

func validateFlavor(f Flavor, hasCohort bool, at problem.Path, probs *problem.List) {
	name(probs, at.Child("name"), f.Name, k8sname.SubdomainError)
	if f.NodePool == "" {
		probs.Addf(at.Child("node_pool"), "name the Karpenter NodePool this flavor runs on (its nodes carry the label %s)", NodePoolLabel)
	} else if msg := k8sname.LabelValueError(f.NodePool); msg != "" {
		probs.Addf(at.Child("node_pool"), "%s; the pool name is matched through the node label %s", msg, NodePoolLabel)
	}
	validateCapacityType(f, at, probs)
	labels := 1
	if f.CapacityType != "" {
		labels++
	}
	for _, k := range sortedKeys(f.NodeLabels) {
		kat := at.Child("node_labels").Child(k)
		if k == NodePoolLabel || k == CapacityTypeLabel {
			probs.Addf(kat, "%q is set from node_pool/capacity_type; remove it from node_labels", k)
			continue
		}
		if msg := labelKeyError(k); msg != "" {
			probs.Addf(kat, "%s", msg)
		}
		if msg := k8sname.LabelValueError(f.NodeLabels[k]); msg != "" {
			probs.Addf(kat, "%s", msg)
		}
		labels++
	}
	if labels > maxFlavorNodeLabels {
		probs.Addf(at.Child("node_labels"), "a ResourceFlavor holds at most %d node labels including %s and %s, got %d", maxFlavorNodeLabels, NodePoolLabel, CapacityTypeLabel, labels)
	}
	validateTaints(f.Taints, at.Child("taint"), probs)
	validateQuota(f, hasCohort, at, probs)
}

func validateCapacityType(f Flavor, at problem.Path, probs *problem.List) {
	for _, ct := range f.NodePoolCapacityTypes {
		if !slices.Contains(capacityTypes, ct) {
			probs.Addf(at.Child("node_pool_capacity_types"), "%q is not a Karpenter capacity type: use %s", ct, strings.Join(capacityTypes, ", "))
		}
	}
	if f.CapacityType == "" {
		return
	}
	if !slices.Contains(capacityTypes, f.CapacityType) {
		probs.Addf(at.Child("capacity_type"), "%q is not a Karpenter capacity type: use %s (the value of %s)", f.CapacityType, strings.Join(capacityTypes, ", "), CapacityTypeLabel)
		return
	}
	if len(f.NodePoolCapacityTypes) > 0 && !slices.Contains(f.NodePoolCapacityTypes, f.CapacityType) {
		probs.Addf(at.Child("capacity_type"), "NodePool %q launches only %s nodes, so pods admitted on %s capacity would never schedule: pick one of those, or allow %s in the pool's %s requirement",
			f.NodePool, strings.Join(f.NodePoolCapacityTypes, "/"), f.CapacityType, f.CapacityType, CapacityTypeLabel)
	}
}

func validateTaints(taints []Taint, at problem.Path, probs *problem.List) {
	if len(taints) > maxFlavorTolerations {
		probs.Addf(at, "a ResourceFlavor holds at most %d tolerations, got %d", maxFlavorTolerations, len(taints))
	}
	seen := map[string]bool{}
	for i, t := range taints {
		if msg := labelKeyError(t.Key); msg != "" {
			probs.Addf(at.Child(i).Child("key"), "%s", msg)
		}
		if msg := k8sname.LabelValueError(t.Value); msg != "" {
			probs.Addf(at.Child(i).Child("value"), "%s", msg)
		}
		oneOf(probs, at.Child(i).Child("effect"), t.Effect, k8sname.TaintEffects)
		if k := t.Key + "\x00" + t.Effect; seen[k] {
			probs.Addf(at.Child(i), "taint %s:%s is listed twice", t.Key, t.Effect)
		} else {
			seen[k] = true
		}
	}
}

func validateQuota(f Flavor, hasCohort bool, at problem.Path, probs *problem.List) {
	if len(f.Quota) == 0 && len(f.NodePoolLimits) == 0 {
		probs.Addf(at.Child("quota"), "set a quota (e.g. cpu = \"64\") or the NodePool's limits in node_pool_limits, which become the nominal quota")
		return
	}
	for _, res := range sortedKeys(f.NodePoolLimits) {
		lat := at.Child("node_pool_limits").Child(res)
		checkResourceName(probs, lat, res)
		if _, err := nonNegative(f.NodePoolLimits[res]); err != "" {
			probs.Addf(lat, "%s", err)
		}
	}
	for _, res := range sortedKeys(f.Quota) {
		q, qat := f.Quota[res], at.Child("quota").Child(res)
		checkResourceName(probs, qat, res)
		nominal, err := nonNegative(q.Nominal)
		if err != "" {
			probs.Addf(qat.Child("nominal"), "%s", err)
		}
		for _, l := range []struct {
			label string
			lim   *string
		}{{"borrowing_limit", q.Borrowing}, {"lending_limit", q.Lending}} {
			label, lim := l.label, l.lim
			if lim == nil {
				continue
			}
			if !hasCohort {
				probs.Addf(qat.Child(label), "%s needs a cohort: Kueue rejects borrowing and lending limits on a ClusterQueue without one", label)
			}
			v, err := nonNegative(*lim)
			if err != "" {
				probs.Addf(qat.Child(label), "%s", err)
			} else if label == "lending_limit" && v > nominal {
				probs.Addf(qat.Child(label), "lending_limit %s is above the nominal quota %s: a queue can lend at most what it has", *lim, q.Nominal)
			}
		}
		if limit, ok := f.NodePoolLimits[res]; ok && err == "" {
			if l, lerr := nonNegative(limit); lerr == "" && nominal > l {
				probs.Warnf(qat.Child("nominal"), "nominal quota %s is above the NodePool's limit %s: Kueue would admit work Karpenter cannot provision, and those pods stay pending", q.Nominal, limit)
			}
		}
	}
}

func validateLocalQueues(s Spec, probs *problem.List) {
	seen := map[string]bool{}
	for i, q := range s.LocalQueues {
		at := problem.Path{"local_queue", i}
		name(probs, at.Child("namespace"), q.Namespace, k8sname.LabelNameError)
		name(probs, at.Child("name"), q.Name, k8sname.SubdomainError)
		if k := q.Namespace + "/" + q.Name; seen[k] {
			probs.Addf(at, "LocalQueue %s is listed twice", k)
		} else {
			seen[k] = true
		}
	}
}

// labelKeyError checks a label, taint or resource key, naming it.
func labelKeyError(key string) string {
	if msg := k8sname.QualifiedNameError(key); msg != "" {
		return fmt.Sprintf("key %q: %s", key, msg)
	}
	return ""
}

func checkResourceName(probs *problem.List, at problem.Path, res string) {
	if msg := labelKeyError(res); msg != "" {
		probs.Addf(at, "resource name: %s (e.g. cpu, memory, nvidia.com/gpu)", msg)
	}
}

// nonNegative parses a quantity that must be zero or more.
func nonNegative(q string) (float64, string) {
	v, err := k8sobj.ParseQuantity(q)
	if err != nil {
		return 0, err.Error()
	}
	if v < 0 {
		return 0, fmt.Sprintf("%q must not be negative", q)
	}
	return v, ""
}

func name(probs *problem.List, at problem.Path, v string, check func(string) string) {
	if msg := check(v); msg != "" {
		probs.Addf(at, "%s", msg)
	}
}

func oneOf(probs *problem.List, at problem.Path, v string, allowed []string) {
	if !slices.Contains(allowed, v) {
		probs.Addf(at, "%q is not one of %s", v, strings.Join(allowed, ", "))
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
