package eks

import (
	"context"
	"crypto/rand"
	"fmt"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	awstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/tfresource"
)

// Changing a cluster's tier: one UpdateClusterConfig at a time, waiting out
// any update already running, and adopting an update an earlier,
// interrupted apply started instead of starting another.

// tierChange is the outcome of setTier.
type tierChange struct {
	// Previous is the tier in effect before the change (or the current tier
	// when no change was needed).
	Previous string
	// Update is the update that made the change: the one started, or an
	// adopted one (an update to the same tier that this call waited out).
	// Nil when the cluster already had the tier.
	Update *awstypes.Update
}

// setTier moves a cluster to tier and waits for the update to finish. A
// cluster missing at first counts as "not yet visible" for propagation.
// A cluster that is UPDATING is waited for first, since its reported tier
// may be about to change. The same tier makes no API call. An update already running (409
// ResourceInUseException) is waited out, then the cluster is re-read: it
// may already have the tier, and when an update it waited for put it there
// (an earlier apply started it, then was interrupted), that update is
// adopted as the change. Each UpdateClusterConfig carries a fresh client
// request token, which the SDK reuses across its own retries, so a retried
// request never starts a second update.
//
// waited are updates the caller already waited out, to adopt as well.
func setTier(ctx context.Context, conn *eks.Client, cluster, tier string, propagation time.Duration, waited []*awstypes.Update) (tierChange, error) {
	var change tierChange
	waited = slices.Clone(waited)
	waitOut := func() (*awstypes.Cluster, error) {
		done, err := waitNoUpdateInProgress(ctx, conn, cluster)
		waited = append(waited, done...)
		if err != nil {
			return nil, fmt.Errorf("waiting for the update in progress on EKS cluster %q: %w", cluster, err)
		}
		return findCluster(ctx, conn, cluster)
	}
	c, err := waitClusterFound(ctx, conn, cluster, propagation)
	for {
		if err != nil {
			return change, err
		}
		// While an update runs the reported tier is not final: wait first.
		if c.Status == awstypes.ClusterStatusUpdating {
			if c, err = waitOut(); err != nil {
				return change, err
			}
		}
		change.Previous = clusterTier(c)
		if change.Previous == tier {
			if u := lastTierUpdateTo(waited, tier); u != nil {
				change.Previous, change.Update = updateParam(u, awstypes.UpdateParamTypePreviousTier), u
			}
			return change, nil
		}
		out, uerr := conn.UpdateClusterConfig(ctx, &eks.UpdateClusterConfigInput{
			Name:                      aws.String(cluster),
			ClientRequestToken:        aws.String(newToken()),
			ControlPlaneScalingConfig: &awstypes.ControlPlaneScalingConfig{Tier: awstypes.ProvisionedControlPlaneTier(tier)},
		})
		if tfresource.IsA[*awstypes.ResourceInUseException](uerr) {
			c, err = waitOut()
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

// lastTierUpdateTo is the last of updates that successfully moved the
// cluster to tier, or nil.
func lastTierUpdateTo(updates []*awstypes.Update, tier string) *awstypes.Update {
	for i := len(updates) - 1; i >= 0; i-- {
		u := updates[i]
		if isTierUpdate(u) && u.Status == awstypes.UpdateStatusSuccessful &&
			updateParam(u, awstypes.UpdateParamTypeUpdatedTier) == tier {
			return u
		}
	}
	return nil
}

// interruptedTierChange completes the change of an interrupted setTier:
// when the context ended before UpdateClusterConfig answered (a canceled
// call, or a reply lost and its retry canceled), the update may have
// started all the same; an update to tier still in progress is taken as
// that one. ctx must outlive the interruption.
func interruptedTierChange(ctx context.Context, conn *eks.Client, cluster, tier string, change tierChange) tierChange {
	if change.Update != nil {
		return change
	}
	u, err := findInProgressTierUpdate(ctx, conn, cluster)
	if err != nil || u == nil || updateParam(u, awstypes.UpdateParamTypeUpdatedTier) != tier {
		return change
	}
	return tierChange{Previous: updateParam(u, awstypes.UpdateParamTypePreviousTier), Update: u}
}

// adoptLatestTierUpdate is change with the cluster's latest successful
// tier update, when that update moved it to tier; change as it is
// otherwise, or when the history cannot be read (it only fills
// previous_tier and last_update_id).
func adoptLatestTierUpdate(ctx context.Context, conn *eks.Client, cluster, tier string, change tierChange) tierChange {
	u, err := findLatestTierUpdate(ctx, conn, cluster)
	if err != nil || u == nil || updateParam(u, awstypes.UpdateParamTypeUpdatedTier) != tier {
		return change
	}
	return tierChange{Previous: updateParam(u, awstypes.UpdateParamTypePreviousTier), Update: u}
}

// inProgress reports whether the change's update is still running in AWS.
func (c tierChange) inProgress() bool {
	return c.Update != nil && c.Update.Status == awstypes.UpdateStatusInProgress
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
