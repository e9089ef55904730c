package warmpool

import (
	"sort"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/golden"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

func TestGolden(t *testing.T) {
	names := make([]string, 0, len(goldenCases))
	for n := range goldenCases {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			res, probs := Render(goldenCases[name])
			if probs.HasErrors() {
				t.Fatalf("unexpected problems: %v", probs.Err())
			}
			got, err := k8sobj.MultiYAML(res.Objects)
			if err != nil {
				t.Fatal(err)
			}
			golden.Compare(t, name, got)
		})
	}
}

func TestGoldenFilesHaveCases(t *testing.T) {
	golden.FilesHaveCases(t, func(name string) bool { _, ok := goldenCases[name]; return ok })
}

// Known-invalid objects: each file says why a real API server rejects it.
func TestInvalidFilesDocumentTheirReason(t *testing.T) {
	golden.InvalidFilesDocumentTheirReason(t, 1)
}
