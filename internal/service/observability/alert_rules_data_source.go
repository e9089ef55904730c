package observability

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/alerts"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ datasource.DataSourceWithValidateConfig = (*alertRulesDataSource)(nil)
	_ framework.ComputedModel                 = (*alertRulesModel)(nil)
)

func newAlertRulesDataSource() datasource.DataSource { return &alertRulesDataSource{} }

type alertRulesDataSource struct {
	framework.OfflineDataSource[alertRulesModel, *alertRulesModel]
}

func (d *alertRulesDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "scaling_alert_rules"
}

type alertRulesModel struct {
	Name                  types.String          `tfsdk:"name"`
	Namespace             types.String          `tfsdk:"namespace"`
	Labels                types.Map             `tfsdk:"labels"`
	ClusterName           types.String          `tfsdk:"cluster_name"`
	TargetP95Seconds      framework.RealNumber  `tfsdk:"target_p95_seconds"`
	DetectionSeconds      framework.RealNumber  `tfsdk:"detection_seconds"`
	PendingSeconds        framework.WholeNumber `tfsdk:"pending_seconds"`
	Window                types.String          `tfsdk:"window"`
	Workload              *workloadModel        `tfsdk:"workload"`
	WarmPool              *warmPoolModel        `tfsdk:"warm_pool"`
	SpotInterruptionRatio framework.RealNumber  `tfsdk:"spot_interruption_ratio"`
	ProvisioningErrors    framework.WholeNumber `tfsdk:"provisioning_errors"`
	PricePerPodHour       framework.RealNumber  `tfsdk:"price_per_pod_hour"`
	CostTolerance         framework.RealNumber  `tfsdk:"cost_tolerance"`
	NodePools             types.List            `tfsdk:"node_pools"`
	ExtraRules            []extraRuleModel      `tfsdk:"extra_rule"`

	Rules                    []ruleModel           `tfsdk:"rules"`
	RuleCount                types.Int64           `tfsdk:"rule_count"`
	SkippedKPIs              []skippedModel        `tfsdk:"skipped_kpis"`
	CloudWatchAlarms         map[string]alarmModel `tfsdk:"cloudwatch_alarms"`
	CloudWatchSkippedKPIs    []skippedModel        `tfsdk:"cloudwatch_skipped_kpis"`
	AlarmCount               types.Int64           `tfsdk:"alarm_count"`
	HighResolutionAlarmCount types.Int64           `tfsdk:"high_resolution_alarm_count"`
	Manifest                 types.Dynamic         `tfsdk:"manifest"`
	Manifests                types.Dynamic         `tfsdk:"manifests"`
	YAML                     types.String          `tfsdk:"yaml"`
	JSON                     types.String          `tfsdk:"json"`
}

type workloadModel struct {
	Namespace    types.String `tfsdk:"namespace"`
	Name         types.String `tfsdk:"name"`
	ScaledObject types.String `tfsdk:"scaled_object"`
}

type warmPoolModel struct {
	Namespace  types.String          `tfsdk:"namespace"`
	Deployment types.String          `tfsdk:"deployment"`
	Size       framework.WholeNumber `tfsdk:"size"`
	LowShare   framework.RealNumber  `tfsdk:"low_share"`
}

type extraRuleModel struct {
	Alert    types.String `tfsdk:"alert"`
	Expr     types.String `tfsdk:"expr"`
	For      types.String `tfsdk:"for"`
	Severity types.String `tfsdk:"severity"`
	Summary  types.String `tfsdk:"summary"`
}

type ruleModel struct {
	Alert     types.String  `tfsdk:"alert"`
	KPI       types.String  `tfsdk:"kpi"`
	Expr      types.String  `tfsdk:"expr"`
	For       types.String  `tfsdk:"for"`
	Severity  types.String  `tfsdk:"severity"`
	Threshold types.Float64 `tfsdk:"threshold"`
	Metrics   []metricModel `tfsdk:"metrics"`
}

type metricModel struct {
	Name      types.String `tfsdk:"name"`
	Type      types.String `tfsdk:"type"`
	Component types.String `tfsdk:"component"`
	Version   types.String `tfsdk:"version"`
	File      types.String `tfsdk:"file"`
	Doc       types.String `tfsdk:"doc"`
}

type skippedModel struct {
	KPI    types.String `tfsdk:"kpi"`
	Reason types.String `tfsdk:"reason"`
}

type alarmModel struct {
	AlarmName          types.String  `tfsdk:"alarm_name"`
	AlarmDescription   types.String  `tfsdk:"alarm_description"`
	Namespace          types.String  `tfsdk:"namespace"`
	MetricName         types.String  `tfsdk:"metric_name"`
	Dimensions         types.Map     `tfsdk:"dimensions"`
	Statistic          types.String  `tfsdk:"statistic"`
	Period             types.Int64   `tfsdk:"period"`
	EvaluationPeriods  types.Int64   `tfsdk:"evaluation_periods"`
	DatapointsToAlarm  types.Int64   `tfsdk:"datapoints_to_alarm"`
	Threshold          types.Float64 `tfsdk:"threshold"`
	ComparisonOperator types.String  `tfsdk:"comparison_operator"`
	TreatMissingData   types.String  `tfsdk:"treat_missing_data"`
	KPI                types.String  `tfsdk:"kpi"`
	Doc                types.String  `tfsdk:"doc"`
}

func (d *alertRulesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, MarkdownDescription: desc}
	}
	out := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	skipped := func(desc string) schema.ListNestedAttribute {
		return schema.ListNestedAttribute{Computed: true, MarkdownDescription: desc,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"kpi": out("The KPI."), "reason": out("Why it has no rule here."),
			}}}
	}
	var sources string
	for _, c := range alerts.Components {
		sources += fmt.Sprintf("%s %s (`%s`, %s); ", c.Name, c.Version, c.Source, c.Doc)
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders the strategy's scale-out KPIs as alert rules, offline: a Prometheus Operator `PrometheusRule` (`" +
			alerts.APIVersion + "`, prometheus-operator v0.95.2) over metrics Kubernetes, Karpenter and KEDA really export, and, with " +
			"`cluster_name`, CloudWatch alarm definitions over Container Insights (enhanced observability) and the `AWS/EKS` control-plane " +
			"metrics, ready for `aws_cloudwatch_metric_alarm` with `for_each`. KPIs: scale-out p95 against `target_p95_seconds` (pod " +
			"creation to Ready, kube-state-metrics), pods pending longer than `pending_seconds` (kube-state-metrics, kube-scheduler), warm " +
			"pool exhausted and low (kube-state-metrics, from `warm_pool.size`), spot interruption rate and NodeClaim launch errors " +
			"(Karpenter), cost per running pod (Karpenter, needs `price_per_pod_hour`), KEDA scaler errors (with `workload.scaled_object`). " +
			"`rules` names each metric a rule reads and where it is defined. Metric names are checked against a catalog generated from " +
			"the pinned sources: " + sources + "an `extra_rule` reading a metric of one of these components that it does not export fails " +
			"the plan. Costs: pass `high_resolution_alarm_count` to `scaling_cost_estimate`'s `high_resolution_alarms` and " +
			"`alarm_count - high_resolution_alarm_count` to its `standard_alarms` (USD 0.10 an alarm metric a month, CloudWatch pricing).",
		Attributes: map[string]schema.Attribute{
			"name":         str("PrometheusRule name, also the rule group's and part of the alarm names. Default `" + alerts.DefaultName + "`."),
			"namespace":    str("PrometheusRule namespace. Default `" + alerts.DefaultNamespace + "`."),
			"labels":       schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Labels of the PrometheusRule: the ones your Prometheus' `ruleSelector` matches, e.g. `{ release = \"kube-prometheus-stack\" }`."},
			"cluster_name": str("EKS cluster name: with it, CloudWatch alarms are rendered (dimension `ClusterName`)."),
			"target_p95_seconds": schema.NumberAttribute{Required: true, CustomType: framework.RealNumberType{Min: 0, Max: 3600},
				MarkdownDescription: "The stack's scale-out target p95 in seconds, e.g. 90."},
			"detection_seconds": schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 3600},
				MarkdownDescription: "Part of the target spent before the new pod exists (metric detection and the autoscaler's decision, e.g. `scaling_latency_estimate`'s detect stages): the pod creation-to-Ready p95 is held to target minus this. Default 0."},
			"pending_seconds": schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 1, Max: 3600},
				MarkdownDescription: fmt.Sprintf("A pod Pending longer than this is an alert. Default %d.", alerts.DefaultPendingSeconds)},
			"window": str("Window over which the scale-out p95 is taken: one whole unit between 1m and 24h. Default `" + alerts.DefaultWindow + "`."),
			"workload": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "The scaled Deployment (its pods are `<name>-<hash>-<suffix>`). Without it the scale-out p95 rule is skipped and pending pods are watched cluster-wide.",
				Attributes: map[string]schema.Attribute{
					"namespace":     schema.StringAttribute{Required: true, MarkdownDescription: "Namespace."},
					"name":          schema.StringAttribute{Required: true, MarkdownDescription: "Deployment name."},
					"scaled_object": str("KEDA ScaledObject scaling it: adds a rule on its errors."),
				}},
			"warm_pool": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "The pause-pod Deployment holding warm capacity (`scaling_warm_pool` mode `pause_pods`).",
				Attributes: map[string]schema.Attribute{
					"namespace":  schema.StringAttribute{Required: true, MarkdownDescription: "Namespace."},
					"deployment": schema.StringAttribute{Required: true, MarkdownDescription: "Pause Deployment name (`scaling_warm_pool`'s name)."},
					"size": schema.NumberAttribute{Required: true, CustomType: framework.WholeNumberType{Min: 1, Max: 100_000},
						MarkdownDescription: "Its replicas (`scaling_warm_pool`'s `replicas`): low is fewer than `ceil(size x low_share)` available."},
					"low_share": schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 1},
						MarkdownDescription: fmt.Sprintf("Share of the pool below which it is low. Default %v.", alerts.DefaultWarmPoolLowShare)},
				}},
			"spot_interruption_ratio": schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 1},
				MarkdownDescription: fmt.Sprintf("Share of the spot nodes interrupted within an hour above which to alert. Default %v (the best band of AWS's Spot Instance Advisor is under 5%% a month).", alerts.DefaultSpotInterruptRatio)},
			"provisioning_errors": schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 1, Max: 10_000},
				MarkdownDescription: fmt.Sprintf("Failed NodeClaim launches in 10 minutes at which to alert. Default %d.", alerts.DefaultProvisioningErrors)},
			"price_per_pod_hour": schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 0, Max: 100},
				MarkdownDescription: "What one pod's share of a node should cost per hour (USD, e.g. `scaling_warm_pool`'s `pod_hour_price`). Without it the cost rule is skipped."},
			"cost_tolerance": schema.NumberAttribute{Optional: true, CustomType: framework.RealNumberType{Min: 1, Max: 100},
				MarkdownDescription: fmt.Sprintf("The cost rule fires above `price_per_pod_hour` x this. Default %v.", alerts.DefaultCostTolerance)},
			"node_pools": schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Karpenter NodePools the cost rule covers. Default all."},
			"extra_rule": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "Rules of your own, in a group of their own. A metric with the prefix of a catalogued component (`karpenter_`, `keda_`, `kube_`, `scheduler_`) must exist in it.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"alert":    schema.StringAttribute{Required: true, MarkdownDescription: "Alert name (letters, digits, `_`)."},
					"expr":     schema.StringAttribute{Required: true, MarkdownDescription: "PromQL expression."},
					"for":      str("How long it must hold, e.g. `5m`."),
					"severity": str("Label `severity`. Default `warning`."),
					"summary":  str("Annotation `summary`."),
				}}},
			"rules": schema.ListNestedAttribute{Computed: true, MarkdownDescription: "Every rule rendered, with the metrics it reads.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"alert": out("Alert name."), "kpi": out("KPI (`extra` for yours)."), "expr": out("PromQL."),
					"for": out("Duration it must hold, or empty."), "severity": out("Severity label."),
					"threshold": schema.Float64Attribute{Computed: true, MarkdownDescription: "The threshold the expression compares with."},
					"metrics": schema.ListNestedAttribute{Computed: true, MarkdownDescription: "Metrics the expression reads.",
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"name": out("Metric (series) name."), "type": out("counter, gauge, histogram, summary..."),
							"component": out("Who exports it (`user` when it is none of the catalogued components)."),
							"version":   out("Component version it was checked against."), "file": out("Where it is defined (module@version/path)."),
							"doc": out("The component's metrics reference."),
						}}},
				}}},
			"rule_count":   schema.Int64Attribute{Computed: true, MarkdownDescription: "Number of Prometheus rules rendered."},
			"skipped_kpis": skipped("KPIs with no Prometheus rule, and why (an input they need is not set)."),
			"cloudwatch_alarms": schema.MapNestedAttribute{Computed: true, MarkdownDescription: "CloudWatch alarms by a stable key, each with the arguments of `aws_cloudwatch_metric_alarm` (use `for_each`); empty without `cluster_name`.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"alarm_name": out("Alarm name."), "alarm_description": out("Description."), "namespace": out("Metric namespace."),
					"metric_name":         out("Metric name."),
					"dimensions":          schema.MapAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "Dimensions."},
					"statistic":           out("Statistic."),
					"period":              schema.Int64Attribute{Computed: true, MarkdownDescription: "Period in seconds (60: standard resolution)."},
					"evaluation_periods":  schema.Int64Attribute{Computed: true, MarkdownDescription: "Periods evaluated."},
					"datapoints_to_alarm": schema.Int64Attribute{Computed: true, MarkdownDescription: "Breaching datapoints that alarm."},
					"threshold":           schema.Float64Attribute{Computed: true, MarkdownDescription: "Threshold."},
					"comparison_operator": out("Comparison operator."), "treat_missing_data": out("How missing data counts."),
					"kpi": out("KPI."), "doc": out("Where the metric and its dimensions are documented."),
				}}},
			"cloudwatch_skipped_kpis":     skipped("KPIs with no CloudWatch alarm, and why (no Container Insights or AWS/EKS metric expresses them)."),
			"alarm_count":                 schema.Int64Attribute{Computed: true, MarkdownDescription: "Number of CloudWatch alarms rendered (each a standard-resolution alarm metric)."},
			"high_resolution_alarm_count": schema.Int64Attribute{Computed: true, MarkdownDescription: "How many of them are high-resolution (10 s or 30 s periods): pass it to `scaling_cost_estimate`'s `high_resolution_alarms`. 0: Container Insights and AWS/EKS publish per minute."},
			"manifest":                    schema.DynamicAttribute{Computed: true, MarkdownDescription: "The PrometheusRule as an object, for `kubernetes_manifest`."},
			"manifests":                   schema.DynamicAttribute{Computed: true, MarkdownDescription: "Every rendered object in apply order (a tuple)."},
			"yaml":                        schema.StringAttribute{Computed: true, MarkdownDescription: "The PrometheusRule as YAML."},
			"json":                        schema.StringAttribute{Computed: true, MarkdownDescription: "The PrometheusRule as a JSON array of one object."},
		},
	}
}

func (m alertRulesModel) spec(ctx context.Context, diags *diag.Diagnostics) alerts.Spec {
	s := alerts.Spec{
		Name: m.Name.ValueString(), Namespace: m.Namespace.ValueString(), Labels: framework.StringMap(ctx, m.Labels, diags),
		ClusterName: m.ClusterName.ValueString(), CloudWatch: m.ClusterName.ValueString() != "",
		TargetP95Seconds: m.TargetP95Seconds.ValueFloat64(), DetectionSeconds: m.DetectionSeconds.ValueFloat64(),
		PendingSeconds: m.PendingSeconds.Int64Pointer(), Window: m.Window.ValueString(),
		SpotInterruptionRatio: m.SpotInterruptionRatio.Float64Pointer(), ProvisioningErrors: m.ProvisioningErrors.Int64Pointer(),
		PricePerPodHour: m.PricePerPodHour.Float64Pointer(), CostTolerance: m.CostTolerance.Float64Pointer(),
		NodePools: framework.StringList(ctx, m.NodePools, diags),
	}
	if w := m.Workload; w != nil {
		s.Workload = &alerts.Workload{Namespace: w.Namespace.ValueString(), Name: w.Name.ValueString(), ScaledObject: w.ScaledObject.ValueString()}
	}
	if wp := m.WarmPool; wp != nil {
		s.WarmPool = &alerts.WarmPool{Namespace: wp.Namespace.ValueString(), Deployment: wp.Deployment.ValueString(), Size: wp.Size.ValueInt64(), LowShare: wp.LowShare.Float64Pointer()}
	}
	for _, r := range m.ExtraRules {
		s.ExtraRules = append(s.ExtraRules, alerts.ExtraRule{
			Alert: r.Alert.ValueString(), Expr: r.Expr.ValueString(), For: r.For.ValueString(),
			Severity: r.Severity.ValueString(), Summary: r.Summary.ValueString(),
		})
	}
	return s
}

// Compute renders the rules and alarms.
func (m *alertRulesModel) Compute(ctx context.Context, diags *diag.Diagnostics) problem.List {
	res, probs := m.spec(ctx, diags).Render()
	if probs.HasErrors() {
		return probs
	}
	m.Manifest, _, _ = framework.RenderObject(res.Object, diags)
	m.Manifests, m.YAML, m.JSON = framework.RenderObjects([]k8sobj.Object{res.Object}, diags)
	m.Rules = make([]ruleModel, 0, len(res.Rules))
	for _, r := range res.Rules {
		rm := ruleModel{
			Alert: types.StringValue(r.Alert), KPI: types.StringValue(r.KPI), Expr: types.StringValue(r.Expr),
			For: types.StringValue(r.For), Severity: types.StringValue(r.Severity), Threshold: types.Float64Value(r.Threshold),
			Metrics: []metricModel{},
		}
		for _, mt := range r.Metrics {
			rm.Metrics = append(rm.Metrics, metricModel{
				Name: types.StringValue(mt.Name), Type: types.StringValue(mt.Type), Component: types.StringValue(mt.Component),
				Version: types.StringValue(mt.Version), File: types.StringValue(mt.File), Doc: types.StringValue(mt.Doc),
			})
		}
		m.Rules = append(m.Rules, rm)
	}
	m.RuleCount = types.Int64Value(int64(len(res.Rules)))
	m.SkippedKPIs = skippedList(res.Skipped)
	m.CloudWatchSkippedKPIs = skippedList(res.AlarmsSkipped)
	m.CloudWatchAlarms = map[string]alarmModel{}
	highRes := int64(0)
	for _, a := range res.Alarms {
		dims, d := types.MapValueFrom(ctx, types.StringType, a.Dimensions)
		diags.Append(d...)
		m.CloudWatchAlarms[a.Key] = alarmModel{
			AlarmName: types.StringValue(a.AlarmName), AlarmDescription: types.StringValue(a.Description),
			Namespace: types.StringValue(a.Namespace), MetricName: types.StringValue(a.MetricName), Dimensions: dims,
			Statistic: types.StringValue(a.Statistic), Period: types.Int64Value(a.Period),
			EvaluationPeriods: types.Int64Value(a.EvaluationPeriods), DatapointsToAlarm: types.Int64Value(a.DatapointsToAlarm),
			Threshold: types.Float64Value(a.Threshold), ComparisonOperator: types.StringValue(a.ComparisonOperator),
			TreatMissingData: types.StringValue(a.TreatMissingData), KPI: types.StringValue(a.KPI), Doc: types.StringValue(a.Doc),
		}
		if a.Period < 60 {
			highRes++
		}
	}
	m.AlarmCount = types.Int64Value(int64(len(res.Alarms)))
	m.HighResolutionAlarmCount = types.Int64Value(highRes)
	return probs
}

func skippedList(s []alerts.Skipped) []skippedModel {
	out := make([]skippedModel, 0, len(s))
	for _, k := range s {
		out = append(out, skippedModel{KPI: types.StringValue(k.KPI), Reason: types.StringValue(k.Reason)})
	}
	return out
}
