package ecr_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

// Every plan-time error names the attribute and the fix, and no API call
// is made.
func TestAccPullThroughCacheRule_planTimeErrors(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	secret := "arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/dh-AbCdEf"
	cases := []struct{ prefix, url, extra, want string }{
		{"d", "registry.k8s.io", "", "must be 2-30 characters"},
		{strings.Repeat("a", 31), "registry.k8s.io", "", "must be 2-30 characters"},
		{"Docker", "registry.k8s.io", "", "use lowercase letters and digits"},
		{"ok", "registry.k8s.io", `  upstream_repository_prefix = "-bad"`, "not a valid repository prefix"},
		{"dh", "https://registry-1.docker.io", fmt.Sprintf("  credential_arn = %q", secret), "host name only"},
		{"dh", "docker.io", fmt.Sprintf("  credential_arn = %q", secret), "use registry-1.docker.io"},
		{"dh", "registry.example.com", "", "Use one of"},
		{"dh", "registry-1.docker.io", "", "needs credentials"},
		{"gh", "ghcr.io", "", "needs credentials"},
		{"dh", "registry-1.docker.io", `  credential_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub-AbCdEf"`, "must start with"},
		{"dh", "registry-1.docker.io", `  credential_arn = "arn:aws:ssm:us-east-1:123456789012:parameter/x"`, "not a Secrets Manager secret ARN"},
		{"k8s", "registry.k8s.io", fmt.Sprintf("  credential_arn = %q", secret), "does not take credentials"},
		{"prod", "210987654321.dkr.ecr.us-west-2.amazonaws.com", "", "needs custom_role_arn"},
		{"quay", "quay.io", `  custom_role_arn = "arn:aws:iam::123456789012:role/x"`, "only for ECR upstream"},
		{"prod", "210987654321.dkr.ecr.us-west-2.amazonaws.com", `  custom_role_arn = "arn:aws:iam::123456789012:user/bob"`, "not an IAM role ARN"},
		{"k8s", "registry.k8s.io", `  validation_severity = "fatal"`, "validation_severity"},
		{"dh", "registry-1.docker.io", `  credential_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ecr-pullthroughcache/dh-AbCdEf"`, "is in eu-west-1, not in the provider's Region us-east-1"},
		{"k8s", "registry.k8s.io", "  timeouts {\n    create = \"0s\"\n  }", "must be a duration more than 0"},
		{"k8s", "registry.k8s.io", "  timeouts {\n    update = \"-1m\"\n  }", "got \"-1m\""},
	}
	var steps []resource.TestStep
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{
			Config:      tg.ProviderConfig(t) + ruleConfig(tc.prefix, tc.url, tc.extra),
			PlanOnly:    true,
			ExpectError: acctest.MessageRegexp(tc.want),
		})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories, Steps: steps})
	if n := tg.Calls("ecr"); n != 0 {
		t.Fatalf("plan-time errors made %d ECR calls: %v", n, tg.Emu.Calls.Counts())
	}
}
