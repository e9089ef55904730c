package eks

import (
	"context"
	"crypto/rand"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"
)

// tierChange is the outcome of setTier.
type tierChange struct {
	// Previous is the tier in effect before the change (or the current tier
	// when no change was needed).
	Previous string
	// Update is the update that was started; nil when the cluster already
	// had the tier.
	Update *types.Update
}

// setTier moves a cluster to tier and waits for the update to finish.
// A cluster that is UPDATING is waited for first, since its reported tier
// may be about to change. The same tier makes no API call. An update already running (409
// ResourceInUseException) is waited out, then the cluster is re-read: it
// may already have the tier. Each UpdateClusterConfig carries a fresh client
// request token, which the SDK reuses across its own retries, so a retried
// request never starts a second update.
func setTier(ctx context.Context, conn *eks.Client, cluster, tier string) (tierChange, error) {
	var change tierChange
	c, err := waitClusterFound(ctx, conn, cluster)
	for {
		if err != nil {
			return change, err
		}
		// While an update runs the reported tier is not final: wait first.
		if c.Status == types.ClusterStatusUpdating {
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
			ControlPlaneScalingConfig: &types.ControlPlaneScalingConfig{Tier: types.ProvisionedControlPlaneTier(tier)},
		})
		if isResourceInUse(uerr) {
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
func updateParam(u *types.Update, typ types.UpdateParamType) string {
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

// findLatestTierUpdate is the cluster's most recent successful tier update,
// used to fill previous_tier and last_update_id on import.
func findLatestTierUpdate(ctx context.Context, conn *eks.Client, cluster string) (*types.Update, error) {
	updates, err := findUpdates(ctx, conn, cluster)
	if err != nil {
		return nil, err
	}
	var latest *types.Update
	for _, u := range updates {
		if u.Type != types.UpdateTypeControlPlaneScalingConfigUpdate || u.Status != types.UpdateStatusSuccessful {
			continue
		}
		if latest == nil || !aws.ToTime(u.CreatedAt).Before(aws.ToTime(latest.CreatedAt)) {
			latest = u
		}
	}
	return latest, nil
}
