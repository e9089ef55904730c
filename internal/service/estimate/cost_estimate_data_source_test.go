package estimate_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

func TestCostEstimateDataSource(t *testing.T) {
	t.Parallel()
	const ds = "data.scaling_cost_estimate.guide"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{{
			// The guide's warm pool (15 pods x $0.05 x 720 h = $540) on tier-xl
			// ($1.65 x 730 h = $1,204.50), 3 clusters in 2 regions.
			Config: providerBlock + `
data "scaling_cost_estimate" "guide" {
  control_plane_tier     = "tier-xl"
  warm_baseline_replicas = 20
  warm_peak_replicas     = 120
  warm_pod_hour_usd      = 0.05
  clusters               = 3
  regions                = 2
  monthly_budget_usd     = 2000
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("warm_pods_resolved"), knownvalue.Int64Exact(15)),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("items").AtSliceIndex(1).AtMapKey("per_cluster_monthly_usd"), knownvalue.Float64Exact(540)),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("control_plane_monthly_usd"), knownvalue.Float64Exact(1.65*730)),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("per_cluster_monthly_usd"), knownvalue.Float64Exact(1.65*730+540)),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("fleet_monthly_usd"), knownvalue.Float64Exact(6*(1.65*730+540))),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("within_budget"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("summary_markdown"), knownvalue.StringRegexp(regexp.MustCompile(`\$1,744\.50`))),
			},
		}},
	})
}

// Issue 15: the standard-resolution alarms scaling_alert_rules renders
// (alarm_count) are priced and counted in the total.
func TestCostEstimateDataSourceStandardAlarms(t *testing.T) {
	t.Parallel()
	const ds = "data.scaling_cost_estimate.alarms"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{{
			Config: providerBlock + `
data "scaling_cost_estimate" "alarms" {
  standard_alarms        = 9
  high_resolution_alarms = 1
  clusters               = 2
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("items").AtSliceIndex(2), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"name":                    knownvalue.StringExact("standard_alarms"),
					"per_cluster_monthly_usd": knownvalue.Float64Exact(0.9),
					"fleet_monthly_usd":       knownvalue.Float64Exact(1.8),
					"formula":                 knownvalue.StringExact("9 alarms x $0.10"),
				})),
				// standard control plane $73 + 9 x $0.10 + 1 x $0.30
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("per_cluster_monthly_usd"), knownvalue.Float64Exact(74.2)),
				statecheck.ExpectKnownValue(ds, tfjsonpath.New("summary_markdown"), knownvalue.StringRegexp(regexp.MustCompile(`\| standard_alarms \| \$0\.90 \|`))),
			},
		}},
	})
}

func TestCostEstimateDataSourceBadInput(t *testing.T) {
	t.Parallel()
	steps := []resource.TestStep{}
	for _, c := range []struct{ body, err string }{
		{`control_plane_tier = "tier-8xl"`, `tier_hourly_usd.*no published price`},
		{"warm_peak_replicas = 10\n warm_baseline_replicas = 20\n warm_pod_hour_usd = 0.05", `warm_peak_replicas.*must not be below`},
		{`warm_pods = 3`, `warm_pod_hour_usd.*needs a price`},
		{"custom_metrics = 5\n metric_publish_interval_seconds = 0", `metric_publish_interval_seconds.*greater than 0`},
		{`regions = 0`, `regions: must be a whole number between 1 and 50, got 0`},
		{`clusters = 2.5`, `clusters: must be a whole number between 1 and 10000, got 2\.5`},
		{`tier_hourly_usd = 1e400`, `tier_hourly_usd: must be a number between 0 and 1000, got 1e\+400`},
		{`warm_safety_factor = 0.2`, `warm_safety_factor sizes the warm pool only with warm_peak_replicas`},
		{`standard_alarms = 2.5`, `standard_alarms: must be a whole number between 0 and 1000000, got 2\.5`},
		{`standard_alarms = -1`, `standard_alarms: must be a whole number between 0 and 1000000, got -1`},
		{`standard_alarms = 1000001`, `standard_alarms: must be a whole number between 0 and 1000000, got 1000001`},
	} {
		steps = append(steps, resource.TestStep{
			Config:      providerBlock + "data \"scaling_cost_estimate\" \"bad\" {\n " + c.body + "\n}",
			ExpectError: acctest.ErrorRegexp(c.err),
		})
	}
	resource.UnitTest(t, resource.TestCase{ProtoV6ProviderFactories: factories, Steps: steps})
}

func TestCostEstimateDataSource_problemPaths(t *testing.T) {
	t.Parallel()
	acctest.CheckProblemPaths(t, "scaling_cost_estimate", map[string]any{
		"control_plane_tier": "tier-xl", "warm_baseline_replicas": 20, "warm_peak_replicas": 120, "warm_pod_hour_usd": 0.05,
		"custom_metrics": 20, "clusters": 3, "regions": 2, "monthly_budget_usd": 2000.0, "standard_alarms": 9, "high_resolution_alarms": 1,
	})
}
