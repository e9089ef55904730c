package workload

import (
	"context"
	"math"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
	"github.com/scalingkit/terraform-provider-scaling/internal/render/k8sobj"
	"github.com/scalingkit/terraform-provider-scaling/internal/render/problem"
)

// Small conversions between Terraform values and the renderers' plain Go.

func int64Ptr(v types.Int64) *int64 {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	i := v.ValueInt64()
	return &i
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
	var out []string
	diags.Append(l.ElementsAs(ctx, &out, false)...)
	return out
}

// float64OrNull is a computed float that is null when not known.
func float64OrNull(ok bool, v float64) types.Float64 {
	if !ok {
		return types.Float64Null()
	}
	// Drop float noise (15 x 0.05 x 720 = 540.0000000000001) so outputs
	// read as the figures they are.
	return types.Float64Value(math.Round(v*1e9) / 1e9)
}

// renderedOutputs turns objects into the manifests (tuple), yaml and json
// outputs.
func renderedOutputs(objs []k8sobj.Object) (types.Dynamic, string, string, error) {
	list := make([]any, len(objs))
	for i, o := range objs {
		list[i] = o
	}
	dyn, err := framework.ToDynamic(list)
	if err != nil {
		return types.DynamicNull(), "", "", err
	}
	y, err := k8sobj.MultiYAML(objs)
	if err != nil {
		return types.DynamicNull(), "", "", err
	}
	j, err := k8sobj.JSON(list)
	if err != nil {
		return types.DynamicNull(), "", "", err
	}
	return dyn, y, j, nil
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

func toDynamicObject(o k8sobj.Object) (types.Dynamic, error) {
	return framework.ToDynamic(map[string]any(o))
}
