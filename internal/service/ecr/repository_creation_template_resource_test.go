package ecr_test

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	awstypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	emuecr "github.com/scalingkit/terraform-provider-scaling/internal/emulator/ecr"
)

const (
	templateType    = "scaling_ecr_repository_creation_template"
	templateAddress = templateType + ".test"
	customRole      = "arn:aws:iam::123456789012:role/ecr-templates"
)

// templateConfig renders one template; body holds the lines after prefix.
func templateConfig(prefix, body string) string {
	return fmt.Sprintf(`
resource %q "test" {
  prefix = %q
%s
}
`, templateType, prefix, body)
}

// lifecycle is a lifecycle policy that expires untagged images after
// days and keeps the newest keep images.
func lifecycle(days, keep int) string {
	return fmt.Sprintf(`  lifecycle_policy = jsonencode({
    rules = [
      { rulePriority = 1, description = "untagged", selection = { tagStatus = "untagged", countType = "sinceImagePushed", countUnit = "days", countNumber = %d }, action = { type = "expire" } },
      { rulePriority = 2, selection = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = %d }, action = { type = "expire" } },
    ]
  })`, days, keep)
}

const pullThroughCache = `  applied_for = ["PULL_THROUGH_CACHE"]`

// checkTemplateDestroyed verifies against the API that every template is gone.
func (tg target) checkTemplateDestroyed(t testing.TB) resource.TestCheckFunc {
	return acctest.CheckGone(templateType, "TemplateNotFoundException", func(prefix string) error {
		_, err := tg.client(t).DescribeRepositoryCreationTemplates(t.Context(), &ecr.DescribeRepositoryCreationTemplatesInput{Prefixes: []string{prefix}})
		return err
	})
}

// checkTemplate asserts what the emulator holds for a template.
func (tg target) checkTemplate(prefix string, check func(emuecr.TemplateState) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		st, ok := tg.Emu.ECR().Template(prefix)
		if !ok {
			return fmt.Errorf("template %q does not exist", prefix)
		}
		return check(st)
	}
}

func TestAccRepositoryCreationTemplate_basic(t *testing.T) {
	tg := newTarget(t, false)
	t.Parallel()
	cfg := tg.ProviderConfig(t) + templateConfig("docker-hub", pullThroughCache+"\n  description = \"cached Docker Hub images\"\n"+lifecycle(7, 100))
	checks := []resource.TestCheckFunc{
		resource.TestCheckResourceAttr(templateAddress, "id", "docker-hub"),
		resource.TestCheckResourceAttr(templateAddress, "applied_for.#", "1"),
		resource.TestCheckTypeSetElemAttr(templateAddress, "applied_for.*", "PULL_THROUGH_CACHE"),
		resource.TestCheckResourceAttr(templateAddress, "image_tag_mutability", "MUTABLE"),
		resource.TestCheckResourceAttr(templateAddress, "encryption_configuration.#", "0"),
		resource.TestMatchResourceAttr(templateAddress, "registry_id", regexp.MustCompile(`^[0-9]{12}$`)),
		resource.TestCheckResourceAttr(templateAddress, "tags_all.%", "0"),
		resource.TestMatchResourceAttr(templateAddress, "lifecycle_policy", regexp.MustCompile(`"countNumber":100`)),
	}
	if tg.Emu != nil {
		checks = append(checks, tg.checkTemplate("docker-hub", func(st emuecr.TemplateState) error {
			if !slices.Equal(st.AppliedFor, []string{"PULL_THROUGH_CACHE"}) || !strings.Contains(st.LifecyclePolicy, `"tagStatus":"untagged"`) || st.EncryptionType != "AES256" {
				return fmt.Errorf("emulator holds %+v", st)
			}
			return nil
		}))
	}
	acctest.Test(t, tg.checkTemplateDestroyed(t), []resource.TestStep{
		{Config: cfg, Check: resource.ComposeAggregateTestCheckFunc(checks...)},
		{Config: cfg, ResourceName: templateAddress, ImportState: true, ImportStateVerify: true, ImportStateId: "docker-hub", ImportStateVerifyIgnore: []string{"timeouts"}},
		{Config: cfg, ResourceName: templateAddress, ImportState: true, ImportStateKind: resource.ImportBlockWithID, ImportStateId: "docker-hub"},
	})
}

// Every setting changes in place; removing the policy replaces the template
// (the update API cannot clear it).
func TestAccRepositoryCreationTemplate_update(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	updated := pullThroughCache + `
  description          = "changed"
  custom_role_arn      = "` + customRole + `"
  image_tag_mutability = "IMMUTABLE_WITH_EXCLUSION"
  image_tag_mutability_exclusion_filter {
    filter = "latest"
  }
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
  resource_tags = { team = "platform" }
` + lifecycle(3, 50)
	reformatted := pullThroughCache + `
  lifecycle_policy = <<-EOT
    {"rules": [
      {"action": {"type": "expire"}, "rulePriority": 1, "description": "untagged",
       "selection": {"countNumber": 7, "countUnit": "days", "countType": "sinceImagePushed", "tagStatus": "untagged"}},
      {"action": {"type": "expire"}, "rulePriority": 2,
       "selection": {"countNumber": 100, "countType": "imageCountMoreThan", "tagStatus": "any"}}
    ]}
  EOT
`
	inPlace := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(templateAddress, plancheck.ResourceActionUpdate)}}
	acctest.Test(t, tg.checkTemplateDestroyed(t), []resource.TestStep{
		{Config: tg.ProviderConfig(t) + templateConfig("cache", pullThroughCache+"\n"+lifecycle(7, 100))},
		{
			// The same policy written differently: Terraform shows
			// "whitespace changes" once; the update changes nothing and
			// leaves no diff behind (the post-apply plan is empty).
			Config: tg.ProviderConfig(t) + templateConfig("cache", reformatted), ConfigPlanChecks: inPlace,
			Check: tg.checkTemplate("cache", func(st emuecr.TemplateState) error {
				if !strings.Contains(st.LifecyclePolicy, `"countNumber": 100`) {
					return fmt.Errorf("emulator holds %s", st.LifecyclePolicy)
				}
				return nil
			}),
		},
		{
			Config: tg.ProviderConfig(t) + templateConfig("cache", updated), ConfigPlanChecks: inPlace,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(templateAddress, "encryption_configuration.0.encryption_type", "KMS"),
				resource.TestCheckResourceAttr(templateAddress, "image_tag_mutability_exclusion_filter.0.filter_type", "WILDCARD"),
				resource.TestCheckResourceAttr(templateAddress, "tags_all.team", "platform"),
				tg.checkTemplate("cache", func(st emuecr.TemplateState) error {
					if st.EncryptionType != "KMS" || st.ImageTagMutability != "IMMUTABLE_WITH_EXCLUSION" || st.ResourceTags["team"] != "platform" || !strings.Contains(st.LifecyclePolicy, `"countNumber":50`) {
						return fmt.Errorf("emulator holds %+v", st)
					}
					return nil
				}),
			),
		},
		{
			// Back to the defaults: no encryption block is AES256, no
			// tags clears them, no description clears it.
			Config: tg.ProviderConfig(t) + templateConfig("cache", pullThroughCache+"\n"+lifecycle(7, 100)), ConfigPlanChecks: inPlace,
			Check: tg.checkTemplate("cache", func(st emuecr.TemplateState) error {
				if st.EncryptionType != "AES256" || st.ImageTagMutability != "MUTABLE" || len(st.ResourceTags) != 0 {
					return fmt.Errorf("emulator holds %+v", st)
				}
				return nil
			}),
		},
		{
			Config: tg.ProviderConfig(t) + templateConfig("cache", pullThroughCache),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(templateAddress, plancheck.ResourceActionDestroyBeforeCreate),
			}},
			Check: tg.checkTemplate("cache", func(st emuecr.TemplateState) error {
				if st.LifecyclePolicy != "" {
					return fmt.Errorf("lifecycle policy still set: %s", st.LifecyclePolicy)
				}
				return nil
			}),
		},
	})
}

func TestAccRepositoryCreationTemplate_disappears(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	acctest.Test(t, tg.checkTemplateDestroyed(t), []resource.TestStep{
		acctest.DisappearsStep(tg.ProviderConfig(t)+templateConfig("gone", pullThroughCache), "template",
			func() bool { return tg.Emu.ECR().DeleteTemplate("gone") }),
	})
}

func TestAccRepositoryCreationTemplate_alreadyExists(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	acctest.Test(t, tg.checkTemplateDestroyed(t), []resource.TestStep{{
		PreConfig: func() {
			if _, err := tg.client(t).CreateRepositoryCreationTemplate(t.Context(), &ecr.CreateRepositoryCreationTemplateInput{
				Prefix: aws.String("taken"), AppliedFor: []awstypes.RCTAppliedFor{awstypes.RCTAppliedForReplication},
			}); err != nil {
				t.Fatal(err)
			}
		},
		Config:      tg.ProviderConfig(t) + templateConfig("taken", pullThroughCache),
		ExpectError: acctest.MessageRegexp("import it"),
	}})
	if st, _ := tg.Emu.ECR().Template("taken"); !slices.Equal(st.AppliedFor, []string{"REPLICATION"}) {
		t.Fatalf("the existing template was changed: %+v", st)
	}
}

// Every plan-time error names the attribute and the fix, and no API call
// is made.
func TestAccRepositoryCreationTemplate_planTimeErrors(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	policy := func(selection string) string {
		return `  lifecycle_policy = jsonencode({ rules = [{ rulePriority = 1, selection = ` + selection + `, action = { type = "expire" } }] })`
	}
	cases := []struct{ prefix, body, want string }{
		{"a", pullThroughCache, "must be 2-256 characters"},
		{"Team", pullThroughCache, "lowercase letters and digits"},
		{"ok", `  applied_for = ["PULL"]`, "not a repository creation scenario"},
		{"ok", `  applied_for = []`, "applied_for"},
		{"ok", pullThroughCache + "\n" + `  custom_role_arn = "arn:aws:iam::123456789012:user/x"`, "not an IAM role ARN"},
		{"ok", pullThroughCache + "\n  encryption_configuration {\n    kms_key = \"arn:aws:kms:us-east-1:123456789012:key/abc\"\n  }", "only used with encryption_type KMS"},
		{"ok", pullThroughCache + "\n  encryption_configuration {\n    encryption_type = \"KMS\"\n    kms_key = \"alias/ecr\"\n  }", "full ARN of a KMS key"},
		{"ok", pullThroughCache + "\n  encryption_configuration {\n    encryption_type = \"KMS\"\n    kms_key = \"arn:aws:kms:eu-west-1:123456789012:key/abc\"\n  }", "is in eu-west-1, not in the provider's Region us-east-1"},
		{"ok", pullThroughCache + "\n  image_tag_mutability = \"IMMUTABLE_WITH_EXCLUSION\"", "needs at least one"},
		{"ok", pullThroughCache + "\n  image_tag_mutability_exclusion_filter {\n    filter = \"latest\"\n  }", "only apply with"},
		{"ok", pullThroughCache + "\n  lifecycle_policy = \"{\"", "must be a JSON document"},
		{"ok", pullThroughCache + "\n" + policy(`{ tagStatus = "untagged", countType = "imageCountMoreThan", countNumber = 2.5 }`), "countNumber must be a whole number"},
		{"ok", pullThroughCache + "\n" + policy(`{ tagStatus = "untagged", countType = "sinceImagePushed", countNumber = 7 }`), `countUnit must be "days"`},
		{"ok", pullThroughCache + "\n" + policy(`{ tagStatus = "tagged", countType = "imageCountMoreThan", countNumber = 7 }`), "needs a tagPrefixList"},
		{"ok", pullThroughCache + "\n  repository_policy = jsonencode([1])", "JSON object"},
		{"ok", pullThroughCache + "\n  resource_tags = { \"aws:x\" = \"y\" }", "reserved for AWS"},
		{"ok", pullThroughCache + "\n  timeouts {\n    create = \"0s\"\n  }", `timeouts.create must be a duration more than 0`},
		{"ok", pullThroughCache + "\n  timeouts {\n    delete = \"-1h\"\n  }", `got "-1h"`},
	}
	var steps []resource.TestStep
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{
			Config:      tg.ProviderConfig(t) + templateConfig(tc.prefix, tc.body),
			PlanOnly:    true,
			ExpectError: acctest.MessageRegexp(tc.want),
		})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories, Steps: steps})
	if n := tg.Calls("ecr"); n != 0 {
		t.Fatalf("plan-time errors made %d ECR calls: %v", n, tg.Emu.Calls.Counts())
	}
}

// The documented example applies as written.
func TestAccRepositoryCreationTemplate_example(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	example, err := os.ReadFile("../../../examples/resources/scaling_ecr_repository_creation_template/resource.tf")
	if err != nil {
		t.Fatal(err)
	}
	tg.secret("docker-hub", true)
	acctest.Test(t, tg.checkTemplateDestroyed(t), []resource.TestStep{{
		Config: tg.ProviderConfig(t) + string(example),
		Check: tg.checkTemplate("docker-hub", func(st emuecr.TemplateState) error {
			if !strings.Contains(st.LifecyclePolicy, `"countNumber":50`) || st.ResourceTags["cache"] != "docker-hub" {
				return fmt.Errorf("emulator holds %+v", st)
			}
			return nil
		}),
	}})
}
