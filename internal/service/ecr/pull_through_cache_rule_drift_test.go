package ecr_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

// A credential changed outside Terraform shows in the plan and is set back
// in place; switching to a secret the upstream refuses fails the apply
// with the API's reason while the state records what ECR now holds.
func TestAccPullThroughCacheRule_driftAndFailedValidationOnUpdate(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	good, other, refused := tg.secret("gh", true), tg.secret("gh-other", true), tg.secret("gh-refused", false)
	cfg := func(secret string) string {
		return tg.ProviderConfig(t) + ruleConfig("github", "ghcr.io", fmt.Sprintf("  credential_arn = %q", secret))
	}
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{Config: cfg(good)},
		{
			PreConfig: func() {
				if _, err := tg.client(t).UpdatePullThroughCacheRule(t.Context(), &ecr.UpdatePullThroughCacheRuleInput{
					EcrRepositoryPrefix: aws.String("github"), CredentialArn: aws.String(other),
				}); err != nil {
					t.Fatal(err)
				}
			},
			Config: cfg(good),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
			}},
			Check: tg.checkRule(t, "github", func(cred, _, _ string) error {
				if cred != good {
					return fmt.Errorf("credential %s, want %s", cred, good)
				}
				return nil
			}),
		},
		{Config: cfg(refused), ExpectError: wrapped("cannot reach its upstream")},
		{
			// The failed update was recorded: the plan is empty for the
			// refused secret, and moving back to the good one is an update.
			Config: cfg(good),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
			}},
			Check: resource.TestCheckResourceAttr(address, "credential_arn", good),
		},
	})
}
