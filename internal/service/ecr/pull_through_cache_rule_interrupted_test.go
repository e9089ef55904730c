package ecr_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
)

// inject arms faults on the target's emulator.
func (tg target) inject(t *testing.T, faults ...emulator.Fault) {
	t.Helper()
	for _, f := range faults {
		f.Service = "ecr"
		if err := tg.Emu.Faults.Inject(f); err != nil {
			t.Fatal(err)
		}
	}
}

// ruleExists checks the emulator holds the rule.
func (tg target) ruleExists(prefix string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if _, ok := tg.Emu.ECR().Rule(prefix); !ok {
			return fmt.Errorf("rule %q does not exist", prefix)
		}
		return nil
	}
}

// replaced is the plan of an apply that picks up a rule recorded by a
// failed create: the tainted rule is replaced.
var replaced = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
	plancheck.ExpectResourceAction(address, plancheck.ResourceActionDestroyBeforeCreate),
}}

// The rule is created but cannot be read back (reads throttled until the
// SDK gives up): its identity is in state, so the next apply converges
// instead of failing with AlreadyExists against a rule outside state.
func TestAccPullThroughCacheRule_createReadBackFails(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	cfg := tg.ProviderConfigFewRetries(t) + ruleConfig("k8s", "registry.k8s.io", "")
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{
			PreConfig: func() {
				tg.inject(t, emulator.Fault{Operation: "DescribePullThroughCacheRules", Kind: emulator.FaultThrottle, Count: 2})
			},
			Config:      cfg,
			ExpectError: acctest.MessageRegexp("could not be read back"),
		},
		{PreConfig: acctest.Require(t, tg.ruleExists("k8s")), Config: cfg, ConfigPlanChecks: replaced, Check: resource.ComposeAggregateTestCheckFunc(tg.ruleExists("k8s"), resource.TestCheckResourceAttr(address, "upstream_registry", "k8s"))},
	})
}

// Every attempt of the create fails after the rule was made (a lost reply,
// then a 5xx on the SDK's retry): the identity is saved all the same.
func TestAccPullThroughCacheRule_createReplyLostOnEveryTry(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	cfg := tg.ProviderConfigFewRetries(t) + ruleConfig("k8s", "registry.k8s.io", "")
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{
			PreConfig: func() {
				tg.inject(t,
					emulator.Fault{Operation: "CreatePullThroughCacheRule", Kind: emulator.FaultLostReply, Count: 1},
					emulator.Fault{Operation: "CreatePullThroughCacheRule", Kind: emulator.FaultServerError, Count: 1})
			},
			Config:      cfg,
			ExpectError: acctest.MessageRegexp("Creating the ECR pull-through cache rule failed"),
		},
		{PreConfig: acctest.Require(t, tg.ruleExists("k8s")), Config: cfg, ConfigPlanChecks: replaced, Check: tg.ruleExists("k8s")},
	})
}

// A create whose context ends (its timeout, or an interrupted apply) while
// the call is held: the rule appears after Terraform gave up, and the next
// apply picks it up.
func TestAccPullThroughCacheRule_createCanceled(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{
			PreConfig: func() {
				tg.inject(t, emulator.Fault{Operation: "CreatePullThroughCacheRule", Kind: emulator.FaultSlow, Count: 1, Delay: 1500 * time.Millisecond})
			},
			Config:      tg.ProviderConfig(t) + ruleConfig("quay", "quay.io", "  timeouts {\n    create = \"300ms\"\n  }"),
			ExpectError: acctest.MessageRegexp("context deadline exceeded"),
		},
		{
			PreConfig: func() {
				acctest.WaitFor(t, "the held create", func() bool { _, ok := tg.Emu.ECR().Rule("quay"); return ok })
			},
			Config:           tg.ProviderConfig(t) + ruleConfig("quay", "quay.io", ""),
			ConfigPlanChecks: replaced,
			Check:            tg.ruleExists("quay"),
		},
	})
}
