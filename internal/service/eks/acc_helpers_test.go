package eks_test

import (
	"context"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	awstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
	tfeks "github.com/scalingkit/terraform-provider-scaling/internal/service/eks"
)

const resourceType = "scaling_control_plane_tier"

func TestMain(m *testing.M) {
	// These tests mostly wait (terraform processes, emulator update delays),
	// so run more of them at once than the CPU count go test defaults to,
	// unless -parallel was given.
	flag.Parse()
	explicit := false
	flag.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "test.parallel" })
	if !explicit && !acctest.External() {
		_ = flag.Set("test.parallel", "6")
	}
	if !acctest.External() {
		// The emulator finishes updates in 300 ms: poll at 50 ms, doubling
		// to 400 ms, and give up on a missing cluster after 1.5 s.
		tfeks.SetWaitTimings(50*time.Millisecond, 400*time.Millisecond, 1500*time.Millisecond)
	}
	os.Exit(m.Run())
}

// parallel runs the test in parallel with the others, except against a
// real endpoint, where every test shares one cluster.
func parallel(t *testing.T) {
	if !acctest.External() {
		t.Parallel()
	}
}

// target is the endpoint a test runs against (see acctest.Target), with
// the EKS helpers: the shared in-process emulator (or a real endpoint when
// external), or a private emulator for tests that inject faults, which
// match by operation and would hit other tests' calls on a shared one.
type target struct{ acctest.Target }

// privateTarget starts an emulator of the test's own.
func privateTarget(t *testing.T) target {
	t.Helper()
	return target{acctest.PrivateTarget(t, emulator.Options{UpdateDelay: acctest.UpdateDelay})}
}

// client is an SDK client for the target.
func (tg target) client(t testing.TB) *eks.Client { return eks.NewFromConfig(tg.AWSConfig(t)) }

// shared is the suite's common endpoint.
var shared target

// eksClient is an SDK client for the shared endpoint.
func eksClient(t testing.TB) *eks.Client { return shared.client(t) }

// testCluster gives the test a cluster on tier: a fresh emulator cluster
// (deleted afterwards), or SCALING_ACC_CLUSTER_NAME when external (its
// tier is whatever it is; tests then only assert relative behaviour).
func testCluster(t *testing.T, tier string) string {
	t.Helper()
	return shared.cluster(t, tier)
}

func (tg target) cluster(t *testing.T, tier string) string {
	t.Helper()
	if acctest.External() {
		name := os.Getenv(acctest.EnvClusterName)
		if name == "" {
			t.Skipf("%s names no existing EKS cluster", acctest.EnvClusterName)
		}
		return name
	}
	name := randomName("acc")
	tg.createCluster(t, name, tier)
	t.Cleanup(func() {
		_, _ = tg.client(t).DeleteCluster(context.Background(), &eks.DeleteClusterInput{Name: aws.String(name)})
	})
	return name
}

// createCluster creates an emulator cluster through the SDK, as a real
// cluster would be created outside this provider.
func (tg target) createCluster(t *testing.T, name, tier string) {
	t.Helper()
	in := &eks.CreateClusterInput{
		Name:               aws.String(name),
		Version:            aws.String("1.33"),
		RoleArn:            aws.String("arn:aws:iam::123456789012:role/eks-cluster"),
		ResourcesVpcConfig: &awstypes.VpcConfigRequest{SubnetIds: []string{"subnet-a", "subnet-b"}},
	}
	if tier != "" {
		in.ControlPlaneScalingConfig = &awstypes.ControlPlaneScalingConfig{Tier: awstypes.ProvisionedControlPlaneTier(tier)}
	}
	if _, err := tg.client(t).CreateCluster(context.Background(), in); err != nil {
		t.Fatalf("creating cluster %s: %v", name, err)
	}
}

func randomName(prefix string) string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%s-%x", prefix, b)
}

// clusterTier asks the API for the tier in effect.
func (tg target) clusterTier(t testing.TB, name string) (string, error) {
	out, err := tg.client(t).DescribeCluster(context.Background(), &eks.DescribeClusterInput{Name: aws.String(name)})
	if err != nil {
		return "", err
	}
	if out.Cluster.ControlPlaneScalingConfig == nil {
		return "standard", nil
	}
	return string(out.Cluster.ControlPlaneScalingConfig.Tier), nil
}

// checkClusterTier asserts the tier the API reports.
func checkClusterTier(t testing.TB, name, want string) func(*terraform.State) error {
	return shared.checkClusterTier(t, name, want)
}

func (tg target) checkClusterTier(t testing.TB, name, want string) func(*terraform.State) error {
	return func(*terraform.State) error {
		got, err := tg.clusterTier(t, name)
		if err != nil {
			return err
		}
		if got != want {
			return fmt.Errorf("cluster %s is on %s, want %s", name, got, want)
		}
		return nil
	}
}

// checkDestroyReverted is the CheckDestroy of every tier test: each
// resource's cluster must be back on standard (or gone), unless it opted
// out with revert_on_destroy = false.
func checkDestroyReverted(t testing.TB) func(*terraform.State) error {
	return shared.checkDestroyReverted(t)
}

func (tg target) checkDestroyReverted(t testing.TB) func(*terraform.State) error {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != resourceType {
				continue
			}
			name := rs.Primary.Attributes["cluster_name"]
			got, err := tg.clusterTier(t, name)
			var nf *awstypes.ResourceNotFoundException
			if errors.As(err, &nf) {
				continue
			}
			if err != nil {
				return err
			}
			want := "standard"
			if rs.Primary.Attributes["revert_on_destroy"] == "false" {
				want = rs.Primary.Attributes["tier"]
			}
			if got != want {
				return fmt.Errorf("after destroy cluster %s is on %s, want %s", name, got, want)
			}
		}
		return nil
	}
}

// tierCapabilities asks DescribeClusterVersions what a tier gives, so
// checks compare with the API rather than with hard-coded figures.
func tierCapabilities(t testing.TB, version, tier string) (seats, podsPerSecond, dbGB int32) {
	return shared.tierCapabilities(t, version, tier)
}

func (tg target) tierCapabilities(t testing.TB, version, tier string) (seats, podsPerSecond, dbGB int32) {
	t.Helper()
	out, err := tg.client(t).DescribeClusterVersions(context.Background(), &eks.DescribeClusterVersionsInput{ClusterVersions: []string{version}})
	if err != nil {
		t.Fatalf("DescribeClusterVersions: %v", err)
	}
	for _, v := range out.ClusterVersions {
		for _, ti := range v.ControlPlaneScalingTiers {
			if aws.ToString(ti.TierName) == tier {
				return aws.ToInt32(ti.ApiRequestConcurrency), aws.ToInt32(ti.PodSchedulingRatePerSecond), aws.ToInt32(ti.ClusterDatabaseSizeGb)
			}
		}
	}
	t.Fatalf("version %s has no tier %s", version, tier)
	return 0, 0, 0
}

// clusterVersion is the cluster's Kubernetes version.
func (tg target) clusterVersion(t testing.TB, name string) string {
	t.Helper()
	out, err := tg.client(t).DescribeCluster(context.Background(), &eks.DescribeClusterInput{Name: aws.String(name)})
	if err != nil {
		t.Fatalf("DescribeCluster: %v", err)
	}
	return aws.ToString(out.Cluster.Version)
}

// tierUpdates counts the cluster's tier updates.
func (tg target) tierUpdates(t testing.TB, name string) int {
	t.Helper()
	out, err := tg.client(t).ListUpdates(context.Background(), &eks.ListUpdatesInput{Name: aws.String(name)})
	if err != nil {
		t.Fatalf("ListUpdates: %v", err)
	}
	return len(out.UpdateIds)
}

func tierConfig(t testing.TB, cluster, tier, extra string) string {
	return shared.tierConfig(t, cluster, tier, extra)
}

func (tg target) tierConfig(t testing.TB, cluster, tier, extra string) string {
	return tg.ProviderConfig(t) + fmt.Sprintf(`
resource "scaling_control_plane_tier" "test" {
  cluster_name = %q
  tier         = %q
%s
}
`, cluster, tier, extra)
}
