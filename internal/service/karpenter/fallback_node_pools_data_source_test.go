package karpenter_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

const fallback = "data.scaling_karpenter_fallback_node_pools.test"

func fallbackConfig(body string) string {
	return acctest.OfflineDataSourceConfig("scaling_karpenter_fallback_node_pools", body)
}

func TestFallbackNodePoolsDataSource_spotFirst(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: fallbackConfig(`
  name            = "web"
  node_class_name = "web"
  labels          = { "example.com/workload" = "web" }
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(fallback, "spot_name", "web-spot"),
			resource.TestCheckResourceAttr(fallback, "on_demand_name", "web-on-demand"),
			resource.TestCheckResourceAttr(fallback, "spot_manifest.spec.weight", "100"),
			resource.TestCheckResourceAttr(fallback, "on_demand_manifest.spec.weight", "10"),
			resource.TestCheckResourceAttr(fallback, "spot_manifest.spec.template.spec.requirements.2.key", "karpenter.sh/capacity-type"),
			resource.TestCheckResourceAttr(fallback, "spot_manifest.spec.template.spec.requirements.2.values.0", "spot"),
			resource.TestCheckResourceAttr(fallback, "on_demand_manifest.spec.template.spec.requirements.2.values.0", "on-demand"),
			resource.TestCheckResourceAttr(fallback, "on_demand_manifest.spec.template.spec.nodeClassRef.name", "web"),
			resource.TestCheckResourceAttr(fallback, "manifests.#", "2"),
			resource.TestCheckResourceAttr(fallback, "manifests.0.metadata.name", "web-spot"),
			resource.TestCheckResourceAttr(fallback, "manifests.1.metadata.name", "web-on-demand"),
			resource.TestMatchResourceAttr(fallback, "yaml", regexp.MustCompile(`(?s)name: web-spot.*---\n.*name: web-on-demand`)),
			resource.TestMatchResourceAttr(fallback, "spot_yaml", regexp.MustCompile(`weight: 100`)),
			resource.TestMatchResourceAttr(fallback, "json", regexp.MustCompile(`^\[\n`)),
		),
	}})
}

func TestFallbackNodePoolsDataSource_perPoolLimits(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: fallbackConfig(`
  name        = "web"
  limits      = { cpu = "1000", memory = "4000Gi" }
  spot_limits = { cpu = "700" }
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(fallback, "spot_manifest.spec.limits.cpu", "700"),
			resource.TestCheckResourceAttr(fallback, "spot_manifest.spec.limits.memory", "4000Gi"),
			resource.TestCheckResourceAttr(fallback, "on_demand_manifest.spec.limits.cpu", "1000"),
			resource.TestCheckResourceAttr(fallback, "on_demand_manifest.spec.limits.memory", "4000Gi"),
			resource.TestMatchResourceAttr(fallback, "spot_yaml", regexp.MustCompile(`limits:\n    cpu: "700"\n    memory: 4000Gi\n`)),
		),
	}})
}

func TestFallbackNodePoolsDataSource_badInput(t *testing.T) {
	t.Parallel()
	cases := acctest.BadInputs{
		"guide's inverted weights":  {`name = "web"` + "\n" + `spot_weight = 10` + "\n" + `on_demand_weight = 100`, `must be higher than on_demand_weight`},
		"weight zero":               {`name = "web"` + "\n" + `on_demand_weight = 0`, `on_demand_weight: must be a whole number between 1 and 100, got 0`},
		"fractional weight":         {`name = "web"` + "\n" + `spot_weight = 99.5`, `spot_weight: must be a whole number between 1 and 100, got 99\.5`},
		"spot limit not a quantity": {`name = "web"` + "\n" + `spot_limits = { cpu = "lots" }`, `(?s)spot_limits.*not a quantity`},
		"shared attribute":          {`name = "web"` + "\n" + `consolidate_after = "1m"`, `Unsupported argument`},
	}
	acctest.ExpectErrors(t, fallbackConfig, cases)
}

func TestFallbackNodePoolsDataSource_problemPaths(t *testing.T) {
	t.Parallel()
	base := nodePoolBase()
	base["spot_limits"] = map[string]any{"cpu": "70"}
	acctest.CheckProblemPaths(t, "scaling_karpenter_fallback_node_pools", base)
}
