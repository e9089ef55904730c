// Package estimate holds the cost, latency and strategy data sources and
// the provider functions, computed offline by the pure models in
// internal/core/model.
package estimate

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/latency"

	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

// DataSources lists this package's data sources for the provider.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		newLatencyEstimateDataSource,
		newCostEstimateDataSource,
		newStrategyDataSource,
	}
}

// Functions lists this package's provider functions.
func Functions() []func() function.Function {
	return []func() function.Function{
		newWarmPoolSizeFunction,
		newTierForFunction,
		newMonthlyCostFunction,
	}
}

// Bounds the data sources and functions share.
var (
	replicasType     = framework.WholeNumberType{Min: 0, Max: 1_000_000}
	safetyFactorType = framework.RealNumberType{Min: 0, Max: 1}
)

// boolValue is a model result: nil is null.
func boolValue(p *bool) types.Bool {
	if p == nil {
		return types.BoolNull()
	}
	return types.BoolValue(*p)
}

// Latency stages and ranges, the outputs scaling_latency_estimate and
// scaling_strategy share.

type stageModel struct {
	Name           types.String  `tfsdk:"name"`
	Phase          types.String  `tfsdk:"phase"`
	BestSeconds    types.Float64 `tfsdk:"best_seconds"`
	TypicalSeconds types.Float64 `tfsdk:"typical_seconds"`
	P95Seconds     types.Float64 `tfsdk:"p95_seconds"`
	Note           types.String  `tfsdk:"note"`
}

type rangeModel struct {
	BestSeconds    types.Float64 `tfsdk:"best_seconds"`
	TypicalSeconds types.Float64 `tfsdk:"typical_seconds"`
	P95Seconds     types.Float64 `tfsdk:"p95_seconds"`
}

func toRange(r latency.Range) rangeModel {
	return rangeModel{types.Float64Value(r.Best), types.Float64Value(r.Typical), types.Float64Value(r.P95)}
}

func stageModels(stages []latency.Stage) []stageModel {
	out := make([]stageModel, 0, len(stages))
	for _, s := range stages {
		r := toRange(s.Range)
		out = append(out, stageModel{Name: types.StringValue(s.Name), Phase: types.StringValue(s.Phase),
			BestSeconds: r.BestSeconds, TypicalSeconds: r.TypicalSeconds, P95Seconds: r.P95Seconds, Note: types.StringValue(s.Note)})
	}
	return out
}

func rangeAttributes(what string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"best_seconds":    schema.Float64Attribute{Computed: true, MarkdownDescription: what + " with everything at its fastest."},
		"typical_seconds": schema.Float64Attribute{Computed: true, MarkdownDescription: what + ", typical case."},
		"p95_seconds":     schema.Float64Attribute{Computed: true, MarkdownDescription: what + ", 95th percentile."},
	}
}

// stagesAttribute is the computed list of latency stages (stageModel),
// shared with scaling_strategy; the descriptions differ per data source.
func stagesAttribute(desc, phaseDesc string) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: desc,
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"name":            schema.StringAttribute{Computed: true, MarkdownDescription: "Stage name."},
			"phase":           schema.StringAttribute{Computed: true, MarkdownDescription: phaseDesc},
			"best_seconds":    schema.Float64Attribute{Computed: true, MarkdownDescription: "Fastest case."},
			"typical_seconds": schema.Float64Attribute{Computed: true, MarkdownDescription: "Typical case."},
			"p95_seconds":     schema.Float64Attribute{Computed: true, MarkdownDescription: "95th percentile."},
			"note":            schema.StringAttribute{Computed: true, MarkdownDescription: "What drives this stage's figure."},
		}},
	}
}
