package emulator

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// ecrRule is one pull-through cache rule.
type ecrRule struct {
	Prefix         string
	UpstreamURL    string
	Upstream       string
	UpstreamPrefix string
	CredentialARN  string
	CustomRoleARN  string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// ecrRuleInput covers the members of Create/Update/Delete/Validate requests.
type ecrRuleInput struct {
	EcrRepositoryPrefix      string  `json:"ecrRepositoryPrefix"`
	UpstreamRegistryURL      string  `json:"upstreamRegistryUrl"`
	UpstreamRegistry         string  `json:"upstreamRegistry"`
	UpstreamRepositoryPrefix string  `json:"upstreamRepositoryPrefix"`
	CredentialArn            *string `json:"credentialArn"`
	CustomRoleArn            *string `json:"customRoleArn"`
	RegistryID               string  `json:"registryId"`
}

type ecrDescribeInput struct {
	EcrRepositoryPrefixes []string `json:"ecrRepositoryPrefixes"`
	MaxResults            *int     `json:"maxResults"`
	NextToken             string   `json:"nextToken"`
	RegistryID            string   `json:"registryId"`
}

// ecrRuleJSON is the wire form of a rule; which members each operation
// returns differs, so callers blank what their output shape lacks.
type ecrRuleJSON struct {
	EcrRepositoryPrefix      string   `json:"ecrRepositoryPrefix"`
	RegistryID               string   `json:"registryId"`
	UpstreamRegistryURL      string   `json:"upstreamRegistryUrl,omitempty"`
	UpstreamRegistry         string   `json:"upstreamRegistry,omitempty"`
	UpstreamRepositoryPrefix string   `json:"upstreamRepositoryPrefix,omitempty"`
	CredentialArn            string   `json:"credentialArn,omitempty"`
	CustomRoleArn            string   `json:"customRoleArn,omitempty"`
	CreatedAt                *float64 `json:"createdAt,omitempty"`
	UpdatedAt                *float64 `json:"updatedAt,omitempty"`
}

type ecrValidateJSON struct {
	ecrRuleJSON
	IsValid bool   `json:"isValid"`
	Failure string `json:"failure,omitempty"`
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

func (s *ECRService) checkRegistry(id string) *APIError {
	if id != "" && id != s.emu.opts.AccountID {
		return errECRInvalidParameter(fmt.Sprintf("Invalid parameter at 'registryId': registry %s does not belong to account %s", id, s.emu.opts.AccountID))
	}
	return nil
}

func checkECRPrefix(member, p string) *APIError {
	if !validECRPrefix(p) {
		return errECRValidation(fmt.Sprintf("1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member must have length between 2 and 30 and match pattern (?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*, or be ROOT", p, member))
	}
	return nil
}

// checkCredentials applies the upstream's rules for credentialArn and
// customRoleArn; secrets must exist (locked by caller).
func (s *ECRService) checkCredentials(upstream, cred, role string) *APIError {
	switch {
	case ecrNeedsCredential(upstream) && cred == "":
		return errECRInvalidParameter(fmt.Sprintf("Invalid parameter: a credentialArn is required for upstream registry %s", upstream))
	case cred != "" && !ecrAllowsCredential(upstream):
		return errECRInvalidParameter(fmt.Sprintf("Invalid parameter: upstream registry %s does not support credentialArn", upstream))
	case upstream == "ecr" && role == "":
		return errECRInvalidParameter("Invalid parameter: a customRoleArn is required for an ECR upstream registry")
	case role != "" && upstream != "ecr":
		return errECRInvalidParameter(fmt.Sprintf("Invalid parameter: customRoleArn is only supported for ECR upstream registries, not %s", upstream))
	}
	if cred != "" {
		if !ecrSecretARNPattern.MatchString(cred) {
			return errECRValidation(fmt.Sprintf("1 validation error detected: Value '%s' at 'credentialArn' failed to satisfy constraint: Member must be a Secrets Manager secret ARN", cred))
		}
		if name := cred[strings.Index(cred, ":secret:")+len(":secret:"):]; !strings.HasPrefix(name, ecrSecretNamePrefix) {
			return errECRValidation(fmt.Sprintf("Invalid parameter at 'credentialArn': the secret name must start with '%s'", ecrSecretNamePrefix))
		}
		if _, ok := s.secrets[cred]; !ok {
			return errECRSecretNotFound(cred)
		}
	}
	if role != "" && !ecrRoleARNPattern.MatchString(role) {
		return errECRValidation(fmt.Sprintf("1 validation error detected: Value '%s' at 'customRoleArn' failed to satisfy constraint: Member must be an IAM role ARN", role))
	}
	return nil
}

func (s *ECRService) createRule(in ecrRuleInput) (any, *APIError) {
	if aerr := s.checkRegistry(in.RegistryID); aerr != nil {
		return nil, aerr
	}
	if aerr := checkECRPrefix("ecrRepositoryPrefix", in.EcrRepositoryPrefix); aerr != nil {
		return nil, aerr
	}
	if in.UpstreamRepositoryPrefix == "" {
		in.UpstreamRepositoryPrefix = "ROOT"
	}
	if aerr := checkECRPrefix("upstreamRepositoryPrefix", in.UpstreamRepositoryPrefix); aerr != nil {
		return nil, aerr
	}
	if in.UpstreamRegistryURL == "" {
		return nil, errECRValidation("1 validation error detected: Value null at 'upstreamRegistryUrl' failed to satisfy constraint: Member must not be null")
	}
	upstream, ok := ecrUpstreamFor(in.UpstreamRegistryURL)
	if !ok || (in.UpstreamRegistry != "" && in.UpstreamRegistry != upstream) {
		return nil, errECRUnsupportedUpstream(in.UpstreamRegistryURL)
	}
	cred, role := ecrDeref(in.CredentialArn), ecrDeref(in.CustomRoleArn)
	s.mu.Lock()
	defer s.mu.Unlock()
	if aerr := s.checkCredentials(upstream, cred, role); aerr != nil {
		return nil, aerr
	}
	if _, exists := s.rules[in.EcrRepositoryPrefix]; exists {
		return nil, errECRRuleExists(in.EcrRepositoryPrefix)
	}
	if len(s.rules) >= ecrMaxRules {
		return nil, errECRLimitExceeded()
	}
	now := s.emu.now()
	r := &ecrRule{
		Prefix: in.EcrRepositoryPrefix, UpstreamURL: in.UpstreamRegistryURL, Upstream: upstream,
		UpstreamPrefix: in.UpstreamRepositoryPrefix, CredentialARN: cred, CustomRoleARN: role,
		CreatedAt: now, UpdatedAt: now,
	}
	s.rules[r.Prefix] = r
	out := s.ruleJSON(r)
	out.UpdatedAt = nil // CreatePullThroughCacheRuleResponse has no updatedAt
	return out, nil
}

func (s *ECRService) describeRules(in ecrDescribeInput) (any, *APIError) {
	if aerr := s.checkRegistry(in.RegistryID); aerr != nil {
		return nil, aerr
	}
	if in.MaxResults != nil && (*in.MaxResults < 1 || *in.MaxResults > 1000) {
		return nil, errECRValidation(fmt.Sprintf("1 validation error detected: Value '%d' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 1000", *in.MaxResults))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var picked []*ecrRule
	if len(in.EcrRepositoryPrefixes) > 0 {
		for _, p := range in.EcrRepositoryPrefixes {
			r, ok := s.rules[p]
			if !ok {
				return nil, errECRRuleNotFound("for prefix '" + p + "' in registry '" + s.emu.opts.AccountID + "'")
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
	if in.NextToken != "" {
		n, err := strconv.Atoi(in.NextToken)
		if err != nil || n < 0 || n > len(picked) {
			return nil, errECRInvalidParameter("Invalid parameter at 'nextToken': the token is not valid")
		}
		start = n
	}
	limit := 100
	if in.MaxResults != nil {
		limit = *in.MaxResults
	}
	end := min(start+limit, len(picked))
	rules := make([]ecrRuleJSON, 0, end-start)
	for _, r := range picked[start:end] {
		rules = append(rules, s.ruleJSON(r))
	}
	out := map[string]any{"pullThroughCacheRules": rules}
	if end < len(picked) {
		out["nextToken"] = strconv.Itoa(end)
	}
	return out, nil
}

func (s *ECRService) updateRule(in ecrRuleInput) (any, *APIError) {
	if aerr := s.checkRegistry(in.RegistryID); aerr != nil {
		return nil, aerr
	}
	if aerr := checkECRPrefix("ecrRepositoryPrefix", in.EcrRepositoryPrefix); aerr != nil {
		return nil, aerr
	}
	if in.CredentialArn == nil && in.CustomRoleArn == nil {
		return nil, errECRInvalidParameter("Invalid parameter: at least one of credentialArn or customRoleArn must be given")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.rules[in.EcrRepositoryPrefix]
	if !ok {
		return nil, errECRRuleNotFound("for prefix '" + in.EcrRepositoryPrefix + "'")
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
	r.CredentialARN, r.CustomRoleARN, r.UpdatedAt = cred, role, s.emu.now()
	out := s.ruleJSON(r)
	// UpdatePullThroughCacheRuleResponse lacks these members.
	out.UpstreamRegistryURL, out.UpstreamRegistry, out.CreatedAt = "", "", nil
	return out, nil
}

func (s *ECRService) deleteRule(in ecrRuleInput) (any, *APIError) {
	if aerr := s.checkRegistry(in.RegistryID); aerr != nil {
		return nil, aerr
	}
	if aerr := checkECRPrefix("ecrRepositoryPrefix", in.EcrRepositoryPrefix); aerr != nil {
		return nil, aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.rules[in.EcrRepositoryPrefix]
	if !ok {
		return nil, errECRRuleNotFound("for prefix '" + in.EcrRepositoryPrefix + "'")
	}
	delete(s.rules, r.Prefix)
	out := s.ruleJSON(r)
	out.UpstreamRegistry, out.UpdatedAt = "", nil
	return out, nil
}

// validateRule reports whether the rule can reach its upstream. The
// emulator decides from the secrets it knows: a secret that is gone, or
// whose credentials the upstream refuses (PutSecret with valid=false),
// makes the rule invalid.
func (s *ECRService) validateRule(in ecrRuleInput) (any, *APIError) {
	if aerr := s.checkRegistry(in.RegistryID); aerr != nil {
		return nil, aerr
	}
	if aerr := checkECRPrefix("ecrRepositoryPrefix", in.EcrRepositoryPrefix); aerr != nil {
		return nil, aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.rules[in.EcrRepositoryPrefix]
	if !ok {
		return nil, errECRRuleNotFound("for prefix '" + in.EcrRepositoryPrefix + "'")
	}
	out := ecrValidateJSON{ecrRuleJSON: s.ruleJSON(r), IsValid: true}
	out.UpstreamRegistry, out.CreatedAt, out.UpdatedAt = "", nil, nil
	if r.CredentialARN != "" {
		valid, known := s.secrets[r.CredentialARN]
		switch {
		case !known:
			out.IsValid = false
			out.Failure = fmt.Sprintf("Secrets Manager secret %s could not be found. Make sure the secret exists in the same Region as the rule.", r.CredentialARN)
		case !valid:
			out.IsValid = false
			out.Failure = fmt.Sprintf("Authentication with upstream registry %s failed using the credentials in secret %s (401 Unauthorized).", r.UpstreamURL, r.CredentialARN)
		}
	}
	return out, nil
}

func (s *ECRService) ruleJSON(r *ecrRule) ecrRuleJSON {
	created, updated := ecrEpoch(r.CreatedAt), ecrEpoch(r.UpdatedAt)
	return ecrRuleJSON{
		EcrRepositoryPrefix: r.Prefix, RegistryID: s.emu.opts.AccountID,
		UpstreamRegistryURL: r.UpstreamURL, UpstreamRegistry: r.Upstream,
		UpstreamRepositoryPrefix: r.UpstreamPrefix, CredentialArn: r.CredentialARN,
		CustomRoleArn: r.CustomRoleARN, CreatedAt: &created, UpdatedAt: &updated,
	}
}

// ecrEpoch renders a timestamp as awsJson's default epoch seconds.
func ecrEpoch(t time.Time) float64 { return float64(t.UnixMilli()) / 1000 }

func ecrDeref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
