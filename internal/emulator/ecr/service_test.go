package ecr_test

import (
	"context"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/emulatortest"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/ecr/types"
)

// These tests decode every reply with the real service/ecr client.

const (
	testDockerSecret = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/docker-hub-AbCdEf"
	testRoleARN      = "arn:aws:iam::123456789012:role/ecr-upstream"
)

func startECR(t *testing.T) (*emulator.Emulator, *ecr.Client) {
	t.Helper()
	e, _ := emulatortest.Start(t, emulator.Options{})
	o := emulatortest.ClientFor(e)
	return e, ecr.New(ecr.Options{Region: o.Region, BaseEndpoint: o.BaseEndpoint, Credentials: o.Credentials, Retryer: o.Retryer})
}

func TestECRCreateDescribeUpdateDelete(t *testing.T) {
	e, c := startECR(t)
	ctx := context.Background()
	e.ECR().PutSecret(testDockerSecret, true)

	out, err := c.CreatePullThroughCacheRule(ctx, &ecr.CreatePullThroughCacheRuleInput{
		EcrRepositoryPrefix: aws.String("docker-hub"),
		UpstreamRegistryUrl: aws.String("registry-1.docker.io"),
		CredentialArn:       aws.String(testDockerSecret),
	})
	if err != nil {
		t.Fatal(err)
	}
	if out.UpstreamRegistry != types.UpstreamRegistryDockerHub || aws.ToString(out.RegistryId) != "123456789012" ||
		aws.ToString(out.UpstreamRepositoryPrefix) != "ROOT" || out.CreatedAt == nil ||
		!out.CreatedAt.Equal(time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)) {
		t.Fatalf("unexpected create output %+v", out)
	}

	d, err := c.DescribePullThroughCacheRules(ctx, &ecr.DescribePullThroughCacheRulesInput{EcrRepositoryPrefixes: []string{"docker-hub"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.PullThroughCacheRules) != 1 || aws.ToString(d.PullThroughCacheRules[0].CredentialArn) != testDockerSecret ||
		d.PullThroughCacheRules[0].UpdatedAt == nil || d.PullThroughCacheRules[0].UpstreamRegistry != types.UpstreamRegistryDockerHub {
		t.Fatalf("describe: %+v", d.PullThroughCacheRules)
	}

	other := "arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/other-123456"
	if _, err := c.UpdatePullThroughCacheRule(ctx, &ecr.UpdatePullThroughCacheRuleInput{
		EcrRepositoryPrefix: aws.String("docker-hub"), CredentialArn: aws.String(other),
	}); !emulatortest.ErrIs[*types.SecretNotFoundException](err) {
		t.Fatalf("update with unknown secret: want SecretNotFoundException, got %v", err)
	}
	e.ECR().PutSecret(other, true)
	u, err := c.UpdatePullThroughCacheRule(ctx, &ecr.UpdatePullThroughCacheRuleInput{
		EcrRepositoryPrefix: aws.String("docker-hub"), CredentialArn: aws.String(other),
	})
	if err != nil || aws.ToString(u.CredentialArn) != other || u.UpdatedAt == nil {
		t.Fatalf("update: %+v %v", u, err)
	}

	del, err := c.DeletePullThroughCacheRule(ctx, &ecr.DeletePullThroughCacheRuleInput{EcrRepositoryPrefix: aws.String("docker-hub")})
	if err != nil || aws.ToString(del.UpstreamRegistryUrl) != "registry-1.docker.io" {
		t.Fatalf("delete: %+v %v", del, err)
	}
	if _, err := c.DescribePullThroughCacheRules(ctx, &ecr.DescribePullThroughCacheRulesInput{EcrRepositoryPrefixes: []string{"docker-hub"}}); !emulatortest.ErrIs[*types.PullThroughCacheRuleNotFoundException](err) {
		t.Fatalf("describe after delete: want PullThroughCacheRuleNotFoundException, got %v", err)
	}
	if _, err := c.DeletePullThroughCacheRule(ctx, &ecr.DeletePullThroughCacheRuleInput{EcrRepositoryPrefix: aws.String("docker-hub")}); !emulatortest.ErrIs[*types.PullThroughCacheRuleNotFoundException](err) {
		t.Fatalf("second delete: want PullThroughCacheRuleNotFoundException, got %v", err)
	}
}

func TestECRCreateErrors(t *testing.T) {
	e, c := startECR(t)
	ctx := context.Background()
	e.ECR().PutSecret(testDockerSecret, true)
	badName := "arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub-AbCdEf"
	cases := []struct {
		name string
		in   ecr.CreatePullThroughCacheRuleInput
		ok   func(error) bool
	}{
		{"prefix too short", ecr.CreatePullThroughCacheRuleInput{EcrRepositoryPrefix: aws.String("k"), UpstreamRegistryUrl: aws.String("registry.k8s.io")}, emulatortest.ErrIs[*types.ValidationException]},
		{"prefix uppercase", ecr.CreatePullThroughCacheRuleInput{EcrRepositoryPrefix: aws.String("K8s"), UpstreamRegistryUrl: aws.String("registry.k8s.io")}, emulatortest.ErrIs[*types.ValidationException]},
		{"unknown upstream", ecr.CreatePullThroughCacheRuleInput{EcrRepositoryPrefix: aws.String("mine"), UpstreamRegistryUrl: aws.String("registry.example.com")}, emulatortest.ErrIs[*types.UnsupportedUpstreamRegistryException]},
		{"docker hub without secret", ecr.CreatePullThroughCacheRuleInput{EcrRepositoryPrefix: aws.String("docker-hub"), UpstreamRegistryUrl: aws.String("registry-1.docker.io")}, emulatortest.ErrIs[*types.InvalidParameterException]},
		{"secret name prefix", ecr.CreatePullThroughCacheRuleInput{EcrRepositoryPrefix: aws.String("docker-hub"), UpstreamRegistryUrl: aws.String("registry-1.docker.io"), CredentialArn: aws.String(badName)}, emulatortest.ErrIs[*types.ValidationException]},
		{"secret missing", ecr.CreatePullThroughCacheRuleInput{EcrRepositoryPrefix: aws.String("docker-hub"), UpstreamRegistryUrl: aws.String("registry-1.docker.io"), CredentialArn: aws.String(testDockerSecret + "x")}, emulatortest.ErrIs[*types.SecretNotFoundException]},
		{"ecr without role", ecr.CreatePullThroughCacheRuleInput{EcrRepositoryPrefix: aws.String("prod"), UpstreamRegistryUrl: aws.String("210987654321.dkr.ecr.us-west-2.amazonaws.com")}, emulatortest.ErrIs[*types.InvalidParameterException]},
		{"role on k8s", ecr.CreatePullThroughCacheRuleInput{EcrRepositoryPrefix: aws.String("k8s"), UpstreamRegistryUrl: aws.String("registry.k8s.io"), CustomRoleArn: aws.String(testRoleARN)}, emulatortest.ErrIs[*types.InvalidParameterException]},
	}
	for _, tc := range cases {
		if _, err := c.CreatePullThroughCacheRule(ctx, &tc.in); !tc.ok(err) {
			t.Errorf("%s: unexpected error %v", tc.name, err)
		}
	}
	if n := len(e.ECR().Rules()); n != 0 {
		t.Fatalf("failed creates left %d rules", n)
	}

	in := &ecr.CreatePullThroughCacheRuleInput{EcrRepositoryPrefix: aws.String("ROOT"), UpstreamRegistryUrl: aws.String("210987654321.dkr.ecr.us-west-2.amazonaws.com"), CustomRoleArn: aws.String(testRoleARN)}
	out, err := c.CreatePullThroughCacheRule(ctx, in)
	if err != nil || out.UpstreamRegistry != types.UpstreamRegistryEcr {
		t.Fatalf("ECR-to-ECR create: %+v %v", out, err)
	}
	if _, err := c.CreatePullThroughCacheRule(ctx, in); !emulatortest.ErrIs[*types.PullThroughCacheRuleAlreadyExistsException](err) {
		t.Fatalf("duplicate: want PullThroughCacheRuleAlreadyExistsException, got %v", err)
	}
}

func TestECRValidateReportsUnreachableUpstream(t *testing.T) {
	e, c := startECR(t)
	ctx := context.Background()
	e.ECR().PutSecret(testDockerSecret, true)
	if _, err := c.CreatePullThroughCacheRule(ctx, &ecr.CreatePullThroughCacheRuleInput{
		EcrRepositoryPrefix: aws.String("docker-hub"), UpstreamRegistryUrl: aws.String("registry-1.docker.io"), CredentialArn: aws.String(testDockerSecret),
	}); err != nil {
		t.Fatal(err)
	}
	validate := func() *ecr.ValidatePullThroughCacheRuleOutput {
		t.Helper()
		v, err := c.ValidatePullThroughCacheRule(ctx, &ecr.ValidatePullThroughCacheRuleInput{EcrRepositoryPrefix: aws.String("docker-hub")})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if v := validate(); !v.IsValid || v.Failure != nil || aws.ToString(v.CredentialArn) != testDockerSecret {
		t.Fatalf("valid rule reported %+v", v)
	}
	e.ECR().PutSecret(testDockerSecret, false)
	if v := validate(); v.IsValid || aws.ToString(v.Failure) == "" {
		t.Fatalf("refused credentials reported %+v", v)
	}
	e.ECR().DeleteSecret(testDockerSecret)
	if v := validate(); v.IsValid || aws.ToString(v.Failure) == "" {
		t.Fatalf("deleted secret reported %+v", v)
	}
	if _, err := c.ValidatePullThroughCacheRule(ctx, &ecr.ValidatePullThroughCacheRuleInput{EcrRepositoryPrefix: aws.String("nope")}); !emulatortest.ErrIs[*types.PullThroughCacheRuleNotFoundException](err) {
		t.Fatalf("validate missing rule: %v", err)
	}
}

func TestECRDescribePaginates(t *testing.T) {
	_, c := startECR(t)
	ctx := context.Background()
	for _, p := range []string{"k8s-a", "k8s-b", "k8s-c"} {
		if _, err := c.CreatePullThroughCacheRule(ctx, &ecr.CreatePullThroughCacheRuleInput{EcrRepositoryPrefix: aws.String(p), UpstreamRegistryUrl: aws.String("registry.k8s.io")}); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	p := ecr.NewDescribePullThroughCacheRulesPaginator(c, &ecr.DescribePullThroughCacheRulesInput{MaxResults: aws.Int32(2)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range page.PullThroughCacheRules {
			got = append(got, aws.ToString(r.EcrRepositoryPrefix))
		}
	}
	if len(got) != 3 || got[0] != "k8s-a" || got[2] != "k8s-c" {
		t.Fatalf("paginated rules %v", got)
	}
}

func TestECRFaultsAreRetried(t *testing.T) {
	e, c := startECR(t)
	ctx := context.Background()
	for _, f := range []emulator.Fault{{Kind: emulator.FaultThrottle, Count: 2}, {Kind: emulator.FaultServerError, Count: 2}, {Kind: emulator.FaultUnavailable, Count: 1}} {
		f.Service, f.Operation = "ecr", "DescribePullThroughCacheRules"
		if err := e.Faults.Inject(f); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.DescribePullThroughCacheRules(ctx, &ecr.DescribePullThroughCacheRulesInput{}); err == nil {
		t.Fatal("5 faults within the client's 5 attempts should fail")
	}
	if err := e.Faults.Inject(emulator.Fault{Service: "ecr", Operation: "DescribePullThroughCacheRules", Kind: emulator.FaultThrottle, Count: 2}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DescribePullThroughCacheRules(ctx, &ecr.DescribePullThroughCacheRulesInput{}); err != nil {
		t.Fatalf("2 throttles then success: %v", err)
	}
	if err := e.Faults.Inject(emulator.Fault{Service: "ecr", Operation: "DescribePullThroughCacheRules", Kind: emulator.FaultNotFound, Count: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DescribePullThroughCacheRules(ctx, &ecr.DescribePullThroughCacheRulesInput{}); !emulatortest.ErrIs[*types.PullThroughCacheRuleNotFoundException](err) {
		t.Fatalf("not-found fault: %v", err)
	}
}

func TestECRFailAfterCommitRetriesIntoAlreadyExists(t *testing.T) {
	e, c := startECR(t)
	e.ECR().FailAfterCommit("CreatePullThroughCacheRule", 1)
	_, err := c.CreatePullThroughCacheRule(context.Background(), &ecr.CreatePullThroughCacheRuleInput{
		EcrRepositoryPrefix: aws.String("k8s"), UpstreamRegistryUrl: aws.String("registry.k8s.io"),
	})
	if !emulatortest.ErrIs[*types.PullThroughCacheRuleAlreadyExistsException](err) {
		t.Fatalf("a retried create that already happened: want AlreadyExists, got %v", err)
	}
	if _, ok := e.ECR().Rule("k8s"); !ok {
		t.Fatal("the first attempt did not create the rule")
	}
}

func TestECRControlRoutes(t *testing.T) {
	e, c := startECR(t)
	post := func(route, body string) int {
		t.Helper()
		resp, err := http.Post(e.URL()+"/_emulator/"+route, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := post("ecr/secrets", `{"arn":"`+testDockerSecret+`","valid":false}`); code != 200 {
		t.Fatalf("seeding a secret: %d", code)
	}
	if _, err := c.CreatePullThroughCacheRule(context.Background(), &ecr.CreatePullThroughCacheRuleInput{
		EcrRepositoryPrefix: aws.String("docker-hub"), UpstreamRegistryUrl: aws.String("registry-1.docker.io"), CredentialArn: aws.String(testDockerSecret),
	}); err != nil {
		t.Fatalf("create with a seeded secret: %v", err)
	}
	v, err := c.ValidatePullThroughCacheRule(context.Background(), &ecr.ValidatePullThroughCacheRuleInput{EcrRepositoryPrefix: aws.String("docker-hub")})
	if err != nil || v.IsValid {
		t.Fatalf("a secret seeded with valid=false must fail validation: %+v %v", v, err)
	}
	if code := post("ecr/fail-after-commit", `{"operation":"DeletePullThroughCacheRule","count":1}`); code != 200 {
		t.Fatalf("fail-after-commit: %d", code)
	}
	if code := post("ecr/fail-after-commit", `{}`); code != 400 {
		t.Fatalf("bad fail-after-commit body: %d", code)
	}
}
