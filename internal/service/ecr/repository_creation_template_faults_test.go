package ecr_test

import (
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
	emuecr "github.com/scalingkit/terraform-provider-scaling/internal/emulator/ecr"
)

// Faults: apply succeeds and nothing is lost. Throttling and 5xx are
// retried by the SDK; a create whose reply is lost is retried into
// TemplateAlreadyExists, and the resource recognises its own template.
func TestAccRepositoryCreationTemplate_faults(t *testing.T) {
	cases := []acctest.FaultCase{
		{Name: "throttled create", Kind: emulator.FaultThrottle, Count: 2, Operation: "CreateRepositoryCreationTemplate"},
		{Name: "5xx on create", Kind: emulator.FaultServerError, Count: 2, Operation: "CreateRepositoryCreationTemplate"},
		{Name: "reply lost after create", Kind: emulator.FaultLostReply, Count: 1, Operation: "CreateRepositoryCreationTemplate"},
	}
	acctest.RunFaultCases(t, cases, func(t *testing.T, at acctest.Target, fc acctest.FaultCase) {
		tg := target{at}
		acctest.Test(t, tg.checkTemplateDestroyed(t), []resource.TestStep{
			fc.Step(t, tg.Emu, "ecr", tg.ProviderConfig(t)+templateConfig("k8s", pullThroughCache+"\n"+lifecycle(7, 100)),
				resource.TestCheckResourceAttr(templateAddress, "id", "k8s"),
				tg.checkTemplate("k8s", func(emuecr.TemplateState) error { return nil }),
			),
		})
	})
}

// Every attempt of the create fails after the template was made: it is
// recorded all the same, and the next apply converges.
func TestAccRepositoryCreationTemplate_createReplyLostOnEveryTry(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	cfg := tg.ProviderConfigFewRetries(t) + templateConfig("k8s", pullThroughCache)
	acctest.Test(t, tg.checkTemplateDestroyed(t), []resource.TestStep{
		{
			PreConfig: func() {
				tg.inject(t,
					emulator.Fault{Operation: "CreateRepositoryCreationTemplate", Kind: emulator.FaultLostReply, Count: 1},
					emulator.Fault{Operation: "CreateRepositoryCreationTemplate", Kind: emulator.FaultServerError, Count: 1})
			},
			Config:      cfg,
			ExpectError: acctest.MessageRegexp("Creating the ECR repository creation template failed"),
		},
		{
			Config: cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(templateAddress, plancheck.ResourceActionDestroyBeforeCreate),
			}},
			Check: tg.checkTemplate("k8s", func(emuecr.TemplateState) error { return nil }),
		},
	})
}

// A create whose context ends while the call is held: the template
// appears after Terraform gave up, and the next apply picks it up.
func TestAccRepositoryCreationTemplate_createCanceled(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	acctest.Test(t, tg.checkTemplateDestroyed(t), []resource.TestStep{
		{
			PreConfig: func() {
				tg.inject(t, emulator.Fault{Operation: "CreateRepositoryCreationTemplate", Kind: emulator.FaultSlow, Count: 1, Delay: 1500 * time.Millisecond})
			},
			Config:      tg.ProviderConfig(t) + templateConfig("k8s", pullThroughCache+"\n  timeouts {\n    create = \"300ms\"\n  }"),
			ExpectError: acctest.MessageRegexp("context deadline exceeded"),
		},
		{
			PreConfig: func() {
				acctest.WaitFor(t, "the held create", func() bool { _, ok := tg.Emu.ECR().Template("k8s"); return ok })
			},
			Config: tg.ProviderConfig(t) + templateConfig("k8s", pullThroughCache),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(templateAddress, plancheck.ResourceActionDestroyBeforeCreate),
			}},
			Check: tg.checkTemplate("k8s", func(emuecr.TemplateState) error { return nil }),
		},
	})
}
