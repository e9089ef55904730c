package ecr_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/ecr/types"
	smithy "github.com/aws/smithy-go"

	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/emulatortest"
)

// Repository creation templates, driven through the SDK.

const keepTen = `{"rules":[{"rulePriority":1,"description":"keep the last 10 images","selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":10},"action":{"type":"expire"}}]}`

func ptcTemplate(prefix string) *ecr.CreateRepositoryCreationTemplateInput {
	return &ecr.CreateRepositoryCreationTemplateInput{
		Prefix:          aws.String(prefix),
		AppliedFor:      []types.RCTAppliedFor{types.RCTAppliedForPullThroughCache},
		Description:     aws.String("cached images"),
		LifecyclePolicy: aws.String(keepTen),
		ResourceTags:    []types.Tag{{Key: aws.String("team"), Value: aws.String("platform")}},
	}
}

func TestECRTemplateLifecycle(t *testing.T) {
	e, c := startECR(t)
	ctx := context.Background()
	out, err := c.CreateRepositoryCreationTemplate(ctx, ptcTemplate("docker-hub"))
	if err != nil {
		t.Fatal(err)
	}
	tpl := out.RepositoryCreationTemplate
	if aws.ToString(out.RegistryId) != "123456789012" || aws.ToString(tpl.Prefix) != "docker-hub" || tpl.ImageTagMutability != types.ImageTagMutabilityMutable ||
		tpl.EncryptionConfiguration == nil || tpl.EncryptionConfiguration.EncryptionType != types.EncryptionTypeAes256 ||
		aws.ToString(tpl.LifecyclePolicy) != keepTen || tpl.CreatedAt == nil || len(tpl.ResourceTags) != 1 {
		t.Fatalf("created template %+v", tpl)
	}
	if _, err := c.CreateRepositoryCreationTemplate(ctx, ptcTemplate("docker-hub")); !emulatortest.ErrIs[*types.TemplateAlreadyExistsException](err) {
		t.Fatalf("duplicate: %v, want TemplateAlreadyExistsException", err)
	}
	root := ptcTemplate("ROOT")
	root.AppliedFor = []types.RCTAppliedFor{types.RCTAppliedForPullThroughCache, types.RCTAppliedForReplication}
	root.EncryptionConfiguration = &types.EncryptionConfigurationForRepositoryCreationTemplate{EncryptionType: types.EncryptionTypeKms, KmsKey: aws.String("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")}
	if _, err := c.CreateRepositoryCreationTemplate(ctx, root); err != nil {
		t.Fatalf("ROOT: %v", err)
	}

	// Describe: all, by prefix, paginated, and a missing prefix.
	var got []string
	p := ecr.NewDescribeRepositoryCreationTemplatesPaginator(c, &ecr.DescribeRepositoryCreationTemplatesInput{MaxResults: aws.Int32(1)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, tpl := range page.RepositoryCreationTemplates {
			got = append(got, aws.ToString(tpl.Prefix))
		}
	}
	if strings.Join(got, ",") != "ROOT,docker-hub" {
		t.Fatalf("paginated templates %v", got)
	}
	if _, err := c.DescribeRepositoryCreationTemplates(ctx, &ecr.DescribeRepositoryCreationTemplatesInput{Prefixes: []string{"quay"}}); !emulatortest.ErrIs[*types.TemplateNotFoundException](err) {
		t.Fatalf("missing prefix: %v, want TemplateNotFoundException", err)
	}

	// Update changes what it carries; other members stay.
	up, err := c.UpdateRepositoryCreationTemplate(ctx, &ecr.UpdateRepositoryCreationTemplateInput{
		Prefix:             aws.String("docker-hub"),
		ImageTagMutability: types.ImageTagMutabilityImmutable,
		ResourceTags:       []types.Tag{{Key: aws.String("team"), Value: aws.String("web")}, {Key: aws.String("cost"), Value: aws.String("42")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if u := up.RepositoryCreationTemplate; u.ImageTagMutability != types.ImageTagMutabilityImmutable || aws.ToString(u.LifecyclePolicy) != keepTen ||
		aws.ToString(u.Description) != "cached images" || len(u.ResourceTags) != 2 || !u.UpdatedAt.After(*u.CreatedAt) && !u.UpdatedAt.Equal(*u.CreatedAt) {
		t.Fatalf("updated template %+v", u)
	}
	if st, _ := e.ECR().Template("docker-hub"); st.ResourceTags["team"] != "web" || st.AppliedFor[0] != "PULL_THROUGH_CACHE" {
		t.Fatalf("state after update %+v", st)
	}
	if _, err := c.UpdateRepositoryCreationTemplate(ctx, &ecr.UpdateRepositoryCreationTemplateInput{Prefix: aws.String("quay"), Description: aws.String("x")}); !emulatortest.ErrIs[*types.TemplateNotFoundException](err) {
		t.Fatalf("update missing: %v", err)
	}

	del, err := c.DeleteRepositoryCreationTemplate(ctx, &ecr.DeleteRepositoryCreationTemplateInput{Prefix: aws.String("docker-hub")})
	if err != nil || aws.ToString(del.RepositoryCreationTemplate.Prefix) != "docker-hub" {
		t.Fatalf("delete: %v %+v", err, del)
	}
	if _, err := c.DeleteRepositoryCreationTemplate(ctx, &ecr.DeleteRepositoryCreationTemplateInput{Prefix: aws.String("docker-hub")}); !emulatortest.ErrIs[*types.TemplateNotFoundException](err) {
		t.Fatalf("second delete: %v, want TemplateNotFoundException", err)
	}
	if names := e.ECR().Templates(); strings.Join(names, ",") != "ROOT" {
		t.Fatalf("templates left %v", names)
	}
}

func TestECRTemplateValidation(t *testing.T) {
	e, c := startECR(t)
	ctx := context.Background()
	with := func(f func(*ecr.CreateRepositoryCreationTemplateInput)) *ecr.CreateRepositoryCreationTemplateInput {
		in := ptcTemplate("cache")
		f(in)
		return in
	}
	policy := func(p string) func(*ecr.CreateRepositoryCreationTemplateInput) {
		return func(in *ecr.CreateRepositoryCreationTemplateInput) { in.LifecyclePolicy = aws.String(p) }
	}
	for _, tc := range []struct {
		name string
		in   *ecr.CreateRepositoryCreationTemplateInput
		code string
		want string
	}{
		{"one-letter prefix", with(func(in *ecr.CreateRepositoryCreationTemplateInput) { in.Prefix = aws.String("a") }), "ValidationException", "prefix"},
		{"uppercase prefix", with(func(in *ecr.CreateRepositoryCreationTemplateInput) { in.Prefix = aws.String("Cache") }), "ValidationException", "prefix"},
		{"trailing slash", with(func(in *ecr.CreateRepositoryCreationTemplateInput) { in.Prefix = aws.String("cache/") }), "ValidationException", "prefix"},
		{"empty appliedFor", with(func(in *ecr.CreateRepositoryCreationTemplateInput) { in.AppliedFor = []types.RCTAppliedFor{} }), "ValidationException", "appliedFor"},
		{"unknown appliedFor", with(func(in *ecr.CreateRepositoryCreationTemplateInput) { in.AppliedFor = []types.RCTAppliedFor{"PULL"} }), "ValidationException", "appliedFor"},
		{"long description", with(func(in *ecr.CreateRepositoryCreationTemplateInput) {
			in.Description = aws.String(strings.Repeat("d", 257))
		}), "ValidationException", "description"},
		{"policy not JSON", with(policy(`{"rules":`)), "InvalidParameterException", "Lifecycle policy validation failure"},
		{"policy without rules", with(policy(`{"rules":[]}`)), "InvalidParameterException", "rules"},
		{"policy unknown field", with(policy(`{"rules":[],"extra":1}`)), "InvalidParameterException", "extra"},
		{"duplicate priority", with(policy(`{"rules":[{"rulePriority":1,"selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}},{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}}]}`)), "InvalidParameterException", "rulePriority 1"},
		{"tagged without prefixes", with(policy(`{"rules":[{"rulePriority":1,"selection":{"tagStatus":"tagged","countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}}]}`)), "InvalidParameterException", "tagPrefixList"},
		{"days without unit", with(policy(`{"rules":[{"rulePriority":1,"selection":{"tagStatus":"any","countType":"sinceImagePushed","countNumber":14},"action":{"type":"expire"}}]}`)), "InvalidParameterException", "countUnit"},
		{"count 0", with(policy(`{"rules":[{"rulePriority":1,"selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":0},"action":{"type":"expire"}}]}`)), "InvalidParameterException", "countNumber"},
		{"policy too long", with(policy(`{"rules":[` + strings.Repeat(" ", 30720) + `]}`)), "InvalidParameterException", "30720"},
		{"AES256 with a key", with(func(in *ecr.CreateRepositoryCreationTemplateInput) {
			in.EncryptionConfiguration = &types.EncryptionConfigurationForRepositoryCreationTemplate{EncryptionType: types.EncryptionTypeAes256, KmsKey: aws.String("arn:aws:kms:us-east-1:123456789012:key/k")}
		}), "InvalidParameterException", "kmsKey"},
		{"KMS key in another region", with(func(in *ecr.CreateRepositoryCreationTemplateInput) {
			in.EncryptionConfiguration = &types.EncryptionConfigurationForRepositoryCreationTemplate{EncryptionType: types.EncryptionTypeKms, KmsKey: aws.String("arn:aws:kms:eu-west-1:123456789012:key/k")}
		}), "InvalidParameterException", "Region"},
		{"unknown encryption", with(func(in *ecr.CreateRepositoryCreationTemplateInput) {
			in.EncryptionConfiguration = &types.EncryptionConfigurationForRepositoryCreationTemplate{EncryptionType: "DES"}
		}), "ValidationException", "encryptionType"},
		{"role in another account", with(func(in *ecr.CreateRepositoryCreationTemplateInput) {
			in.CustomRoleArn = aws.String("arn:aws:iam::210987654321:role/ecr")
		}), "InvalidParameterException", "customRoleArn"},
		{"exclusion filters on MUTABLE", with(func(in *ecr.CreateRepositoryCreationTemplateInput) {
			in.ImageTagMutabilityExclusionFilters = []types.ImageTagMutabilityExclusionFilter{{Filter: aws.String("latest"), FilterType: types.ImageTagMutabilityExclusionFilterTypeWildcard}}
		}), "InvalidParameterException", "imageTagMutabilityExclusionFilters"},
		{"aws: tag", with(func(in *ecr.CreateRepositoryCreationTemplateInput) {
			in.ResourceTags = []types.Tag{{Key: aws.String("aws:owner"), Value: aws.String("x")}}
		}), "InvalidTagParameterException", "aws:"},
		{"51 tags", with(func(in *ecr.CreateRepositoryCreationTemplateInput) {
			in.ResourceTags = nil
			for i := 0; i < 51; i++ {
				in.ResourceTags = append(in.ResourceTags, types.Tag{Key: aws.String(strings.Repeat("k", i+1)), Value: aws.String("v")})
			}
		}), "TooManyTagsException", "50"},
	} {
		_, err := c.CreateRepositoryCreationTemplate(ctx, tc.in)
		var apiErr smithy.APIError
		if !errors.As(err, &apiErr) || apiErr.ErrorCode() != tc.code || !strings.Contains(apiErr.ErrorMessage(), tc.want) {
			t.Errorf("%s: %v, want %s mentioning %q", tc.name, err, tc.code, tc.want)
		}
	}
	if names := e.ECR().Templates(); len(names) != 0 {
		t.Fatalf("rejected creates left templates %v", names)
	}
	// The valid variants of the same fields are accepted.
	ok := with(func(in *ecr.CreateRepositoryCreationTemplateInput) {
		in.ImageTagMutability = types.ImageTagMutabilityImmutableWithExclusion
		in.ImageTagMutabilityExclusionFilters = []types.ImageTagMutabilityExclusionFilter{{Filter: aws.String("latest*"), FilterType: types.ImageTagMutabilityExclusionFilterTypeWildcard}}
		in.LifecyclePolicy = aws.String(`{"rules":[{"rulePriority":2,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":7},"action":{"type":"expire"}},{"rulePriority":1,"selection":{"tagStatus":"tagged","tagPrefixList":["v"],"countType":"imageCountMoreThan","countNumber":50},"action":{"type":"expire"}}]}`)
		in.RepositoryPolicy = aws.String(`{"Version":"2012-10-17","Statement":[]}`)
		in.CustomRoleArn = aws.String("arn:aws:iam::123456789012:role/ecr-templates")
	})
	if _, err := c.CreateRepositoryCreationTemplate(ctx, ok); err != nil {
		t.Fatalf("valid template refused: %v", err)
	}
}

func TestECRTemplateFaults(t *testing.T) {
	e, c := startECR(t)
	ctx := context.Background()
	if err := e.Faults.Inject(emulator.Fault{Service: "ecr", Operation: "CreateRepositoryCreationTemplate", Kind: emulator.FaultLostReply, Count: 1}); err != nil {
		t.Fatal(err)
	}
	// The first reply is lost after the create took effect; the SDK's retry
	// then meets TemplateAlreadyExistsException, as against the real service.
	if _, err := c.CreateRepositoryCreationTemplate(ctx, ptcTemplate("lost")); !emulatortest.ErrIs[*types.TemplateAlreadyExistsException](err) {
		t.Fatalf("retry after a lost reply: %v, want TemplateAlreadyExistsException", err)
	}
	if _, ok := e.ECR().Template("lost"); !ok {
		t.Fatal("the create did not take effect")
	}
	if err := e.Faults.Inject(emulator.Fault{Service: "ecr", Operation: "DescribeRepositoryCreationTemplates", Kind: emulator.FaultNotFound, Count: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DescribeRepositoryCreationTemplates(ctx, &ecr.DescribeRepositoryCreationTemplatesInput{Prefixes: []string{"lost"}}); !emulatortest.ErrIs[*types.TemplateNotFoundException](err) {
		t.Fatalf("not_found fault on a template operation: %v, want TemplateNotFoundException", err)
	}
}
