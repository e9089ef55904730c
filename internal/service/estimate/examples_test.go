package estimate_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

const examplesDir = "../../../examples"

// terraformBlock is the example's `terraform { ... }` block: the test serves
// the provider in-process, so the registry source must go.
var terraformBlock = regexp.MustCompile(`(?ms)^terraform \{.*?^\}\n`)

func exampleConfig(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(examplesDir, rel))
	if err != nil {
		t.Fatal(err)
	}
	return terraformBlock.ReplaceAllString(string(b), "")
}

// TestDocExamplesPlan runs every estimate example the docs show.
func TestDocExamplesPlan(t *testing.T) {
	t.Parallel()
	var steps []resource.TestStep
	for _, rel := range []string{
		"data-sources/scaling_latency_estimate/data-source.tf",
		"data-sources/scaling_cost_estimate/data-source.tf",
		"data-sources/scaling_strategy/data-source.tf",
		"functions/warm_pool_size/function.tf",
		"functions/tier_for/function.tf",
		"functions/monthly_cost/function.tf",
		"functions/warm_pool_for_coverage/function.tf",
	} {
		steps = append(steps, resource.TestStep{Config: providerBlock + exampleConfig(t, rel)})
	}
	resource.UnitTest(t, resource.TestCase{ProtoV6ProviderFactories: factories, TerraformVersionChecks: functionVersions, Steps: steps})
}

// TestEstimatesExampleReadme keeps examples/estimates/README.md honest: the
// comment it shows is what the configuration produces. Set
// UPDATE_ESTIMATES_README=1 to rewrite it after a model change.
func TestEstimatesExampleReadme(t *testing.T) {
	t.Parallel()
	readmePath := filepath.Join(examplesDir, "estimates", "README.md")
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	head, shown, ok := strings.Cut(string(readme), "\n---\n\n")
	if !ok {
		t.Fatal("README.md has no '---' line before the comment")
	}
	check := statecheck.ExpectKnownOutputValue("pr_comment", knownvalue.StringExact(shown))
	if os.Getenv("UPDATE_ESTIMATES_README") == "1" {
		check = statecheck.ExpectKnownOutputValue("pr_comment", knownvalue.StringFunc(func(got string) error {
			return os.WriteFile(readmePath, []byte(head+"\n---\n\n"+got), 0o644)
		}))
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{{
			Config:            exampleConfig(t, "estimates/main.tf"),
			ConfigStateChecks: []statecheck.StateCheck{check},
		}},
	})
}
