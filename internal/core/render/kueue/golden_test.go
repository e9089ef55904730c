package kueue

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/golden"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

func TestGolden(t *testing.T) {
	golden.Check(t, cases, func(s Spec) ([]k8sobj.Object, problem.List) {
		res, probs := s.Render()
		return res.Objects, probs
	})
}

// Known-invalid objects (what the guides write): each file says why a real
// API server rejects it; test/conformance and test/k8s check that it does.
func TestInvalidFilesDocumentTheirReason(t *testing.T) {
	golden.InvalidFilesDocumentTheirReason(t, 4)
}
