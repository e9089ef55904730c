package workload_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

const warmPool = "data.scaling_warm_pool.test"

func warmPoolConfig(body string) string {
	return acctest.OfflineDataSourceConfig("scaling_warm_pool", body)
}

// The guide's example end to end: 15 pods, $540/month at $0.05/pod-hour.
func TestWarmPoolDataSource_guideExample(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: warmPoolConfig(`
  name               = "checkout-warm"
  namespace          = "shop"
  baseline_replicas  = 100
  peak_replicas      = 200
  safety_factor      = 0.15
  cpu                = "500m"
  memory             = "512Mi"
  node_pool          = "general"
  price_per_pod_hour = 0.05
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(warmPool, "replicas", "15"),
			resource.TestCheckResourceAttr(warmPool, "sizing_basis", "peak_delta"),
			resource.TestCheckResourceAttr(warmPool, "monthly_cost", "540"),
			resource.TestCheckResourceAttr(warmPool, "pod_hour_price", "0.05"),
			resource.TestCheckResourceAttr(warmPool, "weekly_pod_hours", "2520"),
			resource.TestCheckResourceAttr(warmPool, "hours_per_month", "720"),
			resource.TestCheckNoResourceAttr(warmPool, "feature_gate"),
			resource.TestCheckResourceAttr(warmPool, "manifests.#", "2"),
			resource.TestCheckResourceAttr(warmPool, "manifests.0.kind", "PriorityClass"),
			resource.TestCheckResourceAttr(warmPool, "manifests.0.value", "-1"),
			resource.TestCheckResourceAttr(warmPool, "manifests.1.kind", "Deployment"),
			resource.TestCheckResourceAttr(warmPool, "manifests.1.spec.replicas", "15"),
			resource.TestCheckResourceAttr(warmPool, "manifests.1.spec.template.spec.terminationGracePeriodSeconds", "0"),
			resource.TestCheckResourceAttr(warmPool, "manifests.1.spec.template.spec.nodeSelector.karpenter.sh/nodepool", "general"),
			resource.TestMatchResourceAttr(warmPool, "yaml", regexp.MustCompile(`(?s)kind: PriorityClass.*---\n.*kind: Deployment`)),
			resource.TestMatchResourceAttr(warmPool, "json", regexp.MustCompile(`^\[\n`)),
		),
	}})
}

// The cost table: a 200-pod peak at 15 % of peak = 30 pods, $1,080.
func TestWarmPoolDataSource_peakBasis(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: warmPoolConfig(`
  baseline_replicas  = 100
  peak_replicas      = 200
  safety_factor      = 0.15
  basis              = "peak"
  cpu                = "500m"
  node_pool          = "general"
  price_per_pod_hour = 0.05
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(warmPool, "replicas", "30"),
			resource.TestCheckResourceAttr(warmPool, "sizing_basis", "peak"),
			resource.TestCheckResourceAttr(warmPool, "monthly_cost", "1080"),
		),
	}})
}

func TestWarmPoolDataSource_scheduleKEDA(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: warmPoolConfig(`
  replicas           = 5
  cpu                = "1"
  memory             = "2Gi"
  node_pool          = "general"
  scaler             = "keda"
  price_per_pod_hour = 0.05
  schedule = [
    { name = "business-hours", start = "0 8 * * 1-5", end = "0 18 * * 1-5", time_zone = "Europe/Berlin", replicas = 20 },
    { name = "lunch-peak", start = "30 11 * * 1-5", end = "0 14 * * 1-5", time_zone = "Europe/Berlin", replicas = 30 },
  ]
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(warmPool, "sizing_basis", "replicas"),
			resource.TestCheckResourceAttr(warmPool, "max_replicas", "30"),
			// 5 x 168 + 15 x 50 h + 10 x 12.5 h
			resource.TestCheckResourceAttr(warmPool, "weekly_pod_hours", "1715"),
			resource.TestCheckResourceAttr(warmPool, "monthly_cost", "367.5"),
			resource.TestCheckResourceAttr(warmPool, "windows.#", "2"),
			resource.TestCheckResourceAttr(warmPool, "windows.0.active_hours_per_week", "50"),
			resource.TestCheckResourceAttr(warmPool, "windows.1.active_hours_per_week", "12.5"),
			resource.TestCheckResourceAttr(warmPool, "manifests.#", "3"),
			resource.TestCheckResourceAttr(warmPool, "manifests.2.kind", "ScaledObject"),
			resource.TestCheckResourceAttr(warmPool, "manifests.2.spec.minReplicaCount", "5"),
			resource.TestCheckResourceAttr(warmPool, "manifests.2.spec.triggers.1.metadata.desiredReplicas", "30"),
			resource.TestCheckNoResourceAttr(warmPool, "manifests.1.spec.replicas"),
		),
	}})
}

func TestWarmPoolDataSource_scheduleCronJob(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: warmPoolConfig(`
  name      = "api-warm"
  replicas  = 2
  cpu       = "1"
  node_pool = "general"
  schedule = [
    { name = "nightly-batch", start = "0 22 * * *", end = "0 6 * * *", time_zone = "UTC", replicas = 12 },
  ]
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(warmPool, "manifests.#", "7"),
			resource.TestCheckResourceAttr(warmPool, "manifests.1.kind", "ServiceAccount"),
			resource.TestCheckResourceAttr(warmPool, "manifests.2.kind", "Role"),
			resource.TestCheckResourceAttr(warmPool, "manifests.2.rules.1.resources.0", "deployments/scale"),
			resource.TestCheckResourceAttr(warmPool, "manifests.3.kind", "RoleBinding"),
			resource.TestCheckResourceAttr(warmPool, "manifests.5.kind", "CronJob"),
			resource.TestCheckResourceAttr(warmPool, "manifests.5.spec.schedule", "0 6 * * 0,1,2,3,4,5,6"),
			resource.TestCheckResourceAttr(warmPool, "manifests.5.spec.jobTemplate.spec.template.spec.containers.0.args.3", "--replicas=2"),
			resource.TestCheckResourceAttr(warmPool, "manifests.6.spec.schedule", "0 22 * * 0,1,2,3,4,5,6"),
			resource.TestCheckResourceAttr(warmPool, "manifests.6.spec.timeZone", "UTC"),
			resource.TestCheckResourceAttr(warmPool, "weekly_pod_hours", "896"),
			resource.TestCheckNoResourceAttr(warmPool, "monthly_cost"),
		),
	}})
}

func TestWarmPoolDataSource_nativeModes(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{
		{
			Config: warmPoolConfig(`
  mode          = "capacity_buffer"
  peak_replicas = 100
  safety_factor = 0.1
  cpu           = "500m"
  node_pool     = "general"
`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(warmPool, "feature_gate", "CapacityBuffer"),
				resource.TestCheckResourceAttr(warmPool, "manifests.1.apiVersion", "autoscaling.x-k8s.io/v1beta1"),
				resource.TestCheckResourceAttr(warmPool, "manifests.1.spec.replicas", "10"),
			),
		},
		{
			Config: warmPoolConfig(`
  mode                  = "static_node_pool"
  replicas              = 15
  cpu                   = "1"
  instance_hourly_price = 0.4
  instance_cpu          = "8"
`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(warmPool, "feature_gate", "StaticCapacity"),
				resource.TestCheckResourceAttr(warmPool, "nodes", "2"),
				resource.TestCheckResourceAttr(warmPool, "manifests.0.spec.replicas", "2"),
				resource.TestCheckResourceAttr(warmPool, "monthly_cost", "576"),
			),
		},
	})
}

// Issue 13 item 5: observed bursts say how much of the real traffic the
// pool absorbs, and size it when nothing else does.
func TestWarmPoolDataSource_burstCoverage(t *testing.T) {
	t.Parallel()
	bursts := `[12, 8, 15, 40, 9, 11, 13, 10, 7, 14, 16, 12, 95, 11, 9, 10, 13, 12, 8, 18, 11, 10, 9, 14, 12, 13, 60, 10, 11, 12]`
	acctest.UnitTestOffline(t, []resource.TestStep{{
		// The guide's 15 % of a 100-pod peak delta: 15 pods absorb 25 of these 30 days.
		Config: warmPoolConfig(`
  baseline_replicas = 20
  peak_replicas     = 120
  safety_factor     = 0.15
  cpu               = "500m"
  node_pool         = "general"
  observed_bursts   = ` + bursts),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(warmPool, "replicas", "15"),
			resource.TestCheckResourceAttr(warmPool, "burst_coverage", "0.8333333333333334"),
			resource.TestCheckResourceAttr(warmPool, "warm_pods_for_coverage", "18"),
		),
	}, {
		// No size given: the pool is sized for the target coverage.
		Config: warmPoolConfig(`
  cpu             = "500m"
  node_pool       = "general"
  observed_bursts = ` + bursts + `
  target_coverage = 1`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(warmPool, "replicas", "95"),
			resource.TestCheckResourceAttr(warmPool, "sizing_basis", "observed_bursts"),
			resource.TestCheckResourceAttr(warmPool, "burst_coverage", "1"),
			resource.TestCheckResourceAttr(warmPool, "manifests.1.spec.replicas", "95"),
		),
	}, {
		Config: warmPoolConfig(`
  replicas  = 5
  cpu       = "500m"
  node_pool = "general"`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckNoResourceAttr(warmPool, "burst_coverage"),
			resource.TestCheckNoResourceAttr(warmPool, "warm_pods_for_coverage"),
		),
	}})
}

// Bad input fails at plan time with the attribute and the fix.
func TestWarmPoolDataSource_badInput(t *testing.T) {
	t.Parallel()
	cases := acctest.BadInputs{
		"non-negative priority": {`replicas = 1
  cpu = "1"
  node_pool = "g"
  priority_class_value = 10`, `priority_class_value[\s\S]*must be negative`},
		"safety factor": {`peak_replicas = 10
  safety_factor = 1.5
  cpu = "1"
  node_pool = "g"`, `safety_factor: must be a number between 0 and 1, got 1\.5`},
		"huge safety factor": {`peak_replicas = 10
  safety_factor = 1e400
  cpu = "1"
  node_pool = "g"`, `safety_factor: must be a number between 0 and 1, got 1e\+400`},
		"fractional window replicas": {`replicas = 1
  cpu = "1"
  node_pool = "g"
  schedule = [{ name = "a", start = "0 8 * * *", end = "0 9 * * *", time_zone = "UTC", replicas = 3.5 }]`, `schedule\[0\]\.replicas: must be a whole number between 0 and 1000000, got 3\.5`},
		"peak below baseline": {`baseline_replicas = 10
  peak_replicas = 5
  safety_factor = 0.2
  cpu = "1"
  node_pool = "g"`, `peak_replicas[\s\S]*must not be below`},
		"malformed cron": {`replicas = 1
  cpu = "1"
  node_pool = "g"
  schedule = [{ name = "a", start = "0 8 * *", end = "0 9 * * *", time_zone = "UTC", replicas = 3 }]`, `schedule\[0\]\.start[\s\S]*five fields`},
		"bad time zone": {`replicas = 1
  cpu = "1"
  node_pool = "g"
  schedule = [{ name = "a", start = "0 8 * * *", end = "0 9 * * *", time_zone = "Europe/Atlantis", replicas = 3 }]`, `not an IANA time zone`},
		"cron scaler without time zone": {`replicas = 1
  cpu = "1"
  node_pool = "g"
  schedule = [{ name = "a", start = "0 8 * * *", end = "0 9 * * *", replicas = 3 }]`, `cronjob scaler needs a time zone`},
		"fractional burst": {`replicas = 1
  cpu = "1"
  node_pool = "g"
  observed_bursts = [3, 4.5]`, `observed_bursts\[1\] must be a whole number between 0 and 150000 pods`},
		"coverage without bursts": {`replicas = 1
  cpu = "1"
  node_pool = "g"
  target_coverage = 0.9`, `target_coverage applies to observed_bursts`},
		"zero coverage": {`replicas = 1
  cpu = "1"
  node_pool = "g"
  observed_bursts = [3]
  target_coverage = 0`, `coverage is the share of bursts`},
		"unrequestable resource": {`replicas = 1
  cpu = "1"
  node_pool = "g"
  extended_resources = { gpu = "1" }`, `not a resource a container can request`},
	}
	acctest.ExpectErrors(t, warmPoolConfig, cases)
}

func TestWarmPoolDataSource_problemPaths(t *testing.T) {
	t.Parallel()
	acctest.CheckProblemPaths(t, "scaling_warm_pool", map[string]any{
		"baseline_replicas": 20, "peak_replicas": 120, "safety_factor": 0.15, "cpu": "500m", "memory": "512Mi",
		"node_pool": "general", "extended_resources": map[string]any{"nvidia.com/gpu": "1"},
		"tolerations":        []any{map[string]any{"key": "gpu", "operator": "Exists", "effect": "NoSchedule"}},
		"price_per_pod_hour": 0.05,
		"schedule":           []any{map[string]any{"name": "day", "start": "0 8 * * 1-5", "end": "0 18 * * 1-5", "time_zone": "UTC", "replicas": 30}},
		"capacity_buffer":    map[string]any{"scalable_ref": map[string]any{"kind": "Deployment", "name": "web"}, "percentage": 10, "limits": map[string]any{"cpu": "20"}},
		"static_node_pool":   map[string]any{"pods_per_node": 8, "instance_types": []any{"m7i.large"}},
	})
}
