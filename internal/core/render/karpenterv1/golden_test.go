package karpenterv1

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/golden"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

func TestGolden(t *testing.T) {
	golden.Check(t, goldenCases, func(render func() ([]k8sobj.Object, problem.List)) ([]k8sobj.Object, problem.List) { return render() })
}

// Known-invalid objects: each file says why a real API server rejects it
// (test/conformance checks that the CRDs really do).
func TestInvalidFilesDocumentTheirReason(t *testing.T) {
	golden.InvalidFilesDocumentTheirReason(t, 10)
}
