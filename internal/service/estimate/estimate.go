// Package estimate holds the cost, latency and strategy data sources and
// the provider functions, computed offline by the pure models in
// internal/core/model.
package estimate

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/latency"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
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
		newWarmPoolForCoverageFunction,
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

// numberInput is an optional number input whose schema bounds are the
// model's physical bounds, stated at the end of its description (the docs
// list them; out of bounds is a plan-time error on the attribute).
func numberInput(b problem.Bound, desc string) schema.NumberAttribute {
	return schema.NumberAttribute{Optional: true, CustomType: numberType(b), MarkdownDescription: desc + " " + boundText(b)}
}

func numberType(b problem.Bound) basetypes.NumberTypable {
	if b.Whole {
		return framework.WholeNumberType{Min: int64(b.Min), Max: int64(b.Max)}
	}
	return framework.RealNumberType{Min: b.Min, Max: b.Max}
}

func boundText(b problem.Bound) string {
	return "Must be " + b.Describe() + " (" + b.Why + ")."
}

// floatOf is a whole-number input as the model's optional float.
func floatOf(v framework.WholeNumber) *float64 {
	p := v.Int64Pointer()
	if p == nil {
		return nil
	}
	f := float64(*p)
	return &f
}

// Parts of a burst and the queue wait, outputs scaling_latency_estimate
// and scaling_strategy share.

type partModel struct {
	Name           types.String  `tfsdk:"name"`
	Pods           types.Int64   `tfsdk:"pods"`
	Capacity       types.String  `tfsdk:"capacity"`
	BestSeconds    types.Float64 `tfsdk:"best_seconds"`
	TypicalSeconds types.Float64 `tfsdk:"typical_seconds"`
	P95Seconds     types.Float64 `tfsdk:"p95_seconds"`
	DominantStage  types.String  `tfsdk:"dominant_stage"`
}

func partModels(parts []latency.Part) []partModel {
	out := make([]partModel, 0, len(parts))
	for _, p := range parts {
		r := toRange(p.Total)
		out = append(out, partModel{Name: types.StringValue(p.Name), Pods: types.Int64Value(p.Pods), Capacity: types.StringValue(p.Capacity),
			BestSeconds: r.BestSeconds, TypicalSeconds: r.TypicalSeconds, P95Seconds: r.P95Seconds, DominantStage: types.StringValue(p.Dominant)})
	}
	return out
}

func partsAttribute() schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		Computed: true,
		MarkdownDescription: "Where the burst's pods land: one part, or `warm` (the pods the warm capacity holds) and `new_nodes` " +
			"(the rest) side by side, or `running` (replicas already running) before them. The burst is done when its slowest part is: `total` is their element-wise maximum.",
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"name":            schema.StringAttribute{Computed: true, MarkdownDescription: "`all`, `warm`, `new_nodes` or `running`."},
			"pods":            schema.Int64Attribute{Computed: true, MarkdownDescription: "Pods of the burst in this part."},
			"capacity":        schema.StringAttribute{Computed: true, MarkdownDescription: "Where they land (a `capacity` value)."},
			"best_seconds":    schema.Float64Attribute{Computed: true, MarkdownDescription: "This part's time with everything at its fastest."},
			"typical_seconds": schema.Float64Attribute{Computed: true, MarkdownDescription: "This part's typical time."},
			"p95_seconds":     schema.Float64Attribute{Computed: true, MarkdownDescription: "This part's 95th percentile."},
			"dominant_stage":  schema.StringAttribute{Computed: true, MarkdownDescription: "This part's stage with the largest p95."},
		}},
	}
}

func optionalRange(r *latency.Range) *rangeModel {
	if r == nil {
		return nil
	}
	m := toRange(*r)
	return &m
}

func queueWaitAttribute(desc string) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{Computed: true, MarkdownDescription: desc, Attributes: rangeAttributes("Wait")}
}
