package karpenter

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/karpenterv1"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ datasource.DataSourceWithValidateConfig = (*fallbackDataSource)(nil)
	_ framework.ComputedModel                 = (*fallbackModel)(nil)
)

func newFallbackDataSource() datasource.DataSource { return &fallbackDataSource{} }

type fallbackDataSource struct {
	framework.OfflineDataSource[fallbackModel, *fallbackModel]
}

func (d *fallbackDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "scaling_karpenter_fallback_node_pools"
}

type fallbackModel struct {
	nodePoolFields
	nodeClassRefFields
	SpotWeight       framework.WholeNumber `tfsdk:"spot_weight"`
	OnDemandWeight   framework.WholeNumber `tfsdk:"on_demand_weight"`
	SpotLimits       types.Map             `tfsdk:"spot_limits"`
	OnDemandLimits   types.Map             `tfsdk:"on_demand_limits"`
	SpotName         types.String          `tfsdk:"spot_name"`
	SpotManifest     types.Dynamic         `tfsdk:"spot_manifest"`
	SpotYAML         types.String          `tfsdk:"spot_yaml"`
	SpotJSON         types.String          `tfsdk:"spot_json"`
	OnDemandName     types.String          `tfsdk:"on_demand_name"`
	OnDemandManifest types.Dynamic         `tfsdk:"on_demand_manifest"`
	OnDemandYAML     types.String          `tfsdk:"on_demand_yaml"`
	OnDemandJSON     types.String          `tfsdk:"on_demand_json"`
	Manifests        types.Dynamic         `tfsdk:"manifests"`
	YAML             types.String          `tfsdk:"yaml"`
	JSON             types.String          `tfsdk:"json"`
}

func (d *fallbackDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := nodePoolAttributes("Prefix of both NodePool names: `<name>-spot` and `<name>-on-demand` (at most 63 characters each).",
		"Name of the EC2NodeClass the nodes use. Default `"+karpenterv1.DefaultNodeClassName+"`.", karpenterv1.KarpenterLabelKeys)
	nodeClassRefAttributes(attrs)
	attrs["spot_weight"] = schema.NumberAttribute{Optional: true, CustomType: weightType, MarkdownDescription: fmt.Sprintf("Weight of the spot pool, 1-100. "+
		"Karpenter tries the HIGHER weight first, so it must be higher than `on_demand_weight`. Default `%d`.", karpenterv1.DefaultSpotWeight)}
	attrs["on_demand_weight"] = schema.NumberAttribute{Optional: true, CustomType: weightType, MarkdownDescription: fmt.Sprintf("Weight of the on-demand "+
		"fallback pool, 1-100 and lower than `spot_weight`. Default `%d`.", karpenterv1.DefaultOnDemandWeight)}
	attrs["limits"] = schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Caps on each pool's total resources, e.g. `{ cpu = \"1000\", memory = \"4000Gi\" }`: both pools get them, " +
		"unless `spot_limits` or `on_demand_limits` overrides a key for one pool."}
	attrs["spot_limits"] = schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Limits of the spot pool only, overriding `limits` key by key (keys not set here keep the " +
		"`limits` value), e.g. `{ cpu = \"700\" }` to let spot hold 700 of 1000 vCPUs while the on-demand fallback may take them all."}
	attrs["on_demand_limits"] = schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Limits of the on-demand pool only, overriding `limits` key by key (keys not set here " +
		"keep the `limits` value)."}
	attrs["spot_name"] = schema.StringAttribute{Computed: true, MarkdownDescription: "Name of the spot NodePool."}
	attrs["spot_manifest"] = schema.DynamicAttribute{Computed: true, MarkdownDescription: "The spot NodePool as an object, for `kubernetes_manifest`."}
	attrs["spot_yaml"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The spot NodePool as YAML."}
	attrs["spot_json"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The spot NodePool as JSON."}
	attrs["on_demand_name"] = schema.StringAttribute{Computed: true, MarkdownDescription: "Name of the on-demand NodePool."}
	attrs["on_demand_manifest"] = schema.DynamicAttribute{Computed: true, MarkdownDescription: "The on-demand NodePool as an object, for `kubernetes_manifest`."}
	attrs["on_demand_yaml"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The on-demand NodePool as YAML."}
	attrs["on_demand_json"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The on-demand NodePool as JSON."}
	attrs["manifests"] = schema.DynamicAttribute{Computed: true, MarkdownDescription: "Both NodePools, spot first, as a tuple of objects " +
		"(use `for_each` over `range(2)` or the `*_manifest` outputs with `kubernetes_manifest`)."}
	attrs["yaml"] = schema.StringAttribute{Computed: true, MarkdownDescription: "Both NodePools as one YAML stream (`---` between them)."}
	attrs["json"] = schema.StringAttribute{Computed: true, MarkdownDescription: "Both NodePools as a JSON array."}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders a spot-first / on-demand-fallback pair of Karpenter `" + karpenterv1.NodePoolAPIVersion + "` NodePools " +
			"for one workload's nodes: the same node class and requirements, one pool with `karpenter.sh/capacity-type` `spot` " +
			"and the higher weight, one with `on-demand` and the lower weight. Karpenter tries the higher weight first, so spot " +
			"is tried first and on-demand only when no spot capacity can be launched (many guides have the weights backwards, " +
			"or use `weight: 0`, which the API rejects).",
		Attributes: attrs,
	}
}

// Compute renders the two NodePools, spot first.
func (m *fallbackModel) Compute(ctx context.Context, diags *diag.Diagnostics) problem.List {
	objs, probs := karpenterv1.Fallback{
		Pool:           m.nodePool(ctx, m.nodeClassRefFields, diags),
		SpotWeight:     m.SpotWeight.Int64Pointer(),
		OnDemandWeight: m.OnDemandWeight.Int64Pointer(),
		SpotLimits:     framework.StringMap(ctx, m.SpotLimits, diags),
		OnDemandLimits: framework.StringMap(ctx, m.OnDemandLimits, diags),
	}.Render()
	if probs.HasErrors() {
		return probs
	}
	m.SpotName = types.StringValue(objs[0]["metadata"].(map[string]any)["name"].(string))
	m.OnDemandName = types.StringValue(objs[1]["metadata"].(map[string]any)["name"].(string))
	m.SpotManifest, m.SpotYAML, m.SpotJSON = framework.RenderObject(objs[0], diags)
	m.OnDemandManifest, m.OnDemandYAML, m.OnDemandJSON = framework.RenderObject(objs[1], diags)
	m.Manifests, m.YAML, m.JSON = framework.RenderObjects(objs, diags)
	return probs
}
