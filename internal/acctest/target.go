package acctest

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/scalingkit/terraform-provider-scaling/internal/conns"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
)

// Target is where an acceptance test runs. With Emu set it is an emulator
// of the test's own: its faults and call counts are the test's alone, so
// tests run in parallel. With Emu nil it is the suite's shared emulator, or
// the real endpoint when SCALING_ACC_EXTERNAL=1.
type Target struct {
	Emu *emulator.Emulator
	URL string
}

// NewTarget is a private emulator, or the real endpoint when external;
// there a test that needsEmulator (faults, seeding, call counts) skips.
func NewTarget(t *testing.T, needsEmulator bool) Target {
	t.Helper()
	if External() {
		if needsEmulator {
			SkipIfExternal(t)
		}
		return Target{}
	}
	return PrivateTarget(t, emulator.Options{})
}

// PrivateTarget starts an emulator of the test's own; it skips the test
// when external.
func PrivateTarget(t *testing.T, opts emulator.Options) Target {
	t.Helper()
	SkipIfExternal(t)
	emu, url := StartPrivateEmulator(t, opts)
	return Target{Emu: emu, URL: url}
}

// ProviderConfig is the provider block for the target.
func (tg Target) ProviderConfig(t testing.TB) string {
	t.Helper()
	if tg.Emu == nil {
		return ProviderConfig(t)
	}
	return EmulatorProviderConfig(tg.URL)
}

// AWSConfig configures SDK clients for the target, to check what the
// provider did through the API: the SDK's own configuration when external,
// else the emulator with test credentials.
func (tg Target) AWSConfig(t testing.TB) aws.Config {
	t.Helper()
	url := tg.URL
	switch {
	case tg.Emu != nil:
	case External():
		cfg, err := awsconfig.LoadDefaultConfig(context.Background())
		if err != nil {
			t.Fatalf("loading AWS config: %v", err)
		}
		return cfg
	default:
		url = EmulatorURL(t)
	}
	return aws.Config{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(url),
		Credentials:  credentials.NewStaticCredentialsProvider(conns.TestAccessKey, conns.TestSecretKey, ""),
	}
}

// Calls is how many calls of service (the emulator's name for it: "ecr",
// "cloudwatch", "eks") the private emulator has seen.
func (tg Target) Calls(service string) int {
	n := 0
	for k, v := range tg.Emu.Calls.Counts() {
		if strings.HasPrefix(k, service+":") {
			n += v
		}
	}
	return n
}
