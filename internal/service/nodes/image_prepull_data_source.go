package nodes

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/imageprepull"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ datasource.DataSourceWithValidateConfig = (*imagePrepullDataSource)(nil)
	_ framework.ComputedModel                 = (*imagePrepullModel)(nil)
)

func newImagePrepullDataSource() datasource.DataSource { return &imagePrepullDataSource{} }

type imagePrepullDataSource struct {
	framework.OfflineDataSource[imagePrepullModel, *imagePrepullModel]
}

func (d *imagePrepullDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "scaling_image_prepull"
}

type imagePrepullModel struct {
	Name              types.String  `tfsdk:"name"`
	Namespace         types.String  `tfsdk:"namespace"`
	Images            types.List    `tfsdk:"images"`
	NodePools         types.List    `tfsdk:"node_pools"`
	NodeSelector      types.Map     `tfsdk:"node_selector"`
	Taints            []taintModel  `tfsdk:"taints"`
	HostNetwork       types.Bool    `tfsdk:"host_network"`
	PauseImage        types.String  `tfsdk:"pause_image"`
	HelperImage       types.String  `tfsdk:"helper_image"`
	ImagePullSecrets  types.List    `tfsdk:"image_pull_secrets"`
	PriorityClassName types.String  `tfsdk:"priority_class_name"`
	Manifest          types.Dynamic `tfsdk:"manifest"`
	YAML              types.String  `tfsdk:"yaml"`
	JSON              types.String  `tfsdk:"json"`
	SOCI              types.Map     `tfsdk:"soci"`
}

func (d *imagePrepullDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"name":      schema.StringAttribute{Required: true, MarkdownDescription: "DaemonSet name (at most 63 characters)."},
		"namespace": schema.StringAttribute{Optional: true, MarkdownDescription: "Namespace. Default `" + imageprepull.DefaultNamespace + "`; with `host_network` it must allow host networking (Pod Security `privileged`)."},
		"images": schema.ListAttribute{ElementType: types.StringType, Required: true, MarkdownDescription: "Images to pull onto each node (1-50), pinned by tag and " +
			"digest, e.g. `123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:v1.4.2@sha256:<digest>`. `:latest` or untagged references " +
			"are warned about (a node never refreshes its copy), a tag without a digest too. They are pulled one after another."},
		"node_pools":    schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "NodePools whose nodes get the images (node affinity on `karpenter.sh/nodepool`)."},
		"node_selector": schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "More node labels to match. `node_pools` or `node_selector` is required."},
		"taints": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "Taints of those nodes to tolerate, startup taints included (e.g. " +
			"`concat(data.scaling_node_readiness_rule.cni.startup_taints, [{ key = \"nvidia.com/gpu\", effect = \"NoSchedule\" }])`), so the pull runs while " +
			"the node is still held back. A taint without `value` is tolerated whatever its value, one without `effect` whatever its effect.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"key":    schema.StringAttribute{Required: true, MarkdownDescription: "Taint key."},
				"value":  schema.StringAttribute{Optional: true, MarkdownDescription: "Taint value."},
				"effect": schema.StringAttribute{Optional: true, MarkdownDescription: "`NoSchedule`, `PreferNoSchedule` or `NoExecute`."},
			}}},
		"host_network": schema.BoolAttribute{Optional: true, MarkdownDescription: "Run on the host network (default true): the pods take no pod IP and " +
			"start before the CNI is ready, so the images are pulled while the node waits for its readiness taints to go."},
		"pause_image":         schema.StringAttribute{Optional: true, MarkdownDescription: "The container that keeps the pod (and the images) on the node. Default `" + imageprepull.DefaultPauseImage + "`."},
		"helper_image":        schema.StringAttribute{Optional: true, MarkdownDescription: "Image with a statically linked busybox at `/bin/busybox` (copied and run as `true` inside every pulled image, which may have no shell). Default `" + imageprepull.DefaultHelperImage + "`; mirror it for private clusters."},
		"image_pull_secrets":  schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Pull secrets in the namespace (ECR needs none with the node role)."},
		"priority_class_name": schema.StringAttribute{Optional: true, MarkdownDescription: "Priority class of the pods."},
		"soci": schema.MapAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "How to turn on SOCI parallel pull and unpack " +
			"(faster pulls of large images) per node type: `al2023`, `bottlerocket`, `auto_mode`. It is a node setting " +
			"(`scaling_karpenter_ec2_node_class` `user_data.fast_image_pull`), not part of the DaemonSet."},
	}
	addObjectOutputs(attrs, "DaemonSet")
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders an `apps/v1` DaemonSet that pulls a list of images onto every node of the given NodePools, for nodes with no " +
			"user data hook (Bottlerocket, EKS Auto Mode) or any other: one init container per image that exits at once (it runs a static " +
			"busybox `true` copied into the pod, so images without a shell work), then a pause container that keeps the pod and its images " +
			"on the node; requests of 1m CPU and 8Mi memory so bin-packing is not disturbed; tolerations for the pools' taints. Pods that " +
			"then land on those nodes skip the pull: set `image_cached_on_node = true` in `scaling_latency_estimate` for them. Validated " +
			"with kube-apiserver's own DaemonSet validation.",
		Attributes: attrs,
	}
}

func (m imagePrepullModel) input(ctx context.Context, diags *diag.Diagnostics) imageprepull.Spec {
	s := imageprepull.Spec{
		Name:              m.Name.ValueString(),
		Namespace:         m.Namespace.ValueString(),
		Images:            framework.StringList(ctx, m.Images, diags),
		NodePools:         framework.StringList(ctx, m.NodePools, diags),
		NodeSelector:      framework.StringMap(ctx, m.NodeSelector, diags),
		PauseImage:        m.PauseImage.ValueString(),
		HelperImage:       m.HelperImage.ValueString(),
		ImagePullSecrets:  framework.StringList(ctx, m.ImagePullSecrets, diags),
		PriorityClassName: m.PriorityClassName.ValueString(),
	}
	if !m.HostNetwork.IsNull() {
		v := m.HostNetwork.ValueBool()
		s.HostNetwork = &v
	}
	for _, t := range m.Taints {
		s.Taints = append(s.Taints, imageprepull.Taint{Key: t.Key.ValueString(), Value: t.Value.ValueString(), Effect: t.Effect.ValueString()})
	}
	return s
}

// Compute renders the DaemonSet.
func (m *imagePrepullModel) Compute(ctx context.Context, diags *diag.Diagnostics) problem.List {
	obj, probs := m.input(ctx, diags).Render()
	if probs.HasErrors() {
		return probs
	}
	m.Manifest, m.YAML, m.JSON = framework.RenderObject(obj, diags)
	soci, d := types.MapValueFrom(ctx, types.StringType, imageprepull.SOCI)
	diags.Append(d...)
	m.SOCI = soci
	return probs
}
