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

func TestStrategyDataSource(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{{
			Config: providerBlock + `
data "scaling_strategy" "spiky" {
  predictable_traffic = false
  requests_can_wait   = false
  baseline_can_rise   = false
  baseline_replicas   = 20
  peak_replicas       = 120
  target_p95_seconds  = 60
}
data "scaling_strategy" "queue" {
  predictable_traffic = false
  requests_can_wait   = true
  baseline_can_rise   = false
  peak_replicas       = 1000
}
data "scaling_strategy" "tight_budget" {
  predictable_traffic = false
  requests_can_wait   = false
  baseline_can_rise   = false
  baseline_replicas   = 20
  peak_replicas       = 120
  monthly_budget_usd  = 100
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.scaling_strategy.spiky", tfjsonpath.New("strategy"), knownvalue.StringExact("warm_pool")),
				statecheck.ExpectKnownValue("data.scaling_strategy.spiky", tfjsonpath.New("warm_pods"), knownvalue.Int64Exact(15)),
				statecheck.ExpectKnownValue("data.scaling_strategy.spiky", tfjsonpath.New("extra_monthly_usd"), knownvalue.Float64Exact(540)),
				// 15 warm pods take 15 of the 100-pod burst; the other 85 wait for new nodes (over 60 s).
				statecheck.ExpectKnownValue("data.scaling_strategy.spiky", tfjsonpath.New("meets_slo"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue("data.scaling_strategy.queue", tfjsonpath.New("strategy"), knownvalue.StringExact("queue_driven")),
				statecheck.ExpectKnownValue("data.scaling_strategy.queue", tfjsonpath.New("control_plane_tier"), knownvalue.StringExact("tier-xl")),
				statecheck.ExpectKnownValue("data.scaling_strategy.tight_budget", tfjsonpath.New("strategy"), knownvalue.StringExact("fast_reactive")),
				statecheck.ExpectKnownValue("data.scaling_strategy.tight_budget", tfjsonpath.New("within_budget"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue("data.scaling_strategy.spiky", tfjsonpath.New("summary_markdown"), knownvalue.StringRegexp(regexp.MustCompile("`warm_pool`"))),
			},
		}},
	})
}

func TestStrategyDataSourceBadInput(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{{
			Config: providerBlock + `
data "scaling_strategy" "bad" {
  predictable_traffic = false
  requests_can_wait   = false
  baseline_can_rise   = false
  baseline_replicas   = 50
  peak_replicas       = 50
}`,
			ExpectError: acctest.ErrorRegexp(`peak_replicas.*no burst to plan for`),
		}, {
			Config: providerBlock + `
data "scaling_strategy" "bad" {
  predictable_traffic = false
  requests_can_wait   = false
  baseline_can_rise   = false
  peak_replicas       = 1e30
}`,
			ExpectError: acctest.ErrorRegexp(`peak_replicas: must be a whole number between 0 and 1000000, got 1e\+30`),
		}},
	})
}

func TestStrategyDataSource_problemPaths(t *testing.T) {
	t.Parallel()
	acctest.CheckProblemPaths(t, "scaling_strategy", map[string]any{
		"predictable_traffic": false, "requests_can_wait": false, "baseline_can_rise": false,
		"baseline_replicas": 20, "peak_replicas": 120, "target_p95_seconds": 60.0,
	})
}
