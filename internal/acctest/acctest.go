// Package acctest is the acceptance-test harness: provider factories, and the
// AWS endpoint the tests run against. By default that is an in-process
// emulator started once per test binary; set SCALING_ACC_EXTERNAL=1 to run
// the same tests against LocalStack or real AWS (the SDK's usual variables:
// AWS_PROFILE / AWS_REGION / AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_EKS ...).
// Tests that need the emulator's fault injection skip in external mode.
package acctest

import (
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
	"github.com/scalingkit/terraform-provider-scaling/internal/provider"
)

// Environment variables that point the suite elsewhere.
const (
	// EnvExternal, when "1", uses the SDK's own configuration (real AWS or
	// LocalStack through AWS_ENDPOINT_URL) instead of the emulator.
	EnvExternal = "SCALING_ACC_EXTERNAL"
	// EnvClusterName names an existing EKS cluster for external runs; the
	// emulator suite creates its own clusters.
	EnvClusterName = "SCALING_ACC_CLUSTER_NAME"
)

// ProtoV6ProviderFactories serves the provider in-process to terraform.
var ProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	provider.TypeName: providerserver.NewProtocol6WithError(provider.New("test")()),
}

var (
	emuOnce sync.Once
	emu     *emulator.Emulator
	emuURL  string
	emuErr  error
)

// UpdateDelay is how long the test emulator keeps EKS updates InProgress:
// long enough to exercise the waiter, short enough for a fast suite.
const UpdateDelay = 300 * time.Millisecond

// External reports whether the suite targets a real endpoint.
func External() bool { return os.Getenv(EnvExternal) == "1" }

// Emulator returns the shared in-process emulator, starting it on first use.
// It fails the test in external mode: use SkipIfExternal first.
func Emulator(t testing.TB) *emulator.Emulator {
	t.Helper()
	if External() {
		t.Fatalf("the emulator is not used when %s=1", EnvExternal)
	}
	emuOnce.Do(func() {
		emu = emulator.New(emulator.Options{UpdateDelay: UpdateDelay})
		emuURL, emuErr = emu.Start("127.0.0.1:0")
	})
	if emuErr != nil {
		t.Fatalf("starting emulator: %v", emuErr)
	}
	return emu
}

// SkipIfExternal skips tests that rely on the emulator (fault injection,
// seeding clusters) when running against a real endpoint.
func SkipIfExternal(t testing.TB) {
	t.Helper()
	if External() {
		t.Skipf("needs the emulator; %s=1", EnvExternal)
	}
}

// ProviderConfig is the provider block for a test configuration: the
// emulator's endpoint with dummy credentials, or empty (SDK defaults) when
// external.
func ProviderConfig(t testing.TB) string {
	t.Helper()
	if External() {
		return `provider "scaling" {}` + "\n"
	}
	Emulator(t)
	return EmulatorProviderConfig(emuURL)
}

// EmulatorProviderConfig is the provider block for an emulator at url:
// its endpoint for every service, with dummy credentials.
func EmulatorProviderConfig(url string) string {
	return fmt.Sprintf(`
provider "scaling" {
  region               = "us-east-1"
  endpoint_url         = %q
  use_test_credentials = true
  max_retries          = 8
}
`, url)
}

// StartPrivateEmulator starts an emulator owned by one test, so its faults
// and call counts are the test's own and tests can run in parallel. It is
// stopped when the test ends.
func StartPrivateEmulator(t testing.TB, opts emulator.Options) (*emulator.Emulator, string) {
	t.Helper()
	emu := emulator.New(opts)
	url, err := emu.Start("127.0.0.1:0")
	if err != nil {
		t.Fatalf("starting emulator: %v", err)
	}
	t.Cleanup(func() { _ = emu.Close() })
	return emu, url
}

// EmulatorURL is the in-process emulator's endpoint.
func EmulatorURL(t testing.TB) string {
	t.Helper()
	Emulator(t)
	return emuURL
}
