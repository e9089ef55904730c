package nodereadiness

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/golden"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

func TestGolden(t *testing.T) {
	golden.Check(t, goldenCases, func(r Rule) ([]k8sobj.Object, problem.List) {
		obj, probs := r.Render()
		return []k8sobj.Object{obj}, probs
	})
}

// Known-invalid objects: each file says why a real API server rejects it
// (test/conformance and test/k8s check that it really does).
func TestInvalidFilesDocumentTheirReason(t *testing.T) {
	golden.InvalidFilesDocumentTheirReason(t, 8)
}
