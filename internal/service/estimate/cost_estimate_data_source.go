package estimate

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/cost"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ datasource.DataSourceWithValidateConfig = (*costEstimateDataSource)(nil)
	_ framework.ComputedModel                 = (*costEstimateModel)(nil)
)

func newCostEstimateDataSource() datasource.DataSource { return &costEstimateDataSource{} }

// costEstimateDataSource is offline: it needs no AWS client.
type costEstimateDataSource struct {
	framework.OfflineDataSource[costEstimateModel, *costEstimateModel]
}

func (d *costEstimateDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "scaling_cost_estimate"
}

type costEstimateModel struct {
	ControlPlaneTier             types.String          `tfsdk:"control_plane_tier"`
	TierHourlyUSD                framework.RealNumber  `tfsdk:"tier_hourly_usd"`
	WarmBaselineReplicas         framework.WholeNumber `tfsdk:"warm_baseline_replicas"`
	WarmPeakReplicas             framework.WholeNumber `tfsdk:"warm_peak_replicas"`
	WarmSafetyFactor             framework.RealNumber  `tfsdk:"warm_safety_factor"`
	WarmBasis                    types.String          `tfsdk:"warm_basis"`
	WarmPods                     framework.WholeNumber `tfsdk:"warm_pods"`
	WarmPodHourUSD               framework.RealNumber  `tfsdk:"warm_pod_hour_usd"`
	WarmInstanceHourlyUSD        framework.RealNumber  `tfsdk:"warm_instance_hourly_usd"`
	WarmPodsPerInstance          framework.RealNumber  `tfsdk:"warm_pods_per_instance"`
	WarmHoursPerWeek             framework.RealNumber  `tfsdk:"warm_hours_per_week"`
	CustomMetrics                framework.WholeNumber `tfsdk:"custom_metrics"`
	MetricPublishIntervalSeconds framework.RealNumber  `tfsdk:"metric_publish_interval_seconds"`
	MetricsPerPutRequest         framework.WholeNumber `tfsdk:"metrics_per_put_request"`
	MetricReadIntervalSeconds    framework.RealNumber  `tfsdk:"metric_read_interval_seconds"`
	StreamMetrics                framework.WholeNumber `tfsdk:"stream_metrics"`
	HighResolutionAlarms         framework.WholeNumber `tfsdk:"high_resolution_alarms"`
	StandardAlarms               framework.WholeNumber `tfsdk:"standard_alarms"`
	Clusters                     framework.WholeNumber `tfsdk:"clusters"`
	Regions                      framework.WholeNumber `tfsdk:"regions"`
	MonthlyBudgetUSD             framework.RealNumber  `tfsdk:"monthly_budget_usd"`

	Items                       []costItemModel `tfsdk:"items"`
	WarmPodsResolved            types.Int64     `tfsdk:"warm_pods_resolved"`
	ControlPlaneMonthlyUSD      types.Float64   `tfsdk:"control_plane_monthly_usd"`
	ControlPlaneExtraMonthlyUSD types.Float64   `tfsdk:"control_plane_extra_monthly_usd"`
	PerClusterMonthlyUSD        types.Float64   `tfsdk:"per_cluster_monthly_usd"`
	FleetMonthlyUSD             types.Float64   `tfsdk:"fleet_monthly_usd"`
	WithinBudget                types.Bool      `tfsdk:"within_budget"`
	Assumptions                 []string        `tfsdk:"assumptions"`
	SummaryMarkdown             types.String    `tfsdk:"summary_markdown"`
}

type costItemModel struct {
	Name          types.String  `tfsdk:"name"`
	PerClusterUSD types.Float64 `tfsdk:"per_cluster_monthly_usd"`
	FleetUSD      types.Float64 `tfsdk:"fleet_monthly_usd"`
	Formula       types.String  `tfsdk:"formula"`
	Source        types.String  `tfsdk:"source"`
}

func (m costEstimateModel) input() cost.Input {
	in := cost.Input{
		Tier:          m.ControlPlaneTier.ValueString(),
		TierHourlyUSD: m.TierHourlyUSD.Float64Pointer(),
		WarmPods:      m.WarmPods.Int64Pointer(),
		PodHour: sizing.PodHourPrice{PerPodHour: m.WarmPodHourUSD.ValueFloat64(),
			InstanceHourly: m.WarmInstanceHourlyUSD.ValueFloat64(), PodsPerInstance: m.WarmPodsPerInstance.ValueFloat64()},
		WarmHoursPerWeek:       m.WarmHoursPerWeek.Float64Pointer(),
		CustomMetrics:          m.CustomMetrics.ValueInt64(),
		PublishIntervalSeconds: m.MetricPublishIntervalSeconds.Float64Pointer(),
		MetricsPerPutRequest:   m.MetricsPerPutRequest.Int64Pointer(),
		ReadIntervalSeconds:    m.MetricReadIntervalSeconds.Float64Pointer(),
		StreamMetrics:          m.StreamMetrics.ValueInt64(),
		HighResolutionAlarms:   m.HighResolutionAlarms.ValueInt64(),
		StandardAlarms:         m.StandardAlarms.ValueInt64(),
		Clusters:               m.Clusters.Int64Pointer(),
		Regions:                m.Regions.Int64Pointer(),
		BudgetUSD:              m.MonthlyBudgetUSD.Float64Pointer(),
	}
	if !m.WarmPeakReplicas.IsNull() {
		basis := sizing.Basis(m.WarmBasis.ValueString())
		if basis == "" {
			basis = sizing.BasisPeakDelta
		}
		safety := m.WarmSafetyFactor.ValueFloat64()
		if m.WarmSafetyFactor.IsNull() {
			safety = defaultSafetyFactor
		}
		in.Warm = &sizing.Input{BaselineReplicas: m.WarmBaselineReplicas.ValueInt64(), PeakReplicas: m.WarmPeakReplicas.ValueInt64(),
			SafetyFactor: safety, Basis: basis}
	}
	return in
}

// defaultSafetyFactor is the guide's 15 %.
const defaultSafetyFactor = sizing.GuideSafetyFactor

func (d *costEstimateDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Plan-time monthly cost of a fast-scaling setup: the control-plane tier (730 h month), warm capacity " +
			"(the guide's `ceil(basis x safety)` pods over a 720 h month), and CloudWatch high-resolution custom metrics, " +
			"PutMetricData/GetMetricData requests, metric streams and alarms, standard and high-resolution (us-east-1 list prices), " +
			"per cluster and for a fleet of `clusters` x `regions`. Offline: no AWS call.",
		Attributes: map[string]schema.Attribute{
			"control_plane_tier":     schema.StringAttribute{Optional: true, MarkdownDescription: fmt.Sprintf("EKS control-plane tier: one of %s (default `standard`).", framework.Quoted(tiers.Names))},
			"tier_hourly_usd":        schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 1000}, MarkdownDescription: "Hourly cluster price on the tier, overriding the launch price (your region, discounts). Required for `tier-8xl`, which has no published price."},
			"warm_baseline_replicas": schema.NumberAttribute{Optional: true, CustomType: replicasType, MarkdownDescription: "Baseline replicas of the workload the warm pool serves (default 0). Used with `warm_peak_replicas`."},
			"warm_peak_replicas":     schema.NumberAttribute{Optional: true, CustomType: replicasType, MarkdownDescription: "Peak replicas. Setting it sizes the warm pool as `ceil(basis x warm_safety_factor)`."},
			"warm_safety_factor":     schema.NumberAttribute{Optional: true, CustomType: safetyFactorType, MarkdownDescription: fmt.Sprintf("Share of the basis kept warm, in (0, 1] (default %g, the guide's example).", defaultSafetyFactor)},
			"warm_basis": schema.StringAttribute{Optional: true, MarkdownDescription: fmt.Sprintf("`%s` (peak - baseline, the guide's formula, default) or `%s` (what the guide's cost table used).",
				sizing.BasisPeakDelta, sizing.BasisPeak)},
			"warm_pods":                       schema.NumberAttribute{Optional: true, CustomType: replicasType, MarkdownDescription: "Warm pods, when you know the number (instead of the `warm_*_replicas` figures)."},
			"warm_pod_hour_usd":               schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 1000}, MarkdownDescription: "Price of one warm pod-hour, e.g. 0.05 (the guide's example)."},
			"warm_instance_hourly_usd":        schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 1000}, MarkdownDescription: "Instead of `warm_pod_hour_usd`: the warm nodes' instance hourly price ..."},
			"warm_pods_per_instance":          schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 1000}, MarkdownDescription: "... and how many warm pods fit on one instance."},
			"warm_hours_per_week":             schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 168}, MarkdownDescription: "Hours a week the warm pool runs (time-of-day sizing); default always (168)."},
			"custom_metrics":                  schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 0, Max: 100_000_000}, MarkdownDescription: "CloudWatch custom metrics the scaling reads (high resolution costs the same per metric as standard). Default 0."},
			"metric_publish_interval_seconds": schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 86_400}, MarkdownDescription: fmt.Sprintf("How often each metric is put (default %gs; 1 or 10 for high resolution).", cost.DefaultPublishInterval)},
			"metrics_per_put_request":         schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 1, Max: 1000}, MarkdownDescription: "Metrics batched into one PutMetricData call, 1-1000 (default 1, the expensive case)."},
			"metric_read_interval_seconds":    schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 86_400}, MarkdownDescription: fmt.Sprintf("How often each metric is read with GetMetricData (default %gs, the HPA sync period).", cost.DefaultReadInterval)},
			"stream_metrics":                  schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 0, Max: 100_000_000}, MarkdownDescription: "Metrics sent through CloudWatch metric streams (one update a minute each). Default 0."},
			"high_resolution_alarms":          schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 0, Max: 1_000_000}, MarkdownDescription: fmt.Sprintf("High-resolution alarms (10 s or 30 s periods), $%.2f an alarm metric-month each, e.g. `scaling_alert_rules`' `high_resolution_alarm_count`. Default 0.", cost.HighResolutionAlarm)},
			"standard_alarms": schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 0, Max: 1_000_000}, MarkdownDescription: fmt.Sprintf("Standard-resolution alarms (60 s periods or longer), $%.2f an alarm metric-month each "+
				"(an alarm on one metric is one alarm metric; the free tier's 10 are not deducted), e.g. `scaling_alert_rules`' `alarm_count - high_resolution_alarm_count`. Default 0.", cost.StandardAlarm)},
			"clusters":           schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 1, Max: 10_000}, MarkdownDescription: "Clusters per region (default 1)."},
			"regions":            schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 1, Max: 50}, MarkdownDescription: "Regions (default 1)."},
			"monthly_budget_usd": schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 1_000_000_000}, MarkdownDescription: "Optional budget per cluster and month; sets `within_budget`."},
			"items": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "One line per cost: `control_plane`, `warm_capacity`, `custom_metrics`, `put_metric_data`, `get_metric_data`, `metric_streams`, `high_resolution_alarms`, `standard_alarms` (those that apply).",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":                    schema.StringAttribute{Computed: true, MarkdownDescription: "Line item."},
					"per_cluster_monthly_usd": schema.Float64Attribute{Computed: true, MarkdownDescription: "USD per cluster and month."},
					"fleet_monthly_usd":       schema.Float64Attribute{Computed: true, MarkdownDescription: "USD per month for the fleet (custom metrics tiered per region)."},
					"formula":                 schema.StringAttribute{Computed: true, MarkdownDescription: "The arithmetic, with the figures used."},
					"source":                  schema.StringAttribute{Computed: true, MarkdownDescription: "Where the price comes from."},
				}},
			},
			"warm_pods_resolved":              schema.Int64Attribute{Computed: true, MarkdownDescription: "Warm pods priced (0 without warm capacity)."},
			"control_plane_monthly_usd":       schema.Float64Attribute{Computed: true, MarkdownDescription: "Control-plane price per cluster and month (hourly x 730)."},
			"control_plane_extra_monthly_usd": schema.Float64Attribute{Computed: true, MarkdownDescription: "What the tier adds over the standard $0.10/h fee, per cluster and month."},
			"per_cluster_monthly_usd":         schema.Float64Attribute{Computed: true, MarkdownDescription: "Total per cluster and month."},
			"fleet_monthly_usd":               schema.Float64Attribute{Computed: true, MarkdownDescription: "Total for clusters x regions per month."},
			"within_budget":                   schema.BoolAttribute{Computed: true, MarkdownDescription: "Per-cluster total within `monthly_budget_usd`; null without a budget."},
			"assumptions":                     schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "Every price, month length and exclusion the estimate relied on."},
			"summary_markdown":                schema.StringAttribute{Computed: true, MarkdownDescription: "The bill as Markdown, fit for a pull-request comment."},
		},
	}
}

// warmInputsAlone reports the warm_* inputs that size the warm pool only
// with warm_peak_replicas, set without it.
func (m costEstimateModel) warmInputsAlone() problem.List {
	var ps problem.List
	if m.WarmPeakReplicas.IsNull() {
		for _, a := range []struct {
			attr string
			v    interface{ IsNull() bool }
		}{{"warm_baseline_replicas", m.WarmBaselineReplicas}, {"warm_safety_factor", m.WarmSafetyFactor}, {"warm_basis", m.WarmBasis}} {
			if !a.v.IsNull() {
				ps.Addf(problem.Path{a.attr}, "%s sizes the warm pool only with warm_peak_replicas: set warm_peak_replicas too, or use warm_pods", a.attr)
			}
		}
	}
	return ps
}

// Compute prices the setup.
func (m *costEstimateModel) Compute(context.Context, *diag.Diagnostics) problem.List {
	probs := m.warmInputsAlone()
	res, estimateProbs := cost.Estimate(m.input())
	probs = append(probs, estimateProbs...)
	if probs.HasErrors() {
		return probs
	}
	m.Items = make([]costItemModel, 0, len(res.Items))
	for _, it := range res.Items {
		m.Items = append(m.Items, costItemModel{Name: types.StringValue(it.Name), PerClusterUSD: types.Float64Value(it.PerCluster),
			FleetUSD: types.Float64Value(it.Fleet), Formula: types.StringValue(it.Formula), Source: types.StringValue(it.Source)})
	}
	m.WarmPodsResolved = types.Int64Value(res.WarmPods)
	m.ControlPlaneMonthlyUSD = types.Float64Value(res.TierMonthly)
	m.ControlPlaneExtraMonthlyUSD = types.Float64Value(res.TierExtraOverStd)
	m.PerClusterMonthlyUSD = types.Float64Value(res.PerCluster)
	m.FleetMonthlyUSD = types.Float64Value(res.Fleet)
	m.WithinBudget = boolValue(res.WithinBudget)
	m.Assumptions = res.Assumptions
	m.SummaryMarkdown = types.StringValue(res.Markdown("Monthly cost estimate"))
	return probs
}
