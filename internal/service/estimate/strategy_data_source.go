package estimate

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/strategy"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ datasource.DataSourceWithValidateConfig = (*strategyDataSource)(nil)
	_ framework.ComputedModel                 = (*strategyModel)(nil)
)

func newStrategyDataSource() datasource.DataSource { return &strategyDataSource{} }

// strategyDataSource is offline: it needs no AWS client.
type strategyDataSource struct {
	framework.OfflineDataSource[strategyModel, *strategyModel]
}

func (d *strategyDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "scaling_strategy"
}

type strategyModel struct {
	PredictableTraffic     types.Bool            `tfsdk:"predictable_traffic"`
	RequestsCanWait        types.Bool            `tfsdk:"requests_can_wait"`
	BaselineCanRise        types.Bool            `tfsdk:"baseline_can_rise"`
	BatchJobs              types.Bool            `tfsdk:"batch_jobs"`
	MonthlyBudgetUSD       framework.RealNumber  `tfsdk:"monthly_budget_usd"`
	BaselineReplicas       framework.WholeNumber `tfsdk:"baseline_replicas"`
	PeakReplicas           framework.WholeNumber `tfsdk:"peak_replicas"`
	SafetyFactor           framework.RealNumber  `tfsdk:"safety_factor"`
	ObservedBursts         []types.Number        `tfsdk:"observed_bursts"`
	TargetCoverage         framework.RealNumber  `tfsdk:"target_coverage"`
	PodHourUSD             framework.RealNumber  `tfsdk:"pod_hour_usd"`
	PeakHoursPerWeek       framework.RealNumber  `tfsdk:"peak_hours_per_week"`
	TargetP95Seconds       framework.RealNumber  `tfsdk:"target_p95_seconds"`
	ImageSizeMB            framework.RealNumber  `tfsdk:"image_size_mb"`
	ImagePublic            types.Bool            `tfsdk:"image_public"`
	AppStartSeconds        framework.RealNumber  `tfsdk:"app_start_seconds"`
	ReadinessPeriodSeconds framework.WholeNumber `tfsdk:"readiness_period_seconds"`
	HPASyncPeriodSeconds   framework.WholeNumber `tfsdk:"hpa_sync_period_seconds"`
	QueueWaitSeconds       framework.RealNumber  `tfsdk:"queue_wait_seconds"`

	Strategy        types.String  `tfsdk:"strategy"`
	Components      []string      `tfsdk:"components"`
	Reasons         []string      `tfsdk:"reasons"`
	Tier            types.String  `tfsdk:"control_plane_tier"`
	WarmPods        types.Int64   `tfsdk:"warm_pods"`
	WarmMode        types.String  `tfsdk:"warm_mode"`
	ExtraMonthlyUSD types.Float64 `tfsdk:"extra_monthly_usd"`
	WithinBudget    types.Bool    `tfsdk:"within_budget"`
	BurstCoverage   types.Float64 `tfsdk:"burst_coverage"`
	WarmForCoverage types.Int64   `tfsdk:"warm_pods_for_coverage"`
	KueueObjects    []string      `tfsdk:"kueue_objects"`
	Stages          []stageModel  `tfsdk:"stages"`
	Total           *rangeModel   `tfsdk:"total"`
	Parts           []partModel   `tfsdk:"parts"`
	QueueWait       *rangeModel   `tfsdk:"queue_wait"`
	PrescaleLead    *rangeModel   `tfsdk:"prescale_lead"`
	DominantStage   types.String  `tfsdk:"dominant_stage"`
	MeetsSLO        types.Bool    `tfsdk:"meets_slo"`
	Assumptions     []string      `tfsdk:"assumptions"`
	SummaryMarkdown types.String  `tfsdk:"summary_markdown"`
}

func (m *strategyModel) input() (strategy.Input, problem.List) {
	bursts, ps := framework.WholeList("observed_bursts", m.ObservedBursts, sizing.BurstBound)
	return strategy.Input{
		PredictableTraffic:     m.PredictableTraffic.ValueBool(),
		RequestsCanWait:        m.RequestsCanWait.ValueBool(),
		BaselineCanRise:        m.BaselineCanRise.ValueBool(),
		BatchJobs:              m.BatchJobs.ValueBool(),
		MonthlyBudgetUSD:       m.MonthlyBudgetUSD.Float64Pointer(),
		BaselineReplicas:       m.BaselineReplicas.ValueInt64(),
		PeakReplicas:           m.PeakReplicas.ValueInt64(),
		SafetyFactor:           m.SafetyFactor.Float64Pointer(),
		ObservedBursts:         bursts,
		TargetCoverage:         m.TargetCoverage.Float64Pointer(),
		PodHourUSD:             m.PodHourUSD.Float64Pointer(),
		PeakHoursPerWeek:       m.PeakHoursPerWeek.Float64Pointer(),
		TargetP95Seconds:       m.TargetP95Seconds.Float64Pointer(),
		ImageSizeMB:            m.ImageSizeMB.Float64Pointer(),
		ImagePublic:            m.ImagePublic.ValueBool(),
		AppStartSeconds:        m.AppStartSeconds.Float64Pointer(),
		ReadinessPeriodSeconds: floatOf(m.ReadinessPeriodSeconds),
		HPASyncPeriodSeconds:   floatOf(m.HPASyncPeriodSeconds),
		QueueWaitSeconds:       m.QueueWaitSeconds.Float64Pointer(),
	}, ps
}

func (d *strategyDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	bound := strategy.InputBounds
	peak := numberInput(bound["peak_replicas"], "Replicas at peak; the burst is peak - baseline.")
	peak.Optional, peak.Required = false, true
	resp.Schema = schema.Schema{
		MarkdownDescription: "The guide's decision framework at plan time: answer four questions (predictable traffic? can requests wait? " +
			"can the baseline rise? cost limit?) and get the recommended combination of techniques, why, and the scale-out time and monthly cost " +
			"of the path pods really take under that recommendation (the same models as `scaling_latency_estimate` and `scaling_cost_estimate`). Offline.",
		Attributes: map[string]schema.Attribute{
			"predictable_traffic": schema.BoolAttribute{Required: true, MarkdownDescription: "Peaks come at known times (business hours, batch windows, events): pre-scale on a schedule."},
			"requests_can_wait":   schema.BoolAttribute{Required: true, MarkdownDescription: "Requests can be queued and served a minute later: scale on queue depth, no standing capacity."},
			"baseline_can_rise":   schema.BoolAttribute{Required: true, MarkdownDescription: "You can afford to run more replicas all the time (a higher minReplicas)."},
			"batch_jobs":          schema.BoolAttribute{Optional: true, MarkdownDescription: "The work is Jobs (batch, training), not a long-running service. With `requests_can_wait` they are queued in Kueue (`queued_admission`). Default false."},
			"monthly_budget_usd":  numberInput(bound["monthly_budget_usd"], "Cost limit: extra spend per cluster and month on fast scaling (standing capacity + tier above standard). Over it, the framework tries every cheaper option and takes the fastest that fits."),
			"baseline_replicas":   numberInput(bound["baseline_replicas"], "Replicas at baseline (default 0)."),
			"peak_replicas":       peak,
			"safety_factor":       numberInput(bound["safety_factor"], "Share of the burst kept warm (default 0.15, the guide's example; with `observed_bursts` and no safety factor, the coverage sizes the pool)."),
			"observed_bursts": schema.ListAttribute{Optional: true, ElementType: types.NumberType, MarkdownDescription: "Bursts your workload really had, in pods above its baseline " +
				"(e.g. the last 30 daily peaks minus each day's trough; the guide *Choosing warm capacity* shows how to get them from Prometheus or CloudWatch). " +
				"Without `safety_factor` the standing capacity is the smallest that absorbs `target_coverage` of them. " + boundText(sizing.BurstBound) + " Up to 10,000 entries."},
			"target_coverage":          numberInput(bound["target_coverage"], "With `observed_bursts`: the share of them the standing capacity must absorb completely (default 0.9)."),
			"pod_hour_usd":             numberInput(bound["pod_hour_usd"], "Price of one pod-hour (default 0.05, the guide's example)."),
			"peak_hours_per_week":      numberInput(bound["peak_hours_per_week"], "Peak hours a week for time-of-day warm capacity (default 60: 12 h x 5 days)."),
			"target_p95_seconds":       numberInput(bound["target_p95_seconds"], "Optional scale-out SLO (p95); sets `meets_slo`."),
			"image_size_mb":            numberInput(bound["image_size_mb"], "Compressed image size in MB (default 500)."),
			"image_public":             schema.BoolAttribute{Optional: true, MarkdownDescription: "The image comes from a public registry: the recommendation adds an ECR pull-through cache and the estimate pulls through it. Default false (in-region ECR)."},
			"app_start_seconds":        numberInput(bound["app_start_seconds"], "Your app's start time (default 2 s, a placeholder: set yours)."),
			"readiness_period_seconds": numberInput(bound["readiness_period_seconds"], "readinessProbe `periodSeconds` of the workload (default 10, the Kubernetes default)."),
			"hpa_sync_period_seconds": numberInput(bound["hpa_sync_period_seconds"], "HPA sync period to run (EKS's `horizontalPodAutoscalerSyncPeriod`). It applies when the recommended tier is provisioned: "+
				"EKS allows 10-15 s there, 15 s on standard."),
			"queue_wait_seconds": numberInput(bound["queue_wait_seconds"], "With `requests_can_wait`: how long queued work waits for quota other work holds (default 0; yours to estimate)."),

			"strategy": schema.StringAttribute{Computed: true, MarkdownDescription: "`scheduled_prescale`, `queued_admission` (batch Jobs in Kueue), `queue_driven`, `raised_baseline`, `warm_pool` " +
				"or `fast_reactive` (what a tight budget leaves)."},
			"components":         schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "The techniques to combine; each names the provider's data source or resource that renders it."},
			"reasons":            schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "Why, one line per decision, in the order taken."},
			"control_plane_tier": schema.StringAttribute{Computed: true, MarkdownDescription: "Smallest tier whose pod scheduling rate binds the burst within 10 s (or the fastest option the budget allows)."},
			"warm_pods":          schema.Int64Attribute{Computed: true, MarkdownDescription: "Standing capacity: warm pods or extra baseline replicas (0 when none)."},
			"warm_mode":          schema.StringAttribute{Computed: true, MarkdownDescription: "How warm pods are held (`pause_pods` or `capacity_buffer`, as `scaling_warm_pool`'s `mode`); null without warm capacity."},
			"extra_monthly_usd":  schema.Float64Attribute{Computed: true, MarkdownDescription: "Extra per cluster and month: standing capacity + tier above the standard fee."},
			"within_budget":      schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether `extra_monthly_usd` fits `monthly_budget_usd`; null without a budget."},
			"burst_coverage":     schema.Float64Attribute{Computed: true, MarkdownDescription: "The share of `observed_bursts` the standing capacity absorbs completely; null without them."},
			"warm_pods_for_coverage": schema.Int64Attribute{Computed: true, MarkdownDescription: "The smallest standing capacity that absorbs `target_coverage` of `observed_bursts` " +
				"(as `provider::scaling::warm_pool_for_coverage`); null without them."},
			"kueue_objects":  schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "For `queued_admission`: the objects to render with `scaling_kueue_queues`; empty otherwise."},
			"stages":         stagesAttribute("Latency stages of the recommended path's slowest part (as `scaling_latency_estimate`).", "`detect`, `provision` or `pod_start`."),
			"total":          schema.SingleNestedAttribute{Computed: true, MarkdownDescription: "End-to-end scale-out time of the recommended path: the slower of its `parts`.", Attributes: rangeAttributes("End-to-end time")},
			"parts":          partsAttribute(),
			"queue_wait":     queueWaitAttribute("How long queued work waits by design before its pods start (`queue_driven`: messages wait out the scale-out; `queued_admission`: quota and admission), apart from `total`; null otherwise."),
			"prescale_lead":  queueWaitAttribute("For `scheduled_prescale`: how long before a known peak the schedule must start, so the pre-scaled pods are Ready in time (a new-node scale-out of the whole burst); null otherwise."),
			"dominant_stage": schema.StringAttribute{Computed: true, MarkdownDescription: "The stage with the largest p95."},
			"meets_slo":      schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the p95 total is within `target_p95_seconds`; null without a target."},
			"assumptions":    schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "Every default and assumption behind the recommendation and its estimates."},
			"summary_markdown": schema.StringAttribute{Computed: true, MarkdownDescription: "The recommendation as Markdown, fit for a pull-request comment: components, reasons, the estimate " +
				"(with its parts, queue wait or pre-scale lead), cost, coverage and warnings."},
		},
	}
}

// Compute recommends a strategy with its estimates.
func (m *strategyModel) Compute(context.Context, *diag.Diagnostics) problem.List {
	in, probs := m.input()
	if probs.HasErrors() {
		return probs
	}
	rec, probs := strategy.Recommend(in)
	if probs.HasErrors() {
		return probs
	}
	m.Strategy = types.StringValue(rec.Strategy)
	m.Components = rec.Components
	m.Reasons = rec.Reasons
	m.Tier = types.StringValue(rec.Tier)
	m.WarmPods = types.Int64Value(rec.WarmPods)
	m.WarmMode = types.StringNull()
	if rec.WarmMode != "" {
		m.WarmMode = types.StringValue(rec.WarmMode)
	}
	m.ExtraMonthlyUSD = types.Float64Value(rec.ExtraMonthlyUSD)
	m.WithinBudget = boolValue(rec.WithinBudget)
	m.BurstCoverage, m.WarmForCoverage = types.Float64Null(), types.Int64Null()
	if rec.BurstCoverage != nil {
		m.BurstCoverage, m.WarmForCoverage = types.Float64Value(*rec.BurstCoverage), types.Int64Value(*rec.WarmForCoverage)
	}
	m.KueueObjects = append([]string{}, rec.KueueObjects...)
	m.Stages = stageModels(rec.Latency.Stages)
	total := toRange(rec.Latency.Total)
	m.Total = &total
	m.Parts = partModels(rec.Latency.Parts)
	m.QueueWait = optionalRange(rec.QueueWait)
	m.PrescaleLead = optionalRange(rec.PrescaleLead)
	m.DominantStage = types.StringValue(rec.Latency.Dominant)
	m.MeetsSLO = boolValue(rec.Latency.MeetsSLO)
	m.Assumptions = rec.Assumptions
	m.SummaryMarkdown = types.StringValue(rec.Markdown("Recommended scaling strategy"))
	return probs
}
