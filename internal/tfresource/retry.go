package tfresource

import (
	"context"
	"time"
)

// minDelay keeps a zero Backoff from polling in a busy loop.
const minDelay = time.Millisecond

// Backoff is the waits between polls: Min first, then doubling up to Max.
type Backoff struct {
	Min, Max time.Duration
}

// next is the wait after one of prev (0 before the first wait).
func (b Backoff) next(prev time.Duration) time.Duration {
	if prev <= 0 {
		return max(b.Min, minDelay)
	}
	return min(2*prev, max(b.Max, b.Min, minDelay))
}

// RetryWhenNotFound calls find until it finds the object. A NotFound error
// counts as "not yet" until timeout has passed since the call began: an
// object created moments ago may not be visible to every reader of an
// eventually consistent API. After that, or at once with a zero timeout
// (e.g. on destroy, where a missing object is simply gone), the NotFound
// error is returned. Any other error is returned at once, and the
// context's error when it ends during a wait.
func RetryWhenNotFound[T any](ctx context.Context, timeout time.Duration, b Backoff, find func(context.Context) (T, error)) (T, error) {
	return RetryUntilDone(ctx, timeout, b, func(ctx context.Context) (T, bool, error) {
		v, err := find(ctx)
		return v, err == nil, err
	})
}

// RetryUntilDone calls poll until it reports done, and returns what it read.
// NotFound counts as "not yet" for notFoundTimeout, as in RetryWhenNotFound.
// On an error it returns the last value poll read without error (the zero
// value if none), so the caller can still say what it last saw.
func RetryUntilDone[T any](ctx context.Context, notFoundTimeout time.Duration, b Backoff, poll func(context.Context) (T, bool, error)) (T, error) {
	deadline := time.Now().Add(notFoundTimeout)
	var last T
	var delay time.Duration
	for {
		v, done, err := poll(ctx)
		switch {
		case err == nil:
			last = v
			if done {
				return v, nil
			}
		case IsNotFound(err) && time.Now().Before(deadline):
			// Not visible yet.
		default:
			return last, err
		}
		delay = b.next(delay)
		if err := sleep(ctx, delay); err != nil {
			return last, err
		}
	}
}

// sleep waits d, or returns the context's error if it ends first.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
