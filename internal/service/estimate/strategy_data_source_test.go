package estimate_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/strategy"
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
			ExpectError: acctest.ErrorRegexp(`peak_replicas: must be a whole number between 0 and 150000, got 1e\+30`),
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

// Issue 13 items 2-5: the strategy's estimate follows its own
// recommendation, the budget fallback takes the fastest that fits, observed
// bursts size the warm pool, batch work is queued in Kueue.
func TestStrategyDataSourceFollowsItsRecommendation(t *testing.T) {
	t.Parallel()
	rec := func(in strategy.Input) strategy.Recommendation {
		r, ps := strategy.Recommend(in)
		if ps.HasErrors() {
			t.Fatal(ps)
		}
		return r
	}
	few := rec(strategy.Input{PeakReplicas: 1000, SafetyFactor: ptr(0.01)})
	all := rec(strategy.Input{PeakReplicas: 1000, SafetyFactor: ptr(1.0)})
	if !(few.Latency.Total.P95 > all.Latency.Total.P95) {
		t.Fatalf("10 warm pods of 1,000 (p95 %.1f) should be slower than 1,000 (p95 %.1f)", few.Latency.Total.P95, all.Latency.Total.P95)
	}
	budget := rec(strategy.Input{PeakReplicas: 5000, MonthlyBudgetUSD: ptr(2500.0)})
	bursts := `[12, 8, 15, 40, 9, 11, 13, 10, 7, 14, 16, 12, 95, 11, 9, 10, 13, 12, 8, 18, 11, 10, 9, 14, 12, 13, 60, 10, 11, 12]`
	answers := "predictable_traffic = false\n  requests_can_wait = false\n  baseline_can_rise = false\n"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{{
			Config: providerBlock + `
data "scaling_strategy" "few" {
  ` + answers + `  peak_replicas = 1000
  safety_factor = 0.01
}
data "scaling_strategy" "all" {
  ` + answers + `  peak_replicas = 1000
  safety_factor = 1
}
data "scaling_strategy" "budget" {
  ` + answers + `  peak_replicas      = 5000
  monthly_budget_usd = 2500
}
data "scaling_strategy" "scheduled" {
  predictable_traffic = true
  requests_can_wait   = false
  baseline_can_rise   = false
  baseline_replicas   = 20
  peak_replicas       = 120
}
data "scaling_strategy" "batch" {
  predictable_traffic = false
  requests_can_wait   = true
  baseline_can_rise   = false
  batch_jobs          = true
  peak_replicas       = 200
  queue_wait_seconds  = 300
}
data "scaling_strategy" "observed" {
  ` + answers + `  peak_replicas   = 100
  observed_bursts = ` + bursts + `
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.scaling_strategy.few", tfjsonpath.New("parts").AtSliceIndex(1).AtMapKey("pods"), knownvalue.Int64Exact(990)),
				statecheck.ExpectKnownValue("data.scaling_strategy.few", tfjsonpath.New("total").AtMapKey("p95_seconds"), knownvalue.Float64Exact(few.Latency.Total.P95)),
				statecheck.ExpectKnownValue("data.scaling_strategy.all", tfjsonpath.New("total").AtMapKey("p95_seconds"), knownvalue.Float64Exact(all.Latency.Total.P95)),
				statecheck.ExpectKnownValue("data.scaling_strategy.budget", tfjsonpath.New("control_plane_tier"), knownvalue.StringExact(budget.Tier)),
				statecheck.ExpectKnownValue("data.scaling_strategy.budget", tfjsonpath.New("within_budget"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue("data.scaling_strategy.scheduled", tfjsonpath.New("prescale_lead").AtMapKey("p95_seconds"), knownvalue.NotNull()),
				statecheck.ExpectKnownValue("data.scaling_strategy.scheduled", tfjsonpath.New("stages").AtSliceIndex(5).AtMapKey("p95_seconds"), knownvalue.Float64Exact(0)),
				statecheck.ExpectKnownValue("data.scaling_strategy.batch", tfjsonpath.New("strategy"), knownvalue.StringExact("queued_admission")),
				statecheck.ExpectKnownValue("data.scaling_strategy.batch", tfjsonpath.New("kueue_objects"), knownvalue.ListSizeExact(3)),
				statecheck.ExpectKnownValue("data.scaling_strategy.batch", tfjsonpath.New("queue_wait").AtMapKey("best_seconds"), knownvalue.Float64Func(func(v float64) error {
					if v < 300 {
						return fmt.Errorf("queue wait %v should hold the 300 s", v)
					}
					return nil
				})),
				statecheck.ExpectKnownValue("data.scaling_strategy.observed", tfjsonpath.New("warm_pods"), knownvalue.Int64Exact(18)),
				statecheck.ExpectKnownValue("data.scaling_strategy.observed", tfjsonpath.New("burst_coverage"), knownvalue.Float64Exact(0.9)),
				statecheck.ExpectKnownValue("data.scaling_strategy.observed", tfjsonpath.New("warm_pods_for_coverage"), knownvalue.Int64Exact(18)),
			},
		}},
	})
	if budget.Tier == "standard" {
		t.Errorf("a $2,500 budget fits tier-xl or tier-2xl; the fallback chose standard")
	}
}

func TestStrategyDataSourceBadBursts(t *testing.T) {
	t.Parallel()
	answers := "predictable_traffic = false\n  requests_can_wait = false\n  baseline_can_rise = false\n  peak_replicas = 100\n"
	config := func(body string) string { return acctest.OfflineDataSourceConfig("scaling_strategy", answers+body) }
	acctest.ExpectErrors(t, config, acctest.BadInputs{
		"fraction":      {Body: "  observed_bursts = [5, 10.5]", Want: `observed_bursts\[1\] must be a whole number between 0 and 150000`},
		"negative":      {Body: "  observed_bursts = [5, -1]", Want: `observed_bursts\[1\] must be a whole number`},
		"coverage_only": {Body: "  target_coverage = 0.9", Want: `target_coverage sizes the warm pool from observed_bursts`},
		"sync":          {Body: "  hpa_sync_period_seconds = 9", Want: `hpa_sync_period_seconds: must be a whole number between 10 and 15`},
		"probe":         {Body: "  readiness_period_seconds = 0.5", Want: `readiness_period_seconds: must be a whole number between 1 and 3600`},
	})
}
