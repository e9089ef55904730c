package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// The rendering and estimating data sources compute their outputs offline
// from their configuration. These helpers are their shared wiring: decode
// the configuration into the data source's model M, report the pure core's
// problems against the attributes, save the model. Each data source keeps
// its own model, schema, checks and outputs.

// ValidateConfig decodes the configuration into M and reports the problems
// check returns. check returns nil when the values it depends on are not
// known yet (they are checked again at read time).
func ValidateConfig[M any](ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse,
	check func(m *M, diags *diag.Diagnostics) problem.List) {
	if invalidNumbers(ctx, req.Config.Raw, req.Config.Schema.TypeAtTerraformPath) {
		return // the schema validation reports them
	}
	var m M
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	AddProblems(&resp.Diagnostics, check(&m, &resp.Diagnostics))
}

// ValidateRenderedConfig is ValidateConfig for a renderer: it waits until
// every value is known and reports only the errors, since Read reports
// everything and warnings should show once.
func ValidateRenderedConfig[M any](ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse,
	check func(m *M, diags *diag.Diagnostics) problem.List) {
	if !req.Config.Raw.IsFullyKnown() {
		return
	}
	ValidateConfig(ctx, req, resp, func(m *M, diags *diag.Diagnostics) problem.List {
		return errorsOnly(check(m, diags))
	})
}

// ReadComputed decodes the configuration into M, computes the result R
// (its problems become diagnostics; an error stops the read), lets store
// fill M's computed attributes from R, and saves M as the state.
func ReadComputed[M, R any](ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse,
	compute func(m *M, diags *diag.Diagnostics) (R, problem.List), store func(m *M, r R, diags *diag.Diagnostics)) {
	var m M
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r, probs := compute(&m, &resp.Diagnostics)
	AddProblems(&resp.Diagnostics, probs)
	if resp.Diagnostics.HasError() {
		return
	}
	store(&m, r, &resp.Diagnostics)
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

// AnyUnknown reports whether any of values is not known yet, for
// ValidateConfig checks that must wait for them.
func AnyUnknown(values ...attr.Value) bool {
	for _, v := range values {
		if v.IsUnknown() {
			return true
		}
	}
	return false
}
