package pullthroughcache

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/configvalue"
)

const (
	goodSecret = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/docker-hub-AbCdEf"
	goodRole   = "arn:aws:iam::123456789012:role/ecr-upstream"
)

func spec(prefix, url, cred, role string) Spec {
	v := func(s string) configvalue.Value {
		if s == "" {
			return configvalue.Unset()
		}
		return configvalue.Set(s)
	}
	return Spec{EcrRepositoryPrefix: v(prefix), UpstreamRegistryURL: v(url), UpstreamRepositoryPrefix: configvalue.Unset(), CredentialARN: v(cred), CustomRoleARN: v(role)}
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name string
		s    Spec
		attr string // "" = valid
		want string
	}{
		{"docker hub", spec("docker-hub", "registry-1.docker.io", goodSecret, ""), "", ""},
		{"root k8s", spec("ROOT", "registry.k8s.io", "", ""), "", ""},
		{"quay anonymous", spec("quay", "quay.io", "", ""), "", ""},
		{"ecr to ecr", spec("prod", "210987654321.dkr.ecr.us-west-2.amazonaws.com", "", goodRole), "", ""},
		{"azure", spec("azure", "myregistry.azurecr.io", goodSecret, ""), "", ""},
		{"short prefix", spec("d", "registry.k8s.io", "", ""), "ecr_repository_prefix", "2-30"},
		{"long prefix", spec(strings.Repeat("a", 31), "registry.k8s.io", "", ""), "ecr_repository_prefix", "2-30"},
		{"uppercase prefix", spec("Docker", "registry.k8s.io", "", ""), "ecr_repository_prefix", "lowercase"},
		{"trailing slash", spec("team/", "registry.k8s.io", "", ""), "ecr_repository_prefix", "trailing"},
		{"scheme in url", spec("dh", "https://registry-1.docker.io", goodSecret, ""), "upstream_registry_url", "host name only"},
		{"docker.io", spec("dh", "docker.io", goodSecret, ""), "upstream_registry_url", "registry-1.docker.io"},
		{"unknown registry", spec("dh", "registry.example.com", "", ""), "upstream_registry_url", "Use one of"},
		{"docker hub no secret", spec("docker-hub", "registry-1.docker.io", "", ""), "credential_arn", "needs credentials"},
		{"github no secret", spec("gh", "ghcr.io", "", ""), "credential_arn", "needs credentials"},
		{"secret name", spec("docker-hub", "registry-1.docker.io", "arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub-AbCdEf", ""), "credential_arn", "must start with"},
		{"not a secret arn", spec("docker-hub", "registry-1.docker.io", "arn:aws:ssm:us-east-1:123456789012:parameter/x", ""), "credential_arn", "not a Secrets Manager"},
		{"credential on k8s", spec("k8s", "registry.k8s.io", goodSecret, ""), "credential_arn", "does not take credentials"},
		{"ecr no role", spec("prod", "210987654321.dkr.ecr.us-west-2.amazonaws.com", "", ""), "custom_role_arn", "needs custom_role_arn"},
		{"role on quay", spec("quay", "quay.io", "", goodRole), "custom_role_arn", "only for ECR"},
		{"bad role arn", spec("prod", "210987654321.dkr.ecr.us-west-2.amazonaws.com", "", "arn:aws:iam::123456789012:user/bob"), "custom_role_arn", "not an IAM role"},
	}
	for _, tc := range cases {
		ps := Validate(tc.s)
		if tc.attr == "" {
			if len(ps) != 0 {
				t.Errorf("%s: unexpected problems %v", tc.name, ps)
			}
			continue
		}
		found := false
		for _, p := range ps {
			if p.Path.String() == tc.attr && strings.Contains(p.Message, tc.want) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: want problem at %s containing %q, got %v", tc.name, tc.attr, tc.want, ps)
		}
	}
}

func TestValidateSkipsUnknown(t *testing.T) {
	s := spec("docker-hub", "registry-1.docker.io", "", "")
	s.CredentialARN = configvalue.Unknown() // not known until apply
	if ps := Validate(s); len(ps) != 0 {
		t.Fatalf("an unknown credential must not be reported as missing: %v", ps)
	}
}

func TestNodePolicy(t *testing.T) {
	var doc policyDocument
	if err := json.Unmarshal([]byte(NodePolicyJSON("us-east-1", "123456789012", "docker-hub")), &doc); err != nil {
		t.Fatal(err)
	}
	pull := doc.Statement[1]
	if pull.Resource != "arn:aws:ecr:us-east-1:123456789012:repository/docker-hub/*" {
		t.Fatalf("resource %s", pull.Resource)
	}
	actions := pull.Action.([]any)
	have := map[string]bool{}
	for _, a := range actions {
		have[a.(string)] = true
	}
	for _, a := range []string{"ecr:BatchImportUpstreamImage", "ecr:CreateRepository", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"} {
		if !have[a] {
			t.Errorf("policy lacks %s", a)
		}
	}
	if doc.Statement[0].Action != "ecr:GetAuthorizationToken" || doc.Statement[0].Resource != "*" {
		t.Errorf("auth statement %+v", doc.Statement[0])
	}
	if got := RepositoryARN("cn-north-1", "123456789012", Root); got != "arn:aws-cn:ecr:cn-north-1:123456789012:repository/*" {
		t.Errorf("ROOT in China: %s", got)
	}
}

func TestCheckSecretRegion(t *testing.T) {
	secret := func(region string) configvalue.Value {
		return configvalue.Set("arn:aws:secretsmanager:" + region + ":123456789012:secret:ecr-pullthroughcache/dh-AbCdEf")
	}
	if ps := CheckSecretRegion(secret("us-east-1"), "us-east-1"); len(ps) != 0 {
		t.Errorf("same Region: %v", ps)
	}
	ps := CheckSecretRegion(secret("eu-west-1"), "us-east-1")
	if len(ps) != 1 || ps[0].Path.String() != "credential_arn" || !strings.Contains(ps[0].Message, "in eu-west-1, not in the provider's Region us-east-1") {
		t.Errorf("other Region: %v", ps)
	}
	for _, v := range []configvalue.Value{configvalue.Unset(), configvalue.Unknown(), configvalue.Set("not an arn")} {
		if ps := CheckSecretRegion(v, "us-east-1"); len(ps) != 0 {
			t.Errorf("%+v: %v", v, ps)
		}
	}
	if ARNRegion("arn:aws:iam::123456789012:role/x") != "" || ARNRegion("arn:aws:kms:eu-west-1:123456789012:key/abc") != "eu-west-1" {
		t.Error("ARNRegion")
	}
}
