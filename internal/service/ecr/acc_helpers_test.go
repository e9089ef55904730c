package ecr_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	tfecr "github.com/scalingkit/terraform-provider-scaling/internal/service/ecr"
)

const resourceType = "scaling_ecr_pull_through_cache_rule"

func TestMain(m *testing.M) {
	if !acctest.External() {
		tfecr.SetWaitTimings(20*time.Millisecond, 200*time.Millisecond, 3*time.Second)
	}
	os.Exit(m.Run())
}

// target is where a test runs (see acctest.Target), with the ECR helpers.
type target struct{ acctest.Target }

func newTarget(t *testing.T, needsEmulator bool) target {
	t.Helper()
	return target{acctest.NewTarget(t, needsEmulator)}
}

func (tg target) client(t testing.TB) *ecr.Client { return ecr.NewFromConfig(tg.AWSConfig(t)) }

// secret registers a Secrets Manager secret with the emulated registry.
func (tg target) secret(name string, valid bool) string {
	arn := "arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/" + name + "-AbCdEf"
	tg.Emu.ECR().PutSecret(arn, valid)
	return arn
}

// checkDestroyed verifies against the API that every rule is gone.
func (tg target) checkDestroyed(t testing.TB) resource.TestCheckFunc {
	return acctest.CheckGone(resourceType, "PullThroughCacheRuleNotFoundException", func(prefix string) error {
		_, err := tg.client(t).DescribePullThroughCacheRules(context.Background(), &ecr.DescribePullThroughCacheRulesInput{EcrRepositoryPrefixes: []string{prefix}})
		return err
	})
}

// checkRule asserts the API's view of a rule.
func (tg target) checkRule(t testing.TB, prefix string, want func(cred, role, upstreamPrefix string) error) func(*terraform.State) error {
	return func(*terraform.State) error {
		out, err := tg.client(t).DescribePullThroughCacheRules(context.Background(), &ecr.DescribePullThroughCacheRulesInput{EcrRepositoryPrefixes: []string{prefix}})
		if err != nil {
			return err
		}
		r := out.PullThroughCacheRules[0]
		return want(aws.ToString(r.CredentialArn), aws.ToString(r.CustomRoleArn), aws.ToString(r.UpstreamRepositoryPrefix))
	}
}

func randomPrefix(base string) string {
	var b [3]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%s-%x", base, b)
}

// ruleConfig renders one rule; extra holds more attribute lines.
func ruleConfig(prefix, url, extra string) string {
	return fmt.Sprintf(`
resource %q "test" {
  ecr_repository_prefix = %q
  upstream_registry_url = %q
%s
}
`, resourceType, prefix, url, extra)
}
