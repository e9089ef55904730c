package nodes

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/nodereadiness"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ datasource.DataSourceWithValidateConfig = (*nodeReadinessRuleDataSource)(nil)
	_ framework.ComputedModel                 = (*nodeReadinessRuleModel)(nil)
)

func newNodeReadinessRuleDataSource() datasource.DataSource { return &nodeReadinessRuleDataSource{} }

type nodeReadinessRuleDataSource struct {
	framework.OfflineDataSource[nodeReadinessRuleModel, *nodeReadinessRuleModel]
}

func (d *nodeReadinessRuleDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "scaling_node_readiness_rule"
}

type nodeReadinessRuleModel struct {
	Name               types.String     `tfsdk:"name"`
	Presets            types.List       `tfsdk:"presets"`
	Conditions         []conditionModel `tfsdk:"conditions"`
	Taint              *taintModel      `tfsdk:"taint"`
	NodePools          types.List       `tfsdk:"node_pools"`
	NodeSelector       types.Map        `tfsdk:"node_selector"`
	EnforcementMode    types.String     `tfsdk:"enforcement_mode"`
	DryRun             types.Bool       `tfsdk:"dry_run"`
	APIVersion         types.String     `tfsdk:"api_version"`
	RequiredDaemonSets types.Dynamic    `tfsdk:"required_daemon_sets"`
	ReadinessTimeout   types.Dynamic    `tfsdk:"readiness_timeout"`
	Manifest           types.Dynamic    `tfsdk:"manifest"`
	YAML               types.String     `tfsdk:"yaml"`
	JSON               types.String     `tfsdk:"json"`
	StartupTaints      []taintModel     `tfsdk:"startup_taints"`
	Reporters          []reporterModel  `tfsdk:"reporters"`
}

type conditionModel struct {
	Type           types.String `tfsdk:"type"`
	RequiredStatus types.String `tfsdk:"required_status"`
	DefaultStatus  types.String `tfsdk:"default_status"`
}

type reporterModel struct {
	Preset        types.String `tfsdk:"preset"`
	Component     types.String `tfsdk:"component"`
	ConditionType types.String `tfsdk:"condition_type"`
	CheckEndpoint types.String `tfsdk:"check_endpoint"`
	HostNetwork   types.Bool   `tfsdk:"host_network"`
	Feed          types.String `tfsdk:"feed"`
}

func (d *nodeReadinessRuleDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	statuses := framework.Quoted(nodereadiness.Statuses)
	attrs := map[string]schema.Attribute{
		"name": schema.StringAttribute{Required: true, MarkdownDescription: "Rule name (cluster-scoped; the taint key defaults to `readiness.k8s.io/<name>`)."},
		"presets": schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Components the nodes wait on: " +
			framework.Quoted(nodereadiness.PresetNames()) + ". Each adds the condition `" + nodereadiness.ConditionDomain + "/<Component>Ready` = " +
			"`True`. The components do not set node conditions themselves: `reporters` says how to feed each one."},
		"conditions": schema.ListNestedAttribute{Optional: true, MarkdownDescription: "Free-form node conditions, after the presets; 1-32 in all, every one must hold.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"type":            schema.StringAttribute{Required: true, MarkdownDescription: "Condition type, e.g. `example.com/AgentReady` (1-316 characters; a domain keeps it apart from the kubelet's own)."},
				"required_status": schema.StringAttribute{Optional: true, MarkdownDescription: "Status the condition must have: " + statuses + ". Default `True`."},
				"default_status": schema.StringAttribute{Optional: true, MarkdownDescription: "How a missing condition is evaluated (" + statuses + "); with " +
					"`enforcement_mode = \"continuous\"` only (controller v0.4.1 and later). E.g. `False` with `required_status = \"False\"` for a problem gate."},
			}}},
		"taint": schema.SingleNestedAttribute{Optional: true, MarkdownDescription: "The taint kept on a node until the conditions hold. Put the same taint in " +
			"the NodePool's `startup_taints` (the `startup_taints` output) so nodes register already tainted.",
			Attributes: map[string]schema.Attribute{
				"key":    schema.StringAttribute{Optional: true, MarkdownDescription: "Taint key under `readiness.k8s.io/` (the CRD requires that domain). Default `readiness.k8s.io/<name>`."},
				"value":  schema.StringAttribute{Optional: true, MarkdownDescription: "Taint value. Default `" + nodereadiness.DefaultTaintValue + "`."},
				"effect": schema.StringAttribute{Optional: true, MarkdownDescription: "One of " + framework.Quoted(nodereadiness.TaintEffects) + ". Default `" + nodereadiness.DefaultTaintEffect + "`."},
			}},
		"node_pools":    schema.ListAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "Karpenter (or EKS Auto Mode) NodePools whose nodes the rule gates (`karpenter.sh/nodepool` In)."},
		"node_selector": schema.MapAttribute{ElementType: types.StringType, Optional: true, MarkdownDescription: "More node labels to match. `node_pools` or `node_selector` is required: an empty selector would match every node."},
		"enforcement_mode": schema.StringAttribute{Optional: true, MarkdownDescription: "`bootstrap-only` (default: gate each new node once, then leave it) or " +
			"`continuous` (taint again whenever a condition fails)."},
		"dry_run": schema.BoolAttribute{Optional: true, MarkdownDescription: "Evaluate and report in the rule's status without changing taints."},
		"api_version": schema.StringAttribute{Optional: true, MarkdownDescription: "Leave unset: always `" + nodereadiness.APIVersion + "`. Any other value " +
			"(the guides' `nodereadiness.k8s.io/...`) fails the plan."},
		"required_daemon_sets": schema.DynamicAttribute{Optional: true, MarkdownDescription: "Not a NodeReadinessRule field (the guides invent it): the " +
			"controller watches node conditions, not DaemonSets. Setting it fails the plan; use `presets` or `conditions`."},
		"readiness_timeout": schema.DynamicAttribute{Optional: true, MarkdownDescription: "Not a NodeReadinessRule field (the guides invent it): the taint " +
			"stays until the conditions hold. Setting it fails the plan."},
		"startup_taints": schema.ListNestedAttribute{Computed: true, MarkdownDescription: "The rule's taint as a one-element list, for the NodePool's " +
			"`startup_taints` (`scaling_karpenter_node_pool`, `scaling_karpenter_fallback_node_pools`, `scaling_eks_auto_node_pool`; `concat()` several " +
			"rules) and for `scaling_image_prepull`'s `taints`: the pool and the rule cannot drift apart.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"key":    schema.StringAttribute{Computed: true, MarkdownDescription: "Taint key."},
				"value":  schema.StringAttribute{Computed: true, MarkdownDescription: "Taint value."},
				"effect": schema.StringAttribute{Computed: true, MarkdownDescription: "Taint effect."},
			}}},
		"reporters": schema.ListNestedAttribute{Computed: true, MarkdownDescription: "For each preset, what sets its condition on the node.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"preset":         schema.StringAttribute{Computed: true, MarkdownDescription: "Preset name."},
				"component":      schema.StringAttribute{Computed: true, MarkdownDescription: "The component the nodes wait on."},
				"condition_type": schema.StringAttribute{Computed: true, MarkdownDescription: "The node condition (`CONDITION_TYPE` of the node-readiness-reporter)."},
				"check_endpoint": schema.StringAttribute{Computed: true, MarkdownDescription: "Health endpoint the reporter polls (`CHECK_ENDPOINT`); empty when the component serves none."},
				"host_network":   schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether a reporter DaemonSet needs `hostNetwork: true` to reach it (false: run the reporter as a sidecar of the component)."},
				"feed":           schema.StringAttribute{Computed: true, MarkdownDescription: "How to report the condition."},
			}}},
	}
	addObjectOutputs(attrs, "NodeReadinessRule")
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renders a Node Readiness Controller (kubernetes-sigs/node-readiness-controller) `" + nodereadiness.APIVersion +
			"` NodeReadinessRule offline, at plan time: a cluster-scoped rule that keeps a `readiness.k8s.io/` taint on the nodes of the " +
			"given pools until their daemons report ready (presets for the VPC CNI, the EBS CSI driver and the NVIDIA device plugin, " +
			"or free-form conditions). Checked against the CRD at commit `" + nodereadiness.PinnedCommit[:8] + "` (newer than v0.4.1). " +
			"The guides' invented `nodereadiness.k8s.io`, `requiredDaemonSets` and `readinessTimeout` fail the plan naming the real field.",
		Attributes: attrs,
	}
}

func (m nodeReadinessRuleModel) input(ctx context.Context, diags *diag.Diagnostics) nodereadiness.Rule {
	r := nodereadiness.Rule{
		Name:            m.Name.ValueString(),
		Presets:         framework.StringList(ctx, m.Presets, diags),
		NodePools:       framework.StringList(ctx, m.NodePools, diags),
		NodeSelector:    framework.StringMap(ctx, m.NodeSelector, diags),
		EnforcementMode: m.EnforcementMode.ValueString(),
		DryRun:          m.DryRun.ValueBool(),
		Guide:           nodereadiness.GuideFields{APIVersion: m.APIVersion.ValueString()},
	}
	for _, c := range m.Conditions {
		r.Conditions = append(r.Conditions, nodereadiness.Condition{
			Type: c.Type.ValueString(), RequiredStatus: c.RequiredStatus.ValueString(), DefaultStatus: c.DefaultStatus.ValueString(),
		})
	}
	if t := m.Taint; t != nil {
		r.Taint = nodereadiness.Taint{Key: t.Key.ValueString(), Value: t.Value.ValueString(), Effect: t.Effect.ValueString()}
	}
	// Only whether they are set matters: any value is rejected.
	if !m.RequiredDaemonSets.IsNull() {
		r.Guide.RequiredDaemonSets = []string{m.RequiredDaemonSets.String()}
	}
	if !m.ReadinessTimeout.IsNull() {
		r.Guide.ReadinessTimeout = m.ReadinessTimeout.String()
	}
	return r
}

// Compute renders the rule and its startup taint.
func (m *nodeReadinessRuleModel) Compute(ctx context.Context, diags *diag.Diagnostics) problem.List {
	r := m.input(ctx, diags)
	obj, probs := r.Render()
	if probs.HasErrors() {
		return probs
	}
	m.Manifest, m.YAML, m.JSON = framework.RenderObject(obj, diags)
	t := r.StartupTaint()
	m.StartupTaints = []taintModel{{Key: types.StringValue(t.Key), Value: types.StringValue(t.Value), Effect: types.StringValue(t.Effect)}}
	m.Reporters = []reporterModel{}
	for _, p := range r.Reporters() {
		m.Reporters = append(m.Reporters, reporterModel{
			Preset: types.StringValue(p.Name), Component: types.StringValue(p.Component), ConditionType: types.StringValue(p.ConditionType),
			CheckEndpoint: types.StringValue(p.CheckEndpoint), HostNetwork: types.BoolValue(p.HostNetwork), Feed: types.StringValue(p.Feed),
		})
	}
	return probs
}
