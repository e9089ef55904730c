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
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/latency"
)

func TestLatencyEstimateDataSource(t *testing.T) {
	t.Parallel()
	// The expected figures come from the model, so the test checks the wiring.
	want, _ := latency.Estimate(latency.Input{})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{
			{
				// The default stack: metrics-server CPU, HPA, Karpenter spot, AL2023.
				Config: providerBlock + `data "scaling_latency_estimate" "default" {}`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.scaling_latency_estimate.default", tfjsonpath.New("stages"), knownvalue.ListSizeExact(7)),
					statecheck.ExpectKnownValue("data.scaling_latency_estimate.default", tfjsonpath.New("stages").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact(latency.StageMetricDetection)),
					statecheck.ExpectKnownValue("data.scaling_latency_estimate.default", tfjsonpath.New("total").AtMapKey("p95_seconds"), knownvalue.Float64Exact(want.Total.P95)),
					statecheck.ExpectKnownValue("data.scaling_latency_estimate.default", tfjsonpath.New("dominant_stage"), knownvalue.StringExact(want.Dominant)),
					statecheck.ExpectKnownValue("data.scaling_latency_estimate.default", tfjsonpath.New("meets_slo"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.scaling_latency_estimate.default", tfjsonpath.New("summary_markdown"), knownvalue.StringRegexp(regexp.MustCompile(`(?s)\| \*\*total\*\* \|.*Assumptions`))),
				},
			},
			{
				// Warm capacity with fast metrics and a 30 s target.
				Config: providerBlock + `
data "scaling_latency_estimate" "warm" {
  metric_source           = "keda_prometheus"
  scrape_interval_seconds = 5
  capacity                = "warm"
  image_cached_on_node    = true
  target_p95_seconds      = 60
}`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.scaling_latency_estimate.warm", tfjsonpath.New("meets_slo"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue("data.scaling_latency_estimate.warm", tfjsonpath.New("stages").AtSliceIndex(3).AtMapKey("p95_seconds"), knownvalue.Float64Exact(0)),
				},
			},
		},
	})
}

func TestLatencyEstimateDataSourceTierEffect(t *testing.T) {
	t.Parallel()
	std, _ := latency.Estimate(latency.Input{BurstPods: ptr(int64(1000))})
	xl, _ := latency.Estimate(latency.Input{BurstPods: ptr(int64(1000)), Tier: "tier-xl"})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{{
			Config: providerBlock + `
data "scaling_latency_estimate" "standard" { burst_pods = 1000 }
data "scaling_latency_estimate" "xl" {
  burst_pods         = 1000
  control_plane_tier = "tier-xl"
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.scaling_latency_estimate.standard", tfjsonpath.New("stages").AtSliceIndex(4).AtMapKey("p95_seconds"), knownvalue.Float64Exact(20)),
				statecheck.ExpectKnownValue("data.scaling_latency_estimate.xl", tfjsonpath.New("stages").AtSliceIndex(4).AtMapKey("p95_seconds"), knownvalue.Float64Exact(1000.0/167)),
				statecheck.ExpectKnownValue("data.scaling_latency_estimate.standard", tfjsonpath.New("total").AtMapKey("p95_seconds"), knownvalue.Float64Exact(std.Total.P95)),
				statecheck.ExpectKnownValue("data.scaling_latency_estimate.xl", tfjsonpath.New("total").AtMapKey("p95_seconds"), knownvalue.Float64Exact(xl.Total.P95)),
			},
		}},
	})
}

func TestLatencyEstimateDataSourceBadInput(t *testing.T) {
	t.Parallel()
	steps := []resource.TestStep{}
	for _, c := range []struct{ body, err string }{
		{`scrape_interval_seconds = 0`, `scrape_interval_seconds must be above 0`},
		{`hpa_sync_period_seconds = -15`, `hpa_sync_period_seconds: must be a whole number between 10 and 15, got -15`},
		// Issue 13 items 1 and 7: fractions and huge numbers are plan-time
		// errors naming the attribute and its physical bounds.
		{`burst_pods = 10.5`, `burst_pods: must be a whole number between 1 and 150000, got 10\.5`},
		{"scale_up_policy = \"kubernetes_default\"\n  current_replicas = 1\n  burst_pods = 9000000000000000000", `burst_pods: must be a whole number between 1 and 150000`},
		{`app_start_seconds = 1e400`, `app_start_seconds: must be a number between 0 and 3600, got 1e\+400`},
		{`scrape_interval_seconds = 1e12`, `scrape_interval_seconds: must be a number between 0 and 3600`},
		{`image_size_mb = 1000000`, `image_size_mb: must be a number between 0 and 100000`},
		{`readiness_period_seconds = 2.5`, `readiness_period_seconds: must be a whole number between 1 and 3600`},
		{`current_replicas = -1`, `current_replicas: must be a whole number between 0 and 150000, got -1`},
		// Item 7: keda_sqs reads live; a sampling interval is refused.
		{"metric_source = \"keda_sqs\"\n  scrape_interval_seconds = 30", `scrape_interval_seconds does not apply to metric_source "keda_sqs"`},
		// Item 6: below 15 s needs a provisioned tier.
		{`hpa_sync_period_seconds = 10`, `set control_plane_tier to tier-xl or above`},
		{"capacity = \"warm\"\n  warm_mode = \"pause\"", `unknown warm_mode "pause"`},
		{`warm_pool_pods = 10`, `warm_pool_pods only applies to capacity = "warm"`},
		{"queued_admission = \"provisioning_request\"", `Karpenter does not act on it`},
		{`metric_source = "datadog"`, `unknown metric_source "datadog"`},
		{`control_plane_tier = "tier-8xl"`, `tier-8xl has no published pod scheduling rate`},
		{`scale_up_policy = "kubernetes_default"`, `current_replicas.*set current_replicas to 1 or more`},
	} {
		steps = append(steps, resource.TestStep{
			Config:      providerBlock + `data "scaling_latency_estimate" "bad" {` + "\n  " + c.body + "\n}",
			ExpectError: acctest.ErrorRegexp(c.err),
		})
	}
	resource.UnitTest(t, resource.TestCase{ProtoV6ProviderFactories: factories, Steps: steps})
}

// Issue 13 items 2, 5, 6: the burst beyond the warm pool waits for new
// nodes; the queued path reports its wait apart; EKS's 10 s sync period on a
// provisioned tier; pre-pulled images.
func TestLatencyEstimateDataSourcePartsAndQueue(t *testing.T) {
	t.Parallel()
	split, _ := latency.Estimate(latency.Input{Capacity: latency.CapacityWarm, BurstPods: ptr(int64(100)), WarmPoolPods: ptr(int64(15)), ImagePrepulled: true})
	cold, _ := split.Part(latency.PartOverflow)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{{
			Config: providerBlock + `
data "scaling_latency_estimate" "split" {
  capacity        = "warm"
  burst_pods      = 100
  warm_pool_pods  = 15
  image_prepulled = true
}
data "scaling_latency_estimate" "queued" {
  queued_admission   = "quota"
  queue_wait_seconds = 120
}
data "scaling_latency_estimate" "fast_sync" {
  hpa_sync_period_seconds = 10
  control_plane_tier      = "tier-xl"
}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.scaling_latency_estimate.split", tfjsonpath.New("parts").AtSliceIndex(0).AtMapKey("pods"), knownvalue.Int64Exact(15)),
				statecheck.ExpectKnownValue("data.scaling_latency_estimate.split", tfjsonpath.New("parts").AtSliceIndex(1).AtMapKey("name"), knownvalue.StringExact("new_nodes")),
				statecheck.ExpectKnownValue("data.scaling_latency_estimate.split", tfjsonpath.New("parts").AtSliceIndex(1).AtMapKey("pods"), knownvalue.Int64Exact(85)),
				// The burst takes the slower part: the 85 pods on new nodes.
				statecheck.ExpectKnownValue("data.scaling_latency_estimate.split", tfjsonpath.New("parts").AtSliceIndex(1).AtMapKey("p95_seconds"), knownvalue.Float64Exact(cold.Total.P95)),
				statecheck.ExpectKnownValue("data.scaling_latency_estimate.split", tfjsonpath.New("total").AtMapKey("p95_seconds"), knownvalue.Float64Exact(cold.Total.P95)),
				statecheck.ExpectKnownValue("data.scaling_latency_estimate.split", tfjsonpath.New("queue_wait"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.scaling_latency_estimate.queued", tfjsonpath.New("queue_wait").AtMapKey("typical_seconds"), knownvalue.Float64Func(func(v float64) error {
					if v < 120 {
						return fmt.Errorf("queue wait %v should hold the 120 s", v)
					}
					return nil
				})),
				statecheck.ExpectKnownValue("data.scaling_latency_estimate.queued", tfjsonpath.New("stages").AtSliceIndex(0).AtMapKey("p95_seconds"), knownvalue.Float64Exact(0)),
				statecheck.ExpectKnownValue("data.scaling_latency_estimate.fast_sync", tfjsonpath.New("stages").AtSliceIndex(1).AtMapKey("p95_seconds"),
					knownvalue.Float64Exact(latency.HPADecisionFraction.P95*10)),
			},
		}},
	})
}

func TestLatencyEstimateDataSourceImpossibleTarget(t *testing.T) {
	t.Parallel()
	// A warning, not an error: the plan goes on, meets_slo is false.
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{{
			Config: providerBlock + `data "scaling_latency_estimate" "tight" { target_p95_seconds = 5 }`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.scaling_latency_estimate.tight", tfjsonpath.New("meets_slo"), knownvalue.Bool(false)),
			},
		}},
	})
}

func ptr[T any](v T) *T { return &v }

func TestLatencyEstimateDataSource_problemPaths(t *testing.T) {
	t.Parallel()
	acctest.CheckProblemPaths(t, "scaling_latency_estimate", map[string]any{
		"metric_source": "keda_prometheus", "scrape_interval_seconds": 15.0, "burst_pods": 100, "target_p95_seconds": 60.0,
	})
}
