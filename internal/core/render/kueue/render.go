package kueue

import (
	"sort"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// Result is what the renderer produced.
type Result struct {
	// Objects in apply order: ResourceFlavors, the provisioning check's
	// config and AdmissionCheck, the ClusterQueue, the LocalQueues.
	Objects []k8sobj.Object
	// CoveredResources is the ClusterQueue's one resource group.
	CoveredResources []string
	// Flavors are the flavor names in order of preference.
	Flavors []string
	// LocalQueues are "namespace/name" of each LocalQueue.
	LocalQueues []string
}

// Render validates the spec and renders the objects; on errors it returns
// no objects and the problems.
func (s Spec) Render() (Result, problem.List) {
	s = withDefaults(s)
	var probs problem.List
	validate(s, &probs)
	if probs.HasErrors() {
		return Result{}, probs
	}
	res := Result{CoveredResources: coveredResources(s.Flavors), Flavors: flavorNames(s.Flavors)}
	for _, f := range s.Flavors {
		res.Objects = append(res.Objects, resourceFlavor(f))
	}
	if s.Provisioning != nil {
		res.Objects = append(res.Objects, provisioningObjects(*s.Provisioning)...)
	}
	res.Objects = append(res.Objects, clusterQueue(s, res.CoveredResources))
	for _, q := range s.LocalQueues {
		lq := object("LocalQueue", q.Name, q.Namespace)
		lq["spec"] = map[string]any{"clusterQueue": s.ClusterQueue}
		res.Objects = append(res.Objects, lq)
		res.LocalQueues = append(res.LocalQueues, q.Namespace+"/"+q.Name)
	}
	return res, probs
}

func object(kind, name, namespace string) k8sobj.Object {
	o := k8sobj.New(APIVersion, kind, name, namespace)
	o["metadata"].(map[string]any)["labels"] = map[string]any{"app.kubernetes.io/managed-by": managedBy}
	return o
}

func resourceFlavor(f Flavor) k8sobj.Object {
	labels := map[string]any{NodePoolLabel: f.NodePool}
	if f.CapacityType != "" {
		labels[CapacityTypeLabel] = f.CapacityType
	}
	for k, v := range f.NodeLabels {
		labels[k] = v
	}
	spec := map[string]any{"nodeLabels": labels}
	if len(f.Taints) > 0 {
		tols := make([]any, len(f.Taints))
		for i, t := range f.Taints {
			tol := map[string]any{"key": t.Key, "effect": t.Effect, "operator": "Exists"}
			if t.Value != "" {
				tol["operator"], tol["value"] = "Equal", t.Value
			}
			tols[i] = tol
		}
		spec["tolerations"] = tols
	}
	rf := object("ResourceFlavor", f.Name, "")
	rf["spec"] = spec
	return rf
}

func clusterQueue(s Spec, covered []string) k8sobj.Object {
	flavors := make([]any, len(s.Flavors))
	for i, f := range s.Flavors {
		resources := make([]any, len(covered))
		for j, res := range covered {
			resources[j] = flavorResource(f, res)
		}
		flavors[i] = map[string]any{"name": f.Name, "resources": resources}
	}
	p := s.Preemption
	borrow := map[string]any{"policy": p.BorrowWithinCohort}
	if p.BorrowMaxPriorityThreshold != nil {
		borrow["maxPriorityThreshold"] = *p.BorrowMaxPriorityThreshold
	}
	spec := map[string]any{
		"namespaceSelector": namespaceSelector(s.LocalQueues),
		"queueingStrategy":  s.QueueingStrategy,
		"resourceGroups":    []any{map[string]any{"coveredResources": anyStrings(covered), "flavors": flavors}},
		"preemption": map[string]any{
			"reclaimWithinCohort": p.ReclaimWithinCohort,
			"withinClusterQueue":  p.WithinClusterQueue,
			"borrowWithinCohort":  borrow,
		},
	}
	if s.Cohort != "" {
		spec["cohortName"] = s.Cohort
	}
	if s.WhenCanBorrow != "" || s.WhenCanPreempt != "" {
		fung := map[string]any{}
		if s.WhenCanBorrow != "" {
			fung["whenCanBorrow"] = s.WhenCanBorrow
		}
		if s.WhenCanPreempt != "" {
			fung["whenCanPreempt"] = s.WhenCanPreempt
		}
		spec["flavorFungibility"] = fung
	}
	if pc := s.Provisioning; pc != nil {
		check := map[string]any{"name": pc.Name}
		if len(pc.OnFlavors) > 0 {
			check["onFlavors"] = anyStrings(pc.OnFlavors)
		}
		spec["admissionChecksStrategy"] = map[string]any{"admissionChecks": []any{check}}
	}
	cq := object("ClusterQueue", s.ClusterQueue, "")
	cq["spec"] = spec
	return cq
}

// flavorResource is a flavor's quota for one covered resource: its own
// quota, else the NodePool's limit, else zero (the flavor offers none of
// it, e.g. GPUs on a CPU pool).
func flavorResource(f Flavor, res string) map[string]any {
	out := map[string]any{"name": res, "nominalQuota": "0"}
	if q, ok := f.Quota[res]; ok {
		out["nominalQuota"] = q.Nominal
		if q.Borrowing != nil {
			out["borrowingLimit"] = *q.Borrowing
		}
		if q.Lending != nil {
			out["lendingLimit"] = *q.Lending
		}
	} else if l, ok := f.NodePoolLimits[res]; ok {
		out["nominalQuota"] = l
	}
	return out
}

// namespaceSelector admits workloads from the LocalQueues' namespaces
// only, or from every namespace when none is listed.
func namespaceSelector(queues []LocalQueue) map[string]any {
	if len(queues) == 0 {
		return map[string]any{}
	}
	set := map[string]bool{}
	for _, q := range queues {
		set[q.Namespace] = true
	}
	ns := sortedKeys(set)
	return map[string]any{"matchExpressions": []any{map[string]any{
		"key": "kubernetes.io/metadata.name", "operator": "In", "values": anyStrings(ns),
	}}}
}

// coveredResources is the union of the flavors' resources: cpu and memory
// first, the rest sorted. Every flavor quotes all of them (Kueue requires
// a resource to be covered by one resource group only).
func coveredResources(flavors []Flavor) []string {
	set := map[string]bool{}
	for _, f := range flavors {
		for r := range f.Quota {
			set[r] = true
		}
		for r := range f.NodePoolLimits {
			set[r] = true
		}
	}
	var out []string
	for _, first := range []string{"cpu", "memory"} {
		if set[first] {
			out = append(out, first)
			delete(set, first)
		}
	}
	rest := sortedKeys(set)
	sort.Strings(rest)
	return append(out, rest...)
}
