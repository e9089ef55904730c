package nodes_test

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/service/nodes"
)

func TestSchemas(t *testing.T) {
	acctest.CheckDataSourceSchemas(t, nodes.DataSources()...)
}

// The published examples plan and render (test/conformance and test/k8s
// also validate what they render).
func TestExamplesRender(t *testing.T) {
	t.Parallel()
	acctest.TestDataSourceExamplesRender(t, "scaling_node_readiness_rule", "scaling_image_prepull")
}
