package workload_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

const circuitBreaker = "data.scaling_circuit_breaker.test"

func circuitBreakerConfig(body string) string {
	return acctest.OfflineDataSourceConfig("scaling_circuit_breaker", body)
}

const cbBase = `
  host                        = "checkout.shop.svc.cluster.local"
  namespace                   = "shop"
  requests_per_second_per_pod = 50
  service_seconds             = 0.2
  ready_replicas              = 20
  client_proxies              = 3
  seconds_until_ready         = 45
`

func TestCircuitBreakerDataSource_derived(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: circuitBreakerConfig(cbBase),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(circuitBreaker, "manifest.apiVersion", "networking.istio.io/v1"),
			resource.TestCheckResourceAttr(circuitBreaker, "manifest.metadata.name", "checkout"),
			resource.TestCheckResourceAttr(circuitBreaker, "manifest.spec.trafficPolicy.connectionPool.http.http2MaxRequests", "67"),
			resource.TestCheckResourceAttr(circuitBreaker, "manifest.spec.trafficPolicy.connectionPool.http.http1MaxPendingRequests", "334"),
			resource.TestCheckResourceAttr(circuitBreaker, "manifest.spec.trafficPolicy.outlierDetection.baseEjectionTime", "45s"),
			resource.TestCheckResourceAttr(circuitBreaker, "manifest.spec.trafficPolicy.outlierDetection.maxEjectionPercent", "30"),
			resource.TestCheckResourceAttr(circuitBreaker, "derivation.0.field", "connectionPool.http.http2MaxRequests"),
			resource.TestMatchResourceAttr(circuitBreaker, "derivation.0.formula", regexp.MustCompile(`20 ready pods x concurrency per pod 10`)),
			resource.TestMatchResourceAttr(circuitBreaker, "derivation_markdown", regexp.MustCompile("\\| `outlierDetection.interval` \\| 10s \\|")),
			resource.TestCheckResourceAttr(circuitBreaker, "manifests.#", "1"),
		),
	}})
}

func TestCircuitBreakerDataSource_trafficPolicy(t *testing.T) {
	t.Parallel()
	acctest.UnitTestOffline(t, []resource.TestStep{{
		Config: circuitBreakerConfig(cbBase + `
  traffic_policy = yamlencode({ outlierDetection = { consecutiveGatewayErrors = 3, maxEjectionPercent = 20 } })
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(circuitBreaker, "manifest.spec.trafficPolicy.outlierDetection.consecutiveGatewayErrors", "3"),
			resource.TestCheckResourceAttr(circuitBreaker, "manifest.spec.trafficPolicy.outlierDetection.maxEjectionPercent", "20"),
			resource.TestMatchResourceAttr(circuitBreaker, "derivation.7.formula", regexp.MustCompile(`overridden by traffic_policy`)),
		),
	}})
}

func TestCircuitBreakerDataSource_badInput(t *testing.T) {
	t.Parallel()
	acctest.ExpectErrors(t, circuitBreakerConfig, acctest.BadInputs{
		"consecutiveErrors from a v1alpha3 guide": {cbBase + `traffic_policy = "outlierDetection:\n  consecutiveErrors: 5\n"`,
			`traffic_policy[\s\S]*consecutiveErrors: is deprecated[\s\S]*consecutiveGatewayErrors[\s\S]*consecutive5xxErrors`},
		"invented field": {cbBase + `traffic_policy = yamlencode({ connectionPool = { http = { maxPendingRequests = 10 } } })`,
			`use connectionPool\.http\.http1MaxPendingRequests`},
		"LEAST_CONN": {cbBase + `traffic_policy = yamlencode({ loadBalancer = { simple = "LEAST_CONN" } })`, `use LEAST_REQUEST`},
		"no capacity": {`host = "a"
  requests_per_second_per_pod = 10
  ready_replicas = 2
  seconds_until_ready = 30`, `service_seconds[\s\S]*or set concurrency_per_pod`},
		"fractional replicas": {`host = "a"
  requests_per_second_per_pod = 10
  service_seconds = 0.1
  ready_replicas = 2.5
  seconds_until_ready = 30`, `ready_replicas: must be a whole number`},
	})
}

func TestCircuitBreakerDataSource_problemPaths(t *testing.T) {
	t.Parallel()
	acctest.CheckProblemPaths(t, "scaling_circuit_breaker", map[string]any{
		"host": "checkout", "requests_per_second_per_pod": 50.0, "service_seconds": 0.2, "ready_replicas": 20,
		"client_proxies": 3, "seconds_until_ready": 45.0, "target_utilization": 0.7, "warmup_seconds": 30.0,
		"traffic_policy": "outlierDetection:\n  consecutiveGatewayErrors: 3\n",
	})
}
