package karpenterv1

import (
	"strconv"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// Render validates np and renders the NodePool. It renders nothing when
// there are errors.
func (np NodePool) Render() (k8sobj.Object, problem.List) {
	probs := np.Validate()
	if probs.HasErrors() {
		return nil, probs
	}
	np = np.WithDefaults()
	obj := k8sobj.New(NodePoolAPIVersion, "NodePool", np.Name, "")

	tmplSpec := map[string]any{
		"nodeClassRef": map[string]any{
			"group": np.NodeClass.Group,
			"kind":  np.NodeClass.Kind,
			"name":  np.NodeClass.Name,
		},
		"requirements": requirementsObj(np.Requirements.rendered(np.LabelKeys())),
	}
	if len(np.Taints) > 0 {
		tmplSpec["taints"] = taintsObj(np.Taints)
	}
	if len(np.StartupTaints) > 0 {
		tmplSpec["startupTaints"] = taintsObj(np.StartupTaints)
	}
	if np.ExpireAfter != nil {
		tmplSpec["expireAfter"] = *np.ExpireAfter
	}
	if np.TerminationGracePeriod != nil {
		tmplSpec["terminationGracePeriod"] = *np.TerminationGracePeriod
	}
	tmpl := map[string]any{"spec": tmplSpec}
	meta := map[string]any{}
	k8sobj.SetStringMap(meta, "labels", np.Labels)
	k8sobj.SetStringMap(meta, "annotations", np.Annotations)
	if len(meta) > 0 {
		tmpl["metadata"] = meta
	}

	disruption := map[string]any{
		"consolidationPolicy": np.Disruption.ConsolidationPolicy,
		"consolidateAfter":    *np.Disruption.ConsolidateAfter,
	}
	if np.Disruption.Budgets != nil {
		budgets := make([]any, 0, len(np.Disruption.Budgets))
		for _, b := range np.Disruption.Budgets {
			nodes := b.Nodes
			if nodes == "" {
				nodes = "10%"
			}
			bo := map[string]any{"nodes": nodes}
			if b.Schedule != "" {
				bo["schedule"] = b.Schedule
				bo["duration"] = b.Duration
			}
			if len(b.Reasons) > 0 {
				bo["reasons"] = k8sobj.Strings(b.Reasons)
			}
			budgets = append(budgets, bo)
		}
		disruption["budgets"] = budgets
	}

	spec := map[string]any{"template": tmpl, "disruption": disruption}
	k8sobj.SetStringMap(spec, "limits", np.Limits)
	if np.Weight != nil {
		spec["weight"] = *np.Weight
	}
	obj["spec"] = spec
	return obj, probs
}

// rendered lists the requirements in a stable order: typed ones first,
// then the custom ones as given.
func (r Requirements) rendered(keys LabelKeys) []Requirement {
	var out []Requirement
	in := func(key string, values []string) {
		if len(values) > 0 {
			out = append(out, Requirement{Key: key, Operator: "In", Values: values})
		}
	}
	in(keys.Category, r.InstanceCategories)
	in(keys.Family, r.InstanceFamilies)
	in(LabelInstanceType, r.InstanceTypes)
	in(keys.Size, r.InstanceSizes)
	if r.MinInstanceGeneration != nil {
		out = append(out, Requirement{Key: keys.Generation, Operator: "Gt", Values: []string{strconv.FormatInt(*r.MinInstanceGeneration-1, 10)}})
	}
	in(LabelCapacityType, r.CapacityTypes)
	in(LabelArch, r.Architectures)
	in(LabelZone, r.Zones)
	return append(out, r.Custom...)
}

func requirementsObj(reqs []Requirement) []any {
	out := make([]any, 0, len(reqs))
	for _, r := range reqs {
		o := map[string]any{"key": r.Key, "operator": r.Operator}
		if len(r.Values) > 0 {
			o["values"] = k8sobj.Strings(r.Values)
		}
		if r.MinValues != nil {
			o["minValues"] = *r.MinValues
		}
		out = append(out, o)
	}
	return out
}

func taintsObj(taints []Taint) []any {
	out := make([]any, 0, len(taints))
	for _, t := range taints {
		o := map[string]any{"key": t.Key, "effect": t.Effect}
		if t.Value != "" {
			o["value"] = t.Value
		}
		out = append(out, o)
	}
	return out
}
