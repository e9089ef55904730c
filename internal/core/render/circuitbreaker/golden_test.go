package circuitbreaker

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/golden"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

func TestGolden(t *testing.T) {
	golden.Check(t, cases, func(s Spec) ([]k8sobj.Object, problem.List) {
		res, probs := s.Render()
		return []k8sobj.Object{res.Object}, probs
	})
}

func TestInvalidFilesDocumentTheirReason(t *testing.T) {
	golden.InvalidFilesDocumentTheirReason(t, 5)
}
