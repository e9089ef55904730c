package conformance

import (
	"regexp"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/test/conformance/crdvalidate"
)

var karpenterDataSource = regexp.MustCompile(`(?m)^data "(scaling_karpenter_[a-z0-9_]+)" "([A-Za-z0-9_-]+)"`)

// Every example under examples/ that uses a scaling_karpenter_* data source
// is read with the real provider and terraform, and every object the
// data sources render (their yaml output) must pass the real CRDs.
func TestKarpenterExamplesRenderValidObjects(t *testing.T) {
	set := karpenterCRDs(t)
	n := checkExamples(t, karpenterDataSource, 3, func(d crdvalidate.Document) error { return crdAccepts(set, d.Object) })
	t.Logf("examples: %d rendered objects accepted by the CRDs", n)
}
