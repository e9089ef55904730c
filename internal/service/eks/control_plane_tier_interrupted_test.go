package eks_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
)

// Interrupted applies: a short timeout ends the apply's context while the
// emulator keeps the update InProgress (its per-cluster update delay), as
// a SIGINT does. The next plan must neither replace the resource nor
// revert the cluster, and must converge on the configuration.

// The interrupted update runs interruptedDelay in the emulator; the apply
// gives up after shortTimeout. Both leave room for a busy machine: the
// update must start before the timeout, and still run when it ends.
const (
	interruptedDelay = 10 * time.Second
	shortTimeout     = "2s"
)

func timeoutsBlock(op, d string) string {
	return fmt.Sprintf("  timeouts {\n    %s = %q\n  }", op, d)
}

// waitUpdatesDone waits until no update of the cluster is InProgress, so
// the next step sees the interrupted update's outcome.
func (tg target) waitUpdatesDone(t *testing.T, cluster string) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		if c, ok := tg.Emu.EKS().Cluster(cluster); ok && c.Status == "ACTIVE" {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("cluster %s still UPDATING after a minute", cluster)
}

// latestUpdateID is the ID of the cluster's most recent update.
func (tg target) latestUpdateID(t *testing.T, cluster string) string {
	t.Helper()
	out, err := tg.client(t).ListUpdates(context.Background(), &eks.ListUpdatesInput{Name: aws.String(cluster)})
	if err != nil || len(out.UpdateIds) == 0 {
		t.Fatalf("ListUpdates: %v, %v", out, err)
	}
	latest := ""
	var at time.Time
	for _, id := range out.UpdateIds {
		u, err := tg.client(t).DescribeUpdate(context.Background(), &eks.DescribeUpdateInput{Name: aws.String(cluster), UpdateId: aws.String(id)})
		if err != nil {
			t.Fatal(err)
		}
		if created := aws.ToTime(u.Update.CreatedAt); latest == "" || !created.Before(at) {
			latest, at = id, created
		}
	}
	return latest
}

// checkLatestUpdate asserts that last_update_id is the cluster's newest update.
func (tg target) checkLatestUpdate(t *testing.T, cluster string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		want := tg.latestUpdateID(t, cluster)
		return resource.TestCheckResourceAttr(addr, "last_update_id", want)(s)
	}
}

// checkConverged asserts where an interrupted apply ends once re-run: the
// cluster on tier, previous_tier recorded, updates updates in all (none
// started twice), and last_update_id the newest of them.
func (tg target) checkConverged(t *testing.T, cluster, tier, previous string, updates int) resource.TestCheckFunc {
	return resource.ComposeAggregateTestCheckFunc(
		tg.checkClusterTier(t, cluster, tier),
		resource.TestCheckResourceAttr(addr, "previous_tier", previous),
		tg.checkUpdateCount(t, cluster, updates),
		tg.checkLatestUpdate(t, cluster),
	)
}

// expectTierChange asserts the plan moves tier from one value to another:
// the prior state the plan starts from must already account for an
// update still running in AWS.
func expectTierChange(from, to string) plancheck.PlanCheck { return tierChangeCheck{from, to} }

type tierChangeCheck struct{ from, to string }

func (c tierChangeCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != addr {
			continue
		}
		before, _ := rc.Change.Before.(map[string]any)
		after, _ := rc.Change.After.(map[string]any)
		if before["tier"] != c.from || after["tier"] != c.to {
			resp.Error = fmt.Errorf("plan moves tier %v -> %v, want %s -> %s", before["tier"], after["tier"], c.from, c.to)
		}
		return
	}
	resp.Error = fmt.Errorf("%s not in the plan", addr)
}

// Issue 16 item 1: a create interrupted while AWS changes the tier is
// saved, not tainted, with the tier it is moving to. The next plan is
// empty (no replacement, so no revert to standard and back), and once the
// update ends the cluster is on the tier after exactly one update.
func TestAccControlPlaneTier_interruptedCreateReadopted(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "standard")
	short := timeoutsBlock("create", shortTimeout)
	acctest.Test(t, tg.checkDestroyReverted(t), []resource.TestStep{
		{
			PreConfig: func() { tg.Emu.EKS().SetUpdateDelay(cluster, interruptedDelay) },
			Config:    tg.tierConfig(t, cluster, "tier-xl", short),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "tier", "tier-xl"),
				resource.TestCheckResourceAttr(addr, "previous_tier", "standard"),
				tg.checkLatestUpdate(t, cluster),
			),
		},
		{
			// Planned while the update still runs: nothing to do.
			Config: tg.tierConfig(t, cluster, "tier-xl", short),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
		},
		{
			PreConfig: func() { tg.waitUpdatesDone(t, cluster) },
			Config:    tg.tierConfig(t, cluster, "tier-xl", short),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				tg.checkClusterTier(t, cluster, "tier-xl"),
				tg.checkUpdateCount(t, cluster, 1),
				resource.TestCheckResourceAttr(addr, "previous_tier", "standard"),
			),
		},
	})
}

// Issue 16 item 1, the other outcome: the interrupted create's update
// fails later. The refresh then shows the tier really in effect, and the
// next apply makes the change again (no replacement).
func TestAccControlPlaneTier_interruptedCreateFailsLater(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "standard")
	acctest.Test(t, tg.checkDestroyReverted(t), []resource.TestStep{
		{
			// Long enough that the update still runs at the refresh
			// after this step, even on a busy machine.
			PreConfig: func() {
				tg.Emu.EKS().SetUpdateDelay(cluster, 3*interruptedDelay)
				tg.Emu.EKS().FailNextUpdate(cluster, "")
			},
			Config: tg.tierConfig(t, cluster, "tier-xl", timeoutsBlock("create", shortTimeout)),
		},
		{
			PreConfig: func() {
				tg.waitUpdatesDone(t, cluster)
				tg.Emu.EKS().SetUpdateDelay(cluster, 300*time.Millisecond)
			},
			Config: tg.tierConfig(t, cluster, "tier-xl", timeoutsBlock("create", shortTimeout)),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					expectTierChange("standard", "tier-xl"),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: tg.checkConverged(t, cluster, "tier-xl", "standard", 2),
		},
	})
}

// Issue 16 item 2: after an interrupted tier-xl -> tier-4xl update,
// setting the configuration back to tier-xl must plan a change (the
// cluster is heading for tier-4xl), and apply must end on tier-xl.
func TestAccControlPlaneTier_interruptedUpdateThenConfigReverted(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "standard")
	acctest.Test(t, tg.checkDestroyReverted(t), []resource.TestStep{
		{Config: tg.tierConfig(t, cluster, "tier-xl", "")},
		{
			PreConfig:   func() { tg.Emu.EKS().SetUpdateDelay(cluster, interruptedDelay) },
			Config:      tg.tierConfig(t, cluster, "tier-4xl", timeoutsBlock("update", shortTimeout)),
			ExpectError: regexp.MustCompile(`(?s)context\s+deadline\s+exceeded.*still\s+in\s+progress`),
		},
		{
			PreConfig: func() { tg.Emu.EKS().SetUpdateDelay(cluster, 300*time.Millisecond) },
			Config:    tg.tierConfig(t, cluster, "tier-xl", timeoutsBlock("update", "1m")),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{expectTierChange("tier-4xl", "tier-xl")},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: tg.checkConverged(t, cluster, "tier-xl", "tier-4xl", 3),
		},
	})
}

// Issue 16 item 3: re-applying the configuration of an interrupted
// tier-xl -> tier-4xl update keeps previous_tier = tier-xl and the
// interrupted update's ID, and starts no second update.
func TestAccControlPlaneTier_previousTierAfterInterruptedUpdate(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "standard")
	acctest.Test(t, tg.checkDestroyReverted(t), []resource.TestStep{
		{Config: tg.tierConfig(t, cluster, "tier-xl", "")},
		{
			PreConfig:   func() { tg.Emu.EKS().SetUpdateDelay(cluster, interruptedDelay) },
			Config:      tg.tierConfig(t, cluster, "tier-4xl", timeoutsBlock("update", shortTimeout)),
			ExpectError: regexp.MustCompile(`still\s+in\s+progress`),
		},
		{
			Config: tg.tierConfig(t, cluster, "tier-4xl", timeoutsBlock("update", "1m")),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				func(*terraform.State) error { tg.waitUpdatesDone(t, cluster); return nil },
				tg.checkConverged(t, cluster, "tier-4xl", "tier-xl", 2),
			),
		},
	})
}

// waitForUpdates waits until the cluster has n updates (a held call has
// taken effect).
func (tg target) waitForUpdates(t *testing.T, cluster string, n int) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for tg.tierUpdates(t, cluster) < n {
		if time.Now().After(deadline) {
			t.Fatalf("cluster %s has fewer than %d updates after a minute", cluster, n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// A lost reply: UpdateClusterConfig takes effect and the reply is lost,
// repeatedly, while the create's timeout runs out. The update started is
// adopted and the resource saved (not tainted); nothing is started twice.
func TestAccControlPlaneTier_lostReplyCreate(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "standard")
	short := timeoutsBlock("create", shortTimeout)
	acctest.Test(t, tg.checkDestroyReverted(t), []resource.TestStep{
		{
			PreConfig: func() {
				tg.Emu.EKS().SetUpdateDelay(cluster, 2*interruptedDelay)
				if err := tg.Emu.Faults.Inject(emulator.Fault{Service: "eks", Operation: "UpdateClusterConfig", Kind: emulator.FaultLostReply, Count: 3}); err != nil {
					t.Fatal(err)
				}
			},
			Config: tg.tierConfig(t, cluster, "tier-xl", short),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "tier", "tier-xl"),
				resource.TestCheckResourceAttr(addr, "previous_tier", "standard"),
				tg.checkLatestUpdate(t, cluster),
				tg.checkUpdateCount(t, cluster, 1),
			),
		},
		{
			PreConfig: func() {
				tg.Emu.Faults.Clear()
				tg.waitUpdatesDone(t, cluster)
			},
			Config: tg.tierConfig(t, cluster, "tier-xl", short),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				tg.checkClusterTier(t, cluster, "tier-xl"),
				tg.checkUpdateCount(t, cluster, 1),
			),
		},
	})
}

// A reply slower than the create's timeout: the call is still held when
// the apply gives up, so there is no update to adopt yet and nothing is
// saved. The next apply finds the update the held call started (waiting
// for it if it still runs, else in the cluster's history) and adopts it:
// previous_tier and last_update_id from it, no second update.
func TestAccControlPlaneTier_slowReplyCreate(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "standard")
	acctest.Test(t, tg.checkDestroyReverted(t), []resource.TestStep{
		{
			PreConfig: func() {
				tg.Emu.EKS().SetUpdateDelay(cluster, interruptedDelay)
				if err := tg.Emu.Faults.Inject(emulator.Fault{Service: "eks", Operation: "UpdateClusterConfig", Kind: emulator.FaultSlow, Count: 1, Delay: 8 * time.Second}); err != nil {
					t.Fatal(err)
				}
			},
			Config:      tg.tierConfig(t, cluster, "tier-xl", timeoutsBlock("create", shortTimeout)),
			ExpectError: regexp.MustCompile(`(?s)context\s+deadline\s+exceeded`),
		},
		{
			PreConfig: func() { tg.waitForUpdates(t, cluster, 1) },
			Config:    tg.tierConfig(t, cluster, "tier-xl", ""),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: tg.checkConverged(t, cluster, "tier-xl", "standard", 1),
		},
	})
}

// A create interrupted while its settings update runs is saved, not
// tainted: the refresh keeps the settings being applied, the next plan
// is empty, and once the update ends the cluster has them.
func TestAccControlPlaneTier_interruptedCreateSettings(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "tier-xl")
	config := tg.tierConfig(t, cluster, "tier-xl", settings{hpa: "10s", eventTTL: "30m"}.hcl()+timeoutsBlock("create", shortTimeout))
	acctest.Test(t, tg.checkDestroyReverted(t), []resource.TestStep{
		{
			PreConfig: func() { tg.Emu.EKS().SetUpdateDelay(cluster, interruptedDelay) },
			Config:    config,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "kube_controller_manager_config.horizontal_pod_autoscaler_sync_period", "10s"),
				tg.checkUpdateTypes(t, cluster, "ComponentConfig"),
			),
		},
		{
			Config:           config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
		},
		{
			PreConfig:        func() { tg.waitUpdatesDone(t, cluster) },
			Config:           config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			Check: resource.ComposeAggregateTestCheckFunc(
				tg.checkClusterSettings(t, cluster, map[string]string{"tier": "tier-xl", "hpa": "10s", "event_ttl": "30m"}),
				tg.checkUpdateTypes(t, cluster, "ComponentConfig"),
			),
		},
	})
}

// The update's twin of slowReplyCreate: the held call starts the
// tier-xl -> tier-4xl update only after the apply gave up and saved the
// tier then in effect. The refresh that finds the cluster moved records
// that update (previous_tier tier-xl, last_update_id its ID), and the
// plan is empty: no second update.
func TestAccControlPlaneTier_slowReplyUpdate(t *testing.T) {
	tg := privateTarget(t)
	t.Parallel()
	cluster := tg.cluster(t, "standard")
	config := tg.tierConfig(t, cluster, "tier-4xl", timeoutsBlock("update", shortTimeout))
	acctest.Test(t, tg.checkDestroyReverted(t), []resource.TestStep{
		{Config: tg.tierConfig(t, cluster, "tier-xl", "")},
		{
			PreConfig: func() {
				if err := tg.Emu.Faults.Inject(emulator.Fault{Service: "eks", Operation: "UpdateClusterConfig", Kind: emulator.FaultSlow, Count: 1, Delay: 8 * time.Second}); err != nil {
					t.Fatal(err)
				}
			},
			Config:      config,
			ExpectError: regexp.MustCompile(`(?s)context\s+deadline\s+exceeded`),
		},
		{
			PreConfig: func() {
				tg.waitForUpdates(t, cluster, 2)
				tg.waitUpdatesDone(t, cluster)
			},
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: tg.checkConverged(t, cluster, "tier-4xl", "tier-xl", 2),
		},
	})
}
