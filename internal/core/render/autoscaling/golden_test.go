package autoscaling

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/golden"
)

func TestGolden(t *testing.T) {
	names := map[string]string{}
	for _, name := range caseNames() {
		names[name] = name
	}
	golden.Check(t, names, renderCase)
}

// Known-invalid objects: each file says why a real API server rejects it.
func TestInvalidFilesDocumentTheirReason(t *testing.T) {
	golden.InvalidFilesDocumentTheirReason(t, 1)
}
