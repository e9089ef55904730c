package eks

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/tfresource"
)

var (
	// pollDelays: a tier change takes minutes, so the first poll comes after
	// 2 s and the gap doubles up to 15 s. Tests against the emulator (300 ms
	// updates) lower them.
	pollDelays = tfresource.Backoff{Min: 2 * time.Second, Max: 15 * time.Second}
	// propagationTimeout bounds how long a NotFound right after a create
	// (EKS reads are eventually consistent) is treated as "not yet".
	propagationTimeout = 2 * time.Minute
)

// waitClusterFound describes the cluster, treating NotFound as "not yet"
// for timeout: a cluster created moments ago in the same apply may not be
// visible to every reader yet. With a zero timeout it describes it once.
func waitClusterFound(ctx context.Context, conn *eks.Client, name string, timeout time.Duration) (*types.Cluster, error) {
	c, err := tfresource.RetryWhenNotFound(ctx, timeout, pollDelays, func(ctx context.Context) (*types.Cluster, error) {
		return findCluster(ctx, conn, name)
	})
	if err != nil && ctx.Err() != nil {
		return nil, fmt.Errorf("waiting for EKS cluster %q to become visible: %w", name, err)
	}
	return c, err
}

// waitUpdateDone polls DescribeUpdate until the update is no longer
// InProgress. It returns the last update seen; a Failed or Cancelled update
// comes back with an error carrying AWS's messages.
func waitUpdateDone(ctx context.Context, conn *eks.Client, cluster, id string) (*types.Update, error) {
	u, err := tfresource.RetryUntilDone(ctx, propagationTimeout, pollDelays, func(ctx context.Context) (*types.Update, bool, error) {
		u, err := findUpdate(ctx, conn, cluster, id)
		return u, err == nil && u.Status != types.UpdateStatusInProgress, err
	})
	if err != nil {
		if ctx.Err() != nil {
			err = fmt.Errorf("waiting for update %s of EKS cluster %q: %w", id, cluster, err)
		}
		return u, err
	}
	return u, updateError(cluster, u)
}

// waitNoUpdateInProgress waits out every update still running on the
// cluster, whatever its outcome, so a new one can start. It returns the
// updates it waited for, as they ended.
func waitNoUpdateInProgress(ctx context.Context, conn *eks.Client, cluster string) ([]*types.Update, error) {
	var done []*types.Update
	for {
		running, err := findInProgressUpdates(ctx, conn, cluster)
		if err != nil || len(running) == 0 {
			return done, err
		}
		for _, r := range running {
			u, err := waitUpdateDone(ctx, conn, cluster, aws.ToString(r.Id))
			if err != nil && ctx.Err() != nil {
				return done, err
			}
			if u != nil {
				done = append(done, u)
			}
		}
	}
}

// updateError turns a terminal, unsuccessful update into an error with
// AWS's own messages; nil for Successful.
func updateError(cluster string, u *types.Update) error {
	if u.Status == types.UpdateStatusSuccessful {
		return nil
	}
	var msgs []string
	for _, e := range u.Errors {
		m := aws.ToString(e.ErrorMessage)
		if e.ErrorCode != "" {
			m = string(e.ErrorCode) + ": " + m
		}
		msgs = append(msgs, m)
	}
	if len(msgs) == 0 {
		msgs = append(msgs, "AWS gave no error details")
	}
	return fmt.Errorf("update %s of EKS cluster %q ended %s: %s", aws.ToString(u.Id), cluster, u.Status, strings.Join(msgs, "; "))
}
