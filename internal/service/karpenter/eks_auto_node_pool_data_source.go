package karpenter

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/eksauto"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/karpenterv1"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ datasource.DataSourceWithValidateConfig = (*eksAutoNodePoolDataSource)(nil)
	_ framework.ComputedModel                 = (*eksAutoNodePoolModel)(nil)
)

func newEKSAutoNodePoolDataSource() datasource.DataSource { return &eksAutoNodePoolDataSource{} }

type eksAutoNodePoolDataSource struct {
	framework.OfflineDataSource[eksAutoNodePoolModel, *eksAutoNodePoolModel]
}

func (d *eksAutoNodePoolDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "scaling_eks_auto_node_pool"
}

type eksAutoNodePoolModel struct {
	nodePoolFields
	singlePoolFields
	Manifest types.Dynamic `tfsdk:"manifest"`
	YAML     types.String  `tfsdk:"yaml"`
	JSON     types.String  `tfsdk:"json"`
}

func (d *eksAutoNodePoolDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := nodePoolAttributes("NodePool name (lowercase, at most 63 characters). Not `general-purpose` or `system`: those are EKS Auto Mode's "+
		"built-in pools, which cannot be changed (only enabled or disabled in the cluster's compute config).",
		"Name of the EKS Auto Mode NodeClass the nodes use. Default `"+eksauto.BuiltinNodeClass+"` (the NodeClass Auto Mode creates with its "+
			"built-in pools); a custom one comes from `scaling_eks_auto_node_class`.", karpenterv1.EKSAutoLabelKeys)
	attrs["expire_after"] = schema.StringAttribute{Optional: true, MarkdownDescription: "Node lifetime (`spec.template.spec.expireAfter`), e.g. `168h`, or `Never`. " +
		"Default `" + eksauto.DefaultExpireAfter + "`, EKS Auto Mode's own default."}
	singlePoolAttributes(attrs, "scaling_eks_auto_node_class")
	addObjectOutputs(attrs, "NodePool")
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders an EKS Auto Mode NodePool offline, at plan time: a `" + karpenterv1.NodePoolAPIVersion + "` NodePool " +
			"whose `nodeClassRef` is group `" + eksauto.Group + "`, kind `" + eksauto.Kind + "`, with the `eks.amazonaws.com/instance-*` " +
			"label keys Auto Mode nodes carry and the fast-scaling defaults of `scaling_karpenter_node_pool` (broad instance categories, " +
			"spot and on-demand, consolidation after 1m). Karpenter's `karpenter.k8s.aws/*` keys, `kubernetes.io/os` (Auto Mode runs " +
			"Linux only) and the built-in pool names fail the plan with the Auto Mode form. Checked against Karpenter's v1.14 NodePool CRD; " +
			"the contract is the EKS user guide page \"Create a Node Pool for EKS Auto Mode\".",
		Attributes: attrs,
	}
}

// Compute renders the NodePool.
func (m *eksAutoNodePoolModel) Compute(ctx context.Context, diags *diag.Diagnostics) problem.List {
	np := eksauto.NodePool(m.singlePool(ctx, m.nodePool(ctx, nodeClassRefFields{}, diags), diags))
	obj, probs := np.Render()
	if !probs.HasErrors() {
		m.Manifest, m.YAML, m.JSON = framework.RenderObject(obj, diags)
	}
	return probs
}
