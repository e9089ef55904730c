package karpenter

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/karpenterv1"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ datasource.DataSourceWithValidateConfig = (*nodePoolDataSource)(nil)
	_ framework.ComputedModel                 = (*nodePoolModel)(nil)
)

func newNodePoolDataSource() datasource.DataSource { return &nodePoolDataSource{} }

type nodePoolDataSource struct {
	framework.OfflineDataSource[nodePoolModel, *nodePoolModel]
}

func (d *nodePoolDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "scaling_karpenter_node_pool"
}

type nodePoolModel struct {
	nodePoolFields
	nodeClassRefFields
	singlePoolFields
	Manifest types.Dynamic `tfsdk:"manifest"`
	YAML     types.String  `tfsdk:"yaml"`
	JSON     types.String  `tfsdk:"json"`
}

func (d *nodePoolDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := nodePoolAttributes("NodePool name (lowercase, at most 63 characters: Karpenter puts it in the `karpenter.sh/nodepool` label).",
		"Name of the EC2NodeClass the nodes use. Default `"+karpenterv1.DefaultNodeClassName+"`.", karpenterv1.KarpenterLabelKeys)
	nodeClassRefAttributes(attrs)
	singlePoolAttributes(attrs, "scaling_karpenter_ec2_node_class")
	addObjectOutputs(attrs, "NodePool")
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders a Karpenter `" + karpenterv1.NodePoolAPIVersion + "` NodePool offline, at plan time, valid against " +
			"the real CRD (schema and CEL rules of Karpenter v1.14): bad input fails the plan with the attribute named and the fix. " +
			"Defaults are for fast scale-out: broad instance flexibility (categories c, m, r, generation 5+, any size), spot and " +
			"on-demand, `WhenEmptyOrUnderutilized` consolidation after 1m, `expireAfter` 720h in `spec.template.spec`.",
		Attributes: attrs,
	}
}

// Compute renders the NodePool.
func (m *nodePoolModel) Compute(ctx context.Context, diags *diag.Diagnostics) problem.List {
	np := m.singlePool(ctx, m.nodePool(ctx, m.nodeClassRefFields, diags), diags)
	obj, probs := np.Render()
	if !probs.HasErrors() {
		m.Manifest, m.YAML, m.JSON = framework.RenderObject(obj, diags)
	}
	return probs
}
