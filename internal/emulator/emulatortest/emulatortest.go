// Package emulatortest holds what the emulator's own tests share: a clock
// they move by hand, an emulator started for one test, SDK client settings
// and control-route calls.
package emulatortest

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
)

// Epoch is the time the tests' clocks start at.
var Epoch = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

// Clock lets tests move time instead of sleeping.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock is a clock at Epoch.
func NewClock() *Clock { return &Clock{t: Epoch} }

// Now is the clock's time.
func (c *Clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

// Advance moves the clock forward.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// Start runs an emulator with opts (and a Clock unless opts.Now is set)
// for the test's duration.
func Start(t testing.TB, opts emulator.Options) (*emulator.Emulator, *Clock) {
	t.Helper()
	clock := NewClock()
	if opts.Now == nil {
		opts.Now = clock.Now
	}
	e := emulator.New(opts)
	if _, err := e.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = e.Close() })
	return e, clock
}

// Client settings for an SDK client against the emulator at url: static
// credentials and a retryer that retries quickly.
type Client struct {
	Region       string
	BaseEndpoint *string
	Credentials  aws.CredentialsProvider
	Retryer      aws.Retryer
}

// ClientFor is the settings of an SDK client for e.
func ClientFor(e *emulator.Emulator) Client {
	return Client{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(e.URL()),
		Credentials:  credentials.NewStaticCredentialsProvider("test", "test", ""),
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts = 5
			o.MaxBackoff = 10 * time.Millisecond
		}),
	}
}

// ErrIs reports whether err wraps an SDK error of type T.
func ErrIs[T error](err error) bool {
	var target T
	return errors.As(err, &target)
}

// Control calls a control route ("faults", "eks/clusters") and returns the
// status and body.
func Control(t testing.TB, e *emulator.Emulator, method, route, body string, header ...string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, e.URL()+"/_emulator/"+route, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
