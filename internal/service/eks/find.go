package eks

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"

	cc "github.com/scalingkit/terraform-provider-scaling/internal/core/model/componentconfig"
	"github.com/scalingkit/terraform-provider-scaling/internal/tfresource"
)

// Finders: one API read each, with "not found" turned into a
// tfresource.NotFoundError so callers can tell a missing object from a
// failed call.

// findCluster describes a cluster by name.
func findCluster(ctx context.Context, conn *eks.Client, name string) (*types.Cluster, error) {
	out, err := conn.DescribeCluster(ctx, &eks.DescribeClusterInput{Name: aws.String(name)})
	if tfresource.IsA[*types.ResourceNotFoundException](err) {
		return nil, tfresource.NewNotFoundError(fmt.Sprintf("EKS cluster %q", name), err)
	}
	if err != nil {
		return nil, fmt.Errorf("reading EKS cluster %q: %w", name, err)
	}
	if out == nil || out.Cluster == nil {
		return nil, tfresource.NewNotFoundError(fmt.Sprintf("EKS cluster %q", name), errors.New("empty response"))
	}
	return out.Cluster, nil
}

// findUpdate describes one cluster update.
func findUpdate(ctx context.Context, conn *eks.Client, cluster, id string) (*types.Update, error) {
	out, err := conn.DescribeUpdate(ctx, &eks.DescribeUpdateInput{Name: aws.String(cluster), UpdateId: aws.String(id)})
	if tfresource.IsA[*types.ResourceNotFoundException](err) {
		return nil, tfresource.NewNotFoundError(fmt.Sprintf("update %s of EKS cluster %q", id, cluster), err)
	}
	if err != nil {
		return nil, fmt.Errorf("reading update %s of EKS cluster %q: %w", id, cluster, err)
	}
	if out == nil || out.Update == nil {
		return nil, tfresource.NewNotFoundError(fmt.Sprintf("update %s of EKS cluster %q", id, cluster), errors.New("empty response"))
	}
	return out.Update, nil
}

// findUpdates describes every update of the cluster, skipping any that
// vanish while listing.
func findUpdates(ctx context.Context, conn *eks.Client, cluster string) ([]*types.Update, error) {
	var updates []*types.Update
	p := eks.NewListUpdatesPaginator(conn, &eks.ListUpdatesInput{Name: aws.String(cluster)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("listing updates of EKS cluster %q: %w", cluster, err)
		}
		for _, id := range page.UpdateIds {
			u, err := findUpdate(ctx, conn, cluster, id)
			if tfresource.IsNotFound(err) {
				continue
			}
			if err != nil {
				return nil, err
			}
			updates = append(updates, u)
		}
	}
	return updates, nil
}

// findInProgressUpdates lists the cluster's updates still InProgress.
func findInProgressUpdates(ctx context.Context, conn *eks.Client, cluster string) ([]*types.Update, error) {
	updates, err := findUpdates(ctx, conn, cluster)
	if err != nil {
		return nil, err
	}
	var running []*types.Update
	for _, u := range updates {
		if u.Status == types.UpdateStatusInProgress {
			running = append(running, u)
		}
	}
	return running, nil
}

// findInProgressTierUpdate is the cluster's tier update still InProgress
// (EKS runs one update at a time), or nil.
func findInProgressTierUpdate(ctx context.Context, conn *eks.Client, cluster string) (*types.Update, error) {
	running, err := findInProgressUpdates(ctx, conn, cluster)
	if err != nil {
		return nil, err
	}
	var latest *types.Update
	for _, u := range running {
		if isTierUpdate(u) && (latest == nil || !aws.ToTime(u.CreatedAt).Before(aws.ToTime(latest.CreatedAt))) {
			latest = u
		}
	}
	return latest, nil
}

// findUpdateInProgress describes update id and returns it if it is of typ
// and still InProgress; nil if it ended or is gone.
func findUpdateInProgress(ctx context.Context, conn *eks.Client, cluster, id string, typ types.UpdateType) (*types.Update, error) {
	u, err := findUpdate(ctx, conn, cluster, id)
	if tfresource.IsNotFound(err) {
		return nil, nil
	}
	if err != nil || u.Type != typ || u.Status != types.UpdateStatusInProgress {
		return nil, err
	}
	return u, nil
}

func isTierUpdate(u *types.Update) bool {
	return u.Type == types.UpdateTypeControlPlaneScalingConfigUpdate
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
		if !isTierUpdate(u) || u.Status != types.UpdateStatusSuccessful {
			continue
		}
		if latest == nil || !aws.ToTime(u.CreatedAt).Before(aws.ToTime(latest.CreatedAt)) {
			latest = u
		}
	}
	return latest, nil
}

// findClusterVersion describes one Kubernetes version, or the API's default
// version when version is "".
func findClusterVersion(ctx context.Context, conn *eks.Client, version string) (*types.ClusterVersionInformation, error) {
	if v, ok := cachedClusterVersion(conn, version); ok {
		return v, nil
	}
	in := &eks.DescribeClusterVersionsInput{}
	if version == "" {
		in.DefaultOnly = aws.Bool(true)
	} else {
		in.ClusterVersions = []string{version}
	}
	out, err := conn.DescribeClusterVersions(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("describing EKS cluster versions: %w", err)
	}
	for i := range out.ClusterVersions {
		v := &out.ClusterVersions[i]
		if version == "" || aws.ToString(v.ClusterVersion) == version {
			rememberClusterVersion(conn, version, v)
			return v, nil
		}
	}
	if version == "" {
		return nil, tfresource.NewNotFoundError("default EKS Kubernetes version", errors.New("DescribeClusterVersions returned none"))
	}
	return nil, tfresource.NewNotFoundError(fmt.Sprintf("EKS Kubernetes version %q", version), errors.New("DescribeClusterVersions does not list it"))
}

// findTierInfo is one tier's capabilities for a Kubernetes version.
func findTierInfo(ctx context.Context, conn *eks.Client, version, tier string) (*types.ControlPlaneScalingTierInfo, error) {
	v, err := findClusterVersion(ctx, conn, version)
	if err != nil {
		return nil, err
	}
	for i := range v.ControlPlaneScalingTiers {
		if aws.ToString(v.ControlPlaneScalingTiers[i].TierName) == tier {
			return &v.ControlPlaneScalingTiers[i], nil
		}
	}
	return nil, tfresource.NewNotFoundError(fmt.Sprintf("tier %q for Kubernetes %s", tier, version), errors.New("DescribeClusterVersions does not list it"))
}

// clusterVersions remembers DescribeClusterVersions answers for one
// provider process (one terraform command). A fleet's tier resources share a
// handful of Kubernetes versions per region, so a plan or refresh of N
// clusters makes about N+versions calls instead of 2N. The key includes the
// client, so regions and endpoints never share an answer; the default
// version ("") is not cached, since it is the API's choice and may move.
var clusterVersions sync.Map // clusterVersionKey -> types.ClusterVersionInformation

type clusterVersionKey struct {
	conn    *eks.Client
	version string
}

func cachedClusterVersion(conn *eks.Client, version string) (*types.ClusterVersionInformation, bool) {
	if version == "" {
		return nil, false
	}
	v, ok := clusterVersions.Load(clusterVersionKey{conn, version})
	if !ok {
		return nil, false
	}
	info := v.(types.ClusterVersionInformation)
	return &info, true
}

func rememberClusterVersion(conn *eks.Client, version string, info *types.ClusterVersionInformation) {
	if version != "" {
		clusterVersions.Store(clusterVersionKey{conn, version}, *info)
	}
}

// findComponentLimits are the limits for version on tier from
// DescribeClusterVersions, or the published ones (with the reason) when
// the API cannot say.
func findComponentLimits(ctx context.Context, conn *eks.Client, version, tier string) (cc.Limits, error) {
	v, err := findClusterVersion(ctx, conn, version)
	if err != nil {
		return cc.Published(version, tier), err
	}
	return componentLimits(v, tier), nil
}
