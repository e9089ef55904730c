package eks

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	cc "github.com/scalingkit/terraform-provider-scaling/internal/core/model/componentconfig"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
	"github.com/scalingkit/terraform-provider-scaling/internal/tfresource"
)

// planLookupTimeout bounds the API calls a plan makes to check the
// settings, so an unreachable endpoint slows a plan down by seconds, not
// by the SDK's whole retry budget.
const planLookupTimeout = 20 * time.Second

// ValidateConfig checks what needs no API and the schema does not:
// duration formats, the weights' count and bounds, the NodePort range's
// order. Terraform runs it on
// `validate` and before every plan.
func (r *controlPlaneTierResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m controlPlaneTierModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	managed, d := m.components().managedConfig(ctx)
	resp.Diagnostics.Append(d...)
	framework.AddProblems(&resp.Diagnostics, cc.CheckFormat(managed))
	resp.Diagnostics.Append(m.components().weightDiagnostics(ctx)...)
}

// ModifyPlan keeps the computed attributes when the tier does not change
// (e.g. only timeouts or revert_on_destroy changed), so the plan shows no
// spurious "known after apply", and checks the settings against the
// limits of the cluster's version on the planned tier.
func (r *controlPlaneTierResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan controlPlaneTierModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	var state *controlPlaneTierModel
	if !req.State.Raw.IsNull() {
		state = &controlPlaneTierModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if state != nil && !plan.Tier.IsUnknown() && plan.Tier.Equal(state.Tier) && plan.ClusterName.Equal(state.ClusterName) {
		plan.PreviousTier = state.PreviousTier
		plan.LastUpdateID = state.LastUpdateID
		plan.KubernetesVersion = state.KubernetesVersion
		plan.APIRequestConcurrency = state.APIRequestConcurrency
		plan.PodSchedulingRatePerSecond = state.PodSchedulingRatePerSecond
		plan.ClusterDatabaseSizeGB = state.ClusterDatabaseSizeGB
		resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
	}
	resp.Diagnostics.Append(r.checkSettings(ctx, &plan, state)...)
}

// checkSettings checks the planned settings against DescribeClusterVersions
// for the cluster's version and the planned tier (the published limits
// when the cluster cannot be read yet, e.g. it is created in the same
// apply), and, when the plan returns the cluster to standard, the
// settings it does not manage: EKS refuses the return while the HPA sync
// period is not its default, whoever set it. A plan that changes neither
// tier nor settings makes no call.
func (r *controlPlaneTierResource) checkSettings(ctx context.Context, plan, state *controlPlaneTierModel) diag.Diagnostics {
	var diags diag.Diagnostics
	if plan.Tier.IsUnknown() {
		return diags
	}
	tier := plan.Tier.ValueString()
	managed, d := plan.components().managedConfig(ctx)
	diags.Append(d...)
	var wasManaged cc.Config
	if state != nil {
		wasManaged, d = state.components().managedConfig(ctx)
		diags.Append(d...)
	}
	toStandard := tier == tiers.Standard && (state == nil || state.Tier.ValueString() != tiers.Standard)
	unchanged := state != nil && plan.Tier.Equal(state.Tier) && plan.components().Equal(state.components())
	if diags.HasError() || unchanged || (managed.Empty() && !toStandard) {
		return diags
	}

	lim := cc.Published("", tier)
	var cluster *awstypes.Cluster
	if r.Client != nil && !plan.ClusterName.IsUnknown() {
		ctx, cancel := context.WithTimeout(ctx, planLookupTimeout)
		defer cancel()
		name := plan.ClusterName.ValueString()
		c, err := findCluster(ctx, r.Client.EKS, name)
		version := ""
		switch {
		case err == nil:
			cluster, version = c, aws.ToString(c.Version)
		case state != nil && !state.KubernetesVersion.IsNull():
			version = state.KubernetesVersion.ValueString()
		}
		if err != nil && !tfresource.IsNotFound(err) {
			diags.AddWarning("Control-plane settings checked against the published limits",
				fmt.Sprintf("Reading EKS cluster %q at plan time failed (%v), so the settings were checked against %s; apply will check them again.", name, err, cc.PublishedSource))
		}
		if version != "" {
			l, err := findComponentLimits(ctx, r.Client.EKS, version, tier)
			if err != nil && !tfresource.IsNotFound(err) {
				diags.AddWarning("Control-plane settings checked against the published limits",
					fmt.Sprintf("DescribeClusterVersions for Kubernetes %s failed (%v), so the settings were checked against %s; apply will check them again.", version, err, cc.PublishedSource))
			}
			lim = l
		}
	}
	framework.AddProblems(&diags, cc.Check(managed, lim))
	if cluster == nil || !toStandard {
		return diags
	}
	// What the cluster will have on standard: its settings, with the ones
	// no longer managed back at their defaults and the managed ones as
	// planned. Problems with the managed ones were reported above.
	resets := cc.Removed(wasManaged, managed)
	effective := clusterConfig(cluster).Overlay(lim.Defaults().Only(resets)).Overlay(managed)
	for _, p := range cc.Check(effective.Without(managed), lim) {
		diags.AddAttributeError(path.Root("tier"), "The cluster cannot return to standard with its current settings",
			fmt.Sprintf("EKS cluster %q has %s set outside this resource: %s. EKS refuses to move the control plane to standard until it is back at its default. "+
				"Add %s to this resource with the default value (it is then set before the tier changes), or reset it first.",
				plan.ClusterName.ValueString(), p.Path, p.Message, p.Path))
	}
	return diags
}
