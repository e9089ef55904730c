package workload_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

const hpa = "data.scaling_horizontal_pod_autoscaler.test"

func hpaConfig(body string) string {
	return acctest.OfflineDataSourceConfig("scaling_horizontal_pod_autoscaler", body)
}

func TestHPADataSource_defaults(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: hpaConfig(`
  namespace        = "shop"
  scale_target_ref = { name = "checkout" }
  max_replicas     = 50
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(hpa, "manifest.apiVersion", "autoscaling/v2"),
			resource.TestCheckResourceAttr(hpa, "manifest.metadata.name", "checkout"),
			resource.TestCheckResourceAttr(hpa, "manifest.spec.minReplicas", "1"),
			resource.TestCheckResourceAttr(hpa, "manifest.spec.metrics.0.resource.target.averageUtilization", "70"),
			resource.TestCheckResourceAttr(hpa, "manifest.spec.behavior.scaleUp.stabilizationWindowSeconds", "0"),
			resource.TestCheckResourceAttr(hpa, "manifest.spec.behavior.scaleUp.selectPolicy", "Max"),
			resource.TestCheckResourceAttr(hpa, "manifest.spec.behavior.scaleUp.policies.0.type", "Percent"),
			resource.TestCheckResourceAttr(hpa, "manifest.spec.behavior.scaleUp.policies.0.value", "100"),
			resource.TestCheckResourceAttr(hpa, "manifest.spec.behavior.scaleUp.policies.1.type", "Pods"),
			resource.TestCheckResourceAttr(hpa, "manifest.spec.behavior.scaleUp.policies.1.periodSeconds", "15"),
			resource.TestCheckResourceAttr(hpa, "manifest.spec.behavior.scaleDown.stabilizationWindowSeconds", "300"),
			resource.TestCheckResourceAttr(hpa, "manifests.#", "1"),
			resource.TestMatchResourceAttr(hpa, "yaml", regexp.MustCompile(`kind: HorizontalPodAutoscaler`)),
		),
	}})
}

func TestHPADataSource_metrics(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: hpaConfig(`
  scale_target_ref = { kind = "StatefulSet", name = "workers" }
  min_replicas     = 2
  max_replicas     = 100
  scale_up_pods    = 10
  metric = [
    { type = "resource", name = "cpu", utilization = 60 },
    { type = "pods", name = "jobs_in_flight", value = "5" },
    { type = "object", name = "requests-per-second", value = "2k",
      described_object = { api_version = "networking.k8s.io/v1", kind = "Ingress", name = "main" } },
    { type = "external", name = "queue_depth", target_type = "AverageValue", value = "30", selector = { queue = "jobs" } },
  ]
  behavior = {
    scale_down = { stabilization_window_seconds = 600, policies = [{ type = "Pods", value = 2, period_seconds = 60 }] }
  }
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(hpa, "manifest.spec.scaleTargetRef.kind", "StatefulSet"),
			resource.TestCheckResourceAttr(hpa, "manifest.spec.metrics.#", "4"),
			resource.TestCheckResourceAttr(hpa, "manifest.spec.metrics.1.pods.target.averageValue", "5"),
			resource.TestCheckResourceAttr(hpa, "manifest.spec.metrics.2.object.describedObject.kind", "Ingress"),
			resource.TestCheckResourceAttr(hpa, "manifest.spec.metrics.2.object.target.value", "2k"),
			resource.TestCheckResourceAttr(hpa, "manifest.spec.metrics.3.external.metric.selector.matchLabels.queue", "jobs"),
			resource.TestCheckResourceAttr(hpa, "manifest.spec.behavior.scaleUp.policies.1.value", "10"),
			resource.TestCheckResourceAttr(hpa, "manifest.spec.behavior.scaleDown.stabilizationWindowSeconds", "600"),
			resource.TestCheckResourceAttr(hpa, "manifest.spec.behavior.scaleDown.policies.0.type", "Pods"),
		),
	}})
}

func TestHPADataSource_badInput(t *testing.T) {
	t.Parallel()
	cases := acctest.BadInputs{
		"max below min": {`scale_target_ref = { name = "a" }
  min_replicas = 5
  max_replicas = 2`, `max_replicas[\s\S]*at least min_replicas`},
		"resource Value": {`scale_target_ref = { name = "a" }
  max_replicas = 5
  metric = [{ type = "resource", name = "cpu", target_type = "Value", value = "1" }]`, `metric\[0\]\.target_type[\s\S]*not Value`},
		"fractional max replicas": {`scale_target_ref = { name = "a" }
  max_replicas = 2.5`, `max_replicas: must be a whole number between 0 and 1000000, got 2\.5`},
		"fractional policy value": {`scale_target_ref = { name = "a" }
  max_replicas = 5
  behavior = { scale_up = { policies = [{ type = "Pods", value = 1.5, period_seconds = 15 }] } }`, `behavior\.scale_up\.policies\[0\]\.value: must be a whole number between 1 and 1000000, got 1\.5`},
		"period too long": {`scale_target_ref = { name = "a" }
  max_replicas = 5
  behavior = { scale_up = { policies = [{ type = "Pods", value = 4, period_seconds = 3600 }] } }`, `period_seconds[\s\S]*1800`},
	}
	acctest.ExpectErrors(t, hpaConfig, cases)
}

func TestHPADataSource_problemPaths(t *testing.T) {
	t.Parallel()
	acctest.CheckProblemPaths(t, "scaling_horizontal_pod_autoscaler", map[string]any{
		"scale_target_ref": map[string]any{"name": "web"}, "min_replicas": 2, "max_replicas": 50,
		"metric": []any{
			map[string]any{"type": "resource", "name": "cpu", "utilization": 70},
			map[string]any{"type": "object", "name": "rps", "value": "2k", "described_object": map[string]any{"kind": "Ingress", "name": "main", "api_version": "networking.k8s.io/v1"}},
		},
		"behavior": behaviorBase(),
	})
}

// behaviorBase sets both directions of the HPA behavior.
func behaviorBase() map[string]any {
	return map[string]any{
		"scale_up":   map[string]any{"stabilization_window_seconds": 0, "policies": []any{map[string]any{"type": "Pods", "value": 4, "period_seconds": 15}}},
		"scale_down": map[string]any{"select_policy": "Min", "policies": []any{map[string]any{"type": "Percent", "value": 100, "period_seconds": 15}}},
	}
}
