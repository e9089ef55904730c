package cloudwatch_test

import (
	"fmt"
	"maps"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	awstypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

// The provider's default_tags and ignore_tags as in hashicorp/aws: default
// tags go on the stream under its own, tags_all shows the result, tags
// set outside Terraform under ignored keys show no diff and survive
// updates, a change of default_tags is an update, and a resource tag
// equal to a default tag stays the resource's own.
func TestAccMetricStream_defaultAndIgnoreTags(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	provider := func(team string) string {
		return tg.ProviderConfigWith(t, fmt.Sprintf(`
  default_tags {
    tags = { team = %q, env = "prod" }
  }
  ignore_tags {
    keys         = ["owner"]
    key_prefixes = ["kubernetes.io/"]
  }`, team))
	}
	cfg := func(team, tags string) string {
		return provider(team) + streamConfig("scaling-tags", "json", "  tags = { "+tags+" }")
	}
	apiTags := func(want map[string]string) resource.TestCheckFunc {
		return tg.checkAPI(t, func(_ *cloudwatch.GetMetricStreamOutput, got map[string]string) error {
			if !maps.Equal(got, want) {
				return fmt.Errorf("API tags %v, want %v", got, want)
			}
			return nil
		})
	}
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{
			Config: cfg("platform", `env = "staging", app = "keda"`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(address, "tags.%", "2"),
				resource.TestCheckResourceAttr(address, "tags_all.%", "3"),
				resource.TestCheckResourceAttr(address, "tags_all.team", "platform"),
				resource.TestCheckResourceAttr(address, "tags_all.env", "staging"),
				apiTags(map[string]string{"team": "platform", "env": "staging", "app": "keda"}),
			),
		},
		{
			// Tags another system manages, under ignored keys: no diff.
			PreConfig: func() {
				st, _ := tg.Emu.CloudWatch().Stream("scaling-tags")
				if _, err := tg.client(t).TagResource(t.Context(), &cloudwatch.TagResourceInput{ResourceARN: aws.String(st.ARN), Tags: []awstypes.Tag{
					{Key: aws.String("owner"), Value: aws.String("ops")}, {Key: aws.String("kubernetes.io/cluster"), Value: aws.String("prod")},
				}}); err != nil {
					t.Fatal(err)
				}
			},
			Config:   cfg("platform", `env = "staging", app = "keda"`),
			PlanOnly: true,
		},
		{
			// A new default is an update of tags_all; the ignored tags stay.
			Config: cfg("infra", `env = "staging", app = "keda"`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(address, "tags_all.team", "infra"),
				resource.TestCheckNoResourceAttr(address, "tags_all.owner"),
				apiTags(map[string]string{"team": "infra", "env": "staging", "app": "keda", "owner": "ops", "kubernetes.io/cluster": "prod"}),
			),
		},
		{
			Config: cfg("infra", `env = "staging", app = "keda"`), ResourceName: address, ImportState: true, ImportStateVerify: true,
			ImportStateVerifyIgnore: []string{"timeouts"},
		},
		{
			// A resource tag equal to a default stays in tags (no
			// perpetual diff); removing a resource tag untags it.
			Config: cfg("infra", `team = "infra"`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(address, "tags.%", "1"),
				resource.TestCheckResourceAttr(address, "tags.team", "infra"),
				resource.TestCheckResourceAttr(address, "tags_all.%", "2"),
				apiTags(map[string]string{"team": "infra", "env": "prod", "owner": "ops", "kubernetes.io/cluster": "prod"}),
			),
		},
	})
}

// Without default_tags, tags_all is the stream's own tags, and a stream
// without tags has an empty tags_all and null tags.
func TestAccMetricStream_tagsAllWithoutDefaults(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{
			Config: tg.ProviderConfig(t) + streamConfig("scaling-notags", "json", ""),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckNoResourceAttr(address, "tags.%"),
				resource.TestCheckResourceAttr(address, "tags_all.%", "0"),
			),
		},
		{
			Config: tg.ProviderConfig(t) + streamConfig("scaling-notags", "json", `  tags = { app = "keda" }`),
			Check:  resource.TestCheckResourceAttr(address, "tags_all.app", "keda"),
		},
	})
}

// default_tags that the API would refuse fail at plan, naming the block.
func TestAccMetricStream_defaultTagsInvalid(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories, Steps: []resource.TestStep{{
		Config:      tg.ProviderConfigWith(t, "  default_tags {\n    tags = { \"aws:team\" = \"x\" }\n  }") + streamConfig("scaling-badtags", "json", ""),
		PlanOnly:    true,
		ExpectError: acctest.MessageRegexp("reserved for AWS"),
	}}})
}

// default_tags whose values Terraform learns only at apply (from a
// resource created in the same apply): the plan's tags_all is unknown,
// and the first apply tags the stream with them.
func TestAccMetricStream_defaultTagsKnownAfterApply(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	config := tg.ProviderConfigWith(t, `
  default_tags {
    tags = { team = terraform_data.team.output, env = "prod" }
  }`) + `
resource "terraform_data" "team" {
  input = "platform"
}
` + streamConfig("scaling-latetags", "json", `  tags = { app = "keda" }`)
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{{
		Config: config,
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
		},
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(address, "tags_all.team", "platform"),
			resource.TestCheckResourceAttr(address, "tags_all.%", "3"),
			tg.checkAPI(t, func(_ *cloudwatch.GetMetricStreamOutput, got map[string]string) error {
				if want := map[string]string{"team": "platform", "env": "prod", "app": "keda"}; !maps.Equal(got, want) {
					return fmt.Errorf("API tags %v, want %v", got, want)
				}
				return nil
			}),
		),
	}})
}
