package warmpool

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/golden"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

func TestGolden(t *testing.T) {
	golden.Check(t, goldenCases, func(s Spec) ([]k8sobj.Object, problem.List) {
		res, probs := Render(s)
		return res.Objects, probs
	})
}

// Known-invalid objects: each file says why a real API server rejects it.
func TestInvalidFilesDocumentTheirReason(t *testing.T) {
	golden.InvalidFilesDocumentTheirReason(t, 1)
}
