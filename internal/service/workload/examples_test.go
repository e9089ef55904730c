package workload_test

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

// The published examples plan and render (test/conformance also validates
// what they render).
func TestExamplesPlan(t *testing.T) {
	t.Parallel()
	acctest.TestDataSourceExamplesRender(t, "scaling_warm_pool", "scaling_horizontal_pod_autoscaler", "scaling_keda_scaled_object", "scaling_kueue_queues", "scaling_circuit_breaker")
}
