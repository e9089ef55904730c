package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// ComputedModel is the model of an offline data source: its configuration
// is all a pure core needs.
type ComputedModel interface {
	// Compute runs the core on the model's configuration, fills the
	// model's computed attributes and returns the core's problems. The
	// configuration it sees is fully known and its numbers in bounds.
	// When a problem is an error the computed attributes are not saved.
	Compute(ctx context.Context, diags *diag.Diagnostics) problem.List
}

// ValidateConfig reports the errors Compute finds in the configuration
// at validate time, so a bad input fails the plan naming the attribute.
// It waits until every value is known (Read checks again then) and until
// the numbers are in bounds (the schema validation reports those).
// Warnings wait for Read, so that they show once.
func ValidateConfig[M any, PM interface {
	*M
	ComputedModel
}](ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	if !req.Config.Raw.IsFullyKnown() || invalidNumbers(ctx, req.Config.Raw, req.Config.Schema.TypeAtTerraformPath) {
		return
	}
	var m M
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var diags diag.Diagnostics
	probs := PM(&m).Compute(ctx, &diags)
	resp.Diagnostics.Append(diags.Errors()...)
	addProblems(ctx, &resp.Diagnostics, req.Config.Schema, errorsOnly(probs))
}

// Read computes the model from the configuration and saves it as the
// data source's state, reporting every problem (warnings too).
func Read[M any, PM interface {
	*M
	ComputedModel
}](ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m M
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	addProblems(ctx, &resp.Diagnostics, req.Config.Schema, PM(&m).Compute(ctx, &resp.Diagnostics))
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func errorsOnly(probs problem.List) problem.List {
	var out problem.List
	for _, p := range probs {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}
