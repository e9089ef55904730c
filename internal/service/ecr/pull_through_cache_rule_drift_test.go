package ecr_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
)

// A credential changed outside Terraform shows in the plan and is set back
// in place.
func TestAccPullThroughCacheRule_drift(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	good, other := tg.secret("gh", true), tg.secret("gh-other", true)
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{Config: credentialConfig(t, tg, good)},
		{
			PreConfig: func() {
				if _, err := tg.client(t).UpdatePullThroughCacheRule(t.Context(), &ecr.UpdatePullThroughCacheRuleInput{
					EcrRepositoryPrefix: aws.String("github"), CredentialArn: aws.String(other),
				}); err != nil {
					t.Fatal(err)
				}
			},
			Config:           credentialConfig(t, tg, good),
			ConfigPlanChecks: updated,
			Check:            tg.checkCredential(t, good),
		},
	})
}

// Switching to a secret the upstream refuses fails the apply with the
// API's reason and sets the rule back to the credential that worked, so
// pulls keep working; the state keeps the old credential, so the next plan
// shows the change again instead of "No changes" over a broken rule.
func TestAccPullThroughCacheRule_failedValidationOnUpdateRollsBack(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	good, refused := tg.secret("gh", true), tg.secret("gh-refused", false)
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{Config: credentialConfig(t, tg, good)},
		{Config: credentialConfig(t, tg, refused), ExpectError: acctest.MessageRegexp("set back to its previous credential")},
		{
			// ECR and the state both hold the credential that works.
			RefreshState: true, ExpectNonEmptyPlan: true,
			Check: resource.ComposeAggregateTestCheckFunc(tg.checkCredential(t, good), resource.TestCheckResourceAttr(address, "credential_arn", good)),
		},
		{
			Config: credentialConfig(t, tg, refused), PlanOnly: true, ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
			}},
		},
		{Config: credentialConfig(t, tg, good), PlanOnly: true},
	})
}

// When the rule cannot be set back (the old secret is gone too), the new
// credential stays in state with validation_failure set, and every plan
// validates it again until the upstream accepts it.
func TestAccPullThroughCacheRule_failedValidationWithoutRollback(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	good, refused := tg.secret("gh", true), tg.secret("gh-refused", false)
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{Config: credentialConfig(t, tg, good)},
		{
			PreConfig:   func() { tg.Emu.ECR().DeleteSecret(good) },
			Config:      credentialConfig(t, tg, refused),
			ExpectError: acctest.MessageRegexp("could not be set back"),
		},
		{
			RefreshState: true, ExpectNonEmptyPlan: true,
			Check: resource.ComposeAggregateTestCheckFunc(
				tg.checkCredential(t, refused),
				resource.TestCheckResourceAttr(address, "credential_arn", refused),
				resource.TestCheckResourceAttrSet(address, "validation_failure"),
			),
		},
		{
			Config: credentialConfig(t, tg, refused), PlanOnly: true, ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
			}},
		},
		{
			// Still refused: the apply fails again.
			Config: credentialConfig(t, tg, refused), ExpectError: acctest.MessageRegexp("cannot reach its upstream"),
		},
		{
			// The upstream now accepts the secret: the re-validation passes.
			PreConfig: func() { tg.Emu.ECR().PutSecret(refused, true) },
			Config:    credentialConfig(t, tg, refused),
			Check:     resource.TestCheckNoResourceAttr(address, "validation_failure"),
		},
		{Config: credentialConfig(t, tg, refused), PlanOnly: true},
	})
}

var updated = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
	plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
}}

func credentialConfig(t *testing.T, tg target, secret string) string {
	return tg.ProviderConfig(t) + ruleConfig("github", "ghcr.io", fmt.Sprintf("  credential_arn = %q", secret))
}

// checkCredential checks the credential of the rule in ECR.
func (tg target) checkCredential(t *testing.T, want string) resource.TestCheckFunc {
	return tg.checkRule(t, "github", func(cred, _, _ string) error {
		if cred != want {
			return fmt.Errorf("credential %s, want %s", cred, want)
		}
		return nil
	})
}

// When ValidatePullThroughCacheRule itself fails (not a verdict), the new
// credential is kept (nothing says it is wrong) and the next plan
// validates again.
func TestAccPullThroughCacheRule_validationCallFails(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	good, other := tg.secret("gh", true), tg.secret("gh-other", true)
	cfg := func(secret string) string {
		return tg.ProviderConfigFewRetries(t) + ruleConfig("github", "ghcr.io", fmt.Sprintf("  credential_arn = %q", secret))
	}
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{Config: cfg(good)},
		{
			PreConfig: func() {
				tg.inject(t, emulator.Fault{Operation: "ValidatePullThroughCacheRule", Kind: emulator.FaultUnavailable, Count: 2})
			},
			Config:      cfg(other),
			ExpectError: acctest.MessageRegexp("Validating the ECR pull-through cache rule failed"),
		},
		{
			// No verdict, no rollback: the new credential stays, and the
			// plan validates again.
			RefreshState: true, ExpectNonEmptyPlan: true,
			Check: resource.ComposeAggregateTestCheckFunc(
				tg.checkCredential(t, other),
				resource.TestCheckResourceAttr(address, "credential_arn", other),
				resource.TestMatchResourceAttr(address, "validation_failure", regexp.MustCompile("validation did not run")),
			),
		},
		{Config: cfg(other), Check: resource.TestCheckNoResourceAttr(address, "validation_failure")},
	})
}
