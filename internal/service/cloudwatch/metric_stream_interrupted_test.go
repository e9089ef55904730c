package cloudwatch_test

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

// checkInState checks that the stream named name is the one in state.
func checkInState(name string) resource.TestCheckFunc {
	return resource.TestCheckResourceAttr(address, "id", name)
}

// A create whose context ends (timeout, or an interrupted apply) while
// PutMetricStream is in flight: the stream appears after Terraform gave
// up. The resource records it, so the next apply replaces the half-made
// stream instead of refusing with "already exists" or leaving it outside
// state.
func TestAccMetricStream_createCanceled(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{
			PreConfig: func() {
				if err := tg.Emu.Faults.Inject(emulator.Fault{Service: "cloudwatch", Operation: "PutMetricStream", Kind: emulator.FaultSlow, Count: 1, Delay: 1500 * time.Millisecond}); err != nil {
					t.Fatal(err)
				}
			},
			Config:      tg.ProviderConfig(t) + streamConfig("scaling-slow", "json", "  timeouts {\n    create = \"300ms\"\n  }"),
			ExpectError: acctest.MessageRegexp("context deadline exceeded"),
		},
		{
			PreConfig: func() {
				acctest.WaitFor(t, "the held PutMetricStream", func() bool { _, ok := tg.Emu.CloudWatch().Stream("scaling-slow"); return ok })
			},
			Config: tg.ProviderConfig(t) + streamConfig("scaling-slow", "json", ""),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(address, plancheck.ResourceActionDestroyBeforeCreate),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(checkInState("scaling-slow"), resource.TestCheckResourceAttr(address, "state", "running")),
		},
	})
}

// Every attempt of the create loses its reply (the stream is made, the
// SDK sees 500s until it gives up): the stream is recorded all the same
// and the next apply converges.
func TestAccMetricStream_createReplyLostOnEveryTry(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	cfg := tg.ProviderConfigFewRetries(t) + streamConfig("scaling-lost", "json", "")
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{
			PreConfig: func() {
				if err := tg.Emu.Faults.Inject(emulator.Fault{Service: "cloudwatch", Operation: "PutMetricStream", Kind: emulator.FaultLostReply, Count: 2}); err != nil {
					t.Fatal(err)
				}
			},
			Config:      cfg,
			ExpectError: acctest.MessageRegexp("Creating the CloudWatch metric stream failed"),
		},
		{
			PreConfig: acctest.Require(t, func(*terraform.State) error {
				if _, ok := tg.Emu.CloudWatch().Stream("scaling-lost"); !ok {
					return fmt.Errorf("the lost reply did not create the stream")
				}
				return nil
			}),
			Config: cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(address, plancheck.ResourceActionDestroyBeforeCreate),
			}},
			Check: checkInState("scaling-lost"),
		},
	})
}

// An update whose context ends while PutMetricStream is held: the change
// lands after Terraform gave up, the next refresh reads it, and the plan
// for the same configuration is empty.
func TestAccMetricStream_updateCanceled(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	updated := tg.ProviderConfig(t) + streamConfig("scaling-upd", "opentelemetry1.0", "")
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{Config: tg.ProviderConfig(t) + streamConfig("scaling-upd", "json", "")},
		{
			PreConfig: func() {
				if err := tg.Emu.Faults.Inject(emulator.Fault{Service: "cloudwatch", Operation: "PutMetricStream", Kind: emulator.FaultSlow, Count: 1, Delay: 1500 * time.Millisecond}); err != nil {
					t.Fatal(err)
				}
			},
			Config:      tg.ProviderConfig(t) + streamConfig("scaling-upd", "opentelemetry1.0", "  timeouts {\n    update = \"300ms\"\n  }"),
			ExpectError: acctest.MessageRegexp("context deadline exceeded"),
		},
		{
			PreConfig: func() {
				acctest.WaitFor(t, "the held update", func() bool {
					st, _ := tg.Emu.CloudWatch().Stream("scaling-upd")
					return st.OutputFormat == "opentelemetry1.0"
				})
			},
			// The previous step's configuration still sets timeouts.
			RefreshState: true, ExpectNonEmptyPlan: true,
		},
		{Config: updated, PlanOnly: true},
	})
}
