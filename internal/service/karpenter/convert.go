package karpenter

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
	"github.com/scalingkit/terraform-provider-scaling/internal/render/k8sobj"
	"github.com/scalingkit/terraform-provider-scaling/internal/render/problem"
)

// Small conversions between Terraform values and the renderers' plain Go.
// Null lists stay nil (the renderer's default applies); an empty list stays
// empty (no requirement).

func int64Ptr(v types.Int64) *int64 {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	i := v.ValueInt64()
	return &i
}

func boolPtr(v types.Bool) *bool {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	b := v.ValueBool()
	return &b
}

func strPtr(v types.String) *string {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	s := v.ValueString()
	return &s
}

func stringMap(ctx context.Context, m types.Map, diags *diag.Diagnostics) map[string]string {
	if m.IsNull() || m.IsUnknown() {
		return nil
	}
	out := map[string]string{}
	diags.Append(m.ElementsAs(ctx, &out, false)...)
	return out
}

func stringList(ctx context.Context, l types.List, diags *diag.Diagnostics) []string {
	if l.IsNull() || l.IsUnknown() {
		return nil
	}
	out := []string{}
	diags.Append(l.ElementsAs(ctx, &out, false)...)
	return out
}

// errorsOnly keeps the errors: ValidateConfig reports those, Read reports
// everything (so warnings show once).
func errorsOnly(probs problem.List) problem.List {
	var out problem.List
	for _, p := range probs {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// objectOutputs renders one object as manifest, yaml and json.
func objectOutputs(obj k8sobj.Object) (types.Dynamic, types.String, types.String, error) {
	dyn, err := framework.ToDynamic(map[string]any(obj))
	if err != nil {
		return types.DynamicNull(), types.StringNull(), types.StringNull(), err
	}
	y, err := k8sobj.YAML(obj)
	if err != nil {
		return types.DynamicNull(), types.StringNull(), types.StringNull(), err
	}
	j, err := k8sobj.JSON(obj)
	if err != nil {
		return types.DynamicNull(), types.StringNull(), types.StringNull(), err
	}
	return dyn, types.StringValue(y), types.StringValue(j), nil
}
