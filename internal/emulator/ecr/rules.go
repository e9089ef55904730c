package ecr

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/ecr/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/server"
)

// rule is one pull-through cache rule.
type rule struct {
	Prefix         string
	UpstreamURL    string
	Upstream       string
	UpstreamPrefix string
	CredentialARN  string
	CustomRoleARN  string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// The API's patterns (service/ecr model, PullThroughCacheRuleRepositoryPrefix
// and the Secrets Manager / IAM ARN formats).
var (
	ecrPrefixPattern     = regexp.MustCompile(`^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$`)
	ecrSecretARNPattern  = regexp.MustCompile(`^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@-]+$`)
	ecrRoleARNPattern    = regexp.MustCompile(`^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9/_+=,.@-]+$`)
	ecrPrivateRegPattern = regexp.MustCompile(`^[0-9]{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$`)
)

// ecrSecretNamePrefix is the name prefix ECR requires of upstream secrets.
const ecrSecretNamePrefix = "ecr-pullthroughcache/"

// ecrUpstreamFor maps an upstream registry URL to the API's UpstreamRegistry.
func ecrUpstreamFor(url string) (string, bool) {
	switch {
	case url == "registry-1.docker.io":
		return "docker-hub", true
	case url == "public.ecr.aws":
		return "ecr-public", true
	case url == "quay.io":
		return "quay", true
	case url == "registry.k8s.io":
		return "k8s", true
	case url == "ghcr.io":
		return "github-container-registry", true
	case strings.HasSuffix(url, ".azurecr.io") && len(url) > len(".azurecr.io"):
		return "azure-container-registry", true
	case url == "registry.gitlab.com":
		return "gitlab-container-registry", true
	case url == "cgr.dev":
		return "chainguard", true
	case ecrPrivateRegPattern.MatchString(url):
		return "ecr", true
	}
	return "", false
}

// Which upstreams need, allow or refuse credentials and roles.
func ecrNeedsCredential(upstream string) bool {
	switch upstream {
	case "docker-hub", "github-container-registry", "azure-container-registry", "gitlab-container-registry":
		return true
	}
	return false
}

func ecrAllowsCredential(upstream string) bool {
	return ecrNeedsCredential(upstream) || upstream == "quay" || upstream == "chainguard"
}

func validECRPrefix(p string) bool {
	return p == "ROOT" || (len(p) >= 2 && len(p) <= 30 && ecrPrefixPattern.MatchString(p))
}

func (s *Service) checkRegistry(id string) *server.APIError {
	if id != "" && id != s.env.AccountID {
		return errInvalidParameter(fmt.Sprintf("Invalid parameter at 'registryId': registry %s does not belong to account %s", id, s.env.AccountID))
	}
	return nil
}

func checkECRPrefix(member, p string) *server.APIError {
	if !validECRPrefix(p) {
		return errValidation(fmt.Sprintf("1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member must have length between 2 and 30 and match pattern (?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*, or be ROOT", p, member))
	}
	return nil
}

// checkCredentials applies the upstream's rules for credentialArn and
// customRoleArn; secrets must exist (locked by caller).
func (s *Service) checkCredentials(upstream, cred, role string) *server.APIError {
	switch {
	case ecrNeedsCredential(upstream) && cred == "":
		return errInvalidParameter(fmt.Sprintf("Invalid parameter: a credentialArn is required for upstream registry %s", upstream))
	case cred != "" && !ecrAllowsCredential(upstream):
		return errInvalidParameter(fmt.Sprintf("Invalid parameter: upstream registry %s does not support credentialArn", upstream))
	case upstream == "ecr" && role == "":
		return errInvalidParameter("Invalid parameter: a customRoleArn is required for an ECR upstream registry")
	case role != "" && upstream != "ecr":
		return errInvalidParameter(fmt.Sprintf("Invalid parameter: customRoleArn is only supported for ECR upstream registries, not %s", upstream))
	}
	if cred != "" {
		if !ecrSecretARNPattern.MatchString(cred) {
			return errValidation(fmt.Sprintf("1 validation error detected: Value '%s' at 'credentialArn' failed to satisfy constraint: Member must be a Secrets Manager secret ARN", cred))
		}
		if name := cred[strings.Index(cred, ":secret:")+len(":secret:"):]; !strings.HasPrefix(name, ecrSecretNamePrefix) {
			return errValidation(fmt.Sprintf("Invalid parameter at 'credentialArn': the secret name must start with '%s'", ecrSecretNamePrefix))
		}
		if _, ok := s.secrets[cred]; !ok {
			return errSecretNotFound(cred)
		}
	}
	if role != "" && !ecrRoleARNPattern.MatchString(role) {
		return errValidation(fmt.Sprintf("1 validation error detected: Value '%s' at 'customRoleArn' failed to satisfy constraint: Member must be an IAM role ARN", role))
	}
	return nil
}

func (s *Service) createRule(in *sdk.CreatePullThroughCacheRuleInput) (*sdk.CreatePullThroughCacheRuleOutput, *server.APIError) {
	if aerr := s.checkRegistry(aws.ToString(in.RegistryId)); aerr != nil {
		return nil, aerr
	}
	prefix, url := aws.ToString(in.EcrRepositoryPrefix), aws.ToString(in.UpstreamRegistryUrl)
	if aerr := checkECRPrefix("ecrRepositoryPrefix", prefix); aerr != nil {
		return nil, aerr
	}
	upstreamPrefix := aws.ToString(in.UpstreamRepositoryPrefix)
	if upstreamPrefix == "" {
		upstreamPrefix = "ROOT"
	}
	if aerr := checkECRPrefix("upstreamRepositoryPrefix", upstreamPrefix); aerr != nil {
		return nil, aerr
	}
	if url == "" {
		return nil, errValidation("1 validation error detected: Value null at 'upstreamRegistryUrl' failed to satisfy constraint: Member must not be null")
	}
	upstream, ok := ecrUpstreamFor(url)
	if !ok || (in.UpstreamRegistry != "" && string(in.UpstreamRegistry) != upstream) {
		return nil, errUnsupportedUpstream(url)
	}
	cred, role := aws.ToString(in.CredentialArn), aws.ToString(in.CustomRoleArn)
	s.mu.Lock()
	defer s.mu.Unlock()
	if aerr := s.checkCredentials(upstream, cred, role); aerr != nil {
		return nil, aerr
	}
	if _, exists := s.rules[prefix]; exists {
		return nil, errRuleExists(prefix)
	}
	if len(s.rules) >= maxRules {
		return nil, errLimitExceeded()
	}
	now := s.env.Now()
	r := &rule{
		Prefix: prefix, UpstreamURL: url, Upstream: upstream, UpstreamPrefix: upstreamPrefix,
		CredentialARN: cred, CustomRoleARN: role, CreatedAt: now, UpdatedAt: now,
	}
	s.rules[r.Prefix] = r
	return &sdk.CreatePullThroughCacheRuleOutput{
		EcrRepositoryPrefix: aws.String(r.Prefix), RegistryId: aws.String(s.env.AccountID),
		UpstreamRegistryUrl: aws.String(r.UpstreamURL), UpstreamRegistry: types.UpstreamRegistry(r.Upstream),
		UpstreamRepositoryPrefix: aws.String(r.UpstreamPrefix), CredentialArn: optional(r.CredentialARN),
		CustomRoleArn: optional(r.CustomRoleARN), CreatedAt: aws.Time(r.CreatedAt),
	}, nil
}

func (s *Service) describeRules(in *sdk.DescribePullThroughCacheRulesInput) (*sdk.DescribePullThroughCacheRulesOutput, *server.APIError) {
	if aerr := s.checkRegistry(aws.ToString(in.RegistryId)); aerr != nil {
		return nil, aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	notFound := func(p string) *server.APIError {
		return errRuleNotFound("for prefix '" + p + "' in registry '" + s.env.AccountID + "'")
	}
	page, next, aerr := describePage(s.rules, in.EcrRepositoryPrefixes, notFound, in.MaxResults, in.NextToken)
	if aerr != nil {
		return nil, aerr
	}
	out := &sdk.DescribePullThroughCacheRulesOutput{PullThroughCacheRules: make([]types.PullThroughCacheRule, 0, len(page)), NextToken: next}
	for _, r := range page {
		out.PullThroughCacheRules = append(out.PullThroughCacheRules, types.PullThroughCacheRule{
			EcrRepositoryPrefix: aws.String(r.Prefix), RegistryId: aws.String(s.env.AccountID),
			UpstreamRegistryUrl: aws.String(r.UpstreamURL), UpstreamRegistry: types.UpstreamRegistry(r.Upstream),
			UpstreamRepositoryPrefix: aws.String(r.UpstreamPrefix), CredentialArn: optional(r.CredentialARN),
			CustomRoleArn: optional(r.CustomRoleARN), CreatedAt: aws.Time(r.CreatedAt), UpdatedAt: aws.Time(r.UpdatedAt),
		})
	}
	return out, nil
}

// withRule checks the registry and prefix of a request naming one rule and
// calls f with the rule, under the lock.
func (s *Service) withRule(registryID, prefix *string, f func(*rule) *server.APIError) *server.APIError {
	if aerr := s.checkRegistry(aws.ToString(registryID)); aerr != nil {
		return aerr
	}
	p := aws.ToString(prefix)
	if aerr := checkECRPrefix("ecrRepositoryPrefix", p); aerr != nil {
		return aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.rules[p]
	if !ok {
		return errRuleNotFound("for prefix '" + p + "'")
	}
	return f(r)
}

func (s *Service) updateRule(in *sdk.UpdatePullThroughCacheRuleInput) (*sdk.UpdatePullThroughCacheRuleOutput, *server.APIError) {
	if in.CredentialArn == nil && in.CustomRoleArn == nil {
		return nil, errInvalidParameter("Invalid parameter: at least one of credentialArn or customRoleArn must be given")
	}
	var out *sdk.UpdatePullThroughCacheRuleOutput
	aerr := s.withRule(in.RegistryId, in.EcrRepositoryPrefix, func(r *rule) *server.APIError {
		cred, role := r.CredentialARN, r.CustomRoleARN
		if in.CredentialArn != nil {
			cred = *in.CredentialArn
		}
		if in.CustomRoleArn != nil {
			role = *in.CustomRoleArn
		}
		if aerr := s.checkCredentials(r.Upstream, cred, role); aerr != nil {
			return aerr
		}
		r.CredentialARN, r.CustomRoleARN, r.UpdatedAt = cred, role, s.env.Now()
		out = &sdk.UpdatePullThroughCacheRuleOutput{
			EcrRepositoryPrefix: aws.String(r.Prefix), RegistryId: aws.String(s.env.AccountID),
			UpstreamRepositoryPrefix: aws.String(r.UpstreamPrefix), CredentialArn: optional(r.CredentialARN),
			CustomRoleArn: optional(r.CustomRoleARN), UpdatedAt: aws.Time(r.UpdatedAt),
		}
		return nil
	})
	return out, aerr
}

func (s *Service) deleteRule(in *sdk.DeletePullThroughCacheRuleInput) (*sdk.DeletePullThroughCacheRuleOutput, *server.APIError) {
	var out *sdk.DeletePullThroughCacheRuleOutput
	aerr := s.withRule(in.RegistryId, in.EcrRepositoryPrefix, func(r *rule) *server.APIError {
		delete(s.rules, r.Prefix)
		out = &sdk.DeletePullThroughCacheRuleOutput{
			EcrRepositoryPrefix: aws.String(r.Prefix), RegistryId: aws.String(s.env.AccountID),
			UpstreamRegistryUrl: aws.String(r.UpstreamURL), UpstreamRepositoryPrefix: aws.String(r.UpstreamPrefix),
			CredentialArn: optional(r.CredentialARN), CustomRoleArn: optional(r.CustomRoleARN), CreatedAt: aws.Time(r.CreatedAt),
		}
		return nil
	})
	return out, aerr
}

// validateRule reports whether the rule can reach its upstream. The
// emulator decides from the secrets it knows: a secret that is gone, or
// whose credentials the upstream refuses (PutSecret with valid=false),
// makes the rule invalid.
func (s *Service) validateRule(in *sdk.ValidatePullThroughCacheRuleInput) (*sdk.ValidatePullThroughCacheRuleOutput, *server.APIError) {
	var out *sdk.ValidatePullThroughCacheRuleOutput
	aerr := s.withRule(in.RegistryId, in.EcrRepositoryPrefix, func(r *rule) *server.APIError {
		out = s.validation(r)
		return nil
	})
	return out, aerr
}

// validation is a rule's ValidatePullThroughCacheRule answer (locked by
// the caller).
func (s *Service) validation(r *rule) *sdk.ValidatePullThroughCacheRuleOutput {
	out := &sdk.ValidatePullThroughCacheRuleOutput{
		EcrRepositoryPrefix: aws.String(r.Prefix), RegistryId: aws.String(s.env.AccountID),
		UpstreamRegistryUrl: aws.String(r.UpstreamURL), UpstreamRepositoryPrefix: aws.String(r.UpstreamPrefix),
		CredentialArn: optional(r.CredentialARN), CustomRoleArn: optional(r.CustomRoleARN), IsValid: true,
	}
	if r.CredentialARN != "" {
		valid, known := s.secrets[r.CredentialARN]
		switch {
		case !known:
			out.IsValid = false
			out.Failure = aws.String(fmt.Sprintf("Secrets Manager secret %s could not be found. Make sure the secret exists in the same Region as the rule.", r.CredentialARN))
		case !valid:
			out.IsValid = false
			out.Failure = aws.String(fmt.Sprintf("Authentication with upstream registry %s failed using the credentials in secret %s (401 Unauthorized).", r.UpstreamURL, r.CredentialARN))
		}
	}
	return out
}
