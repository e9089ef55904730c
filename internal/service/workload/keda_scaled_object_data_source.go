package workload

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/autoscaling"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ datasource.DataSourceWithValidateConfig = (*kedaDataSource)(nil)
	_ framework.ComputedModel                 = (*kedaModel)(nil)
)

func newKEDADataSource() datasource.DataSource { return &kedaDataSource{} }

type kedaDataSource struct {
	framework.OfflineDataSource[kedaModel, *kedaModel]
}

func (d *kedaDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "scaling_keda_scaled_object"
}

type kedaModel struct {
	Name            types.String          `tfsdk:"name"`
	Namespace       types.String          `tfsdk:"namespace"`
	Target          *targetModel          `tfsdk:"scale_target_ref"`
	PollingInterval framework.WholeNumber `tfsdk:"polling_interval"`
	CooldownPeriod  framework.WholeNumber `tfsdk:"cooldown_period"`
	MinReplicas     framework.WholeNumber `tfsdk:"min_replicas"`
	MaxReplicas     framework.WholeNumber `tfsdk:"max_replicas"`
	IdleReplicas    framework.WholeNumber `tfsdk:"idle_replicas"`
	Fallback        *fallbackModel        `tfsdk:"fallback"`
	Triggers        []triggerModel        `tfsdk:"trigger"`
	ScaleUpPods     framework.WholeNumber `tfsdk:"scale_up_pods"`
	Behavior        *behaviorModel        `tfsdk:"behavior"`
	PodIdentity     *podIdentityModel     `tfsdk:"pod_identity"`
	TriggerAuthName types.String          `tfsdk:"trigger_authentication_name"`
	Manifest        types.Dynamic         `tfsdk:"manifest"`
	Manifests       types.Dynamic         `tfsdk:"manifests"`
	YAML            types.String          `tfsdk:"yaml"`
	JSON            types.String          `tfsdk:"json"`
}

type fallbackModel struct {
	FailureThreshold framework.WholeNumber `tfsdk:"failure_threshold"`
	Replicas         framework.WholeNumber `tfsdk:"replicas"`
	Behavior         types.String          `tfsdk:"behavior"`
}

type podIdentityModel struct {
	Provider      types.String `tfsdk:"provider"`
	RoleArn       types.String `tfsdk:"role_arn"`
	IdentityOwner types.String `tfsdk:"identity_owner"`
}

type triggerModel struct {
	Type       types.String     `tfsdk:"type"`
	Name       types.String     `tfsdk:"name"`
	MetricType types.String     `tfsdk:"metric_type"`
	Prometheus *prometheusModel `tfsdk:"prometheus"`
	SQS        *sqsModel        `tfsdk:"aws_sqs_queue"`
	Cron       *cronModel       `tfsdk:"cron"`
}

type prometheusModel struct {
	ServerAddress       types.String `tfsdk:"server_address"`
	Query               types.String `tfsdk:"query"`
	Threshold           types.String `tfsdk:"threshold"`
	ActivationThreshold types.String `tfsdk:"activation_threshold"`
}

type sqsModel struct {
	QueueURL              types.String          `tfsdk:"queue_url"`
	QueueLength           framework.WholeNumber `tfsdk:"queue_length"`
	ActivationQueueLength framework.WholeNumber `tfsdk:"activation_queue_length"`
	AWSRegion             types.String          `tfsdk:"aws_region"`
	AuthenticationRef     types.String          `tfsdk:"authentication_ref"`
}

type cronModel struct {
	TimeZone        types.String          `tfsdk:"time_zone"`
	Start           types.String          `tfsdk:"start"`
	End             types.String          `tfsdk:"end"`
	DesiredReplicas framework.WholeNumber `tfsdk:"desired_replicas"`
}

func (d *kedaDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"name":             schema.StringAttribute{Optional: true, MarkdownDescription: "ScaledObject name. Defaults to the target's name."},
		"namespace":        schema.StringAttribute{Optional: true, MarkdownDescription: "Namespace. Default `default`."},
		"scale_target_ref": targetSchema("The workload to scale."),
		"polling_interval": schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 1, Max: 86_400}, MarkdownDescription: "Seconds between trigger polls. Default 15 (KEDA's own default is 30; faster polling means faster scale-out)."},
		"cooldown_period":  schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 0, Max: 86_400}, MarkdownDescription: "Seconds after the last active trigger before scaling to zero. Default 300."},
		"min_replicas":     schema.NumberAttribute{Optional: true, CustomType: replicasType, MarkdownDescription: "Minimum replicas; 0 lets KEDA scale to zero. Default 1."},
		"max_replicas":     schema.NumberAttribute{Required: true, CustomType: replicasType, MarkdownDescription: "Maximum replicas."},
		"idle_replicas":    schema.NumberAttribute{Optional: true, CustomType: replicasType, MarkdownDescription: "Replicas when no trigger is active (KEDA supports only 0)."},
		"fallback": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Replicas to hold when a scaler keeps failing (AverageValue triggers only).",
			Attributes: map[string]schema.Attribute{
				"failure_threshold": schema.NumberAttribute{Required: true, CustomType: framework.WholeNumberType{Min: 1, Max: 10_000}, MarkdownDescription: "Failed polls before the fallback applies."},
				"replicas":          schema.NumberAttribute{Required: true, CustomType: replicasType, MarkdownDescription: "Replicas during the fallback."},
				"behavior":          schema.StringAttribute{Optional: true, MarkdownDescription: "`static` (KEDA's default), `currentReplicas`, `currentReplicasIfHigher` or `currentReplicasIfLower`."},
			}},
		"trigger": schema.ListNestedAttribute{Required: true, MarkdownDescription: "Triggers (at least one); set the block matching `type`.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"type":        schema.StringAttribute{Required: true, MarkdownDescription: "`prometheus`, `aws-sqs-queue` or `cron`."},
				"name":        schema.StringAttribute{Optional: true, MarkdownDescription: "Trigger name (a DNS label, unique)."},
				"metric_type": schema.StringAttribute{Optional: true, MarkdownDescription: "`AverageValue` (KEDA's default), `Value` or `Utilization`."},
				"prometheus": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Prometheus scaler.", Attributes: map[string]schema.Attribute{
					"server_address":       schema.StringAttribute{Required: true, MarkdownDescription: "Prometheus URL, e.g. `http://prometheus.monitoring:9090`."},
					"query":                schema.StringAttribute{Required: true, MarkdownDescription: "PromQL query returning one value."},
					"threshold":            schema.StringAttribute{Required: true, MarkdownDescription: "Target value per pod, e.g. `100`."},
					"activation_threshold": schema.StringAttribute{Optional: true, MarkdownDescription: "Value above which the scaler is active (scale from zero)."},
				}},
				"aws_sqs_queue": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Amazon SQS scaler.", Attributes: map[string]schema.Attribute{
					"queue_url":               schema.StringAttribute{Required: true, MarkdownDescription: "Queue URL."},
					"aws_region":              schema.StringAttribute{Required: true, MarkdownDescription: "Queue region."},
					"queue_length":            schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 1, Max: 1_000_000}, MarkdownDescription: "Target messages per pod. Default 5 (KEDA's)."},
					"activation_queue_length": schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 0, Max: 1_000_000}, MarkdownDescription: "Messages above which the scaler is active."},
					"authentication_ref":      schema.StringAttribute{Optional: true, MarkdownDescription: "Existing TriggerAuthentication to use instead of the generated one."},
				}},
				"cron": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Cron scaler: `desired_replicas` from each `start` to the next `end`.", Attributes: map[string]schema.Attribute{
					"time_zone":        schema.StringAttribute{Required: true, MarkdownDescription: "IANA time zone, e.g. `Europe/Berlin`."},
					"start":            schema.StringAttribute{Required: true, MarkdownDescription: "Five-field cron, e.g. `0 8 * * 1-5`."},
					"end":              schema.StringAttribute{Required: true, MarkdownDescription: "Five-field cron, e.g. `0 18 * * 1-5`."},
					"desired_replicas": schema.NumberAttribute{Required: true, CustomType: replicasType, MarkdownDescription: "Replicas while active (at least 1)."},
				}},
			}}},
		"scale_up_pods": scaleUpPodsSchema(),
		"behavior":      behaviorSchema(),
		"pod_identity": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Pod identity of the generated TriggerAuthentication.",
			Attributes: map[string]schema.Attribute{
				"provider":       schema.StringAttribute{Optional: true, MarkdownDescription: "`aws` (default: EKS Pod Identity or IRSA) or `aws-eks`."},
				"role_arn":       schema.StringAttribute{Optional: true, MarkdownDescription: "Role KEDA assumes to read the queue."},
				"identity_owner": schema.StringAttribute{Optional: true, MarkdownDescription: "`keda` (KEDA's role) or `workload` (the scaled workload's role)."},
			}},
		"trigger_authentication_name": schema.StringAttribute{Computed: true, MarkdownDescription: "Name of the generated TriggerAuthentication, or null."},
	}
	addAutoscalerOutputs(attrs, "ScaledObject")
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders a KEDA `" + autoscaling.KEDAAPIVersion + "` ScaledObject offline (KEDA v2.21 CRDs), with triggers " +
			"`prometheus`, `aws-sqs-queue` and `cron`, and the HPA behavior under `advanced.horizontalPodAutoscalerConfig` " +
			"(fast scale-up, calm scale-down by default). SQS triggers without `authentication_ref` get a TriggerAuthentication " +
			"with pod identity (`provider = aws`). `metricName` is never rendered: KEDA ignores it since 2.12.",
		Attributes: attrs,
	}
}

func (m kedaModel) spec() autoscaling.ScaledObjectSpec {
	s := autoscaling.ScaledObjectSpec{
		Name: m.Name.ValueString(), Namespace: m.Namespace.ValueString(), Target: m.Target.target(),
		PollingInterval: m.PollingInterval.Int64Pointer(), CooldownPeriod: m.CooldownPeriod.Int64Pointer(),
		MinReplicas: m.MinReplicas.Int64Pointer(), MaxReplicas: m.MaxReplicas.ValueInt64(), IdleReplicas: m.IdleReplicas.Int64Pointer(),
		ScaleUpPods: m.ScaleUpPods.ValueInt64(), Behavior: m.Behavior.behavior(),
	}
	if f := m.Fallback; f != nil {
		s.Fallback = &autoscaling.Fallback{FailureThreshold: f.FailureThreshold.ValueInt64(), Replicas: f.Replicas.ValueInt64(), Behavior: f.Behavior.ValueString()}
	}
	if p := m.PodIdentity; p != nil {
		s.PodIdentity = autoscaling.PodIdentity{Provider: p.Provider.ValueString(), RoleArn: p.RoleArn.ValueString(), IdentityOwner: p.IdentityOwner.ValueString()}
	}
	for _, t := range m.Triggers {
		tr := autoscaling.Trigger{Type: t.Type.ValueString(), Name: t.Name.ValueString(), MetricType: t.MetricType.ValueString()}
		if p := t.Prometheus; p != nil {
			tr.Prometheus = &autoscaling.PrometheusTrigger{ServerAddress: p.ServerAddress.ValueString(), Query: p.Query.ValueString(),
				Threshold: p.Threshold.ValueString(), ActivationThreshold: p.ActivationThreshold.ValueString()}
		}
		if q := t.SQS; q != nil {
			tr.SQS = &autoscaling.SQSTrigger{QueueURL: q.QueueURL.ValueString(), QueueLength: q.QueueLength.ValueInt64(),
				ActivationQueueLength: q.ActivationQueueLength.Int64Pointer(), AWSRegion: q.AWSRegion.ValueString(), AuthenticationRef: q.AuthenticationRef.ValueString()}
		}
		if c := t.Cron; c != nil {
			tr.Cron = &autoscaling.CronTrigger{TimeZone: c.TimeZone.ValueString(), Start: c.Start.ValueString(), End: c.End.ValueString(), DesiredReplicas: c.DesiredReplicas.ValueInt64()}
		}
		s.Triggers = append(s.Triggers, tr)
	}
	return s
}

// Compute renders the ScaledObject (and its TriggerAuthentication, first).
func (m *kedaModel) Compute(_ context.Context, diags *diag.Diagnostics) problem.List {
	res, probs := autoscaling.RenderScaledObject(m.spec())
	if probs.HasErrors() {
		return probs
	}
	m.Manifest, _, _ = framework.RenderObject(res.Objects[len(res.Objects)-1], diags)
	m.Manifests, m.YAML, m.JSON = framework.RenderObjects(res.Objects, diags)
	m.TriggerAuthName = types.StringNull()
	if res.TriggerAuthenticationName != "" {
		m.TriggerAuthName = types.StringValue(res.TriggerAuthenticationName)
	}
	return probs
}
