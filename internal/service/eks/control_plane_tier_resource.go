package eks

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	cc "github.com/scalingkit/terraform-provider-scaling/internal/core/model/componentconfig"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
	"github.com/scalingkit/terraform-provider-scaling/internal/tfresource"
)

// Default timeouts: AWS says a tier change takes minutes.
const (
	defaultCreateTimeout = 60 * time.Minute
	defaultUpdateTimeout = 60 * time.Minute
	defaultDeleteTimeout = 60 * time.Minute
	// settleTimeout bounds the re-read that records the real tier after a
	// failed or canceled change.
	settleTimeout = 30 * time.Second
)

var (
	_ resource.Resource                   = (*controlPlaneTierResource)(nil)
	_ resource.ResourceWithConfigure      = (*controlPlaneTierResource)(nil)
	_ resource.ResourceWithImportState    = (*controlPlaneTierResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*controlPlaneTierResource)(nil)
	_ resource.ResourceWithValidateConfig = (*controlPlaneTierResource)(nil)
)

// clusterNameRegexp is EKS's cluster name pattern.
var clusterNameRegexp = regexp.MustCompile(`^[0-9A-Za-z][A-Za-z0-9\-_]*$`)

func newControlPlaneTierResource() resource.Resource {
	return &controlPlaneTierResource{}
}

type controlPlaneTierResource struct {
	framework.AWSResource
}

func (r *controlPlaneTierResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "scaling_control_plane_tier"
}

type controlPlaneTierModel struct {
	ID                          types.String   `tfsdk:"id"`
	ClusterName                 types.String   `tfsdk:"cluster_name"`
	Tier                        types.String   `tfsdk:"tier"`
	RevertOnDestroy             types.Bool     `tfsdk:"revert_on_destroy"`
	PreviousTier                types.String   `tfsdk:"previous_tier"`
	LastUpdateID                types.String   `tfsdk:"last_update_id"`
	KubernetesVersion           types.String   `tfsdk:"kubernetes_version"`
	APIRequestConcurrency       types.Int64    `tfsdk:"api_request_concurrency"`
	PodSchedulingRatePerSecond  types.Int64    `tfsdk:"pod_scheduling_rate_per_second"`
	ClusterDatabaseSizeGB       types.Int64    `tfsdk:"cluster_database_size_gb"`
	KubeControllerManagerConfig types.Object   `tfsdk:"kube_controller_manager_config"`
	KubeSchedulerConfig         types.Object   `tfsdk:"kube_scheduler_config"`
	KubeAPIServerConfig         types.Object   `tfsdk:"kube_api_server_config"`
	Timeouts                    timeouts.Value `tfsdk:"timeouts"`
}

// components are the model's advanced control-plane settings.
func (m *controlPlaneTierModel) components() componentObjects {
	return componentObjects{m.KubeControllerManagerConfig, m.KubeSchedulerConfig, m.KubeAPIServerConfig}
}

func (m *controlPlaneTierModel) setComponents(o componentObjects) {
	m.KubeControllerManagerConfig, m.KubeSchedulerConfig, m.KubeAPIServerConfig = o.ControllerManager, o.Scheduler, o.APIServer
}

func (r *controlPlaneTierResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The provisioned control-plane tier of an existing EKS cluster " +
			"(`controlPlaneScalingConfig.tier`), and its advanced control-plane configuration (`kubeControllerManagerConfig`, " +
			"`kubeSchedulerConfig`, `kubeApiServerConfig`). Apply calls `UpdateClusterConfig` and waits until each update is " +
			"`Successful`, ordering the tier change and the settings as the tier rules need; destroy moves the cluster back to " +
			"`standard` and the managed settings back to their defaults unless `revert_on_destroy` is false. " +
			"The capabilities the tier gives, and the settings' limits, are read from `DescribeClusterVersions` for the cluster's Kubernetes version.",
		Attributes: withAttributes(map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The cluster name.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"cluster_name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name of the existing EKS cluster. Changing it replaces the resource (the old cluster is reverted first when `revert_on_destroy` is true).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 100),
					stringvalidator.RegexMatches(clusterNameRegexp,
						"must be an EKS cluster name: letters, digits, hyphens and underscores, starting with a letter or digit"),
				},
			},
			"tier": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Control-plane tier: one of `standard`, `tier-xl`, `tier-2xl`, `tier-4xl`, `tier-8xl`. " +
					"Going back to `standard` is only allowed while the cluster's etcd database is under 8 GB.",
				Validators: []validator.String{stringvalidator.OneOf(tiers.Names...)},
			},
			"revert_on_destroy": schema.BoolAttribute{
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(true),
				MarkdownDescription: "When true (the default), destroying the resource sets the managed control-plane settings back to their defaults, then the cluster back to `standard`. When false, destroy only forgets them and the cluster keeps its tier (and keeps paying for it) and settings.",
			},
			"previous_tier": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The tier the cluster had before the last change this resource made (or, on import or when a refresh finds the cluster moved to another tier, before the update that put it on its tier).",
			},
			"last_update_id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "ID of the last tier update (`ControlPlaneScalingConfigUpdate`) this resource started or adopted (`DescribeUpdate`); null when no change was needed.",
			},
			"kubernetes_version": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The cluster's Kubernetes version, whose tier capabilities are reported.",
			},
			"api_request_concurrency": schema.Int64Attribute{
				Computed:            true,
				MarkdownDescription: "Concurrent API request seats the tier gives (`DescribeClusterVersions`); null if the API does not list the tier.",
			},
			"pod_scheduling_rate_per_second": schema.Int64Attribute{
				Computed:            true,
				MarkdownDescription: "Pods per second the tier's scheduler binds (`DescribeClusterVersions`).",
			},
			"cluster_database_size_gb": schema.Int64Attribute{
				Computed:            true,
				MarkdownDescription: "The tier's etcd database size limit in GB (`DescribeClusterVersions`).",
			},
		}, componentConfigAttributes()),
		Blocks: map[string]schema.Block{
			"timeouts": framework.DescribedTimeoutsBlock(ctx, timeouts.Opts{Create: true, Update: true, Delete: true},
				fmt.Sprintf("changing the tier and the settings, and reverting them on destroy with `revert_on_destroy` (default %s each)", framework.DurationText(defaultCreateTimeout))),
		},
	}
}

func (r *controlPlaneTierResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan controlPlaneTierModel
	ctx, cancel, ok := framework.GetWithTimeout(ctx, req.Plan, &plan, &plan.Timeouts, timeouts.Value.Create, defaultCreateTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	managed, d := plan.components().managedConfig(ctx)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}

	cluster, tier := plan.ClusterName.ValueString(), plan.Tier.ValueString()
	target := convergeTarget{Cluster: cluster, Tier: tier, Managed: managed}
	res, err := r.converge(ctx, target, propagationTimeout)
	if tfresource.IsNotFound(err) && res.Step == stepFind {
		resp.Diagnostics.AddAttributeError(path.Root("cluster_name"), "EKS cluster not found",
			fmt.Sprintf("No EKS cluster named %q exists in region %s (%v). Create the cluster first (or check cluster_name and the provider's region); nothing was written to state.",
				cluster, r.Client.Region, err))
		return
	}
	if err != nil {
		settleCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), settleTimeout)
		defer cancel()
		if ctx.Err() != nil {
			res = r.interrupted(settleCtx, target, res)
		}
		if ctx.Err() != nil && res.changedCluster() {
			// Canceled or timed out after changing the cluster, or while
			// AWS goes on changing it. Terraform taints a create that
			// returns an error and replaces it on the next apply: revert
			// the cluster to standard and change it again. So the resource
			// is saved with its planned values and the interruption is a
			// warning: Read follows the updates still running, and the next
			// plan shows what is left to do.
			plan.PreviousTier = types.StringValue(res.previousTier())
			plan.LastUpdateID = updateIDValue(res.Tier.Update)
			r.saveInterrupted(settleCtx, &plan, res, &resp.State, resp.Private, &resp.Diagnostics)
			resp.Diagnostics.AddWarning("The EKS control-plane change is still in progress",
				fmt.Sprintf("%v\n\n%s The resource is saved with the configured values; refresh follows the updates still running, and if one fails "+
					"the next plan shows the change again and apply retries it. Nothing is reverted.", err, res.describe(cluster)))
			return
		}
		// Otherwise nothing is saved: the cluster keeps what it really
		// has, and the next apply adopts it and tries again.
		resp.Diagnostics.AddError("Changing the EKS control plane failed", r.describeFailure(settleCtx, cluster, res, err))
		return
	}
	if res.Tier.Update == nil {
		// The cluster already had the tier: adopt the update that put it
		// there, as import does (e.g. one an earlier, interrupted apply
		// started and that ended before this one began).
		res.Tier = adoptLatestTierUpdate(ctx, r.Client.EKS, cluster, tier, res.Tier)
	}
	plan.ID = plan.ClusterName
	plan.PreviousTier = types.StringValue(res.previousTier())
	plan.LastUpdateID = updateIDValue(res.Tier.Update)
	if d := r.refresh(ctx, &plan); d.HasError() {
		// The change is made. An error would taint the resource, and the
		// next apply would replace it: revert the cluster to standard and
		// change it again. The next refresh fills what this read missed.
		for _, e := range d.Errors() {
			resp.Diagnostics.AddWarning(e.Summary(), e.Detail()+"\n\nThe control-plane change itself succeeded and is saved; the next refresh reads the rest.")
		}
		plan.nullUnread()
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *controlPlaneTierResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state controlPlaneTierModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	cluster := state.ClusterName.ValueString()
	c, err := findCluster(ctx, r.Client.EKS, cluster)
	if tfresource.IsNotFound(err) {
		resp.Diagnostics.AddWarning("EKS cluster gone",
			fmt.Sprintf("EKS cluster %q no longer exists; removing its control-plane tier from state.", cluster))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Reading the EKS control-plane tier failed", err.Error())
		return
	}
	// An update still running decides the outcome: report the tier it
	// moves to, and keep the settings an apply asked for while their
	// update runs, so a plan made meanwhile compares the configuration
	// with where the cluster is going, not with where it was.
	inFlight, diags := r.findInFlight(ctx, c, req.Private)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(inFlight.remember(ctx, resp.Private)...)
	tier := clusterTier(c)
	if inFlight.Tier != nil {
		tier = updateParam(inFlight.Tier, awstypes.UpdateParamTypeUpdatedTier)
	}
	if !state.PreviousTier.IsNull() && tier != state.Tier.ValueString() {
		// The cluster moved since the last save: e.g. the call of an
		// interrupted apply started its update only after the apply gave
		// up. Record the update that moved it, as import does, so a plan
		// with nothing left to do still says where the tier came from.
		change := tierChange{Update: inFlight.Tier, Previous: updateParam(inFlight.Tier, awstypes.UpdateParamTypePreviousTier)}
		if change.Update == nil {
			change = adoptLatestTierUpdate(ctx, r.Client.EKS, cluster, tier, change)
		}
		if change.Update != nil {
			state.LastUpdateID = updateIDValue(change.Update)
			state.PreviousTier = types.StringValue(change.Previous)
		}
	}
	actual := clusterConfig(c)
	switch {
	case state.PreviousTier.IsNull():
		// Just imported: previous_tier and last_update_id from the
		// cluster's update history, and the settings that differ from
		// their defaults.
		latest := inFlight.Tier
		if latest == nil {
			if latest, err = findLatestTierUpdate(ctx, r.Client.EKS, cluster); err != nil {
				resp.Diagnostics.AddError("Reading the EKS control-plane tier failed", err.Error())
				return
			}
		}
		state.LastUpdateID = updateIDValue(latest)
		state.PreviousTier = types.StringValue(tier)
		if latest != nil {
			state.PreviousTier = types.StringValue(updateParam(latest, awstypes.UpdateParamTypePreviousTier))
		}
		lim, _ := findComponentLimits(ctx, r.Client.EKS, aws.ToString(c.Version), tier)
		objs, d := importedObjects(actual, lim.Defaults())
		resp.Diagnostics.Append(d...)
		state.setComponents(objs)
	case inFlight.Component == nil:
		objs, d := state.components().refreshed(ctx, actual)
		resp.Diagnostics.Append(d...)
		state.setComponents(objs)
	}
	resp.Diagnostics.Append(r.fill(ctx, &state, c, tier)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *controlPlaneTierResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state controlPlaneTierModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, ok := framework.GetWithTimeout(ctx, req.Plan, &plan, &plan.Timeouts, timeouts.Value.Update, defaultUpdateTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	managed, d := plan.components().managedConfig(ctx)
	resp.Diagnostics.Append(d...)
	wasManaged, d := state.components().managedConfig(ctx)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}

	cluster, tier := plan.ClusterName.ValueString(), plan.Tier.ValueString()
	if plan.Tier.Equal(state.Tier) && plan.components().Equal(state.components()) {
		// Only timeouts or revert_on_destroy changed: no API call.
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		return
	}
	target := convergeTarget{Cluster: cluster, Tier: tier, Managed: managed, Resets: cc.Removed(wasManaged, managed)}
	res, err := r.converge(ctx, target, propagationTimeout)
	if err != nil {
		settleCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), settleTimeout)
		defer cancel()
		if ctx.Err() != nil {
			res = r.interrupted(settleCtx, target, res)
		}
		// Record what Read would: the tier in effect, or the one an update
		// still running moves to; the settings in effect, or the ones an
		// update still running applies. The next plan starts from there.
		// An update error does not taint, so this one stays an error.
		state.Timeouts, state.RevertOnDestroy = plan.Timeouts, plan.RevertOnDestroy
		if res.Tier.Update != nil {
			state.LastUpdateID = updateIDValue(res.Tier.Update)
			state.PreviousTier = types.StringValue(res.previousTier())
		}
		if c, ferr := findCluster(settleCtx, r.Client.EKS, cluster); ferr == nil {
			tierNow := clusterTier(c)
			if res.Tier.inProgress() {
				tierNow = tier
			}
			if res.Component.inProgress() {
				state.setComponents(plan.components())
			} else {
				objs, d := state.components().refreshed(settleCtx, clusterConfig(c))
				resp.Diagnostics.Append(d...)
				state.setComponents(objs)
			}
			r.fill(settleCtx, &state, c, tierNow)
			resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
			resp.Diagnostics.Append(res.inFlight().remember(ctx, resp.Private)...)
		}
		resp.Diagnostics.AddError("Changing the EKS control plane failed", r.describeFailure(settleCtx, cluster, res, err))
		return
	}
	if !plan.Tier.Equal(state.Tier) {
		plan.PreviousTier = types.StringValue(res.previousTier())
		plan.LastUpdateID = state.LastUpdateID
		if res.Tier.Update != nil {
			plan.LastUpdateID = updateIDValue(res.Tier.Update)
		}
	}
	resp.Diagnostics.Append(r.refresh(ctx, &plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(inFlightUpdates{}.remember(ctx, resp.Private)...)
}

func (r *controlPlaneTierResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state controlPlaneTierModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !state.RevertOnDestroy.ValueBool() {
		return
	}
	ctx, cancel := framework.WithTimeout(ctx, state.Timeouts.Delete, defaultDeleteTimeout, &resp.Diagnostics)
	defer cancel()
	managed, d := state.components().managedConfig(ctx)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	cluster := state.ClusterName.ValueString()
	// The managed settings go back to their defaults, then the tier to
	// standard (an HPA sync period other than the default blocks it). On
	// destroy a missing cluster is gone, not "not yet visible".
	res, err := r.converge(ctx, convergeTarget{Cluster: cluster, Tier: tiers.Standard, Resets: managed}, 0)
	if tfresource.IsNotFound(err) {
		return // the cluster is gone, and its tier with it
	}
	if err != nil {
		resp.Diagnostics.AddError("Reverting the EKS control plane to standard failed", r.describeFailure(ctx, cluster, res, err))
	}
}

func (r *controlPlaneTierResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	valid := req.ID != "" && clusterNameRegexp.MatchString(req.ID)
	if !framework.ImportID(ctx, req, resp, valid, "Import by EKS cluster name, e.g. `terraform import scaling_control_plane_tier.this my-cluster`",
		"id", "cluster_name") {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("revert_on_destroy"), true)...)
}
