package eks

import (
	"context"
	"errors"
	"fmt"
	"regexp"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"
)

// Finders: one API read each, with "not found" turned into errNotFound so
// callers can tell a missing object from a failed call.

// errNotFound marks a resource the API says does not exist.
var errNotFound = errors.New("not found")

func isNotFound(err error) bool { return errors.Is(err, errNotFound) }

func notFoundError(what string, cause error) error {
	return fmt.Errorf("%s: %w (%v)", what, errNotFound, cause)
}

func isResourceInUse(err error) bool {
	var e *types.ResourceInUseException
	return errors.As(err, &e)
}

// findCluster describes a cluster by name.
func findCluster(ctx context.Context, conn *eks.Client, name string) (*types.Cluster, error) {
	out, err := conn.DescribeCluster(ctx, &eks.DescribeClusterInput{Name: aws.String(name)})
	var nf *types.ResourceNotFoundException
	if errors.As(err, &nf) {
		return nil, notFoundError(fmt.Sprintf("EKS cluster %q", name), err)
	}
	if err != nil {
		return nil, fmt.Errorf("reading EKS cluster %q: %w", name, err)
	}
	if out == nil || out.Cluster == nil {
		return nil, notFoundError(fmt.Sprintf("EKS cluster %q", name), errors.New("empty response"))
	}
	return out.Cluster, nil
}

// clusterTier is the tier in effect; a cluster that reports none is standard.
func clusterTier(c *types.Cluster) string {
	if c == nil || c.ControlPlaneScalingConfig == nil || c.ControlPlaneScalingConfig.Tier == "" {
		return string(types.ProvisionedControlPlaneTierStandard)
	}
	return string(c.ControlPlaneScalingConfig.Tier)
}

// findUpdate describes one cluster update.
func findUpdate(ctx context.Context, conn *eks.Client, cluster, id string) (*types.Update, error) {
	out, err := conn.DescribeUpdate(ctx, &eks.DescribeUpdateInput{Name: aws.String(cluster), UpdateId: aws.String(id)})
	var nf *types.ResourceNotFoundException
	if errors.As(err, &nf) {
		return nil, notFoundError(fmt.Sprintf("update %s of EKS cluster %q", id, cluster), err)
	}
	if err != nil {
		return nil, fmt.Errorf("reading update %s of EKS cluster %q: %w", id, cluster, err)
	}
	if out == nil || out.Update == nil {
		return nil, notFoundError(fmt.Sprintf("update %s of EKS cluster %q", id, cluster), errors.New("empty response"))
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
			if isNotFound(err) {
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

// findInProgressUpdates lists the IDs of the cluster's updates still InProgress.
func findInProgressUpdates(ctx context.Context, conn *eks.Client, cluster string) ([]string, error) {
	updates, err := findUpdates(ctx, conn, cluster)
	if err != nil {
		return nil, err
	}
	var running []string
	for _, u := range updates {
		if u.Status == types.UpdateStatusInProgress {
			running = append(running, aws.ToString(u.Id))
		}
	}
	return running, nil
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
		return nil, notFoundError("default EKS Kubernetes version", errors.New("DescribeClusterVersions returned none"))
	}
	return nil, notFoundError(fmt.Sprintf("EKS Kubernetes version %q", version), errors.New("DescribeClusterVersions does not list it"))
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
	return nil, notFoundError(fmt.Sprintf("tier %q for Kubernetes %s", tier, version), errors.New("DescribeClusterVersions does not list it"))
}

// kubernetesVersionRegexp matches EKS's version format ("1.33").
var kubernetesVersionRegexp = regexp.MustCompile(`^1\.[0-9]+$`)
