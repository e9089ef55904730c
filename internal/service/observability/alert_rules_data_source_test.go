package observability_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

const alertRules = "data.scaling_alert_rules.test"

func alertConfig(body string) string {
	return acctest.OfflineDataSourceConfig("scaling_alert_rules", body)
}

func TestAlertRulesDataSource_stack(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: alertConfig(`
  cluster_name       = "prod-use1"
  target_p95_seconds = 90
  detection_seconds  = 5
  workload           = { namespace = "shop", name = "checkout" }
  warm_pool          = { namespace = "shop", deployment = "checkout-warm-pool", size = 15 }
  price_per_pod_hour = 0.05
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(alertRules, "manifest.kind", "PrometheusRule"),
			resource.TestCheckResourceAttr(alertRules, "manifest.spec.groups.0.rules.0.alert", "ScaleOutP95AboveTarget"),
			resource.TestMatchResourceAttr(alertRules, "manifest.spec.groups.0.rules.0.expr", regexp.MustCompile(`\) > 85$`)),
			resource.TestCheckResourceAttr(alertRules, "rules.0.threshold", "85"),
			resource.TestCheckResourceAttr(alertRules, "rules.0.metrics.0.name", "kube_pod_status_ready_time"),
			resource.TestCheckResourceAttr(alertRules, "rules.0.metrics.0.component", "kube-state-metrics"),
			resource.TestCheckResourceAttr(alertRules, "rules.0.metrics.0.version", "v2.18.0"),
			resource.TestMatchResourceAttr(alertRules, "rules.0.metrics.0.file", regexp.MustCompile(`docs/metrics/workload/pod-metrics.md$`)),
			resource.TestCheckResourceAttr(alertRules, "rule_count", "8"),
			resource.TestCheckResourceAttr(alertRules, "skipped_kpis.#", "0"),
			resource.TestCheckResourceAttr(alertRules, "alarm_count", "5"),
			resource.TestCheckResourceAttr(alertRules, "high_resolution_alarm_count", "0"),
			resource.TestCheckResourceAttr(alertRules, "cloudwatch_alarms.warm-pool-low.threshold", "4"),
			resource.TestCheckResourceAttr(alertRules, "cloudwatch_alarms.warm-pool-low.dimensions.PodName", "checkout-warm-pool"),
			resource.TestCheckResourceAttr(alertRules, "cloudwatch_alarms.pods-unschedulable.namespace", "AWS/EKS"),
			resource.TestCheckResourceAttr(alertRules, "cloudwatch_alarms.pods-unschedulable.metric_name", "scheduler_pending_pods_UNSCHEDULABLE"),
			resource.TestCheckResourceAttr(alertRules, "cloudwatch_skipped_kpis.#", "3"),
		),
	}})
}

// Without a cluster name no alarm is rendered, and the KPIs that need a
// missing input say so.
func TestAlertRulesDataSource_minimal(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: alertConfig(`target_p95_seconds = 120`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(alertRules, "alarm_count", "0"),
			resource.TestCheckResourceAttr(alertRules, "cloudwatch_alarms.%", "0"),
			resource.TestCheckResourceAttr(alertRules, "skipped_kpis.#", "3"),
			resource.TestCheckResourceAttr(alertRules, "skipped_kpis.0.kpi", "scale_out_p95"),
			resource.TestCheckResourceAttr(alertRules, "rule_count", "4"),
		),
	}})
}

func TestAlertRulesDataSource_badInput(t *testing.T) {
	t.Parallel()
	acctest.ExpectErrors(t, alertConfig, acctest.BadInputs{
		"extra rule on a metric Karpenter does not export": {`target_p95_seconds = 90
  extra_rule = [{ alert = "NodesCreated", expr = "rate(karpenter_nodes_created[5m]) > 1" }]`,
			`extra_rule\[0\]\.expr[\s\S]*Karpenter v1.14.1 does not export karpenter_nodes_created[\s\S]*did you mean karpenter_nodes_created_total`},
		"extra rule on a kube-state-metrics name that never existed": {`target_p95_seconds = 90
  extra_rule = [{ alert = "X", expr = "kube_pod_status_pending > 0" }]`, `kube-state-metrics v2.18.0 does not export kube_pod_status_pending`},
		"detection not below the target": {`target_p95_seconds = 60
  detection_seconds = 60`, `detection_seconds[\s\S]*below target_p95_seconds`},
		"warm pool size zero": {`target_p95_seconds = 90
  warm_pool = { namespace = "a", deployment = "b", size = 0 }`, `warm_pool\.size: must be a whole number between 1 and 100000`},
		"fractional pending": {`target_p95_seconds = 90
  pending_seconds = 1.5`, `pending_seconds: must be a whole number`},
		"window with two units": {`target_p95_seconds = 90
  window = "1h30m"`, `window[\s\S]*one whole unit`},
	})
}

func TestAlertRulesDataSource_problemPaths(t *testing.T) {
	t.Parallel()
	acctest.CheckProblemPaths(t, "scaling_alert_rules", map[string]any{
		"cluster_name": "prod", "target_p95_seconds": 90.0, "detection_seconds": 5.0, "pending_seconds": 15, "window": "15m",
		"labels":             map[string]any{"release": "kps"},
		"workload":           map[string]any{"namespace": "shop", "name": "checkout", "scaled_object": "checkout"},
		"warm_pool":          map[string]any{"namespace": "shop", "deployment": "warm", "size": 10, "low_share": 0.25},
		"price_per_pod_hour": 0.05, "cost_tolerance": 1.5, "spot_interruption_ratio": 0.05, "provisioning_errors": 1,
		"node_pools": []any{"spot"},
		"extra_rule": []any{map[string]any{"alert": "A", "expr": "max(karpenter_scheduler_queue_depth) > 1", "for": "5m", "severity": "critical"}},
	})
}
