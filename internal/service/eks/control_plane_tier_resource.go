package eks

import (
	"context"
	"crypto/rand"
	"fmt"
	"regexp"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
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
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
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
		msg := r.describeFailure(ctx, cluster, change, err)
		if change.Update != nil && change.Update.Status == awstypes.UpdateStatusInProgress {
			// Canceled or timed out while AWS keeps changing the tier: track
			// it, so destroy can still revert it. Terraform marks a create
			// that returns an error as tainted.
			plan.ID = plan.ClusterName
			plan.PreviousTier = types.StringValue(change.Previous)
			plan.LastUpdateID = updateIDValue(change.Update)
			settleCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), settleTimeout)
			defer cancel()
			if c, ferr := findCluster(settleCtx, r.Client.EKS, cluster); ferr == nil {
				r.fill(settleCtx, &plan, c)
				resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
				msg += "\n\nThe resource is saved as tainted so that destroy can still revert the tier. " +
					"Once the update has finished, `terraform untaint` keeps the resource instead of replacing it."
			}
		}
		// Otherwise nothing is saved: the cluster keeps the tier it really
		// has, and the next apply adopts it and tries again.
		resp.Diagnostics.AddError("Changing the EKS control-plane tier failed", msg)
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
	c, err := findCluster(ctx, r.Client.EKS, state.ClusterName.ValueString())
	if tfresource.IsNotFound(err) {
		resp.Diagnostics.AddWarning("EKS cluster gone",
			fmt.Sprintf("EKS cluster %q no longer exists; removing its control-plane tier from state.", state.ClusterName.ValueString()))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Reading the EKS control-plane tier failed", err.Error())
		return
	}
	// Just imported: fill previous_tier and last_update_id from the
	// cluster's update history.
	if state.PreviousTier.IsNull() {
		latest, err := findLatestTierUpdate(ctx, r.Client.EKS, state.ClusterName.ValueString())
		if err != nil {
			resp.Diagnostics.AddError("Reading the EKS control-plane tier failed", err.Error())
			return
		}
		state.LastUpdateID = updateIDValue(latest)
		state.PreviousTier = types.StringValue(clusterTier(c))
		if latest != nil {
			state.PreviousTier = types.StringValue(updateParam(latest, awstypes.UpdateParamTypePreviousTier))
		}
	}
	resp.Diagnostics.Append(r.fill(ctx, &state, c)...)
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
		// Record the tier really in effect, so state matches the cluster
		// and the next apply retries the change.
		state.Timeouts, state.RevertOnDestroy = plan.Timeouts, plan.RevertOnDestroy
		if change.Update != nil {
			state.LastUpdateID = updateIDValue(change.Update)
			state.PreviousTier = types.StringValue(change.Previous)
		}
		settleCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), settleTimeout)
		defer cancel()
		if c, ferr := findCluster(settleCtx, r.Client.EKS, cluster); ferr == nil {
			r.fill(settleCtx, &state, c)
			resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
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

// refresh re-reads the cluster after a successful change and fills m.
func (r *controlPlaneTierResource) refresh(ctx context.Context, m *controlPlaneTierModel) (diags diag.Diagnostics) {
	c, err := findCluster(ctx, r.Client.EKS, m.ClusterName.ValueString())
	if err != nil {
		diags.AddError("Reading the EKS cluster after the tier change failed", err.Error())
		return diags
	}
	return r.fill(ctx, m, c)
}

// fill sets the attributes read from the cluster and its version's tiers.
func (r *controlPlaneTierResource) fill(ctx context.Context, m *controlPlaneTierModel, c *awstypes.Cluster) (diags diag.Diagnostics) {
	m.ID = types.StringValue(aws.ToString(c.Name))
	m.ClusterName = types.StringValue(aws.ToString(c.Name))
	m.Tier = types.StringValue(clusterTier(c))
	m.KubernetesVersion = types.StringPointerValue(c.Version)
	m.APIRequestConcurrency, m.PodSchedulingRatePerSecond, m.ClusterDatabaseSizeGB = types.Int64Null(), types.Int64Null(), types.Int64Null()
	info, err := findTierInfo(ctx, r.Client.EKS, aws.ToString(c.Version), clusterTier(c))
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

// tierChange is the outcome of setTier.
type tierChange struct {
	// Previous is the tier in effect before the change (or the current tier
	// when no change was needed).
	Previous string
	// Update is the update that was started; nil when the cluster already
	// had the tier.
	Update *awstypes.Update
}

// setTier moves a cluster to tier and waits for the update to finish. A
// cluster missing at first counts as "not yet visible" for propagation.
// A cluster that is UPDATING is waited for first, since its reported tier
// may be about to change. The same tier makes no API call. An update already running (409
// ResourceInUseException) is waited out, then the cluster is re-read: it
// may already have the tier. Each UpdateClusterConfig carries a fresh client
// request token, which the SDK reuses across its own retries, so a retried
// request never starts a second update.
func setTier(ctx context.Context, conn *eks.Client, cluster, tier string, propagation time.Duration) (tierChange, error) {
	var change tierChange
	c, err := waitClusterFound(ctx, conn, cluster, propagation)
	for {
		if err != nil {
			return change, err
		}
		// While an update runs the reported tier is not final: wait first.
		if c.Status == awstypes.ClusterStatusUpdating {
			if err := waitNoUpdateInProgress(ctx, conn, cluster); err != nil {
				return change, fmt.Errorf("waiting for the update in progress on EKS cluster %q: %w", cluster, err)
			}
			c, err = findCluster(ctx, conn, cluster)
			if err != nil {
				return change, err
			}
		}
		change.Previous = clusterTier(c)
		if change.Previous == tier {
			return change, nil
		}
		out, uerr := conn.UpdateClusterConfig(ctx, &eks.UpdateClusterConfigInput{
			Name:                      aws.String(cluster),
			ClientRequestToken:        aws.String(newToken()),
			ControlPlaneScalingConfig: &awstypes.ControlPlaneScalingConfig{Tier: awstypes.ProvisionedControlPlaneTier(tier)},
		})
		if tfresource.IsA[*awstypes.ResourceInUseException](uerr) {
			if err := waitNoUpdateInProgress(ctx, conn, cluster); err != nil {
				return change, fmt.Errorf("waiting for the update already in progress on EKS cluster %q: %w", cluster, err)
			}
			c, err = findCluster(ctx, conn, cluster)
			continue
		}
		if uerr != nil {
			return change, fmt.Errorf("changing the control-plane tier of EKS cluster %q to %s: %w", cluster, tier, uerr)
		}
		change.Update = out.Update
		u, err := waitUpdateDone(ctx, conn, cluster, aws.ToString(out.Update.Id))
		if u != nil {
			change.Update = u
		}
		return change, err
	}
}

// newToken is a random client request token (UUID v4 shape).
func newToken() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// updateParam reads one of an update's params (UpdatedTier, PreviousTier).
func updateParam(u *awstypes.Update, typ awstypes.UpdateParamType) string {
	if u == nil {
		return ""
	}
	for _, p := range u.Params {
		if p.Type == typ {
			return aws.ToString(p.Value)
		}
	}
	return ""
}
