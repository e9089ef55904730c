package ecr_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

const address = resourceType + ".test"

func TestAccPullThroughCacheRule_basic(t *testing.T) {
	tg := newTarget(t, false)
	t.Parallel()
	prefix := randomPrefix("k8s")
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{
			Config: tg.ProviderConfig(t) + ruleConfig(prefix, "registry.k8s.io", ""),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(address, "id", prefix),
				resource.TestCheckResourceAttr(address, "upstream_registry", "k8s"),
				resource.TestCheckResourceAttr(address, "upstream_repository_prefix", "ROOT"),
				resource.TestCheckResourceAttrSet(address, "registry_id"),
				resource.TestCheckResourceAttrSet(address, "created_at"),
				resource.TestCheckResourceAttr(address, "validate_after_apply", "true"),
				resource.TestCheckNoResourceAttr(address, "credential_arn"),
				checkNodePolicy(prefix),
			),
		},
		acctest.ImportStep(address, prefix),
	})
}

// checkNodePolicy: the policy grants the pull-through actions on the rule's
// repositories only.
func checkNodePolicy(prefix string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs := s.RootModule().Resources[address]
		var doc struct {
			Statement []struct {
				Action   any
				Resource string
			}
		}
		if err := json.Unmarshal([]byte(rs.Primary.Attributes["node_iam_policy_json"]), &doc); err != nil {
			return err
		}
		want := fmt.Sprintf("arn:aws:ecr:us-east-1:%s:repository/%s/*", rs.Primary.Attributes["registry_id"], prefix)
		for _, st := range doc.Statement {
			if st.Resource != want {
				continue
			}
			have := map[string]bool{}
			for _, a := range st.Action.([]any) {
				have[a.(string)] = true
			}
			if have["ecr:BatchImportUpstreamImage"] && have["ecr:CreateRepository"] && have["ecr:BatchGetImage"] {
				return nil
			}
		}
		return fmt.Errorf("node_iam_policy_json lacks the pull-through actions on %s: %s", want, rs.Primary.Attributes["node_iam_policy_json"])
	}
}

func TestAccPullThroughCacheRule_updateCredentialInPlace(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	first, second := tg.secret("docker-hub", true), tg.secret("docker-hub-2", true)
	cfg := func(secret string) string {
		return tg.ProviderConfig(t) + ruleConfig("docker-hub", "registry-1.docker.io", fmt.Sprintf("  credential_arn = %q", secret))
	}
	var createdAt string
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{
			Config: cfg(first),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(address, "upstream_registry", "docker-hub"),
				resource.TestCheckResourceAttr(address, "credential_arn", first),
				func(s *terraform.State) error {
					createdAt = s.RootModule().Resources[address].Primary.Attributes["created_at"]
					return nil
				},
			),
		},
		{
			Config: cfg(second),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(address, "credential_arn", second),
				resource.TestCheckResourceAttrWith(address, "created_at", func(v string) error {
					if v != createdAt {
						return fmt.Errorf("created_at changed from %s to %s: the rule was recreated", createdAt, v)
					}
					return nil
				}),
				tg.checkRule(t, "docker-hub", func(cred, _, _ string) error {
					if cred != second {
						return fmt.Errorf("API credential %s, want %s", cred, second)
					}
					return nil
				}),
			),
		},
	})
	if n := tg.Emu.Calls.Count("ecr", "UpdatePullThroughCacheRule"); n != 1 {
		t.Fatalf("UpdatePullThroughCacheRule called %d times, want 1", n)
	}
	if n := tg.Emu.Calls.Count("ecr", "CreatePullThroughCacheRule"); n != 1 {
		t.Fatalf("CreatePullThroughCacheRule called %d times, want 1", n)
	}
}

func TestAccPullThroughCacheRule_replace(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	quay := tg.secret("quay", true)
	replace := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(address, plancheck.ResourceActionDestroyBeforeCreate),
	}}
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{Config: tg.ProviderConfig(t) + ruleConfig("quay", "quay.io", fmt.Sprintf("  credential_arn = %q", quay))},
		{
			// Removing the optional credential: the API cannot clear it.
			Config:           tg.ProviderConfig(t) + ruleConfig("quay", "quay.io", ""),
			ConfigPlanChecks: replace,
			Check:            resource.TestCheckNoResourceAttr(address, "credential_arn"),
		},
		{
			Config:           tg.ProviderConfig(t) + ruleConfig("quay", "quay.io", `  upstream_repository_prefix = "prometheus"`),
			ConfigPlanChecks: replace,
			Check: tg.checkRule(t, "quay", func(_, _, up string) error {
				if up != "prometheus" {
					return fmt.Errorf("upstream prefix %s", up)
				}
				return nil
			}),
		},
		{
			Config:           tg.ProviderConfig(t) + ruleConfig("quay", "registry.k8s.io", ""),
			ConfigPlanChecks: replace,
			Check:            resource.TestCheckResourceAttr(address, "upstream_registry", "k8s"),
		},
	})
}

func TestAccPullThroughCacheRule_ecrToECRRole(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	cfg := func(role string) string {
		return tg.ProviderConfig(t) + ruleConfig("ROOT", "210987654321.dkr.ecr.us-west-2.amazonaws.com", fmt.Sprintf("  custom_role_arn = %q", role))
	}
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{
			Config: cfg("arn:aws:iam::123456789012:role/a"),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(address, "upstream_registry", "ecr"),
				resource.TestMatchResourceAttr(address, "node_iam_policy_json", regexp.MustCompile(`repository/\*"`)),
			),
		},
		{
			Config: cfg("arn:aws:iam::123456789012:role/b"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
			}},
			Check: resource.TestCheckResourceAttr(address, "custom_role_arn", "arn:aws:iam::123456789012:role/b"),
		},
	})
}

func TestAccPullThroughCacheRule_disappears(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		acctest.DisappearsStep(tg.ProviderConfig(t)+ruleConfig("gone", "public.ecr.aws", ""), "rule",
			func() bool { return tg.Emu.ECR().DeleteRule("gone") }),
	})
}

func TestAccPullThroughCacheRule_validateAfterApply(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	refused := tg.secret("refused", false)
	cfg := func(severity string) string {
		return tg.ProviderConfig(t) + ruleConfig("docker-hub", "registry-1.docker.io",
			fmt.Sprintf("  credential_arn = %q\n  validation_severity = %q", refused, severity))
	}
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{Config: cfg("error"), ExpectError: acctest.MessageRegexp("cannot reach its upstream")},
		// The failed rule was tainted: the next apply recreates it, and
		// with a warning the apply succeeds.
		{Config: cfg("warning"), Check: resource.TestCheckResourceAttr(address, "validation_severity", "warning")},
	})
	if n := tg.Emu.Calls.Count("ecr", "ValidatePullThroughCacheRule"); n < 2 {
		t.Fatalf("ValidatePullThroughCacheRule called %d times", n)
	}
	if n := tg.Emu.Calls.Count("ecr", "CreatePullThroughCacheRule"); n != 2 {
		t.Fatalf("the tainted rule should be recreated once: %d creates", n)
	}
}

func TestAccPullThroughCacheRule_validateAfterApplyOff(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	refused := tg.secret("refused", false)
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{{
		Config: tg.ProviderConfig(t) + ruleConfig("docker-hub", "registry-1.docker.io",
			fmt.Sprintf("  credential_arn = %q\n  validate_after_apply = false", refused)),
	}})
	if n := tg.Emu.Calls.Count("ecr", "ValidatePullThroughCacheRule"); n != 0 {
		t.Fatalf("ValidatePullThroughCacheRule called %d times with validate_after_apply = false", n)
	}
}

func TestAccPullThroughCacheRule_alreadyExists(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{{
		PreConfig: func() {
			if _, err := tg.client(t).CreatePullThroughCacheRule(t.Context(), ecrCreate("k8s", "registry.k8s.io")); err != nil {
				t.Fatal(err)
			}
		},
		Config:      tg.ProviderConfig(t) + ruleConfig("k8s", "registry.k8s.io", ""),
		ExpectError: acctest.MessageRegexp("terraform import"),
	}})
}
