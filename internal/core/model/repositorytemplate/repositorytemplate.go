// Package repositorytemplate holds the rules of ECR repository creation
// templates as CreateRepositoryCreationTemplate enforces them (service/ecr
// v1.67.6 and the ECR API reference), in pure Go, so the Terraform
// resource reports every broken rule at plan time with the attribute and
// the fix. A template gives the repositories ECR creates itself (through
// a pull-through cache rule, replication or create-on-push) their
// settings, such as a lifecycle policy that keeps a cache from growing
// without limit.
package repositorytemplate

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/configvalue"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// Limits of the API reference.
const (
	Root                  = "ROOT"
	MinPrefixLength       = 2
	MaxPrefixLength       = 256
	MaxDescription        = 256
	MaxCustomRoleARN      = 2048
	MaxRepositoryPolicy   = 10240
	MaxResourceTags       = 50
	MaxExclusionFilters   = 5
	MaxExclusionFilter    = 128
	MaxTagKeyLength       = 128
	MaxTagValueLength     = 256
	EncryptionAES256      = "AES256"
	EncryptionKMS         = "KMS"
	EncryptionKMSDSSE     = "KMS_DSSE"
	MutabilityMutable     = "MUTABLE"
	ExclusionTypeWildcard = "WILDCARD"
)

// Enumerations of the API (types.RCTAppliedFor, EncryptionType,
// ImageTagMutability, ImageTagMutabilityExclusionFilterType).
var (
	AppliedForValues     = []string{"PULL_THROUGH_CACHE", "REPLICATION", "CREATE_ON_PUSH"}
	EncryptionTypes      = []string{EncryptionAES256, EncryptionKMS, EncryptionKMSDSSE}
	TagMutabilities      = []string{MutabilityMutable, "IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION", "MUTABLE_WITH_EXCLUSION"}
	ExclusionFilterTypes = []string{ExclusionTypeWildcard}
)

var (
	prefixPattern          = regexp.MustCompile(`^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$`)
	roleARNPattern         = regexp.MustCompile(`^arn:aws[-a-z0-9]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$`)
	kmsKeyARNPattern       = regexp.MustCompile(`^arn:aws[-a-z0-9]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$`)
	exclusionFilterPattern = regexp.MustCompile(`^[a-zA-Z0-9._*-]+$`)
)

// ExclusionFilter is an image_tag_mutability_exclusion_filter block.
type ExclusionFilter struct{ Filter, FilterType configvalue.Value }

// Spec is a template as configured. Encryption values are Unset when the
// block is absent.
type Spec struct {
	Prefix             configvalue.Value
	AppliedFor         []configvalue.Value
	CustomRoleARN      configvalue.Value
	Description        configvalue.Value
	EncryptionType     configvalue.Value
	KMSKey             configvalue.Value
	ImageTagMutability configvalue.Value
	ExclusionFilters   []ExclusionFilter
	LifecyclePolicy    configvalue.Value
	RepositoryPolicy   configvalue.Value
	ResourceTags       map[string]configvalue.Value
}

// Validate reports every way the spec breaks the API's rules; paths are
// the resource's attribute and block names.
func Validate(s Spec) problem.List {
	var ps problem.List
	if s.Prefix.Present() {
		ps = append(ps, CheckPrefix(s.Prefix.V)...)
	}
	for _, a := range s.AppliedFor {
		if a.Present() && !slices.Contains(AppliedForValues, a.V) {
			ps.Addf(problem.Path{"applied_for"}, "%q is not a repository creation scenario: use PULL_THROUGH_CACHE (repositories a pull-through cache rule creates), REPLICATION or CREATE_ON_PUSH.", a.V)
		}
	}
	if r := s.CustomRoleARN; r.Present() && (len(r.V) > MaxCustomRoleARN || !roleARNPattern.MatchString(r.V)) {
		ps.Addf(problem.Path{"custom_role_arn"}, "%q is not an IAM role ARN: use the form arn:aws:iam::<account>:role/<name> (at most %d characters), a role in the registry's account that ECR can assume.", r.V, MaxCustomRoleARN)
	}
	if d := s.Description; d.Present() && len(d.V) > MaxDescription {
		ps.Addf(problem.Path{"description"}, "The description is %d characters; at most %d.", len(d.V), MaxDescription)
	}
	checkEncryption(&ps, s)
	checkMutability(&ps, s)
	if p := s.LifecyclePolicy; p.Present() {
		ps = append(ps, ValidateLifecyclePolicy(p.V)...)
	}
	if p := s.RepositoryPolicy; p.Present() {
		var doc map[string]any
		switch {
		case len(p.V) > MaxRepositoryPolicy:
			ps.Addf(problem.Path{"repository_policy"}, "The policy is %d characters; at most %d.", len(p.V), MaxRepositoryPolicy)
		case json.Unmarshal([]byte(p.V), &doc) != nil:
			ps.Addf(problem.Path{"repository_policy"}, "The repository policy must be a JSON object (an IAM policy document); build it with jsonencode() or aws_iam_policy_document.")
		}
	}
	ps = append(ps, CheckTags("resource_tags", s.ResourceTags)...)
	return ps
}

// CheckPrefix checks a template prefix: ROOT, or 2-256 characters of
// lowercase path segments.
func CheckPrefix(p string) problem.List {
	var ps problem.List
	switch {
	case p == Root:
	case len(p) < MinPrefixLength || len(p) > MaxPrefixLength:
		ps.Addf(problem.Path{"prefix"}, "%q is %d characters; a template prefix must be %d-%d characters, or ROOT for every repository without a template of its own.", p, len(p), MinPrefixLength, MaxPrefixLength)
	case !prefixPattern.MatchString(p):
		ps.Addf(problem.Path{"prefix"}, "%q is not a valid prefix: use lowercase letters and digits separated by single '.', '_', '-' or '/' (e.g. docker-hub, the ecr_repository_prefix of a pull-through cache rule), without a trailing '/'; or ROOT.", p)
	}
	return ps
}

func checkEncryption(ps *problem.List, s Spec) {
	t, key := s.EncryptionType, s.KMSKey
	if t.Present() && !slices.Contains(EncryptionTypes, t.V) {
		ps.Addf(problem.Path{"encryption_configuration", 0, "encryption_type"}, "%q is not an encryption type: use AES256 (the default), KMS or KMS_DSSE.", t.V)
	}
	if !key.Present() {
		return
	}
	switch {
	case t.Present() && t.V == EncryptionAES256, t.Known && t.Null:
		ps.Addf(problem.Path{"encryption_configuration", 0, "kms_key"}, "A kms_key is only used with encryption_type KMS or KMS_DSSE: set encryption_type = \"KMS\", or remove kms_key.")
	case !kmsKeyARNPattern.MatchString(key.V):
		ps.Addf(problem.Path{"encryption_configuration", 0, "kms_key"}, "%q is not the full ARN of a KMS key: use arn:aws:kms:<region>:<account>:key/<id> (aliases and key IDs are not accepted).", key.V)
	}
}

func checkMutability(ps *problem.List, s Spec) {
	m := s.ImageTagMutability
	if m.Present() && !slices.Contains(TagMutabilities, m.V) {
		ps.Addf(problem.Path{"image_tag_mutability"}, "%q is not a tag mutability: use MUTABLE (the default), IMMUTABLE, IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION.", m.V)
		return
	}
	withExclusion := m.Present() && strings.HasSuffix(m.V, "_WITH_EXCLUSION")
	switch {
	case len(s.ExclusionFilters) > 0 && m.Known && !withExclusion:
		ps.Addf(problem.Path{"image_tag_mutability_exclusion_filter"}, "Exclusion filters only apply with image_tag_mutability IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION: set one of them, or remove the filters.")
	case withExclusion && len(s.ExclusionFilters) == 0:
		ps.Addf(problem.Path{"image_tag_mutability"}, "%s needs at least one image_tag_mutability_exclusion_filter block naming the tags it exempts.", m.V)
	case len(s.ExclusionFilters) > MaxExclusionFilters:
		ps.Addf(problem.Path{"image_tag_mutability_exclusion_filter"}, "%d exclusion filters; at most %d.", len(s.ExclusionFilters), MaxExclusionFilters)
	}
	for i, f := range s.ExclusionFilters {
		if f.Filter.Present() && (len(f.Filter.V) > MaxExclusionFilter || !exclusionFilterPattern.MatchString(f.Filter.V)) {
			ps.Addf(problem.Path{"image_tag_mutability_exclusion_filter", i, "filter"}, "%q: a filter is 1-%d letters, digits, '.', '_', '-' and '*' wildcards (e.g. latest or dev-*).", f.Filter.V, MaxExclusionFilter)
		}
		if f.FilterType.Present() && !slices.Contains(ExclusionFilterTypes, f.FilterType.V) {
			ps.Addf(problem.Path{"image_tag_mutability_exclusion_filter", i, "filter_type"}, "%q is not a filter type: use WILDCARD.", f.FilterType.V)
		}
	}
}

// CheckTags checks the tags ECR puts on the repositories it creates, at
// attribute attr.
func CheckTags(attr string, tags map[string]configvalue.Value) problem.List {
	var ps problem.List
	if len(tags) > MaxResourceTags {
		ps.Addf(problem.Path{attr}, "%d tags; a template can give at most %d.", len(tags), MaxResourceTags)
	}
	for k, v := range tags {
		switch {
		case len(k) < 1 || len(k) > MaxTagKeyLength:
			ps.Addf(problem.Path{attr}, "Tag key %q must be 1-%d characters.", k, MaxTagKeyLength)
		case strings.HasPrefix(strings.ToLower(k), "aws:"):
			ps.Addf(problem.Path{attr}, "Tag key %q: keys starting with aws: are reserved for AWS; rename it.", k)
		}
		if v.Present() && len(v.V) > MaxTagValueLength {
			ps.Addf(problem.Path{attr}, "Tag %q: the value must be at most %d characters.", k, MaxTagValueLength)
		}
	}
	return ps
}

// CheckKMSKeyRegion reports a KMS key outside region (the provider's,
// where the template is made): ECR only encrypts with keys of the
// registry's own Region.
func CheckKMSKeyRegion(kmsKey configvalue.Value, region string) problem.List {
	var ps problem.List
	if !kmsKey.Present() || region == "" {
		return ps
	}
	if parts := strings.SplitN(kmsKey.V, ":", 5); len(parts) == 5 && parts[3] != "" && parts[3] != region {
		ps.Addf(problem.Path{"encryption_configuration", 0, "kms_key"}, "The KMS key %q is in %s, not in the provider's Region %s, where the template is made: ECR only uses keys of the registry's Region. Use a key (or a multi-Region replica) in %s.",
			kmsKey.V, parts[3], region, region)
	}
	return ps
}

// NeedsCustomRole warns when ECR needs a custom role the template lacks:
// the repositories it creates are tagged and encrypted with KMS by a role
// of the user's (the ECR User Guide, "Creating a repository creation
// template"), not by the service-linked role.
func NeedsCustomRole(customRole configvalue.Value, tagged bool, encryptionType configvalue.Value) problem.List {
	var ps problem.List
	if !customRole.Known || !customRole.Null {
		return ps
	}
	kms := encryptionType.Present() && encryptionType.V != EncryptionAES256
	if tagged || kms {
		what := map[bool]string{true: "resource tags", false: "KMS encryption"}[tagged]
		ps.Warnf(problem.Path{"custom_role_arn"}, "The template sets %s, which ECR applies to the repositories it creates only through a custom role: set custom_role_arn to a role ECR can assume (trust ecr.amazonaws.com; ecr:CreateRepository, ecr:ReplicateImage, ecr:TagResource, and kms:CreateGrant, kms:RetireGrant, kms:DescribeKey for KMS).", what)
	}
	return ps
}
