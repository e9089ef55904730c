package nodereadiness

import (
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// Render validates r and renders the NodeReadinessRule; nothing is rendered
// when there are errors.
func (r Rule) Render() (k8sobj.Object, problem.List) {
	probs := r.Validate()
	if probs.HasErrors() {
		return nil, probs
	}
	d := r.WithDefaults()
	obj := k8sobj.New(APIVersion, Kind, d.Name, "")

	conds := make([]any, 0, len(d.Conditions))
	for _, c := range d.Conditions {
		o := map[string]any{"type": c.Type, "requiredStatus": c.RequiredStatus}
		if c.DefaultStatus != "" {
			o["defaultStatus"] = c.DefaultStatus
		}
		conds = append(conds, o)
	}
	taint := map[string]any{"key": d.Taint.Key, "effect": d.Taint.Effect}
	if d.Taint.Value != "" {
		taint["value"] = d.Taint.Value
	}
	selector := map[string]any{}
	if len(d.NodePools) > 0 {
		selector["matchExpressions"] = []any{map[string]any{
			"key": NodePoolLabel, "operator": "In", "values": k8sobj.Strings(d.NodePools),
		}}
	}
	if len(d.NodeSelector) > 0 {
		labels := map[string]any{}
		for k, v := range d.NodeSelector {
			labels[k] = v
		}
		selector["matchLabels"] = labels
	}
	spec := map[string]any{
		"conditions":      conds,
		"taint":           taint,
		"nodeSelector":    selector,
		"enforcementMode": d.EnforcementMode,
	}
	if d.DryRun {
		spec["dryRun"] = true
	}
	obj["spec"] = spec
	return obj, probs
}
