package repositorytemplate

import (
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/configvalue"
)

func set(v string) configvalue.Value { return configvalue.Set(v) }

// valid is a template that breaks no rule.
func valid() Spec {
	return Spec{
		Prefix:             set("docker-hub"),
		AppliedFor:         []configvalue.Value{set("PULL_THROUGH_CACHE")},
		CustomRoleARN:      set("arn:aws:iam::123456789012:role/ecr-templates"),
		EncryptionType:     set("KMS"),
		KMSKey:             set("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
		ImageTagMutability: set("IMMUTABLE_WITH_EXCLUSION"),
		ExclusionFilters:   []ExclusionFilter{{Filter: set("latest"), FilterType: set("WILDCARD")}},
		LifecyclePolicy:    set(`{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":7},"action":{"type":"expire"}}]}`),
		RepositoryPolicy:   set(`{"Version":"2012-10-17","Statement":[]}`),
		ResourceTags:       map[string]configvalue.Value{"team": set("platform")},
	}
}

func TestValidate(t *testing.T) {
	if ps := Validate(valid()); len(ps) != 0 {
		t.Fatalf("valid template: %v", ps)
	}
	for name, tc := range map[string]struct {
		edit       func(*Spec)
		path, want string
	}{
		"short prefix":        {func(s *Spec) { s.Prefix = set("a") }, "prefix", "must be 2-256"},
		"trailing slash":      {func(s *Spec) { s.Prefix = set("team/") }, "prefix", "without a trailing '/'"},
		"applied for":         {func(s *Spec) { s.AppliedFor = []configvalue.Value{set("PULL")} }, "applied_for", "PULL_THROUGH_CACHE"},
		"role":                {func(s *Spec) { s.CustomRoleARN = set("arn:aws:iam::123456789012:user/x") }, "custom_role_arn", "not an IAM role ARN"},
		"description":         {func(s *Spec) { s.Description = set(strings.Repeat("d", 257)) }, "description", "at most 256"},
		"encryption type":     {func(s *Spec) { s.EncryptionType = set("SSE") }, "encryption_configuration[0].encryption_type", "AES256"},
		"key with AES256":     {func(s *Spec) { s.EncryptionType = set("AES256") }, "encryption_configuration[0].kms_key", "only used with encryption_type KMS"},
		"key alias":           {func(s *Spec) { s.KMSKey = set("alias/ecr") }, "encryption_configuration[0].kms_key", "full ARN"},
		"mutability":          {func(s *Spec) { s.ImageTagMutability = set("FROZEN") }, "image_tag_mutability", "not a tag mutability"},
		"filters without":     {func(s *Spec) { s.ImageTagMutability = set("IMMUTABLE") }, "image_tag_mutability_exclusion_filter", "only apply with"},
		"exclusion no filter": {func(s *Spec) { s.ExclusionFilters = nil }, "image_tag_mutability", "at least one"},
		"filter pattern":      {func(s *Spec) { s.ExclusionFilters[0].Filter = set("a b") }, "image_tag_mutability_exclusion_filter[0].filter", "wildcards"},
		"filter type":         {func(s *Spec) { s.ExclusionFilters[0].FilterType = set("REGEX") }, "image_tag_mutability_exclusion_filter[0].filter_type", "WILDCARD"},
		"repository policy":   {func(s *Spec) { s.RepositoryPolicy = set("[1]") }, "repository_policy", "JSON object"},
		"reserved tag":        {func(s *Spec) { s.ResourceTags["aws:x"] = set("y") }, "resource_tags", "reserved for AWS"},
		"lifecycle":           {func(s *Spec) { s.LifecyclePolicy = set(`{"rules":[]}`) }, "lifecycle_policy", "no rules"},
	} {
		s := valid()
		s.ExclusionFilters = append([]ExclusionFilter(nil), s.ExclusionFilters...)
		tc.edit(&s)
		ps := Validate(s)
		if len(ps) != 1 || ps[0].Path.String() != tc.path || !strings.Contains(ps[0].Message, tc.want) {
			t.Errorf("%s: got %v, want one problem at %s containing %q", name, ps, tc.path, tc.want)
		}
	}
	// Unknown values are left for the next plan.
	unknown := Spec{Prefix: configvalue.Unknown(), KMSKey: configvalue.Unknown(), LifecyclePolicy: configvalue.Unknown(), ImageTagMutability: configvalue.Unknown(),
		ExclusionFilters: []ExclusionFilter{{Filter: configvalue.Unknown(), FilterType: configvalue.Unknown()}}}
	if ps := Validate(unknown); len(ps) != 0 {
		t.Errorf("unknown values: %v", ps)
	}
}

func TestValidateLifecyclePolicy(t *testing.T) {
	rule := func(prio, selection, action string) string {
		return `{"rulePriority":` + prio + `,"selection":` + selection + `,"action":{"type":"` + action + `"}}`
	}
	untagged := `{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":7}`
	anyCount := `{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":100}`
	policy := func(rules ...string) string { return `{"rules":[` + strings.Join(rules, ",") + `]}` }
	if ps := ValidateLifecyclePolicy(policy(rule("1", untagged, "expire"), rule("2", anyCount, "expire"))); len(ps) != 0 {
		t.Fatalf("valid policy: %v", ps)
	}
	for name, tc := range map[string]struct{ doc, want string }{
		"not json":         {`{"rules":`, "Not a lifecycle policy document"},
		"unknown field":    {`{"rules":[],"extra":1}`, "unknown field"},
		"fractional prio":  {policy(rule("1.5", untagged, "expire")), "rulePriority must be a whole number"},
		"zero prio":        {policy(rule("0", untagged, "expire")), "rulePriority must be a whole number"},
		"duplicate prio":   {policy(rule("1", untagged, "expire"), rule("1", anyCount, "expire")), "also the priority of rules[0]"},
		"huge count":       {policy(rule("1", `{"tagStatus":"untagged","countType":"imageCountMoreThan","countNumber":1e12}`, "expire")), "countNumber must be a whole number"},
		"fractional count": {policy(rule("1", `{"tagStatus":"untagged","countType":"imageCountMoreThan","countNumber":2.5}`, "expire")), "countNumber must be a whole number"},
		"days unit":        {policy(rule("1", `{"tagStatus":"untagged","countType":"sinceImagePushed","countNumber":7}`, "expire")), "countUnit must be \"days\""},
		"count with unit":  {policy(rule("1", `{"tagStatus":"untagged","countType":"imageCountMoreThan","countUnit":"days","countNumber":7}`, "expire")), "countUnit is not allowed"},
		"tagged no prefix": {policy(rule("1", `{"tagStatus":"tagged","countType":"imageCountMoreThan","countNumber":7}`, "expire")), "needs a tagPrefixList"},
		"bad action":       {policy(rule("1", untagged, "delete")), "action.type"},
		"any not last":     {policy(rule("1", anyCount, "expire"), rule("2", untagged, "expire")), "must have the highest rulePriority"},
		"bad status":       {policy(rule("1", `{"tagStatus":"old","countType":"imageCountMoreThan","countNumber":7}`, "expire")), "tagStatus \"old\""},
		"too long":         {strings.Repeat(" ", MaxLifecyclePolicy+1), "at most 30720"},
	} {
		ps := ValidateLifecyclePolicy(tc.doc)
		if len(ps) == 0 || ps[0].Path.String() != "lifecycle_policy" || !strings.Contains(ps[0].Message, tc.want) {
			t.Errorf("%s: got %v, want a lifecycle_policy problem containing %q", name, ps, tc.want)
		}
	}
}

func TestCheckKMSKeyRegionAndCustomRole(t *testing.T) {
	key := set("arn:aws:kms:eu-west-1:123456789012:key/abc")
	if ps := CheckKMSKeyRegion(key, "us-east-1"); len(ps) != 1 || !strings.Contains(ps[0].Message, "in eu-west-1, not in the provider's Region us-east-1") {
		t.Errorf("other Region: %v", ps)
	}
	if ps := CheckKMSKeyRegion(key, "eu-west-1"); len(ps) != 0 {
		t.Errorf("same Region: %v", ps)
	}
	if ps := NeedsCustomRole(configvalue.Unset(), true, configvalue.Unset()); len(ps) != 1 || !ps[0].Warning || !strings.Contains(ps[0].Message, "resource tags") {
		t.Errorf("tags without a role: %v", ps)
	}
	if ps := NeedsCustomRole(configvalue.Unset(), false, set("KMS")); len(ps) != 1 || !strings.Contains(ps[0].Message, "KMS") {
		t.Errorf("KMS without a role: %v", ps)
	}
	for _, role := range []configvalue.Value{set("arn:aws:iam::123456789012:role/x"), configvalue.Unknown()} {
		if ps := NeedsCustomRole(role, true, set("KMS")); len(ps) != 0 {
			t.Errorf("with a role: %v", ps)
		}
	}
	if ps := NeedsCustomRole(configvalue.Unset(), false, set("AES256")); len(ps) != 0 {
		t.Errorf("nothing needs a role: %v", ps)
	}
}
