package ecr_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
	tfecr "github.com/scalingkit/terraform-provider-scaling/internal/service/ecr"
)

const resourceType = "scaling_ecr_pull_through_cache_rule"

func TestMain(m *testing.M) {
	if !acctest.External() {
		tfecr.SetWaitTimings(20*time.Millisecond, 200*time.Millisecond, 3*time.Second)
	}
	os.Exit(m.Run())
}

// target is where a test runs: a private emulator (so faults and call
// counts are the test's own and tests can run in parallel), or the real
// endpoint when SCALING_ACC_EXTERNAL=1 and the test needs no emulator.
type target struct {
	emu *emulator.Emulator
	url string
}

func newTarget(t *testing.T, needsEmulator bool) target {
	t.Helper()
	if acctest.External() {
		if needsEmulator {
			acctest.SkipIfExternal(t)
		}
		return target{}
	}
	emu, url := acctest.StartPrivateEmulator(t, emulator.Options{})
	return target{emu: emu, url: url}
}

func (tg target) providerConfig(t testing.TB) string {
	if tg.emu == nil {
		return acctest.ProviderConfig(t)
	}
	return acctest.EmulatorProviderConfig(tg.url)
}

func (tg target) client(t testing.TB) *ecr.Client {
	t.Helper()
	if tg.emu == nil {
		cfg, err := awsconfig.LoadDefaultConfig(context.Background())
		if err != nil {
			t.Fatalf("loading AWS config: %v", err)
		}
		return ecr.NewFromConfig(cfg)
	}
	return ecr.New(ecr.Options{
		Region: "us-east-1", BaseEndpoint: aws.String(tg.url),
		Credentials: credentials.NewStaticCredentialsProvider("test", "test", ""),
	})
}

// secret registers a Secrets Manager secret with the emulated registry.
func (tg target) secret(name string, valid bool) string {
	arn := "arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/" + name + "-AbCdEf"
	tg.emu.ECR().PutSecret(arn, valid)
	return arn
}

// ecrCalls is how many ECR calls the emulator has seen.
func (tg target) ecrCalls() int {
	n := 0
	for k, v := range tg.emu.Calls.Counts() {
		if strings.HasPrefix(k, "ecr:") {
			n += v
		}
	}
	return n
}

// checkDestroyed verifies against the API that every rule is gone.
func (tg target) checkDestroyed(t testing.TB) func(*terraform.State) error {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != resourceType {
				continue
			}
			_, err := tg.client(t).DescribePullThroughCacheRules(context.Background(), &ecr.DescribePullThroughCacheRulesInput{EcrRepositoryPrefixes: []string{rs.Primary.ID}})
			if err == nil {
				return fmt.Errorf("pull-through cache rule %s still exists", rs.Primary.ID)
			}
			if !strings.Contains(err.Error(), "PullThroughCacheRuleNotFoundException") {
				return err
			}
		}
		return nil
	}
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

// wrapped matches a message terraform may have wrapped across lines.
func wrapped(msg string) *regexp.Regexp {
	return regexp.MustCompile(strings.Join(strings.Fields(regexp.QuoteMeta(msg)), `\s+`))
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
