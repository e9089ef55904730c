package tfresource

import (
	"context"
	"errors"
	"testing"
	"time"
)

var fast = Backoff{Min: time.Millisecond, Max: 5 * time.Millisecond}

func TestBackoffDoublesToTheCap(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    Backoff
		want []time.Duration
	}{
		{"eks defaults", Backoff{Min: 2 * time.Second, Max: 15 * time.Second},
			[]time.Duration{2 * time.Second, 4 * time.Second, 8 * time.Second, 15 * time.Second, 15 * time.Second}},
		{"max below min", Backoff{Min: time.Second, Max: time.Millisecond},
			[]time.Duration{time.Second, time.Second, time.Second}},
		{"zero never busy-loops", Backoff{},
			[]time.Duration{time.Millisecond, time.Millisecond}},
	} {
		var d time.Duration
		for i, want := range tc.want {
			d = tc.b.next(d)
			if d != want {
				t.Errorf("%s: wait %d = %v, want %v", tc.name, i, d, want)
			}
		}
	}
}

// finder answers NotFound notFound times, then found.
func finder(notFound int, calls *int) func(context.Context) (string, error) {
	return func(context.Context) (string, error) {
		*calls++
		if *calls <= notFound {
			return "", NewNotFoundError("stream", nil)
		}
		return "found", nil
	}
}

func TestRetryWhenNotFoundWaitsForTheObject(t *testing.T) {
	var calls int
	v, err := RetryWhenNotFound(context.Background(), time.Minute, fast, finder(3, &calls))
	if err != nil || v != "found" || calls != 4 {
		t.Fatalf("got %q, %v after %d calls; want found after 4", v, err, calls)
	}
}

func TestRetryWhenNotFoundGivesUpAfterTheTimeout(t *testing.T) {
	var calls int
	_, err := RetryWhenNotFound(context.Background(), 20*time.Millisecond, fast, finder(1<<30, &calls))
	if !IsNotFound(err) {
		t.Fatalf("err = %v, want the NotFound error", err)
	}
	if calls < 2 {
		t.Fatalf("called %d times; NotFound within the timeout must be retried", calls)
	}
}

func TestRetryWhenNotFoundWithZeroTimeoutCallsOnce(t *testing.T) {
	var calls int
	_, err := RetryWhenNotFound(context.Background(), 0, fast, finder(1, &calls))
	if !IsNotFound(err) || calls != 1 {
		t.Fatalf("got %v after %d calls; want NotFound after 1", err, calls)
	}
}

func TestRetryWhenNotFoundReturnsOtherErrorsAtOnce(t *testing.T) {
	boom := errors.New("AccessDeniedException")
	calls := 0
	_, err := RetryWhenNotFound(context.Background(), time.Minute, fast, func(context.Context) (int, error) {
		calls++
		return 0, boom
	})
	if !errors.Is(err, boom) || calls != 1 {
		t.Fatalf("got %v after %d calls; want %v after 1", err, calls, boom)
	}
}

func TestRetryWhenNotFoundStopsWhenTheContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	// Waits of an hour: only the cancellation can end this call.
	_, err := RetryWhenNotFound(ctx, time.Hour, Backoff{Min: time.Hour, Max: time.Hour}, func(context.Context) (int, error) {
		calls++
		cancel()
		return 0, NewNotFoundError("rule", nil)
	})
	if !errors.Is(err, context.Canceled) || calls != 1 {
		t.Fatalf("got %v after %d calls; want context.Canceled after 1", err, calls)
	}
}

func TestRetryUntilDoneReturnsWhatItLastRead(t *testing.T) {
	boom := errors.New("throttled")
	answers := []struct {
		v    int
		done bool
		err  error
	}{
		{1, false, nil},
		{0, false, NewNotFoundError("update", nil)}, // a stale reader: still within the timeout
		{2, false, nil},
		{0, false, boom},
	}
	i := 0
	v, err := RetryUntilDone(context.Background(), time.Minute, fast, func(context.Context) (int, bool, error) {
		a := answers[i]
		i++
		return a.v, a.done, a.err
	})
	if !errors.Is(err, boom) || v != 2 {
		t.Fatalf("got %d, %v; want the last value read (2) and %v", v, err, boom)
	}

	i = 0
	v, err = RetryUntilDone(context.Background(), time.Minute, fast, func(context.Context) (int, bool, error) {
		i++
		return i, i == 3, nil
	})
	if err != nil || v != 3 {
		t.Fatalf("got %d, %v; want 3 once done", v, err)
	}
}
