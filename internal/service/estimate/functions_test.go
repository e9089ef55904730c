package estimate_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

func TestFunctions(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		TerraformVersionChecks:   functionVersions,
		Steps: []resource.TestStep{{
			Config: providerBlock + `
output "guide_warm_pool" { value = provider::scaling::warm_pool_size(20, 120, 0.15, "peak_delta") }
output "peak_basis"      { value = provider::scaling::warm_pool_size(20, 120, 0.15, "peak") }
output "tier_small"      { value = provider::scaling::tier_for(40, 0) }
output "tier_burst"      { value = provider::scaling::tier_for(1000 / 5, 0) }
output "tier_seats"      { value = provider::scaling::tier_for(10, 5000) }
output "tier_xl_month"   { value = provider::scaling::monthly_cost(1.65) }
output "warm_month"      { value = provider::scaling::monthly_cost(15 * 0.05, 720) }
output "coverage_90"     { value = provider::scaling::warm_pool_for_coverage([12, 8, 15, 40, 9, 11, 13, 10, 7, 14], 0.9) }
output "coverage_all"    { value = provider::scaling::warm_pool_for_coverage([12, 8, 15, 40, 9], 1) }
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("guide_warm_pool", knownvalue.Int64Exact(15)),
				statecheck.ExpectKnownOutputValue("peak_basis", knownvalue.Int64Exact(18)),
				statecheck.ExpectKnownOutputValue("tier_small", knownvalue.StringExact("standard")),
				statecheck.ExpectKnownOutputValue("tier_burst", knownvalue.StringExact("tier-2xl")),
				statecheck.ExpectKnownOutputValue("tier_seats", knownvalue.StringExact("tier-4xl")),
				statecheck.ExpectKnownOutputValue("tier_xl_month", knownvalue.Float64Exact(1.65*730)),
				statecheck.ExpectKnownOutputValue("warm_month", knownvalue.Float64Exact(540)),
				// 9 of 10 bursts are 15 pods or fewer.
				statecheck.ExpectKnownOutputValue("coverage_90", knownvalue.Int64Exact(15)),
				statecheck.ExpectKnownOutputValue("coverage_all", knownvalue.Int64Exact(40)),
			},
		}},
	})
}

func TestFunctionsBadInput(t *testing.T) {
	t.Parallel()
	steps := []resource.TestStep{}
	for _, c := range []struct{ expr, err string }{
		{`warm_pool_size(20, 10, 0.15, "peak_delta")`, `peak_replicas \(10\) must not be below`},
		{`warm_pool_size(0, 10, 1.5, "peak_delta")`, `"safety_factor" parameter: must be a number between 0 and 1, got 1\.5`},
		{`warm_pool_size(0, 10, 0.1, "average")`, `basis must be`},
		{`warm_pool_size(0, 10.5, 0.15, "peak")`, `"peak_replicas" parameter: must be a whole number between 0 and 1000000, got 10\.5`},
		{`warm_pool_size(1e400, 10, 0.15, "peak")`, `"baseline_replicas" parameter: must be a whole number between 0 and 1000000, got 1e\+400`},
		{`warm_pool_size(0, 10, 1e400, "peak")`, `"safety_factor" parameter: must be a number between 0 and 1, got 1e\+400`},
		{`tier_for(-1, 0)`, `"pod_scheduling_rate_per_second" parameter: must be a number between 0 and 1000000, got -1`},
		{`tier_for(10, 1e400)`, `"api_request_concurrency" parameter: must be a number between 0 and 1000000, got 1e\+400`},
		{`tier_for(500, 0)`, `tier-8xl may fit but has no published figures`},
		{`monthly_cost(-1)`, `"hourly_price_usd" parameter: must be a number between 0 and 1000000, got -1`},
		{`monthly_cost(1, 1e400)`, `must be a number between 0 and 744, got 1e\+400`},
		{`monthly_cost(1, 0)`, `hours_per_month must be in`},
		{`warm_pool_for_coverage([], 0.9)`, `give at least one observed burst`},
		{`warm_pool_for_coverage([5, 10.5], 0.9)`, `bursts\[1\] must be a whole number between 0 and 150000`},
		{`warm_pool_for_coverage([5, -1], 0.9)`, `bursts\[1\] must be a whole number`},
		{`warm_pool_for_coverage([5, 1e400], 0.9)`, `bursts\[1\] must be a whole number`},
		{`warm_pool_for_coverage([5], 0)`, `coverage is the share of bursts to absorb completely, in \(0, 1\]`},
		{`warm_pool_for_coverage([5], 1.5)`, `"coverage" parameter: must be a number between 0 and 1`},
	} {
		steps = append(steps, resource.TestStep{
			Config:      providerBlock + "output \"x\" { value = provider::scaling::" + c.expr + " }\n",
			ExpectError: acctest.ErrorRegexp(c.err),
		})
	}
	resource.UnitTest(t, resource.TestCase{ProtoV6ProviderFactories: factories, TerraformVersionChecks: functionVersions, Steps: steps})
}
