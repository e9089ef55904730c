package cloudwatch_test

import (
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

// The documented example applies as written.
func TestAccMetricStream_example(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	example, err := os.ReadFile("../../../examples/resources/scaling_cloudwatch_metric_stream/resource.tf")
	if err != nil {
		t.Fatal(err)
	}
	const addr = "scaling_cloudwatch_metric_stream.scaling_signals"
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{{
		Config: tg.ProviderConfig(t) + string(example),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(addr, "state", "running"),
			resource.TestCheckResourceAttr(addr, "include_filter.#", "2"),
		),
	}})
}
