package acctest

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// ProviderConfigWith is the target's provider block with extra lines
// inside it (default_tags, ignore_tags, ...).
func (tg Target) ProviderConfigWith(t testing.TB, extra string) string {
	t.Helper()
	cfg := tg.ProviderConfig(t)
	i := strings.LastIndex(cfg, "}")
	return cfg[:i] + extra + "\n" + cfg[i:]
}

// ProviderConfigFewRetries is the target's provider block with an SDK that
// gives up after one retry, so a fault on two calls in a row fails the
// operation (the SDK's backoff between more retries would slow the suite).
func (tg Target) ProviderConfigFewRetries(t testing.TB) string {
	t.Helper()
	cfg := tg.ProviderConfig(t)
	out := strings.Replace(cfg, "max_retries          = 8", "max_retries          = 1", 1)
	if out == cfg {
		t.Fatalf("the provider block no longer sets max_retries = 8; update ProviderConfigFewRetries:\n%s", cfg)
	}
	return out
}

// WaitFor polls cond for up to 10 seconds, e.g. for a call the emulator
// holds (the slow fault) to take effect after the client gave up.
func WaitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// Require runs check (one that reads the API, not the state) as a step's
// PreConfig, to assert what a previous step left behind when that step
// cannot check it itself: Check does not run for a step whose apply fails
// (ExpectError) nor for a PlanOnly step.
func Require(t testing.TB, check func(*terraform.State) error) func() {
	return func() {
		t.Helper()
		if err := check(nil); err != nil {
			t.Fatal(err)
		}
	}
}
