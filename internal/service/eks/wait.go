package eks

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/eks/types"
)

// Waiters poll with exponential backoff: a tier change takes minutes, so
// the first poll comes after pollMinDelay and the gap doubles up to
// pollMaxDelay. Tests against the emulator (300 ms updates) lower both.
const (
	defaultPollMinDelay = 2 * time.Second
	defaultPollMaxDelay = 15 * time.Second
)

var (
	pollMinDelay = defaultPollMinDelay
	pollMaxDelay = defaultPollMaxDelay
	// propagationTimeout bounds how long a NotFound right after a create
	// (EKS reads are eventually consistent) is treated as "not yet".
	propagationTimeout = 2 * time.Minute
)

// backoff yields the successive poll delays.
type backoff struct{ next, max time.Duration }

func newBackoff() *backoff { return &backoff{next: pollMinDelay, max: pollMaxDelay} }

// delay returns the next delay and doubles the one after, up to max.
func (b *backoff) delay() time.Duration {
	d := b.next
	b.next = min(b.next*2, b.max)
	return d
}

// sleep waits the next delay, or returns the context's error.
func (b *backoff) sleep(ctx context.Context) error {
	t := time.NewTimer(b.delay())
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// waitClusterFound describes the cluster, treating NotFound as "not yet"
// for propagationTimeout: a cluster created moments ago in the same apply
// may not be visible to every reader yet.
func waitClusterFound(ctx context.Context, conn *eks.Client, name string) (*types.Cluster, error) {
	deadline := time.Now().Add(propagationTimeout)
	if ctx.Value(noPropagationWaitKey{}) != nil {
		deadline = time.Now()
	}
	b := newBackoff()
	for {
		c, err := findCluster(ctx, conn, name)
		if err == nil || !isNotFound(err) || time.Now().After(deadline) {
			return c, err
		}
		if err := b.sleep(ctx); err != nil {
			return nil, fmt.Errorf("waiting for EKS cluster %q to become visible: %w", name, err)
		}
	}
}

// waitUpdateDone polls DescribeUpdate until the update is no longer
// InProgress. It returns the last update seen; a Failed or Cancelled update
// comes back with an error carrying AWS's messages.
func waitUpdateDone(ctx context.Context, conn *eks.Client, cluster, id string) (*types.Update, error) {
	deadline := time.Now().Add(propagationTimeout)
	b := newBackoff()
	var last *types.Update
	for {
		u, err := findUpdate(ctx, conn, cluster, id)
		switch {
		case err == nil:
			last = u
			if u.Status != types.UpdateStatusInProgress {
				return u, updateError(cluster, u)
			}
		case isNotFound(err) && time.Now().Before(deadline):
			// Just created; not visible yet.
		default:
			return last, err
		}
		if err := b.sleep(ctx); err != nil {
			return last, fmt.Errorf("waiting for update %s of EKS cluster %q: %w", id, cluster, err)
		}
	}
}

// waitNoUpdateInProgress waits out every update still running on the
// cluster, whatever its outcome, so a new one can start.
func waitNoUpdateInProgress(ctx context.Context, conn *eks.Client, cluster string) error {
	for {
		running, err := findInProgressUpdates(ctx, conn, cluster)
		if err != nil || len(running) == 0 {
			return err
		}
		for _, id := range running {
			if _, err := waitUpdateDone(ctx, conn, cluster, id); err != nil && ctx.Err() != nil {
				return err
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
