package cluster

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"
)

// New starts a cluster for one test and stops it in t.Cleanup.
func New(t testing.TB) *Cluster {
	t.Helper()
	return NewWith(t, Options{})
}

// NewWith is New with options; Logf defaults to t.Logf.
func NewWith(t testing.TB, opts Options) *Cluster {
	t.Helper()
	if opts.Logf == nil {
		opts.Logf = t.Logf
	}
	c, err := Start(context.Background(), opts)
	if err != nil {
		t.Fatalf("start cluster: %v", err)
	}
	t.Cleanup(c.Stop)
	return c
}

var (
	sharedOnce sync.Once
	shared     *Cluster
	sharedErr  error
)

// Shared returns one cluster for every test in the binary, started on first
// use. Use it with Main, which stops it when the tests end.
func Shared(t testing.TB) *Cluster {
	t.Helper()
	sharedOnce.Do(func() {
		began := time.Now()
		shared, sharedErr = Start(context.Background(), Options{Logf: func(f string, a ...any) {
			fmt.Fprintf(os.Stderr, f+"\n", a...)
		}})
		if sharedErr == nil {
			fmt.Fprintf(os.Stderr, "cluster: shared cluster ready in %s\n", time.Since(began).Round(time.Millisecond))
		}
	})
	if sharedErr != nil {
		t.Fatalf("start cluster: %v", sharedErr)
	}
	return shared
}

// Main runs the tests and stops the shared cluster afterwards. When a test
// failed, the cluster's logs are kept and their place printed.
func Main(m *testing.M) {
	code := m.Run()
	if shared != nil {
		if code != 0 && !shared.External {
			os.Setenv("K8S_KEEP_DIR", "1")
			fmt.Fprintf(os.Stderr, "cluster: tests failed; logs kept in %s\n", shared.LogDir())
		}
		shared.Stop()
	}
	StopAll()
	os.Exit(code)
}
