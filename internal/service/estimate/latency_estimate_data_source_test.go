package estimate_test

import (
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
		{`hpa_sync_period_seconds = -15`, `hpa_sync_period_seconds: must be a number between 0 and 3600, got -15`},
		{`burst_pods = 10.5`, `burst_pods: must be a whole number between 1 and 1000000, got 10\.5`},
		{`app_start_seconds = 1e400`, `app_start_seconds: must be a number between 0 and 86400, got 1e\+400`},
		{`current_replicas = -1`, `current_replicas: must be a whole number between 0 and 1000000, got -1`},
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
