package eks

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

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
	_ resource.Resource                = (*controlPlaneTierResource)(nil)
	_ resource.ResourceWithConfigure   = (*controlPlaneTierResource)(nil)
	_ resource.ResourceWithImportState = (*controlPlaneTierResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*controlPlaneTierResource)(nil)
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
	ID                         types.String   `tfsdk:"id"`
	ClusterName                types.String   `tfsdk:"cluster_name"`
	Tier                       types.String   `tfsdk:"tier"`
	RevertOnDestroy            types.Bool     `tfsdk:"revert_on_destroy"`
	PreviousTier               types.String   `tfsdk:"previous_tier"`
	LastUpdateID               types.String   `tfsdk:"last_update_id"`
	KubernetesVersion          types.String   `tfsdk:"kubernetes_version"`
	APIRequestConcurrency      types.Int64    `tfsdk:"api_request_concurrency"`
	PodSchedulingRatePerSecond types.Int64    `tfsdk:"pod_scheduling_rate_per_second"`
	ClusterDatabaseSizeGB      types.Int64    `tfsdk:"cluster_database_size_gb"`
	Timeouts                   timeouts.Value `tfsdk:"timeouts"`
}

func (r *controlPlaneTierResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The provisioned control-plane tier of an existing EKS cluster " +
			"(`controlPlaneScalingConfig.tier`). Apply calls `UpdateClusterConfig` and waits until the update is " +
			"`Successful`; destroy moves the cluster back to `standard` unless `revert_on_destroy` is false. " +
			"The capabilities the tier gives are read from `DescribeClusterVersions` for the cluster's Kubernetes version.",
		Attributes: map[string]schema.Attribute{
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
				MarkdownDescription: "When true (the default), destroying the resource sets the cluster back to `standard`. When false, destroy only forgets the tier and the cluster keeps it (and keeps paying for it).",
			},
			"previous_tier": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The tier the cluster had before the last change this resource made (or found on import).",
			},
			"last_update_id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "ID of the last EKS update this resource started (`DescribeUpdate`); null when no change was needed.",
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
		},
		Blocks: map[string]schema.Block{
			"timeouts": framework.TimeoutsBlock(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

// ModifyPlan keeps the computed attributes when the tier does not change
// (e.g. only timeouts or revert_on_destroy changed), so the plan shows no
// spurious "known after apply".
func (r *controlPlaneTierResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var plan, state controlPlaneTierModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || plan.Tier.IsUnknown() || !plan.Tier.Equal(state.Tier) || !plan.ClusterName.Equal(state.ClusterName) {
		return
	}
	plan.PreviousTier = state.PreviousTier
	plan.LastUpdateID = state.LastUpdateID
	plan.KubernetesVersion = state.KubernetesVersion
	plan.APIRequestConcurrency = state.APIRequestConcurrency
	plan.PodSchedulingRatePerSecond = state.PodSchedulingRatePerSecond
	plan.ClusterDatabaseSizeGB = state.ClusterDatabaseSizeGB
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

func (r *controlPlaneTierResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan controlPlaneTierModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := plan.Timeouts.Create(ctx, defaultCreateTimeout)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	cluster, tier := plan.ClusterName.ValueString(), plan.Tier.ValueString()
	change, err := setTier(ctx, r.Client.EKS, cluster, tier, propagationTimeout)
	if tfresource.IsNotFound(err) {
		resp.Diagnostics.AddAttributeError(path.Root("cluster_name"), "EKS cluster not found",
			fmt.Sprintf("No EKS cluster named %q exists in region %s (%v). Create the cluster first (or check cluster_name and the provider's region); nothing was written to state.",
				cluster, r.Client.Region, err))
		return
	}
	if err != nil {
		settleCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), settleTimeout)
		defer cancel()
		if ctx.Err() != nil {
			change = interruptedTierChange(settleCtx, r.Client.EKS, cluster, tier, change)
		}
		if change.inProgress() {
			// Canceled or timed out while AWS goes on changing the tier.
			// Terraform taints a create that returns an error, and would
			// then replace it: revert the cluster to standard and change it
			// again. So the resource is saved, with the tier it is moving
			// to, and the interruption is a warning: Read follows the
			// update, and the next plan shows the change again if it fails.
			r.saveInFlight(settleCtx, &plan, change, &resp.State, resp.Private, &resp.Diagnostics)
			resp.Diagnostics.AddWarning("The EKS control-plane tier change is still in progress",
				fmt.Sprintf("%v\n\nUpdate %s of EKS cluster %q (%s -> %s) goes on in AWS. The resource is saved with tier %s, "+
					"and refresh follows the update: if it fails, the next plan shows the change again and apply retries it. Nothing is reverted.",
					err, aws.ToString(change.Update.Id), cluster, change.Previous, tier, tier))
			return
		}
		// Otherwise nothing is saved: the cluster keeps the tier it really
		// has, and the next apply adopts it and tries again.
		resp.Diagnostics.AddError("Changing the EKS control-plane tier failed", r.describeFailure(settleCtx, cluster, change, err))
		return
	}
	plan.ID = plan.ClusterName
	plan.PreviousTier = types.StringValue(change.Previous)
	plan.LastUpdateID = updateIDValue(change.Update)
	resp.Diagnostics.Append(r.refresh(ctx, &plan)...)
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
	// A tier update still running decides the tier: report where it goes,
	// so a plan made meanwhile compares the configuration with that.
	inFlight, diags := r.findInFlight(ctx, c, req.Private)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(setPendingUpdate(ctx, resp.Private, inFlight)...)
	tier := clusterTier(c)
	if inFlight != nil {
		tier = updateParam(inFlight, awstypes.UpdateParamTypeUpdatedTier)
	}
	// Just imported: fill previous_tier and last_update_id from the
	// cluster's update history.
	if state.PreviousTier.IsNull() {
		latest := inFlight
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
	}
	resp.Diagnostics.Append(r.fill(ctx, &state, c, tier)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *controlPlaneTierResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state controlPlaneTierModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := plan.Timeouts.Update(ctx, defaultUpdateTimeout)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	cluster, tier := plan.ClusterName.ValueString(), plan.Tier.ValueString()
	if plan.Tier.Equal(state.Tier) {
		// Only timeouts or revert_on_destroy changed: no API call.
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		return
	}
	change, err := setTier(ctx, r.Client.EKS, cluster, tier, propagationTimeout)
	if err != nil {
		settleCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), settleTimeout)
		defer cancel()
		if ctx.Err() != nil {
			change = interruptedTierChange(settleCtx, r.Client.EKS, cluster, tier, change)
		}
		// Record what Read would: the tier in effect, or the one an
		// update still running moves to, so the next plan starts from it.
		// An update error does not taint, so this one stays an error.
		state.Timeouts, state.RevertOnDestroy = plan.Timeouts, plan.RevertOnDestroy
		if change.inProgress() {
			state.Tier = plan.Tier
			r.saveInFlight(settleCtx, &state, change, &resp.State, resp.Private, &resp.Diagnostics)
		} else {
			if change.Update != nil {
				state.LastUpdateID = updateIDValue(change.Update)
				state.PreviousTier = types.StringValue(change.Previous)
			}
			if c, ferr := findCluster(settleCtx, r.Client.EKS, cluster); ferr == nil {
				r.fill(settleCtx, &state, c, clusterTier(c))
				resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
			}
		}
		resp.Diagnostics.AddError("Changing the EKS control-plane tier failed", r.describeFailure(settleCtx, cluster, change, err))
		return
	}
	plan.PreviousTier = types.StringValue(change.Previous)
	plan.LastUpdateID = updateIDValue(change.Update)
	if change.Update == nil {
		plan.LastUpdateID = state.LastUpdateID
	}
	resp.Diagnostics.Append(r.refresh(ctx, &plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(setPendingUpdate(ctx, resp.Private, nil)...)
}

func (r *controlPlaneTierResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state controlPlaneTierModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !state.RevertOnDestroy.ValueBool() {
		return
	}
	timeout, d := state.Timeouts.Delete(ctx, defaultDeleteTimeout)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cluster := state.ClusterName.ValueString()
	// On destroy a missing cluster is gone, not "not yet visible".
	change, err := setTier(ctx, r.Client.EKS, cluster, tiers.Standard, 0)
	if tfresource.IsNotFound(err) {
		return // the cluster is gone, and its tier with it
	}
	if err != nil {
		resp.Diagnostics.AddError("Reverting the EKS control-plane tier to standard failed", r.describeFailure(ctx, cluster, change, err))
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

// pendingUpdateKey names the private state entry holding the ID of a tier
// update that was still running when the resource was last saved, so Read
// asks about that update instead of listing the cluster's updates.
const pendingUpdateKey = "pending_tier_update"

// privateState is the framework's private state of a resource.
type privateState interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// setPendingUpdate remembers u as the update in flight, or forgets it.
func setPendingUpdate(ctx context.Context, p privateState, u *awstypes.Update) diag.Diagnostics {
	if u == nil {
		return p.SetKey(ctx, pendingUpdateKey, nil)
	}
	return p.SetKey(ctx, pendingUpdateKey, []byte(strconv.Quote(aws.ToString(u.Id))))
}

// findInFlight is the tier update still running on c, or nil: the one
// private state remembers, else (the cluster is UPDATING) any.
func (r *controlPlaneTierResource) findInFlight(ctx context.Context, c *awstypes.Cluster, p privateState) (*awstypes.Update, diag.Diagnostics) {
	var diags diag.Diagnostics
	raw, d := p.GetKey(ctx, pendingUpdateKey)
	diags.Append(d...)
	cluster := aws.ToString(c.Name)
	if id, err := strconv.Unquote(string(raw)); err == nil && id != "" {
		u, err := findTierUpdateInProgress(ctx, r.Client.EKS, cluster, id)
		if err != nil || u != nil {
			if err != nil {
				diags.AddError("Reading the EKS control-plane tier failed", err.Error())
			}
			return u, diags
		}
	}
	if c.Status != awstypes.ClusterStatusUpdating {
		return nil, diags
	}
	u, err := findInProgressTierUpdate(ctx, r.Client.EKS, cluster)
	if err != nil {
		diags.AddError("Reading the EKS control-plane tier failed", err.Error())
	}
	return u, diags
}

// saveInFlight saves m as changing to its tier through change's update,
// still InProgress, and remembers the update for Read. A failed read of
// the cluster or its capabilities leaves them null for the next refresh:
// the state must be saved either way.
func (r *controlPlaneTierResource) saveInFlight(ctx context.Context, m *controlPlaneTierModel, change tierChange, state *tfsdk.State, p privateState, diags *diag.Diagnostics) {
	m.ID = m.ClusterName
	m.PreviousTier = types.StringValue(change.Previous)
	m.LastUpdateID = updateIDValue(change.Update)
	if c, err := findCluster(ctx, r.Client.EKS, m.ClusterName.ValueString()); err == nil {
		_ = r.fill(ctx, m, c, m.Tier.ValueString())
	}
	for _, v := range []*types.Int64{&m.APIRequestConcurrency, &m.PodSchedulingRatePerSecond, &m.ClusterDatabaseSizeGB} {
		if v.IsUnknown() {
			*v = types.Int64Null()
		}
	}
	if m.KubernetesVersion.IsUnknown() {
		m.KubernetesVersion = types.StringNull()
	}
	diags.Append(state.Set(ctx, m)...)
	diags.Append(setPendingUpdate(ctx, p, change.Update)...)
}

// refresh re-reads the cluster after a successful change and fills m.
func (r *controlPlaneTierResource) refresh(ctx context.Context, m *controlPlaneTierModel) (diags diag.Diagnostics) {
	c, err := findCluster(ctx, r.Client.EKS, m.ClusterName.ValueString())
	if err != nil {
		diags.AddError("Reading the EKS cluster after the tier change failed", err.Error())
		return diags
	}
	// The update succeeded: the planned tier is in effect, even if this
	// read still shows the old one (reads are eventually consistent).
	return r.fill(ctx, m, c, m.Tier.ValueString())
}

// fill sets the attributes read from the cluster, its tier and the tier's
// capabilities for the cluster's version.
func (r *controlPlaneTierResource) fill(ctx context.Context, m *controlPlaneTierModel, c *awstypes.Cluster, tier string) (diags diag.Diagnostics) {
	m.ID = types.StringValue(aws.ToString(c.Name))
	m.ClusterName = types.StringValue(aws.ToString(c.Name))
	m.Tier = types.StringValue(tier)
	m.KubernetesVersion = types.StringPointerValue(c.Version)
	m.APIRequestConcurrency, m.PodSchedulingRatePerSecond, m.ClusterDatabaseSizeGB = types.Int64Null(), types.Int64Null(), types.Int64Null()
	info, err := findTierInfo(ctx, r.Client.EKS, aws.ToString(c.Version), tier)
	if tfresource.IsNotFound(err) {
		return diags // the API does not describe this tier: capabilities unknown
	}
	if err != nil {
		diags.AddError("Reading the tier's capabilities failed", err.Error())
		return diags
	}
	m.APIRequestConcurrency = int64Value(info.ApiRequestConcurrency)
	m.PodSchedulingRatePerSecond = int64Value(info.PodSchedulingRatePerSecond)
	m.ClusterDatabaseSizeGB = int64Value(info.ClusterDatabaseSizeGb)
	return diags
}

// describeFailure explains a failed change and says which tier is really in
// effect now, read with a context that survives cancellation.
func (r *controlPlaneTierResource) describeFailure(ctx context.Context, cluster string, change tierChange, err error) string {
	msg := err.Error()
	if change.Update != nil && change.Update.Status == awstypes.UpdateStatusInProgress {
		msg += fmt.Sprintf("\n\nUpdate %s is still in progress in AWS; the next refresh shows its outcome.", aws.ToString(change.Update.Id))
	}
	settleCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), settleTimeout)
	defer cancel()
	if c, ferr := findCluster(settleCtx, r.Client.EKS, cluster); ferr == nil {
		msg += fmt.Sprintf("\n\nEKS cluster %q is on tier %s now. Run apply again to retry.", cluster, clusterTier(c))
	}
	return msg
}

func updateIDValue(u *awstypes.Update) types.String {
	if u == nil {
		return types.StringNull()
	}
	return types.StringPointerValue(u.Id)
}
