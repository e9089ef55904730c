package estimate

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/strategy"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var _ datasource.DataSourceWithValidateConfig = (*strategyDataSource)(nil)

func newStrategyDataSource() datasource.DataSource { return &strategyDataSource{} }

// strategyDataSource is offline: it needs no AWS client.
type strategyDataSource struct{}

func (d *strategyDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "scaling_strategy"
}

type strategyModel struct {
	PredictableTraffic types.Bool            `tfsdk:"predictable_traffic"`
	RequestsCanWait    types.Bool            `tfsdk:"requests_can_wait"`
	BaselineCanRise    types.Bool            `tfsdk:"baseline_can_rise"`
	MonthlyBudgetUSD   framework.RealNumber  `tfsdk:"monthly_budget_usd"`
	BaselineReplicas   framework.WholeNumber `tfsdk:"baseline_replicas"`
	PeakReplicas       framework.WholeNumber `tfsdk:"peak_replicas"`
	SafetyFactor       framework.RealNumber  `tfsdk:"safety_factor"`
	PodHourUSD         framework.RealNumber  `tfsdk:"pod_hour_usd"`
	PeakHoursPerWeek   framework.RealNumber  `tfsdk:"peak_hours_per_week"`
	TargetP95Seconds   framework.RealNumber  `tfsdk:"target_p95_seconds"`
	ImageSizeMB        framework.RealNumber  `tfsdk:"image_size_mb"`

	Strategy        types.String  `tfsdk:"strategy"`
	Components      []string      `tfsdk:"components"`
	Reasons         []string      `tfsdk:"reasons"`
	Tier            types.String  `tfsdk:"control_plane_tier"`
	WarmPods        types.Int64   `tfsdk:"warm_pods"`
	ExtraMonthlyUSD types.Float64 `tfsdk:"extra_monthly_usd"`
	WithinBudget    types.Bool    `tfsdk:"within_budget"`
	Stages          []stageModel  `tfsdk:"stages"`
	Total           *rangeModel   `tfsdk:"total"`
	DominantStage   types.String  `tfsdk:"dominant_stage"`
	MeetsSLO        types.Bool    `tfsdk:"meets_slo"`
	Assumptions     []string      `tfsdk:"assumptions"`
	SummaryMarkdown types.String  `tfsdk:"summary_markdown"`
}

func (m strategyModel) input() strategy.Input {
	return strategy.Input{
		PredictableTraffic: m.PredictableTraffic.ValueBool(),
		RequestsCanWait:    m.RequestsCanWait.ValueBool(),
		BaselineCanRise:    m.BaselineCanRise.ValueBool(),
		MonthlyBudgetUSD:   m.MonthlyBudgetUSD.Float64Pointer(),
		BaselineReplicas:   m.BaselineReplicas.ValueInt64(),
		PeakReplicas:       m.PeakReplicas.ValueInt64(),
		SafetyFactor:       m.SafetyFactor.Float64Pointer(),
		PodHourUSD:         m.PodHourUSD.Float64Pointer(),
		PeakHoursPerWeek:   m.PeakHoursPerWeek.Float64Pointer(),
		TargetP95Seconds:   m.TargetP95Seconds.Float64Pointer(),
		ImageSizeMB:        m.ImageSizeMB.Float64Pointer(),
	}
}

func (d *strategyDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The guide's decision framework at plan time: answer four questions (predictable traffic? can requests wait? " +
			"can the baseline rise? cost limit?) and get the recommended combination of techniques, why, and its estimated " +
			"scale-out time and monthly cost (the same models as `scaling_latency_estimate` and `scaling_cost_estimate`). Offline.",
		Attributes: map[string]schema.Attribute{
			"predictable_traffic": schema.BoolAttribute{Required: true, MarkdownDescription: "Peaks come at known times (business hours, batch windows, events): pre-scale on a schedule."},
			"requests_can_wait":   schema.BoolAttribute{Required: true, MarkdownDescription: "Requests can be queued and served a minute later: scale on queue depth, no standing capacity."},
			"baseline_can_rise":   schema.BoolAttribute{Required: true, MarkdownDescription: "You can afford to run more replicas all the time (a higher minReplicas)."},
			"monthly_budget_usd":  schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 1_000_000_000}, MarkdownDescription: "Cost limit: extra spend per cluster and month on fast scaling (standing capacity + tier above standard). Over it, the framework falls back to cheaper techniques."},
			"baseline_replicas":   schema.NumberAttribute{Optional: true, CustomType: replicasType, MarkdownDescription: "Replicas at baseline (default 0)."},
			"peak_replicas":       schema.NumberAttribute{Required: true, CustomType: replicasType, MarkdownDescription: "Replicas at peak; the burst is peak - baseline."},
			"safety_factor":       schema.NumberAttribute{Optional: true, CustomType: safetyFactorType, MarkdownDescription: "Share of the burst kept warm, in (0, 1] (default 0.15, the guide's example)."},
			"pod_hour_usd":        schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 1000}, MarkdownDescription: "Price of one pod-hour (default 0.05, the guide's example)."},
			"peak_hours_per_week": schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 168}, MarkdownDescription: "Peak hours a week for time-of-day warm capacity (default 60: 12 h x 5 days)."},
			"target_p95_seconds":  schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 86_400}, MarkdownDescription: "Optional scale-out SLO (p95); sets `meets_slo`."},
			"image_size_mb":       schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 100_000}, MarkdownDescription: "Compressed image size in MB (default 500)."},

			"strategy":           schema.StringAttribute{Computed: true, MarkdownDescription: "`scheduled_prescale`, `queue_driven`, `raised_baseline`, `warm_pool` or `fast_reactive` (what a tight budget leaves)."},
			"components":         schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "The techniques to combine; each maps to this provider's data sources and resources."},
			"reasons":            schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "Why, one line per decision, in the order taken."},
			"control_plane_tier": schema.StringAttribute{Computed: true, MarkdownDescription: "Smallest tier whose pod scheduling rate binds the burst within 10 s (unless over budget)."},
			"warm_pods":          schema.Int64Attribute{Computed: true, MarkdownDescription: "Standing capacity: warm pods or extra baseline replicas (0 when none)."},
			"extra_monthly_usd":  schema.Float64Attribute{Computed: true, MarkdownDescription: "Extra per cluster and month: standing capacity + tier above the standard fee."},
			"within_budget":      schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether `extra_monthly_usd` fits `monthly_budget_usd`; null without a budget."},
			"stages":             stagesAttribute("Latency stages of the recommended path (as `scaling_latency_estimate`).", "`detect`, `provision` or `pod_start`."),
			"total":              schema.SingleNestedAttribute{Computed: true, MarkdownDescription: "End-to-end scale-out time of the recommended path.", Attributes: rangeAttributes("End-to-end time")},
			"dominant_stage":     schema.StringAttribute{Computed: true, MarkdownDescription: "The stage with the largest p95."},
			"meets_slo":          schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the p95 total is within `target_p95_seconds`; null without a target."},
			"assumptions":        schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "Every default and assumption behind the recommendation and its estimates."},
			"summary_markdown":   schema.StringAttribute{Computed: true, MarkdownDescription: "The recommendation as Markdown, fit for a pull-request comment."},
		},
	}
}

// Compute recommends a strategy with its estimates.
func (m *strategyModel) Compute(context.Context, *diag.Diagnostics) problem.List {
	rec, probs := strategy.Recommend(m.input())
	if probs.HasErrors() {
		return probs
	}
	m.Strategy = types.StringValue(rec.Strategy)
	m.Components = rec.Components
	m.Reasons = rec.Reasons
	m.Tier = types.StringValue(rec.Tier)
	m.WarmPods = types.Int64Value(rec.WarmPods)
	m.ExtraMonthlyUSD = types.Float64Value(rec.ExtraMonthlyUSD)
	m.WithinBudget = boolValue(rec.WithinBudget)
	m.Stages = stageModels(rec.Latency.Stages)
	total := toRange(rec.Latency.Total)
	m.Total = &total
	m.DominantStage = types.StringValue(rec.Latency.Dominant)
	m.MeetsSLO = boolValue(rec.Latency.MeetsSLO)
	m.Assumptions = rec.Assumptions
	m.SummaryMarkdown = types.StringValue(rec.Markdown("Recommended scaling strategy"))
	return probs
}

func (d *strategyDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	framework.ValidateConfig[strategyModel](ctx, req, resp)
}

func (d *strategyDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.Read[strategyModel](ctx, req, resp)
}
