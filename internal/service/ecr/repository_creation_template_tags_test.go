package ecr_test

import (
	"fmt"
	"maps"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	emuecr "github.com/scalingkit/terraform-provider-scaling/internal/emulator/ecr"
)

// The provider's default_tags reach the repositories a template creates
// only through a custom role (ECR needs one to tag them): without one,
// tags_all is the template's own resource_tags; with one, the defaults
// join them. ignore_tags keys are never sent.
func TestAccRepositoryCreationTemplate_defaultTags(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	provider := tg.ProviderConfigWith(t, `
  default_tags {
    tags = { team = "platform", owner = "someone" }
  }
  ignore_tags {
    keys = ["owner"]
  }`)
	cfg := func(extra string) string {
		return provider + templateConfig("cache", pullThroughCache+"\n  resource_tags = { app = \"cache\" }\n"+extra)
	}
	emulatorTags := func(want map[string]string) resource.TestCheckFunc {
		return tg.checkTemplate("cache", func(st emuecr.TemplateState) error {
			if !maps.Equal(st.ResourceTags, want) {
				return fmt.Errorf("emulator resource tags %v, want %v", st.ResourceTags, want)
			}
			return nil
		})
	}
	acctest.Test(t, tg.checkTemplateDestroyed(t), []resource.TestStep{
		{
			Config: cfg(""),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(templateAddress, "tags_all.%", "1"),
				emulatorTags(map[string]string{"app": "cache"}),
			),
		},
		{
			Config: cfg(`  custom_role_arn = "` + customRole + `"`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(templateAddress, "resource_tags.%", "1"),
				resource.TestCheckResourceAttr(templateAddress, "tags_all.%", "2"),
				resource.TestCheckResourceAttr(templateAddress, "tags_all.team", "platform"),
				emulatorTags(map[string]string{"app": "cache", "team": "platform"}),
			),
		},
		{
			Config: cfg(`  custom_role_arn = "` + customRole + `"`), ResourceName: templateAddress, ImportState: true, ImportStateVerify: true,
			ImportStateVerifyIgnore: []string{"timeouts"},
		},
	})
}
