package circuitbreaker

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/golden"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

func TestGolden(t *testing.T) {
	for _, name := range caseNames() {
		t.Run(name, func(t *testing.T) {
			res, probs := cases[name].Render()
			if probs.HasErrors() {
				t.Fatalf("unexpected problems: %v", probs.Err())
			}
			got, err := k8sobj.YAML(res.Object)
			if err != nil {
				t.Fatal(err)
			}
			golden.Compare(t, name, got)
		})
	}
}

func TestGoldenFilesHaveCases(t *testing.T) {
	golden.FilesHaveCases(t, func(name string) bool { _, ok := cases[name]; return ok })
}

func TestInvalidFilesDocumentTheirReason(t *testing.T) {
	golden.InvalidFilesDocumentTheirReason(t, 5)
}
