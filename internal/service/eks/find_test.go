package eks

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/eks"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
)

// startEmulator starts an emulator of the test's own and returns a maker of
// EKS clients for it (each a distinct client, as two providers would have).
func startEmulator(t *testing.T) (*emulator.Emulator, func() *eks.Client) {
	t.Helper()
	emu := emulator.New(emulator.Options{})
	url, err := emu.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = emu.Close() })
	return emu, func() *eks.Client {
		return eks.New(eks.Options{
			Region: "us-east-1", BaseEndpoint: aws.String(url),
			Credentials: credentials.NewStaticCredentialsProvider("test", "test", ""),
		})
	}
}

// One DescribeClusterVersions call per client and version; the default
// version is asked for every time; another client asks again.
func TestClusterVersionsAreDescribedOncePerClient(t *testing.T) {
	emu, client := startEmulator(t)
	ctx := context.Background()
	a, b := client(), client()
	def, err := findClusterVersion(ctx, a, "")
	if err != nil {
		t.Fatal(err)
	}
	version := aws.ToString(def.ClusterVersion)
	for _, conn := range []*eks.Client{a, a, a, b, b} {
		if _, err := findTierInfo(ctx, conn, version, "tier-xl"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := findClusterVersion(ctx, a, ""); err != nil {
		t.Fatal(err)
	}
	// 2 default-version calls, then 1 per client for the named version.
	if got := emu.Calls.Counts()["eks:DescribeClusterVersions"]; got != 4 {
		t.Fatalf("DescribeClusterVersions calls = %d, want 4 (%v)", got, emu.Calls.Counts())
	}
}
