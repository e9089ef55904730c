package karpenter_test

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

// The published examples plan and render (test/conformance also validates
// what they render against the CRDs).
func TestExamplesRender(t *testing.T) {
	t.Parallel()
	acctest.TestDataSourceExamplesRender(t, "scaling_karpenter_node_pool", "scaling_karpenter_ec2_node_class", "scaling_karpenter_fallback_node_pools",
		"scaling_eks_auto_node_class", "scaling_eks_auto_node_pool")
}
