package ecr

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/ecr/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/server"
)

// Repository creation templates: the settings ECR gives the repositories
// it creates itself (through a pull-through cache rule, replication or
// create-on-push), so cached repositories get a lifecycle policy and do
// not grow without limit.
//
// Sources: the service/ecr v1.67.6 types (RepositoryCreationTemplate,
// Create/Update/Describe/DeleteRepositoryCreationTemplateInput and their
// doc comments) and the ECR API reference (RepositoryCreationTemplate:
// description at most 256, customRoleArn at most 2048 characters; the
// prefix's 2-256 characters and pattern as hashicorp/aws validates them;
// repository lifecycle policies' 30720 characters and rule fields).

// template is one repository creation template.
type template struct {
	types.RepositoryCreationTemplate
}

const (
	maxTemplateDescription = 256
	maxCustomRoleARN       = 2048
	maxLifecyclePolicy     = 30720
	maxRepositoryPolicy    = 10240
	maxTemplateTags        = 50
	maxExclusionFilters    = 5
)

var (
	templatePrefixPattern   = regexp.MustCompile(`^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$`)
	kmsKeyARNPattern        = regexp.MustCompile(`^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$`)
	exclusionFilterPattern  = regexp.MustCompile(`^[a-zA-Z0-9._*-]{1,128}$`)
	appliedForValues        = types.RCTAppliedFor("").Values()
	encryptionTypes         = types.EncryptionType("").Values()
	tagMutabilities         = types.ImageTagMutability("").Values()
	exclusionFilterTypes    = types.ImageTagMutabilityExclusionFilterType("").Values()
	lifecycleTagStatuses    = []string{"tagged", "untagged", "any"}
	lifecycleCountTypes     = []string{"imageCountMoreThan", "sinceImagePushed"}
	lifecycleStorageClasses = []string{"standard", "archive"}
)

func errTemplateExists(prefix string) *server.APIError {
	return server.NewAPIError(http.StatusBadRequest, "TemplateAlreadyExistsException",
		"The repository creation template with prefix '"+prefix+"' already exists in the registry")
}

func errTemplateNotFound(prefix, registry string) *server.APIError {
	return server.NewAPIError(http.StatusBadRequest, "TemplateNotFoundException",
		"The repository creation template with prefix '"+prefix+"' does not exist in the registry with id '"+registry+"'")
}

func errInvalidTag(msg string) *server.APIError {
	return server.NewAPIError(http.StatusBadRequest, "InvalidTagParameterException", msg)
}

func errTooManyTags() *server.APIError {
	return server.NewAPIError(http.StatusBadRequest, "TooManyTagsException", fmt.Sprintf("A template can have at most %d resource tags.", maxTemplateTags))
}

func checkTemplatePrefix(p string) *server.APIError {
	if p == "ROOT" || (len(p) >= 2 && len(p) <= 256 && templatePrefixPattern.MatchString(p)) {
		return nil
	}
	return errValidation(fmt.Sprintf("1 validation error detected: Value '%s' at 'prefix' failed to satisfy constraint: Member must have length between 2 and 256 and match pattern (?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*, or be ROOT", p))
}

func oneOf[T ~string](member string, v T, allowed []T) *server.APIError {
	if slices.Contains(allowed, v) {
		return nil
	}
	return errValidation(fmt.Sprintf("1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member must satisfy enum value set: %v", v, member, allowed))
}

// templateFields are the settable members shared by Create and Update.
type templateFields struct {
	AppliedFor         []types.RCTAppliedFor
	CustomRoleArn      *string
	Description        *string
	Encryption         *types.EncryptionConfigurationForRepositoryCreationTemplate
	TagMutability      types.ImageTagMutability
	ExclusionFilters   []types.ImageTagMutabilityExclusionFilter
	LifecyclePolicy    *string
	RepositoryPolicy   *string
	ResourceTags       []types.Tag
	appliedForRequired bool
}

// check validates the members that are set.
func (s *Service) checkTemplate(f templateFields) *server.APIError {
	if f.AppliedFor != nil || f.appliedForRequired {
		if len(f.AppliedFor) == 0 {
			return errValidation("1 validation error detected: Value at 'appliedFor' failed to satisfy constraint: Member must have at least 1 element (REPLICATION, PULL_THROUGH_CACHE or CREATE_ON_PUSH)")
		}
		for _, a := range f.AppliedFor {
			if aerr := oneOf("appliedFor", a, appliedForValues); aerr != nil {
				return aerr
			}
		}
	}
	if d := f.Description; d != nil && len(*d) > maxTemplateDescription {
		return errValidation(fmt.Sprintf("1 validation error detected: Value at 'description' failed to satisfy constraint: Member must have length less than or equal to %d", maxTemplateDescription))
	}
	if r := aws.ToString(f.CustomRoleArn); r != "" {
		switch {
		case len(r) > maxCustomRoleARN || !ecrRoleARNPattern.MatchString(r):
			return errValidation(fmt.Sprintf("1 validation error detected: Value '%s' at 'customRoleArn' failed to satisfy constraint: Member must be an IAM role ARN of at most %d characters", r, maxCustomRoleARN))
		case !strings.Contains(r, ":"+s.env.AccountID+":"):
			return errInvalidParameter(fmt.Sprintf("Invalid parameter at 'customRoleArn': the role %s must be in the registry's account %s", r, s.env.AccountID))
		}
	}
	if e := f.Encryption; e != nil {
		if aerr := oneOf("encryptionConfiguration.encryptionType", e.EncryptionType, encryptionTypes); aerr != nil {
			return aerr
		}
		key := aws.ToString(e.KmsKey)
		switch {
		case key != "" && e.EncryptionType == types.EncryptionTypeAes256:
			return errInvalidParameter("Invalid parameter at 'encryptionConfiguration': a kmsKey can only be given with encryptionType KMS or KMS_DSSE, not AES256")
		case key != "" && !kmsKeyARNPattern.MatchString(key):
			return errInvalidParameter(fmt.Sprintf("Invalid parameter at 'encryptionConfiguration.kmsKey': '%s' is not the full ARN of a KMS key", key))
		case key != "" && !strings.Contains(key, ":"+s.env.Region+":"):
			return errInvalidParameter(fmt.Sprintf("Invalid parameter at 'encryptionConfiguration.kmsKey': the key must be in the registry's Region %s", s.env.Region))
		}
	}
	if f.TagMutability != "" {
		if aerr := oneOf("imageTagMutability", f.TagMutability, tagMutabilities); aerr != nil {
			return aerr
		}
	}
	withExclusion := strings.HasSuffix(string(f.TagMutability), "_WITH_EXCLUSION")
	switch {
	case len(f.ExclusionFilters) > 0 && !withExclusion:
		return errInvalidParameter("Invalid parameter: imageTagMutabilityExclusionFilters can only be used with imageTagMutability IMMUTABLE_WITH_EXCLUSION or MUTABLE_WITH_EXCLUSION")
	case withExclusion && len(f.ExclusionFilters) == 0:
		return errInvalidParameter("Invalid parameter: imageTagMutability " + string(f.TagMutability) + " needs at least one imageTagMutabilityExclusionFilter")
	case len(f.ExclusionFilters) > maxExclusionFilters:
		return errValidation(fmt.Sprintf("1 validation error detected: Value at 'imageTagMutabilityExclusionFilters' failed to satisfy constraint: Member must have at most %d elements", maxExclusionFilters))
	}
	for _, ef := range f.ExclusionFilters {
		if aerr := oneOf("imageTagMutabilityExclusionFilters.filterType", ef.FilterType, exclusionFilterTypes); aerr != nil {
			return aerr
		}
		if !exclusionFilterPattern.MatchString(aws.ToString(ef.Filter)) {
			return errValidation(fmt.Sprintf("1 validation error detected: Value '%s' at 'imageTagMutabilityExclusionFilters.filter' failed to satisfy constraint: Member must have length between 1 and 128 and match pattern ^[a-zA-Z0-9._*-]+$", aws.ToString(ef.Filter)))
		}
	}
	if p := f.LifecyclePolicy; p != nil {
		if aerr := checkLifecyclePolicy(*p); aerr != nil {
			return aerr
		}
	}
	if p := f.RepositoryPolicy; p != nil {
		var doc map[string]any
		if len(*p) > maxRepositoryPolicy || json.Unmarshal([]byte(*p), &doc) != nil {
			return errInvalidParameter(fmt.Sprintf("Invalid parameter at 'repositoryPolicy': the policy must be a JSON object of at most %d characters", maxRepositoryPolicy))
		}
	}
	if f.ResourceTags != nil {
		if len(f.ResourceTags) > maxTemplateTags {
			return errTooManyTags()
		}
		seen := map[string]bool{}
		for _, t := range f.ResourceTags {
			k, v := aws.ToString(t.Key), aws.ToString(t.Value)
			switch {
			case len(k) < 1 || len(k) > 128:
				return errInvalidTag(fmt.Sprintf("The tag key '%s' must be 1-128 characters", k))
			case strings.HasPrefix(strings.ToLower(k), "aws:"):
				return errInvalidTag("Tag keys starting with 'aws:' are reserved: " + k)
			case t.Value == nil || len(v) > 256:
				return errInvalidTag(fmt.Sprintf("The tag '%s' needs a value of at most 256 characters", k))
			case seen[k]:
				return errInvalidTag("Duplicate tag key: " + k)
			}
			seen[k] = true
		}
	}
	return nil
}

// lifecyclePolicy is the lifecycle policy document ECR accepts.
type lifecyclePolicy struct {
	Rules []struct {
		RulePriority *int   `json:"rulePriority"`
		Description  string `json:"description"`
		Selection    *struct {
			TagStatus      string   `json:"tagStatus"`
			TagPrefixList  []string `json:"tagPrefixList"`
			TagPatternList []string `json:"tagPatternList"`
			CountType      string   `json:"countType"`
			CountUnit      string   `json:"countUnit"`
			CountNumber    *int     `json:"countNumber"`
			StorageClass   string   `json:"storageClass"`
		} `json:"selection"`
		Action *struct {
			Type string `json:"type"`
		} `json:"action"`
	} `json:"rules"`
}

// checkLifecyclePolicy applies ECR's lifecycle policy rules, and answers
// as the service does: InvalidParameterException with the failure.
func checkLifecyclePolicy(text string) *server.APIError {
	fail := func(why string) *server.APIError {
		return errInvalidParameter("Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: " + why + "'")
	}
	if len(text) > maxLifecyclePolicy {
		return fail(fmt.Sprintf("the policy is longer than %d characters", maxLifecyclePolicy))
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.DisallowUnknownFields()
	var p lifecyclePolicy
	if err := dec.Decode(&p); err != nil {
		return fail("not a lifecycle policy document: " + err.Error())
	}
	if len(p.Rules) == 0 {
		return fail("object has missing required properties ([\"rules\"])")
	}
	priorities := map[int]bool{}
	for i, r := range p.Rules {
		at := fmt.Sprintf("rules[%d]", i)
		switch {
		case r.RulePriority == nil || *r.RulePriority < 1:
			return fail(at + ".rulePriority must be an integer of 1 or more")
		case priorities[*r.RulePriority]:
			return fail(fmt.Sprintf("rulePriority %d is used by more than one rule", *r.RulePriority))
		case r.Selection == nil:
			return fail(at + " has no selection")
		case r.Action == nil || r.Action.Type != "expire" && r.Action.Type != "transition":
			return fail(at + ".action.type must be expire or transition")
		}
		priorities[*r.RulePriority] = true
		sel := r.Selection
		switch {
		case !slices.Contains(lifecycleTagStatuses, sel.TagStatus):
			return fail(fmt.Sprintf("%s.selection.tagStatus %q must be tagged, untagged or any", at, sel.TagStatus))
		case sel.TagStatus == "tagged" && len(sel.TagPrefixList) == 0 && len(sel.TagPatternList) == 0:
			return fail(at + ".selection: tagStatus tagged needs a tagPrefixList or a tagPatternList")
		case sel.TagStatus != "tagged" && (len(sel.TagPrefixList) > 0 || len(sel.TagPatternList) > 0):
			return fail(at + ".selection: tagPrefixList and tagPatternList need tagStatus tagged")
		case !slices.Contains(lifecycleCountTypes, sel.CountType):
			return fail(fmt.Sprintf("%s.selection.countType %q must be imageCountMoreThan or sinceImagePushed", at, sel.CountType))
		case sel.CountNumber == nil || *sel.CountNumber < 1:
			return fail(at + ".selection.countNumber must be an integer of 1 or more")
		case sel.CountType == "sinceImagePushed" && sel.CountUnit != "days":
			return fail(at + ".selection.countUnit must be days with countType sinceImagePushed")
		case sel.CountType == "imageCountMoreThan" && sel.CountUnit != "":
			return fail(at + ".selection.countUnit is not allowed with countType imageCountMoreThan")
		case sel.StorageClass != "" && !slices.Contains(lifecycleStorageClasses, sel.StorageClass):
			return fail(at + ".selection.storageClass must be standard or archive")
		}
	}
	return nil
}

func (s *Service) createTemplate(in *sdk.CreateRepositoryCreationTemplateInput) (*sdk.CreateRepositoryCreationTemplateOutput, *server.APIError) {
	prefix := aws.ToString(in.Prefix)
	if aerr := checkTemplatePrefix(prefix); aerr != nil {
		return nil, aerr
	}
	f := templateFields{
		AppliedFor: in.AppliedFor, CustomRoleArn: in.CustomRoleArn, Description: in.Description,
		Encryption: in.EncryptionConfiguration, TagMutability: in.ImageTagMutability,
		ExclusionFilters: in.ImageTagMutabilityExclusionFilters, LifecyclePolicy: in.LifecyclePolicy,
		RepositoryPolicy: in.RepositoryPolicy, ResourceTags: in.ResourceTags, appliedForRequired: true,
	}
	if aerr := s.checkTemplate(f); aerr != nil {
		return nil, aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.templates[prefix]; ok {
		return nil, errTemplateExists(prefix)
	}
	now := s.env.Now()
	t := &template{types.RepositoryCreationTemplate{Prefix: aws.String(prefix), CreatedAt: aws.Time(now), UpdatedAt: aws.Time(now)}}
	t.apply(f)
	if t.ImageTagMutability == "" {
		t.ImageTagMutability = types.ImageTagMutabilityMutable
	}
	if t.EncryptionConfiguration == nil {
		t.EncryptionConfiguration = &types.EncryptionConfigurationForRepositoryCreationTemplate{EncryptionType: types.EncryptionTypeAes256}
	}
	s.templates[prefix] = t
	return &sdk.CreateRepositoryCreationTemplateOutput{RegistryId: aws.String(s.env.AccountID), RepositoryCreationTemplate: t.shape()}, nil
}

// apply sets the members f carries.
func (t *template) apply(f templateFields) {
	if f.AppliedFor != nil {
		t.AppliedFor = slices.Clone(f.AppliedFor)
	}
	if f.CustomRoleArn != nil {
		t.CustomRoleArn = optional(*f.CustomRoleArn)
	}
	if f.Description != nil {
		t.Description = optional(*f.Description)
	}
	if f.Encryption != nil {
		e := *f.Encryption
		t.EncryptionConfiguration = &e
	}
	if f.TagMutability != "" {
		t.ImageTagMutability = f.TagMutability
	}
	if f.ExclusionFilters != nil || f.TagMutability != "" {
		t.ImageTagMutabilityExclusionFilters = slices.Clone(f.ExclusionFilters)
	}
	if f.LifecyclePolicy != nil {
		t.LifecyclePolicy = optional(*f.LifecyclePolicy)
	}
	if f.RepositoryPolicy != nil {
		t.RepositoryPolicy = optional(*f.RepositoryPolicy)
	}
	if f.ResourceTags != nil {
		t.ResourceTags = slices.Clone(f.ResourceTags)
	}
}

func (t *template) shape() *types.RepositoryCreationTemplate {
	out := t.RepositoryCreationTemplate
	out.AppliedFor = slices.Clone(t.AppliedFor)
	out.ImageTagMutabilityExclusionFilters = slices.Clone(t.ImageTagMutabilityExclusionFilters)
	out.ResourceTags = slices.Clone(t.ResourceTags)
	if out.ResourceTags == nil {
		out.ResourceTags = []types.Tag{}
	}
	return &out
}

func (s *Service) describeTemplates(in *sdk.DescribeRepositoryCreationTemplatesInput) (*sdk.DescribeRepositoryCreationTemplatesOutput, *server.APIError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	notFound := func(p string) *server.APIError { return errTemplateNotFound(p, s.env.AccountID) }
	page, next, aerr := describePage(s.templates, in.Prefixes, notFound, in.MaxResults, in.NextToken)
	if aerr != nil {
		return nil, aerr
	}
	out := &sdk.DescribeRepositoryCreationTemplatesOutput{RegistryId: aws.String(s.env.AccountID), RepositoryCreationTemplates: []types.RepositoryCreationTemplate{}, NextToken: next}
	for _, t := range page {
		out.RepositoryCreationTemplates = append(out.RepositoryCreationTemplates, *t.shape())
	}
	return out, nil
}

// updateTemplate changes the members the request carries. As the SDK's
// UpdateRepositoryCreationTemplateInput documents, an omitted
// imageTagMutability means MUTABLE.
func (s *Service) updateTemplate(in *sdk.UpdateRepositoryCreationTemplateInput) (*sdk.UpdateRepositoryCreationTemplateOutput, *server.APIError) {
	prefix := aws.ToString(in.Prefix)
	if aerr := checkTemplatePrefix(prefix); aerr != nil {
		return nil, aerr
	}
	mutability := in.ImageTagMutability
	if mutability == "" {
		mutability = types.ImageTagMutabilityMutable
	}
	f := templateFields{
		AppliedFor: in.AppliedFor, CustomRoleArn: in.CustomRoleArn, Description: in.Description,
		Encryption: in.EncryptionConfiguration, TagMutability: mutability,
		ExclusionFilters: in.ImageTagMutabilityExclusionFilters, LifecyclePolicy: in.LifecyclePolicy,
		RepositoryPolicy: in.RepositoryPolicy, ResourceTags: in.ResourceTags,
	}
	if aerr := s.checkTemplate(f); aerr != nil {
		return nil, aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.templates[prefix]
	if !ok {
		return nil, errTemplateNotFound(prefix, s.env.AccountID)
	}
	t.apply(f)
	t.UpdatedAt = aws.Time(s.env.Now())
	return &sdk.UpdateRepositoryCreationTemplateOutput{RegistryId: aws.String(s.env.AccountID), RepositoryCreationTemplate: t.shape()}, nil
}

func (s *Service) deleteTemplate(in *sdk.DeleteRepositoryCreationTemplateInput) (*sdk.DeleteRepositoryCreationTemplateOutput, *server.APIError) {
	prefix := aws.ToString(in.Prefix)
	if aerr := checkTemplatePrefix(prefix); aerr != nil {
		return nil, aerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.templates[prefix]
	if !ok {
		return nil, errTemplateNotFound(prefix, s.env.AccountID)
	}
	delete(s.templates, prefix)
	return &sdk.DeleteRepositoryCreationTemplateOutput{RegistryId: aws.String(s.env.AccountID), RepositoryCreationTemplate: t.shape()}, nil
}

// TemplateState is a template as the emulator holds it, for assertions.
type TemplateState struct {
	Prefix, LifecyclePolicy, EncryptionType, ImageTagMutability string
	AppliedFor                                                  []string
	ResourceTags                                                map[string]string
	UpdatedAt                                                   time.Time
}

// Template returns a template by prefix.
func (s *Service) Template(prefix string) (TemplateState, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.templates[prefix]
	if !ok {
		return TemplateState{}, false
	}
	st := TemplateState{
		Prefix: prefix, LifecyclePolicy: aws.ToString(t.LifecyclePolicy), ImageTagMutability: string(t.ImageTagMutability),
		ResourceTags: map[string]string{}, UpdatedAt: aws.ToTime(t.UpdatedAt),
	}
	if t.EncryptionConfiguration != nil {
		st.EncryptionType = string(t.EncryptionConfiguration.EncryptionType)
	}
	for _, a := range t.AppliedFor {
		st.AppliedFor = append(st.AppliedFor, string(a))
	}
	for _, tag := range t.ResourceTags {
		st.ResourceTags[aws.ToString(tag.Key)] = aws.ToString(tag.Value)
	}
	return st, true
}

// DeleteTemplate removes a template behind Terraform's back (disappears tests).
func (s *Service) DeleteTemplate(prefix string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.templates[prefix]
	delete(s.templates, prefix)
	return ok
}
