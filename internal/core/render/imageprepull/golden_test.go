package imageprepull

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/golden"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

func TestGolden(t *testing.T) {
	golden.Check(t, goldenCases, func(s Spec) ([]k8sobj.Object, problem.List) {
		obj, probs := s.Render()
		return []k8sobj.Object{obj}, probs
	})
}

// The golden DaemonSets pin their images: they render without a warning.
func TestGoldenCasesHaveNoWarnings(t *testing.T) {
	for name, s := range goldenCases {
		if _, probs := s.Render(); len(probs) > 0 {
			t.Errorf("%s: unexpected problems: %v", name, probs)
		}
	}
}

// Known-invalid DaemonSets: each file says why the API server rejects it.
func TestInvalidFilesDocumentTheirReason(t *testing.T) {
	golden.InvalidFilesDocumentTheirReason(t, 6)
}
