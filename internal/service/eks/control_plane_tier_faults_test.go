package eks_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	awstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
)

// Fault tests need the emulator. Each starts its own (privateTarget):
// injected faults match by operation, not by cluster, so on the shared
// emulator they would hit other tests' calls.

// faults is the same fault on each of ops.
func faults(kind emulator.FaultKind, count int, ops ...string) []acctest.FaultCase {
	cases := make([]acctest.FaultCase, len(ops))
	for i, op := range ops {
		cases[i] = acctest.FaultCase{Name: op, Kind: kind, Count: count, Operation: op}
	}
	return cases
}

// injectAll arms every fault on the target's emulator.
func (tg target) injectAll(t *testing.T, fcs []acctest.FaultCase) {
	t.Helper()
	for _, fc := range fcs {
		fc.Inject(t, tg.Emu, "eks")
	}
}

// checkRiddenOut asserts every fault was consumed (the provider really met
// them) and that each operation was called again after its faults.
func (tg target) checkRiddenOut(fcs []acctest.FaultCase) resource.TestCheckFunc {
	checks := make([]resource.TestCheckFunc, len(fcs))
	for i, fc := range fcs {
		checks[i] = fc.CheckRiddenOut(tg.Emu, "eks")
	}
	return resource.ComposeAggregateTestCheckFunc(checks...)
}

// testRetriedFault: the SDK's retryer absorbs throttling and 5xx. Its
// backoff (exponential with jitter, up to 20 s) is the real one, so k is
// kept small to keep the test fast.
func testRetriedFault(t *testing.T, kind emulator.FaultKind, count int, ops ...string) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "standard")
	fcs := faults(kind, count, ops...)
	acctest.Test(t, tg.checkDestroyReverted(t), []resource.TestStep{{
		PreConfig: func() { tg.injectAll(t, fcs) },
		Config:    tg.tierConfig(t, cluster, "tier-xl", ""),
		Check: resource.ComposeAggregateTestCheckFunc(
			tg.checkRiddenOut(fcs),
			tg.checkClusterTier(t, cluster, "tier-xl"),
			// Retries reuse the client request token: one update only.
			tg.checkUpdateCount(t, cluster, 1),
			tg.checkCapabilities(t, cluster, "tier-xl"),
		),
	}})
}

func TestAccControlPlaneTier_throttled(t *testing.T) {
	testRetriedFault(t, emulator.FaultThrottle, 2, "UpdateClusterConfig", "DescribeUpdate")
}

func TestAccControlPlaneTier_serverErrors(t *testing.T) {
	testRetriedFault(t, emulator.FaultServerError, 1, "DescribeCluster", "UpdateClusterConfig", "DescribeUpdate", "DescribeClusterVersions")
}

func TestAccControlPlaneTier_notFoundAfterCreate(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "standard")
	notVisible := faults(emulator.FaultNotFound, 3, "DescribeCluster")
	acctest.Test(t, tg.checkDestroyReverted(t), []resource.TestStep{{
		// The cluster was just created: the first reads miss it.
		PreConfig: func() { tg.injectAll(t, notVisible) },
		Config:    tg.tierConfig(t, cluster, "tier-xl", ""),
		Check: resource.ComposeAggregateTestCheckFunc(
			tg.checkRiddenOut(notVisible),
			tg.checkClusterTier(t, cluster, "tier-xl"),
			resource.TestCheckResourceAttr(addr, "tier", "tier-xl"),
		),
	}})
}

func TestAccControlPlaneTier_updateInFlight(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "standard")
	acctest.Test(t, tg.checkDestroyReverted(t), []resource.TestStep{{
		// Someone else's update is running when apply starts, and the
		// cluster still reports ACTIVE (the status is eventually
		// consistent): the provider gets 409 ResourceInUseException,
		// waits the update out, and retries.
		PreConfig: func() {
			tg.Emu.EKS().SetUpdateDelay(cluster, 5*time.Second)
			tg.Emu.EKS().SetStatusLag(cluster, 5*time.Second)
			if _, err := tg.client(t).UpdateClusterConfig(context.Background(), &eks.UpdateClusterConfigInput{
				Name:                      aws.String(cluster),
				ControlPlaneScalingConfig: &awstypes.ControlPlaneScalingConfig{Tier: awstypes.ProvisionedControlPlaneTierTier4xl},
			}); err != nil {
				t.Fatal(err)
			}
			tg.Emu.EKS().SetUpdateDelay(cluster, acctest.UpdateDelay)
			tg.Emu.Calls.Clear()
		},
		Config: tg.tierConfig(t, cluster, "tier-xl", ""),
		Check: resource.ComposeAggregateTestCheckFunc(
			tg.checkClusterTier(t, cluster, "tier-xl"),
			resource.TestCheckResourceAttr(addr, "previous_tier", "tier-4xl"),
			tg.checkUpdateCount(t, cluster, 2),
			func(*terraform.State) error {
				if n := tg.Emu.Calls.Count("eks", "UpdateClusterConfig"); n != 2 {
					return fmt.Errorf("UpdateClusterConfig called %d times, want 2 (409, then the retry)", n)
				}
				return nil
			},
		),
	}})
}

func TestAccControlPlaneTier_failedUpdate(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "standard")
	const awsMessage = "Insufficient capacity to scale the control plane in us-east-1a."
	acctest.Test(t, tg.checkDestroyReverted(t), []resource.TestStep{
		{Config: tg.tierConfig(t, cluster, "tier-xl", "")},
		{
			PreConfig: func() { tg.Emu.EKS().FailNextUpdate(cluster, awsMessage) },
			Config:    tg.tierConfig(t, cluster, "tier-2xl", ""),
			ExpectError: regexp.MustCompile(`(?s)ended\s+Failed:\s+Unknown:\s+` + acctest.MessagePattern(awsMessage) +
				`.*is\s+on\s+tier\s+tier-xl\s+now`),
		},
		{
			// State holds the tier really in effect: a config asking
			// for it plans nothing, even without a refresh.
			PreConfig: func() {
				if got, _ := tg.clusterTier(t, cluster); got != "tier-xl" {
					t.Fatalf("after the failed update the cluster is on %s", got)
				}
			},
			Config:   tg.tierConfig(t, cluster, "tier-xl", ""),
			PlanOnly: true,
		},
		{
			// Re-running apply retries, and now succeeds.
			Config: tg.tierConfig(t, cluster, "tier-2xl", ""),
			Check: resource.ComposeAggregateTestCheckFunc(
				tg.checkClusterTier(t, cluster, "tier-2xl"),
				resource.TestCheckResourceAttr(addr, "previous_tier", "tier-xl"),
			),
		},
	})
}

// The tier changed, then the read that fills the tier's capabilities
// failed: the create is saved with a warning, not tainted (a tainted
// resource is replaced, which would revert the cluster to standard and
// change it again). The next refresh fills the capabilities.
func TestAccControlPlaneTier_readFailsAfterCreate(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "standard")
	config := tg.ProviderConfigFewRetries(t) + strings.TrimPrefix(tg.tierConfig(t, cluster, "tier-xl", ""), tg.ProviderConfig(t))
	fcs := faults(emulator.FaultServerError, 2, "DescribeClusterVersions")
	acctest.Test(t, tg.checkDestroyReverted(t), []resource.TestStep{
		{
			PreConfig: func() { tg.injectAll(t, fcs) },
			Config:    config,
			Check: resource.ComposeAggregateTestCheckFunc(
				tg.checkClusterTier(t, cluster, "tier-xl"),
				resource.TestCheckResourceAttr(addr, "previous_tier", "standard"),
			),
		},
		{
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				tg.checkRiddenOut(fcs),
				tg.checkCapabilities(t, cluster, "tier-xl"),
				tg.checkUpdateCount(t, cluster, 1),
			),
		},
	})
}
