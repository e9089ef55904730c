package karpenter

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/karpenterv1"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ datasource.DataSource                   = (*nodePoolDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*nodePoolDataSource)(nil)
)

func newNodePoolDataSource() datasource.DataSource {
	return &nodePoolDataSource{framework.OfflineDataSource{TypeName: "karpenter_node_pool"}}
}

type nodePoolDataSource struct{ framework.OfflineDataSource }

type nodePoolModel struct {
	nodePoolFields
	CapacityTypes types.List            `tfsdk:"capacity_types"`
	Weight        framework.WholeNumber `tfsdk:"weight"`
	objectFields
}

func (d *nodePoolDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := nodePoolAttributes("NodePool name (lowercase, at most 63 characters: Karpenter puts it in the `karpenter.sh/nodepool` label).")
	attrs["capacity_types"] = framework.OptionalStringList("Capacity types (`karpenter.sh/capacity-type` In): " + joinQuoted(karpenterv1.CapacityTypes) +
		". Default `[\"spot\", \"on-demand\"]`: Karpenter prefers spot and falls back to on-demand within one pool.")
	attrs["weight"] = schema.NumberAttribute{CustomType: framework.WholeNumberType{Min: 1, Max: 100}, Optional: true, MarkdownDescription: "Priority among NodePools, 1-100: the HIGHER " +
		"weight is tried first. Unset: no preference. `0` is invalid."}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders a Karpenter `" + karpenterv1.NodePoolAPIVersion + "` NodePool offline, at plan time, valid against " +
			"the real CRD (schema and CEL rules of Karpenter v1.14): bad input fails the plan with the attribute named and the fix. " +
			"Defaults are for fast scale-out: broad instance flexibility (categories c, m, r, generation 5+, any size), spot and " +
			"on-demand, `WhenEmptyOrUnderutilized` consolidation after 1m, `expireAfter` 720h in `spec.template.spec`.",
		Attributes: withObjectAttributes("NodePool", attrs),
	}
}

func (m nodePoolModel) input(ctx context.Context, diags *diag.Diagnostics) karpenterv1.NodePool {
	np := m.nodePool(ctx, diags)
	np.Requirements.CapacityTypes = framework.StringList(ctx, m.CapacityTypes, diags)
	np.Weight = m.Weight.Int64Pointer()
	return np
}

func (d *nodePoolDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	framework.ValidateRenderedConfig(ctx, req, resp, func(m *nodePoolModel, diags *diag.Diagnostics) problem.List {
		return m.input(ctx, diags).Validate()
	})
}

func (d *nodePoolDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	framework.ReadComputed(ctx, req, resp,
		func(m *nodePoolModel, diags *diag.Diagnostics) (k8sobj.Object, problem.List) {
			return m.input(ctx, diags).Render()
		},
		func(m *nodePoolModel, obj k8sobj.Object, diags *diag.Diagnostics) {
			m.set(obj, "NodePool", diags)
		})
}
