package karpenterv1

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/golden"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

func TestGolden(t *testing.T) {
	for name, render := range goldenCases {
		t.Run(name, func(t *testing.T) {
			objs, probs := render()
			if probs.HasErrors() || len(objs) == 0 {
				t.Fatalf("unexpected problems: %v", probs.Err())
			}
			got, err := k8sobj.MultiYAML(objs)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := render()
			if g2, _ := k8sobj.MultiYAML(again); g2 != got {
				t.Fatal("rendering twice gave different output")
			}
			golden.Compare(t, name, got)
		})
	}
}

func TestGoldenFilesHaveCases(t *testing.T) {
	n := golden.FilesHaveCases(t, func(name string) bool { _, ok := goldenCases[name]; return ok })
	if n != len(goldenCases) {
		t.Errorf("%d golden files for %d cases", n, len(goldenCases))
	}
}

// Known-invalid objects: each file says why a real API server rejects it
// (test/conformance checks that the CRDs really do).
func TestInvalidFilesDocumentTheirReason(t *testing.T) {
	golden.InvalidFilesDocumentTheirReason(t, 10)
}
