// Package workload holds the workload data sources: the warm pool, the
// HorizontalPodAutoscaler and the KEDA ScaledObject, the Kueue queues for
// batch and GPU jobs and the Istio circuit breaker, rendered offline by
// internal/core/render/warmpool, autoscaling, kueue and circuitbreaker.
package workload

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/autoscaling"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

// DataSources lists this package's data sources for the provider.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		newWarmPoolDataSource,
		newHPADataSource,
		newKEDADataSource,
		newKueueQueuesDataSource,
		newCircuitBreakerDataSource,
	}
}

// maxReplicas bounds every replica count: no workload runs a million pods.
const maxReplicas = 1_000_000

// replicasType is the type of every replica count.
var replicasType = framework.WholeNumberType{Min: 0, Max: maxReplicas}

// The schema and model pieces the HPA and KEDA data sources share.

type targetModel struct {
	APIVersion types.String `tfsdk:"api_version"`
	Kind       types.String `tfsdk:"kind"`
	Name       types.String `tfsdk:"name"`
}

func (t *targetModel) target() autoscaling.Target {
	if t == nil {
		return autoscaling.Target{}
	}
	return autoscaling.Target{APIVersion: t.APIVersion.ValueString(), Kind: t.Kind.ValueString(), Name: t.Name.ValueString()}
}

type behaviorModel struct {
	ScaleUp   *rulesModel `tfsdk:"scale_up"`
	ScaleDown *rulesModel `tfsdk:"scale_down"`
}

type rulesModel struct {
	StabilizationWindowSeconds framework.WholeNumber `tfsdk:"stabilization_window_seconds"`
	SelectPolicy               types.String          `tfsdk:"select_policy"`
	Policies                   []policyModel         `tfsdk:"policies"`
}

type policyModel struct {
	Type          types.String          `tfsdk:"type"`
	Value         framework.WholeNumber `tfsdk:"value"`
	PeriodSeconds framework.WholeNumber `tfsdk:"period_seconds"`
}

func (b *behaviorModel) behavior() autoscaling.Behavior {
	if b == nil {
		return autoscaling.Behavior{}
	}
	return autoscaling.Behavior{ScaleUp: b.ScaleUp.rules(), ScaleDown: b.ScaleDown.rules()}
}

func (r *rulesModel) rules() *autoscaling.Rules {
	if r == nil {
		return nil
	}
	out := &autoscaling.Rules{StabilizationWindowSeconds: r.StabilizationWindowSeconds.Int64Pointer(), SelectPolicy: r.SelectPolicy.ValueString()}
	for _, p := range r.Policies {
		out.Policies = append(out.Policies, autoscaling.Policy{Type: p.Type.ValueString(), Value: p.Value.ValueInt64(), PeriodSeconds: p.PeriodSeconds.ValueInt64()})
	}
	return out
}

func targetSchema(desc string) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{Required: true, MarkdownDescription: desc, Attributes: targetAttributes()}
}

func targetAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"api_version": schema.StringAttribute{Optional: true, MarkdownDescription: "API version. Default `" + autoscaling.DefaultTargetAPIVersion + "`."},
		"kind":        schema.StringAttribute{Optional: true, MarkdownDescription: "Kind. Default `" + autoscaling.DefaultTargetKind + "`."},
		"name":        schema.StringAttribute{Required: true, MarkdownDescription: "Name."},
	}
}

func rulesSchema(direction, def string) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		Optional:            true,
		MarkdownDescription: "Scale-" + direction + " rules, replacing the default (" + def + ").",
		Attributes: map[string]schema.Attribute{
			"stabilization_window_seconds": schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 0, Max: autoscaling.MaxStabilizationWindowSeconds}, MarkdownDescription: "Seconds of past recommendations considered (0-3600)."},
			"select_policy":                schema.StringAttribute{Optional: true, MarkdownDescription: "`Max` (default), `Min` or `Disabled`."},
			"policies": schema.ListNestedAttribute{Required: true, MarkdownDescription: "Allowed changes per period.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"type":           schema.StringAttribute{Required: true, MarkdownDescription: "`Pods` or `Percent`."},
					"value":          schema.NumberAttribute{Required: true, CustomType: framework.WholeNumberType{Min: 1, Max: maxReplicas}, MarkdownDescription: "Pods or percent (at least 1)."},
					"period_seconds": schema.NumberAttribute{Required: true, CustomType: framework.WholeNumberType{Min: 1, Max: autoscaling.MaxPeriodSeconds}, MarkdownDescription: "Period in seconds (1-1800)."},
				}}},
		},
	}
}

func behaviorSchema() schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		Optional: true,
		MarkdownDescription: "HPA behavior. Unset directions take the fast-up/calm-down defaults: scale up with no stabilization, " +
			"by the larger of 100 % or `scale_up_pods` pods per 15 s; scale down after a 300 s stabilization window, by up to 100 % per 15 s.",
		Attributes: map[string]schema.Attribute{
			"scale_up":   rulesSchema("up", "stabilization 0, Percent 100 and Pods `scale_up_pods` per 15 s, select Max"),
			"scale_down": rulesSchema("down", "stabilization 300, Percent 100 per 15 s"),
		},
	}
}

func scaleUpPodsSchema() schema.NumberAttribute {
	return schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 1, Max: maxReplicas}, MarkdownDescription: "Pods added per 15 s by the default scale-up policy (besides doubling). Default 4."}
}

// addAutoscalerOutputs adds the outputs of the HPA and ScaledObject data
// sources; what names the object the data source is named after.
func addAutoscalerOutputs(attrs map[string]schema.Attribute, what string) {
	attrs["manifest"] = schema.DynamicAttribute{Computed: true, MarkdownDescription: "The " + what + " as an object, for `kubernetes_manifest`."}
	attrs["manifests"] = schema.DynamicAttribute{Computed: true, MarkdownDescription: "Every rendered object in apply order (a tuple)."}
	attrs["yaml"] = schema.StringAttribute{Computed: true, MarkdownDescription: "Every rendered object as one YAML stream."}
	attrs["json"] = schema.StringAttribute{Computed: true, MarkdownDescription: "Every rendered object as a JSON array."}
}
