package ecr

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
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
	if in.MaxResults != nil && (*in.MaxResults < 1 || *in.MaxResults > 1000) {
		return nil, errValidation(fmt.Sprintf("1 validation error detected: Value '%d' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 1000", *in.MaxResults))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var picked []*rule
	if len(in.EcrRepositoryPrefixes) > 0 {
		for _, p := range in.EcrRepositoryPrefixes {
			r, ok := s.rules[p]
			if !ok {
				return nil, errRuleNotFound("for prefix '" + p + "' in registry '" + s.env.AccountID + "'")
			}
			picked = append(picked, r)
		}
	} else {
		for _, r := range s.rules {
			picked = append(picked, r)
		}
	}
	sort.Slice(picked, func(i, j int) bool { return picked[i].Prefix < picked[j].Prefix })
	start := 0
	if tok := aws.ToString(in.NextToken); tok != "" {
		n, err := strconv.Atoi(tok)
		if err != nil || n < 0 || n > len(picked) {
			return nil, errInvalidParameter("Invalid parameter at 'nextToken': the token is not valid")
		}
		start = n
	}
	limit := 100
	if in.MaxResults != nil {
		limit = int(*in.MaxResults)
	}
	end := min(start+limit, len(picked))
	out := &sdk.DescribePullThroughCacheRulesOutput{PullThroughCacheRules: make([]types.PullThroughCacheRule, 0, end-start)}
	for _, r := range picked[start:end] {
		out.PullThroughCacheRules = append(out.PullThroughCacheRules, types.PullThroughCacheRule{
			EcrRepositoryPrefix: aws.String(r.Prefix), RegistryId: aws.String(s.env.AccountID),
			UpstreamRegistryUrl: aws.String(r.UpstreamURL), UpstreamRegistry: types.UpstreamRegistry(r.Upstream),
			UpstreamRepositoryPrefix: aws.String(r.UpstreamPrefix), CredentialArn: optional(r.CredentialARN),
			CustomRoleArn: optional(r.CustomRoleARN), CreatedAt: aws.Time(r.CreatedAt), UpdatedAt: aws.Time(r.UpdatedAt),
		})
	}
	if end < len(picked) {
		out.NextToken = aws.String(strconv.Itoa(end))
	}
	return out, nil
}

func (s *Service) updateRule(in *sdk.UpdatePullThroughCacheRuleInput) (*sdk.UpdatePullThroughCacheRuleOutput, *server.APIError) {
	if aerr := s.checkRegistry(aws.ToString(in.RegistryId)); aerr != nil {
		return nil, aerr
	}
	prefix := aws.ToString(in.EcrRepositoryPrefix)
	if aerr := checkECRPrefix("ecrRepositoryPrefix", prefix); aerr != nil {
		return nil, aerr
	}
	if in.CredentialArn == nil && in.CustomRoleArn == nil {
		return nil, errInvalidParameter("Invalid parameter: at least one of credentialArn or customRoleArn must be given")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.rules[prefix]
	if !ok {
		return nil, errRuleNotFound("for prefix '" + prefix + "'")
	}
	cred, role := r.CredentialARN, r.CustomRoleARN
	if in.CredentialArn != nil {
		cred = *in.CredentialArn
	}
	if in.CustomRoleArn != nil {
		role = *in.CustomRoleArn
	}
	if aerr := s.checkCredentials(r.Upstream, cred, role); aerr != nil {
		return nil, aerr
	}
	r.CredentialARN, r.CustomRoleARN, r.UpdatedAt = cred, role, s.env.Now()
	return &sdk.UpdatePullThroughCacheRuleOutput{
		EcrRepositoryPrefix: aws.String(r.Prefix), RegistryId: aws.String(s.env.AccountID),
		UpstreamRepositoryPrefix: aws.String(r.UpstreamPrefix), CredentialArn: optional(r.CredentialARN),
		CustomRoleArn: optional(r.CustomRoleARN), UpdatedAt: aws.Time(r.UpdatedAt),
	}, nil
}

func (s *Service) deleteRule(in *sdk.DeletePullThroughCacheRuleInput) (*sdk.DeletePullThroughCacheRuleOutput, *server.APIError) {
	if aerr := s.checkRegistry(aws.ToString(in.RegistryId)); aerr != nil {
		return nil, aerr
	}
	prefix := aws.ToString(in.EcrRepositoryPrefix)
	if aerr := checkECRPrefix("ecrRepositoryPrefix", prefix); aerr != nil {
		return nil, aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.rules[prefix]
	if !ok {
		return nil, errRuleNotFound("for prefix '" + prefix + "'")
	}
	delete(s.rules, r.Prefix)
	return &sdk.DeletePullThroughCacheRuleOutput{
		EcrRepositoryPrefix: aws.String(r.Prefix), RegistryId: aws.String(s.env.AccountID),
		UpstreamRegistryUrl: aws.String(r.UpstreamURL), UpstreamRepositoryPrefix: aws.String(r.UpstreamPrefix),
		CredentialArn: optional(r.CredentialARN), CustomRoleArn: optional(r.CustomRoleARN), CreatedAt: aws.Time(r.CreatedAt),
	}, nil
}

// validateRule reports whether the rule can reach its upstream. The
// emulator decides from the secrets it knows: a secret that is gone, or
// whose credentials the upstream refuses (PutSecret with valid=false),
// makes the rule invalid.
func (s *Service) validateRule(in *sdk.ValidatePullThroughCacheRuleInput) (*sdk.ValidatePullThroughCacheRuleOutput, *server.APIError) {
	if aerr := s.checkRegistry(aws.ToString(in.RegistryId)); aerr != nil {
		return nil, aerr
	}
	prefix := aws.ToString(in.EcrRepositoryPrefix)
	if aerr := checkECRPrefix("ecrRepositoryPrefix", prefix); aerr != nil {
		return nil, aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.rules[prefix]
	if !ok {
		return nil, errRuleNotFound("for prefix '" + prefix + "'")
	}
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
	return out, nil
}
