package eks

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	cc "github.com/scalingkit/terraform-provider-scaling/internal/core/model/componentconfig"
	"github.com/scalingkit/terraform-provider-scaling/internal/tfresource"
)

// How scaling_control_plane_tier applies: the tier and the settings, in
// the order the tier rules need, and what it records when an apply is
// interrupted or fails.

// convergeTarget is what an apply wants.
type convergeTarget struct {
	Cluster, Tier string
	// Managed are the settings the configuration sets; Resets those it no
	// longer sets, which go back to their defaults.
	Managed, Resets cc.Config
}

// step is a stage of converge.
type step string

const (
	stepFind     step = "find"
	stepTier     step = "tier"
	stepSettings step = "settings"
)

// convergeResult is what converge did.
type convergeResult struct {
	// Step is the stage that was running when converge stopped early.
	Step step
	// StartTier is the tier the cluster had when converge began.
	StartTier string
	Tier      tierChange
	Component componentChange
}

// converge moves the cluster to the target tier and settings. EKS allows
// one kind of change per update, so the tier and the settings are two
// updates, ordered by the tier rules: settings the current tier already
// allows (e.g. the HPA sync period set back to its default before a return
// to standard) go first; settings only the new tier allows (a shorter HPA
// sync period on a provisioned tier) go after the tier change.
func (r *controlPlaneTierResource) converge(ctx context.Context, t convergeTarget, propagation time.Duration) (convergeResult, error) {
	conn := r.Client.EKS
	res := convergeResult{Step: stepFind}
	c, err := waitClusterFound(ctx, conn, t.Cluster, propagation)
	if err != nil {
		return res, err
	}
	var waited []*awstypes.Update
	if c.Status == awstypes.ClusterStatusUpdating {
		// The tier and settings it reports are not final yet.
		if waited, err = waitNoUpdateInProgress(ctx, conn, t.Cluster); err != nil {
			return res, fmt.Errorf("waiting for the update in progress on EKS cluster %q: %w", t.Cluster, err)
		}
		if c, err = findCluster(ctx, conn, t.Cluster); err != nil {
			return res, err
		}
	}
	res.StartTier = clusterTier(c)
	want, settingsFirst := t.Managed, true
	if !t.Managed.Empty() || !t.Resets.Empty() {
		// The API's limits, or the published ones if it cannot say: the
		// update itself is the final judge.
		version := aws.ToString(c.Version)
		targetLimits, _ := findComponentLimits(ctx, conn, version, t.Tier)
		want = targetLimits.Defaults().Only(t.Resets).Overlay(t.Managed)
		if res.StartTier != t.Tier {
			current, _ := findComponentLimits(ctx, conn, version, res.StartTier)
			settingsFirst = !cc.Check(clusterConfig(c).Overlay(want), current).HasErrors()
		}
	}
	steps := []step{stepTier, stepSettings}
	if settingsFirst {
		steps = []step{stepSettings, stepTier}
	}
	for _, s := range steps {
		res.Step = s
		switch s {
		case stepTier:
			res.Tier, err = setTier(ctx, conn, t.Cluster, t.Tier, 0, waited)
		case stepSettings:
			res.Component, err = setComponentConfig(ctx, conn, t.Cluster, want)
		}
		if err != nil {
			return res, err
		}
	}
	res.Step = ""
	return res, nil
}

// interrupted completes res after the context ended: the call in flight
// may have started an update all the same (a canceled call, or a lost
// reply whose retry was canceled). ctx must outlive the interruption.
func (r *controlPlaneTierResource) interrupted(ctx context.Context, t convergeTarget, res convergeResult) convergeResult {
	switch res.Step {
	case stepTier:
		res.Tier = interruptedTierChange(ctx, r.Client.EKS, t.Cluster, t.Tier, res.Tier)
	case stepSettings:
		res.Component = interruptedComponentChange(ctx, r.Client.EKS, t.Cluster, res.Component)
	}
	return res
}

// changedCluster reports whether an update was made or started.
func (res convergeResult) changedCluster() bool {
	return res.Tier.Update != nil || res.Component.Update != nil
}

// previousTier is the tier before the change.
func (res convergeResult) previousTier() string {
	if res.Tier.Previous != "" {
		return res.Tier.Previous
	}
	return res.StartTier
}

// inFlight are the updates still running.
func (res convergeResult) inFlight() inFlightUpdates {
	var f inFlightUpdates
	if res.Tier.inProgress() {
		f.Tier = res.Tier.Update
	}
	if res.Component.inProgress() {
		f.Component = res.Component.Update
	}
	return f
}

// describe says which updates still run, for messages.
func (res convergeResult) describe(cluster string) string {
	msg := ""
	if u := res.Tier.Update; res.Tier.inProgress() {
		msg += fmt.Sprintf("Tier update %s of EKS cluster %q (%s -> %s) goes on in AWS. ", aws.ToString(u.Id), cluster,
			updateParam(u, awstypes.UpdateParamTypePreviousTier), updateParam(u, awstypes.UpdateParamTypeUpdatedTier))
	}
	if u := res.Component.Update; res.Component.inProgress() {
		msg += fmt.Sprintf("Control-plane configuration update %s of EKS cluster %q goes on in AWS. ", aws.ToString(u.Id), cluster)
	}
	if msg == "" {
		msg = fmt.Sprintf("The apply stopped after changing EKS cluster %q (during the %s step). ", cluster, res.Step)
	}
	return msg
}

// Private state keys holding the IDs of updates that were still running
// when the resource was last saved, so Read asks about those instead of
// listing the cluster's updates.
const (
	pendingTierUpdateKey      = "pending_tier_update"
	pendingComponentUpdateKey = "pending_component_update"
)

// privateState is the framework's private state of a resource.
type privateState interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// inFlightUpdates are a cluster's updates still running, by kind.
type inFlightUpdates struct {
	Tier, Component *awstypes.Update
}

// remember records the updates in private state, and forgets the ended ones.
func (f inFlightUpdates) remember(ctx context.Context, p privateState) diag.Diagnostics {
	var diags diag.Diagnostics
	for key, u := range map[string]*awstypes.Update{pendingTierUpdateKey: f.Tier, pendingComponentUpdateKey: f.Component} {
		var value []byte
		if u != nil {
			value = []byte(strconv.Quote(aws.ToString(u.Id)))
		}
		diags.Append(p.SetKey(ctx, key, value)...)
	}
	return diags
}

// findInFlight is the tier and settings updates still running on c: the
// ones private state remembers, and (the cluster is UPDATING) any tier
// update.
func (r *controlPlaneTierResource) findInFlight(ctx context.Context, c *awstypes.Cluster, p privateState) (inFlightUpdates, diag.Diagnostics) {
	var (
		f     inFlightUpdates
		diags diag.Diagnostics
	)
	cluster := aws.ToString(c.Name)
	slots := []struct {
		key string
		typ awstypes.UpdateType
		u   **awstypes.Update
	}{
		{pendingTierUpdateKey, awstypes.UpdateTypeControlPlaneScalingConfigUpdate, &f.Tier},
		{pendingComponentUpdateKey, awstypes.UpdateTypeControlPlaneComponentConfigUpdate, &f.Component},
	}
	for _, s := range slots {
		raw, d := p.GetKey(ctx, s.key)
		diags.Append(d...)
		id, err := strconv.Unquote(string(raw))
		if err != nil || id == "" {
			continue
		}
		u, err := findUpdateInProgress(ctx, r.Client.EKS, cluster, id, s.typ)
		if err != nil {
			diags.AddError("Reading the EKS control-plane tier failed", err.Error())
			return f, diags
		}
		*s.u = u
	}
	// A tier update anyone started decides the tier; a settings update
	// counts only when this resource started it (the one remembered):
	// the settings another one applies are not known until it ends.
	if c.Status != awstypes.ClusterStatusUpdating || f.Tier != nil {
		return f, diags
	}
	u, err := findInProgressTierUpdate(ctx, r.Client.EKS, cluster)
	if err != nil {
		diags.AddError("Reading the EKS control-plane tier failed", err.Error())
	}
	f.Tier = u
	return f, diags
}

// saveInterrupted saves m, the planned state, after an interrupted create,
// with the updates still running remembered for Read. Computed values it
// cannot read are left null for the next refresh: the state must be saved
// either way.
func (r *controlPlaneTierResource) saveInterrupted(ctx context.Context, m *controlPlaneTierModel, res convergeResult, state *tfsdk.State, p privateState, diags *diag.Diagnostics) {
	m.ID = m.ClusterName
	if c, err := findCluster(ctx, r.Client.EKS, m.ClusterName.ValueString()); err == nil {
		_ = r.fill(ctx, m, c, m.Tier.ValueString())
	}
	m.nullUnread()
	diags.Append(state.Set(ctx, m)...)
	diags.Append(res.inFlight().remember(ctx, p)...)
}

// nullUnread sets the computed values a failed read left unknown to null,
// for the next refresh to fill: a state cannot hold unknown values.
func (m *controlPlaneTierModel) nullUnread() {
	for _, v := range []*types.Int64{&m.APIRequestConcurrency, &m.PodSchedulingRatePerSecond, &m.ClusterDatabaseSizeGB} {
		if v.IsUnknown() {
			*v = types.Int64Null()
		}
	}
	if m.KubernetesVersion.IsUnknown() {
		m.KubernetesVersion = types.StringNull()
	}
}

// refresh re-reads the cluster after a successful change and fills m.
func (r *controlPlaneTierResource) refresh(ctx context.Context, m *controlPlaneTierModel) (diags diag.Diagnostics) {
	c, err := findCluster(ctx, r.Client.EKS, m.ClusterName.ValueString())
	if err != nil {
		diags.AddError("Reading the EKS cluster after the change failed", err.Error())
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

// describeFailure explains a failed change and says what is really in
// effect now, read with a context that survives cancellation.
func (r *controlPlaneTierResource) describeFailure(ctx context.Context, cluster string, res convergeResult, err error) string {
	msg := err.Error()
	if u := res.Tier.Update; res.Tier.inProgress() {
		msg += fmt.Sprintf("\n\nUpdate %s is still in progress in AWS; the next refresh shows its outcome.", aws.ToString(u.Id))
	}
	if u := res.Component.Update; res.Component.inProgress() {
		msg += fmt.Sprintf("\n\nControl-plane configuration update %s is still in progress in AWS; the next refresh shows its outcome.", aws.ToString(u.Id))
	}
	settleCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), settleTimeout)
	defer cancel()
	if c, ferr := findCluster(settleCtx, r.Client.EKS, cluster); ferr == nil {
		msg += fmt.Sprintf("\n\nEKS cluster %q is on tier %s now", cluster, clusterTier(c))
		if cfg := clusterConfig(c); !cfg.Empty() {
			msg += ", with " + describeConfig(cfg)
		}
		msg += ". Run apply again to retry."
	}
	return msg
}

func updateIDValue(u *awstypes.Update) types.String {
	if u == nil {
		return types.StringNull()
	}
	return types.StringPointerValue(u.Id)
}

// withAttributes is base with extra's attributes added.
func withAttributes(base, extra map[string]schema.Attribute) map[string]schema.Attribute {
	out := maps.Clone(base)
	for _, k := range slices.Sorted(maps.Keys(extra)) {
		out[k] = extra[k]
	}
	return out
}
