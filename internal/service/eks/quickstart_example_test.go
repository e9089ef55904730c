package eks_test

import (
	"os"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

// terraformBlock is an example's `terraform { ... }` block: the test serves
// the provider in-process, so the registry source must go.
var terraformBlock = regexp.MustCompile(`(?ms)^terraform \{.*?^\}\n`)

// examples/quickstart (the tier-only example; `make demo` runs the whole
// stack instead) applies as written, with its own provider block pointed at
// the emulator: the cluster moves to the tier, the outputs report what the
// API says the tier gives and what it costs, and destroy puts standard back.
func TestAccControlPlaneTier_quickstartExample(t *testing.T) {
	acctest.SkipIfExternal(t)
	parallel(t)
	cluster := testCluster(t, "")
	example, err := os.ReadFile("../../../examples/quickstart/main.tf")
	if err != nil {
		t.Fatal(err)
	}
	cfg := terraformBlock.ReplaceAllString(string(example), "")
	if cfg == string(example) {
		t.Fatal("examples/quickstart/main.tf has no terraform block to strip")
	}
	outputs, err := os.ReadFile("../../../examples/quickstart/outputs.tf")
	if err != nil {
		t.Fatal(err)
	}
	seats, pods, _ := tierCapabilities(t, "1.33", "tier-2xl")
	acctest.Test(t, checkDestroyReverted(t), []resource.TestStep{{
		Config: cfg + string(outputs),
		ConfigVariables: config.Variables{
			"cluster_name":         config.StringVariable(cluster),
			"tier":                 config.StringVariable("tier-2xl"),
			"endpoint_url":         config.StringVariable(acctest.EmulatorURL(t)),
			"use_test_credentials": config.BoolVariable(true),
		},
		Check: checkClusterTier(t, cluster, "tier-2xl"),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValueAtPath("tier", tfjsonpath.New("tier"), knownvalue.StringExact("tier-2xl")),
			statecheck.ExpectKnownOutputValueAtPath("tier", tfjsonpath.New("previous_tier"), knownvalue.StringExact("standard")),
			statecheck.ExpectKnownOutputValueAtPath("capabilities", tfjsonpath.New("api_request_concurrency"), knownvalue.Int64Exact(int64(seats))),
			statecheck.ExpectKnownOutputValueAtPath("capabilities", tfjsonpath.New("pod_scheduling_rate_per_second"), knownvalue.Int64Exact(int64(pods))),
			statecheck.ExpectKnownOutputValueAtPath("cost", tfjsonpath.New("monthly_usd"), knownvalue.NotNull()),
			statecheck.ExpectKnownOutputValue("all_tiers", knownvalue.ListSizeExact(5)),
		},
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
		},
	}})
}
