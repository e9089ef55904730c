package workload

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/autoscaling"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ datasource.DataSourceWithValidateConfig = (*hpaDataSource)(nil)
	_ framework.ComputedModel                 = (*hpaModel)(nil)
)

func newHPADataSource() datasource.DataSource { return &hpaDataSource{} }

type hpaDataSource struct {
	framework.OfflineDataSource[hpaModel, *hpaModel]
}

func (d *hpaDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "scaling_horizontal_pod_autoscaler"
}

type hpaModel struct {
	Name        types.String          `tfsdk:"name"`
	Namespace   types.String          `tfsdk:"namespace"`
	Target      *targetModel          `tfsdk:"scale_target_ref"`
	MinReplicas framework.WholeNumber `tfsdk:"min_replicas"`
	MaxReplicas framework.WholeNumber `tfsdk:"max_replicas"`
	ScaleUpPods framework.WholeNumber `tfsdk:"scale_up_pods"`
	Metrics     []metricModel         `tfsdk:"metric"`
	Behavior    *behaviorModel        `tfsdk:"behavior"`
	Manifest    types.Dynamic         `tfsdk:"manifest"`
	Manifests   types.Dynamic         `tfsdk:"manifests"`
	YAML        types.String          `tfsdk:"yaml"`
	JSON        types.String          `tfsdk:"json"`
}

type metricModel struct {
	Type            types.String          `tfsdk:"type"`
	Name            types.String          `tfsdk:"name"`
	Container       types.String          `tfsdk:"container"`
	Selector        types.Map             `tfsdk:"selector"`
	DescribedObject *targetModel          `tfsdk:"described_object"`
	TargetType      types.String          `tfsdk:"target_type"`
	Utilization     framework.WholeNumber `tfsdk:"utilization"`
	Value           types.String          `tfsdk:"value"`
}

func (d *hpaDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"name":             schema.StringAttribute{Optional: true, MarkdownDescription: "HPA name. Defaults to the target's name."},
		"namespace":        schema.StringAttribute{Optional: true, MarkdownDescription: "Namespace. Default `default`."},
		"scale_target_ref": targetSchema("The workload to scale."),
		"min_replicas":     schema.NumberAttribute{Optional: true, CustomType: replicasType, MarkdownDescription: "Minimum replicas (at least 1). Default 1."},
		"max_replicas":     schema.NumberAttribute{Required: true, CustomType: replicasType, MarkdownDescription: "Maximum replicas."},
		"scale_up_pods":    scaleUpPodsSchema(),
		"metric": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "Metrics; the HPA scales to the largest recommendation.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"type":             schema.StringAttribute{Required: true, MarkdownDescription: "`resource`, `container_resource`, `pods`, `object` or `external`."},
				"name":             schema.StringAttribute{Required: true, MarkdownDescription: "Resource name (`cpu`, `memory`) or metric name."},
				"container":        schema.StringAttribute{Optional: true, MarkdownDescription: "Container of a `container_resource` metric."},
				"selector":         schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Label selector (matchLabels) of a pods, object or external metric."},
				"described_object": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "Object an `object` metric describes.", Attributes: targetAttributes()},
				"target_type": schema.StringAttribute{Optional: true, MarkdownDescription: "`Utilization` (default for resources), `AverageValue` (default for pods) or `Value` " +
					"(default for object and external)."},
				"utilization": schema.NumberAttribute{Optional: true, CustomType: framework.WholeNumberType{Min: 1, Max: 1000}, MarkdownDescription: "Target percentage of the request (target_type `Utilization`)."},
				"value":       schema.StringAttribute{Optional: true, MarkdownDescription: "Target quantity (target_type `AverageValue` or `Value`), e.g. `100`, `500m`."},
			}}},
		"behavior": behaviorSchema(),
	}
	addAutoscalerOutputs(attrs, "HorizontalPodAutoscaler")
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders an `autoscaling/v2` HorizontalPodAutoscaler offline, with the guide's fast scale-up and calm " +
			"scale-down defaults (no stabilization up, +100 % or +N pods per 15 s, whichever is more; 300 s stabilization down). " +
			"Without `metric` it targets 70 % CPU utilization.",
		Attributes: attrs,
	}
}

func (m hpaModel) spec(ctx context.Context, diags *diag.Diagnostics) autoscaling.HPASpec {
	s := autoscaling.HPASpec{
		Name: m.Name.ValueString(), Namespace: m.Namespace.ValueString(), Target: m.Target.target(),
		MinReplicas: m.MinReplicas.Int64Pointer(), MaxReplicas: m.MaxReplicas.ValueInt64(), ScaleUpPods: m.ScaleUpPods.ValueInt64(),
		Behavior: m.Behavior.behavior(),
	}
	for _, mm := range m.Metrics {
		metric := autoscaling.Metric{
			Type: mm.Type.ValueString(), Name: mm.Name.ValueString(), Container: mm.Container.ValueString(),
			Selector: framework.StringMap(ctx, mm.Selector, diags), TargetType: mm.TargetType.ValueString(),
			Utilization: mm.Utilization.Int64Pointer(), Value: mm.Value.ValueString(),
		}
		if mm.DescribedObject != nil {
			t := mm.DescribedObject.target()
			metric.DescribedObject = &t
		}
		s.Metrics = append(s.Metrics, metric)
	}
	return s
}

// Compute renders the HorizontalPodAutoscaler.
func (m *hpaModel) Compute(ctx context.Context, diags *diag.Diagnostics) problem.List {
	res, probs := autoscaling.RenderHPA(m.spec(ctx, diags))
	if !probs.HasErrors() {
		m.Manifest, _, _ = framework.RenderObject(res.Object, diags)
		m.Manifests, m.YAML, m.JSON = framework.RenderObjects([]k8sobj.Object{res.Object}, diags)
	}
	return probs
}
