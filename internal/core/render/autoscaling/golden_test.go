package autoscaling

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/golden"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

func TestGolden(t *testing.T) {
	for _, name := range caseNames() {
		t.Run(name, func(t *testing.T) {
			objs, probs := renderCase(name)
			if probs.HasErrors() {
				t.Fatalf("unexpected problems: %v", probs.Err())
			}
			got, err := k8sobj.MultiYAML(objs)
			if err != nil {
				t.Fatal(err)
			}
			golden.Compare(t, name, got)
		})
	}
}

func TestGoldenFilesHaveCases(t *testing.T) {
	golden.FilesHaveCases(t, func(name string) bool {
		_, hpa := hpaCases[name]
		_, so := scaledObjectCases[name]
		return hpa || so
	})
}

// Known-invalid objects: each file says why a real API server rejects it.
func TestInvalidFilesDocumentTheirReason(t *testing.T) {
	golden.InvalidFilesDocumentTheirReason(t, 1)
}
