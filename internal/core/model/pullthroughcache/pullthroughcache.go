// Package pullthroughcache holds the rules of ECR pull-through cache rules, as the
// real API enforces them, in pure Go: which upstream a URL is, what each
// upstream needs, prefix and ARN shapes, and the least-privilege policy
// nodes need to pull through a rule. The Terraform resource runs them at
// plan time so bad input never reaches the API.
package pullthroughcache

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/configvalue"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// Root is the prefix that matches every repository.
const Root = "ROOT"

// SecretNamePrefix is the name prefix ECR requires of upstream credential secrets.
const SecretNamePrefix = "ecr-pullthroughcache/"

// Upstream registries (the API's UpstreamRegistry enum).
const (
	UpstreamECR        = "ecr"
	UpstreamECRPublic  = "ecr-public"
	UpstreamQuay       = "quay"
	UpstreamK8s        = "k8s"
	UpstreamDockerHub  = "docker-hub"
	UpstreamGitHub     = "github-container-registry"
	UpstreamAzure      = "azure-container-registry"
	UpstreamGitLab     = "gitlab-container-registry"
	UpstreamChainguard = "chainguard"
)

// KnownURLs lists the fixed upstream URLs (Azure and ECR vary by account).
var KnownURLs = map[string]string{
	"registry-1.docker.io": UpstreamDockerHub,
	"public.ecr.aws":       UpstreamECRPublic,
	"quay.io":              UpstreamQuay,
	"registry.k8s.io":      UpstreamK8s,
	"ghcr.io":              UpstreamGitHub,
	"registry.gitlab.com":  UpstreamGitLab,
	"cgr.dev":              UpstreamChainguard,
}

var (
	prefixPattern     = regexp.MustCompile(`^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$`)
	privateECRPattern = regexp.MustCompile(`^[0-9]{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$`)
	azurePattern      = regexp.MustCompile(`^[a-z0-9]{5,50}\.azurecr\.io$`)
	secretARNPattern  = regexp.MustCompile(`^arn:aws(-[a-z-]+)?:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:(.+)$`)
	roleARNPattern    = regexp.MustCompile(`^arn:aws(-[a-z-]+)?:iam::[0-9]{12}:role/[A-Za-z0-9/_+=,.@-]+$`)
)

// UpstreamFor maps an upstream registry URL to the API's UpstreamRegistry.
func UpstreamFor(url string) (string, bool) {
	if u, ok := KnownURLs[url]; ok {
		return u, true
	}
	switch {
	case azurePattern.MatchString(url):
		return UpstreamAzure, true
	case privateECRPattern.MatchString(url):
		return UpstreamECR, true
	}
	return "", false
}

// NeedsCredential: Docker Hub, GitHub, Azure and GitLab refuse anonymous pulls.
func NeedsCredential(upstream string) bool {
	switch upstream {
	case UpstreamDockerHub, UpstreamGitHub, UpstreamAzure, UpstreamGitLab:
		return true
	}
	return false
}

// AllowsCredential: Quay and Chainguard take an optional credential too.
func AllowsCredential(upstream string) bool {
	return NeedsCredential(upstream) || upstream == UpstreamQuay || upstream == UpstreamChainguard
}

// NeedsRole: an ECR-to-ECR rule reads the upstream through an IAM role.
func NeedsRole(upstream string) bool { return upstream == UpstreamECR }

// Spec is a rule as configured.
type Spec struct {
	EcrRepositoryPrefix      configvalue.Value
	UpstreamRegistryURL      configvalue.Value
	UpstreamRepositoryPrefix configvalue.Value
	CredentialARN            configvalue.Value
	CustomRoleARN            configvalue.Value
}

// Validate reports every way the spec breaks the API's rules; paths are the
// resource's attribute names.
func Validate(s Spec) problem.List {
	var ps problem.List
	if s.EcrRepositoryPrefix.Present() {
		checkPrefix(&ps, "ecr_repository_prefix", s.EcrRepositoryPrefix.V)
	}
	if s.UpstreamRepositoryPrefix.Present() {
		checkPrefix(&ps, "upstream_repository_prefix", s.UpstreamRepositoryPrefix.V)
	}
	if s.CredentialARN.Present() {
		checkSecretARN(&ps, s.CredentialARN.V)
	}
	if s.CustomRoleARN.Present() && !roleARNPattern.MatchString(s.CustomRoleARN.V) {
		ps.Addf(problem.Path{"custom_role_arn"}, "%q is not an IAM role ARN: use the form arn:aws:iam::123456789012:role/<name>.", s.CustomRoleARN.V)
	}
	if !s.UpstreamRegistryURL.Present() {
		return ps
	}
	url := s.UpstreamRegistryURL.V
	upstream, ok := UpstreamFor(url)
	if !ok {
		msg := fmt.Sprintf("%q is not an upstream registry ECR can cache.", url)
		switch {
		case strings.Contains(url, "://") || strings.HasSuffix(url, "/"):
			msg += " Give the host name only, without scheme or path (e.g. registry-1.docker.io)."
		case url == "docker.io" || url == "index.docker.io":
			msg += " For Docker Hub use registry-1.docker.io."
		default:
			msg += " Use one of registry-1.docker.io, public.ecr.aws, quay.io, registry.k8s.io, ghcr.io, registry.gitlab.com, cgr.dev, <name>.azurecr.io or <account>.dkr.ecr.<region>.amazonaws.com."
		}
		ps.Addf(problem.Path{"upstream_registry_url"}, "%s", msg)
		return ps
	}
	cred, role := s.CredentialARN, s.CustomRoleARN
	switch {
	case NeedsCredential(upstream) && cred.Known && cred.Null:
		ps.Addf(problem.Path{"credential_arn"}, "Upstream %s (%s) needs credentials: set credential_arn to a Secrets Manager secret named %s<name> holding {\"username\", \"accessToken\"}.", upstream, url, SecretNamePrefix)
	case !AllowsCredential(upstream) && cred.Present():
		ps.Addf(problem.Path{"credential_arn"}, "Upstream %s (%s) does not take credentials: remove credential_arn%s.", upstream, url, map[bool]string{true: " and use custom_role_arn", false: ""}[NeedsRole(upstream)])
	}
	switch {
	case NeedsRole(upstream) && role.Known && role.Null:
		ps.Addf(problem.Path{"custom_role_arn"}, "An ECR-to-ECR rule (%s) needs custom_role_arn: the ARN of an IAM role ECR assumes to read the upstream registry.", url)
	case !NeedsRole(upstream) && role.Present():
		ps.Addf(problem.Path{"custom_role_arn"}, "custom_role_arn is only for ECR upstream registries, not %s (%s): remove it.", upstream, url)
	}
	return ps
}

func checkPrefix(ps *problem.List, attr, p string) {
	if p == Root {
		return
	}
	if len(p) < 2 || len(p) > 30 {
		ps.Addf(problem.Path{attr}, "%q is %d characters; a repository prefix must be 2-30 characters (or ROOT for every repository).", p, len(p))
		return
	}
	if !prefixPattern.MatchString(p) {
		ps.Addf(problem.Path{attr}, "%q is not a valid repository prefix: use lowercase letters and digits, separated by single '.', '_', '-' or '/' (e.g. docker-hub or team/images), without a leading or trailing separator; or ROOT.", p)
	}
}

func checkSecretARN(ps *problem.List, arn string) {
	m := secretARNPattern.FindStringSubmatch(arn)
	if m == nil {
		ps.Addf(problem.Path{"credential_arn"}, "%q is not a Secrets Manager secret ARN: use the form arn:aws:secretsmanager:<region>:<account>:secret:%s<name>.", arn, SecretNamePrefix)
		return
	}
	if !strings.HasPrefix(m[2], SecretNamePrefix) {
		ps.Addf(problem.Path{"credential_arn"}, "The secret %q is not usable by ECR: a pull-through cache secret's name must start with %q. Create it as %s%s and point credential_arn at it.", m[2], SecretNamePrefix, SecretNamePrefix, m[2])
	}
}

// CheckSecretRegion reports a credential secret outside region (the
// provider's, where the rule is made): ECR only reads secrets in the
// rule's own Region, so the rule would fail to pull.
func CheckSecretRegion(credentialARN configvalue.Value, region string) problem.List {
	var ps problem.List
	if !credentialARN.Present() || region == "" {
		return ps
	}
	if at := ARNRegion(credentialARN.V); at != "" && at != region {
		ps.Addf(problem.Path{"credential_arn"}, "The secret %q is in %s, not in the provider's Region %s, where the rule is made: ECR reads pull-through cache secrets in the rule's own Region. Create the secret in %s (named %s<name>), or configure the provider for %s.",
			credentialARN.V, at, region, region, SecretNamePrefix, at)
	}
	return ps
}

// ARNRegion is the Region field of an ARN (arn:partition:service:region:...),
// "" when arn is not an ARN or has none (IAM).
func ARNRegion(arn string) string {
	parts := strings.SplitN(arn, ":", 5)
	if len(parts) < 5 || parts[0] != "arn" {
		return ""
	}
	return parts[3]
}

// RequiresReplaceOnRemoval: the update API sets credentials and roles but
// cannot clear them, so removing one recreates the rule.
func RequiresReplaceOnRemoval(old, new configvalue.Value) bool {
	return old.Present() && new.Known && new.Null
}
