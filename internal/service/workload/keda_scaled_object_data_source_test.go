package workload_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

const scaledObject = "data.scaling_keda_scaled_object.test"

func kedaConfig(body string) string {
	return acctest.OfflineDataSourceConfig("scaling_keda_scaled_object", body)
}

func TestKEDADataSource_sqsWithPodIdentity(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: kedaConfig(`
  namespace        = "orders"
  scale_target_ref = { name = "order-worker" }
  min_replicas     = 0
  max_replicas     = 300
  polling_interval = 5
  trigger = [{
    type = "aws-sqs-queue"
    name = "orders"
    aws_sqs_queue = {
      queue_url    = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders"
      aws_region   = "eu-west-1"
      queue_length = 10
    }
  }]
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(scaledObject, "trigger_authentication_name", "order-worker-aws"),
			resource.TestCheckResourceAttr(scaledObject, "manifests.#", "2"),
			resource.TestCheckResourceAttr(scaledObject, "manifests.0.kind", "TriggerAuthentication"),
			resource.TestCheckResourceAttr(scaledObject, "manifests.0.spec.podIdentity.provider", "aws"),
			resource.TestCheckResourceAttr(scaledObject, "manifest.kind", "ScaledObject"),
			resource.TestCheckResourceAttr(scaledObject, "manifest.spec.minReplicaCount", "0"),
			resource.TestCheckResourceAttr(scaledObject, "manifest.spec.pollingInterval", "5"),
			resource.TestCheckResourceAttr(scaledObject, "manifest.spec.cooldownPeriod", "300"),
			resource.TestCheckResourceAttr(scaledObject, "manifest.spec.triggers.0.metadata.queueLength", "10"),
			resource.TestCheckResourceAttr(scaledObject, "manifest.spec.triggers.0.authenticationRef.name", "order-worker-aws"),
			resource.TestCheckResourceAttr(scaledObject, "manifest.spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleUp.stabilizationWindowSeconds", "0"),
			resource.TestCheckNoResourceAttr(scaledObject, "manifest.spec.triggers.0.metadata.metricName"),
		),
	}})
}

func TestKEDADataSource_prometheusAndCron(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: kedaConfig(`
  scale_target_ref = { name = "api" }
  min_replicas     = 3
  max_replicas     = 80
  fallback         = { failure_threshold = 3, replicas = 10 }
  trigger = [
    { type = "prometheus", name = "rps", prometheus = {
        server_address = "http://prometheus.monitoring:9090"
        query          = "sum(rate(http_requests_total{service=\"api\"}[1m]))"
        threshold      = 100
    } },
    { type = "cron", name = "business-hours", cron = {
        time_zone = "Europe/Berlin", start = "0 8 * * 1-5", end = "0 18 * * 1-5", desired_replicas = 20
    } },
  ]
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckNoResourceAttr(scaledObject, "trigger_authentication_name"),
			resource.TestCheckResourceAttr(scaledObject, "manifests.#", "1"),
			resource.TestCheckResourceAttr(scaledObject, "manifest.spec.fallback.replicas", "10"),
			resource.TestCheckResourceAttr(scaledObject, "manifest.spec.triggers.0.metadata.threshold", "100"),
			resource.TestCheckResourceAttr(scaledObject, "manifest.spec.triggers.1.type", "cron"),
			resource.TestCheckResourceAttr(scaledObject, "manifest.spec.triggers.1.metadata.timezone", "Europe/Berlin"),
			resource.TestCheckResourceAttr(scaledObject, "manifest.spec.triggers.1.metadata.desiredReplicas", "20"),
		),
	}})
}

func TestKEDADataSource_badInput(t *testing.T) {
	t.Parallel()
	cases := acctest.BadInputs{
		"no triggers": {`scale_target_ref = { name = "a" }
  max_replicas = 5
  trigger = []`, `at least one trigger`},
		"cron bad time zone": {`scale_target_ref = { name = "a" }
  max_replicas = 5
  trigger = [{ type = "cron", cron = { time_zone = "Mars/Base", start = "0 8 * * *", end = "0 9 * * *", desired_replicas = 2 } }]`, `trigger\[0\]\.cron\.time_zone[\s\S]*not an IANA`},
		"malformed cron": {`scale_target_ref = { name = "a" }
  max_replicas = 5
  trigger = [{ type = "cron", cron = { time_zone = "UTC", start = "0 8 * * * *", end = "0 9 * * *", desired_replicas = 2 } }]`, `five fields`},
		"huge cron replicas": {`scale_target_ref = { name = "a" }
  max_replicas = 5
  trigger = [{ type = "cron", cron = { time_zone = "UTC", start = "0 8 * * *", end = "0 9 * * *", desired_replicas = 1e400 } }]`, `trigger\[0\]\.cron\.desired_replicas: must be a whole number between 0 and 1000000, got 1e\+400`},
		"fractional polling interval": {`scale_target_ref = { name = "a" }
  max_replicas = 5
  polling_interval = 0.5
  trigger = [{ type = "cron", cron = { time_zone = "UTC", start = "0 8 * * *", end = "0 9 * * *", desired_replicas = 2 } }]`, `polling_interval: must be a whole number between 1 and 86400, got 0\.5`},
		"block does not match type": {`scale_target_ref = { name = "a" }
  max_replicas = 5
  trigger = [{ type = "prometheus", cron = { time_zone = "UTC", start = "0 8 * * *", end = "0 9 * * *", desired_replicas = 2 } }]`, `matching block`},
	}
	acctest.ExpectErrors(t, kedaConfig, cases)
}

func TestKEDADataSource_problemPaths(t *testing.T) {
	t.Parallel()
	acctest.CheckProblemPaths(t, "scaling_keda_scaled_object", map[string]any{
		"scale_target_ref": map[string]any{"name": "worker"}, "max_replicas": 50, "min_replicas": 0,
		"fallback": map[string]any{"failure_threshold": 3, "replicas": 5},
		"trigger": []any{
			map[string]any{"type": "aws-sqs-queue", "aws_sqs_queue": map[string]any{"queue_url": "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs", "aws_region": "eu-west-1"}},
			map[string]any{"type": "cron", "cron": map[string]any{"time_zone": "UTC", "start": "0 8 * * *", "end": "0 9 * * *", "desired_replicas": 3}},
		},
		"pod_identity": map[string]any{"provider": "aws", "role_arn": "arn:aws:iam::123456789012:role/keda"},
		"behavior":     behaviorBase(),
	})
}
