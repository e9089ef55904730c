package imageprepull

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
			obj, probs := goldenCases[name].Render()
			if len(probs) > 0 {
				t.Fatalf("unexpected problems: %v", probs)
			}
			got, err := k8sobj.YAML(obj)
			if err != nil {
				t.Fatal(err)
			}
			golden.Compare(t, name, got)
		})
	}
}

func TestGoldenFilesHaveCases(t *testing.T) {
	if n := golden.FilesHaveCases(t, func(name string) bool { _, ok := goldenCases[name]; return ok }); n != len(goldenCases) {
		t.Errorf("%d golden files for %d cases", n, len(goldenCases))
	}
}

// Known-invalid DaemonSets: each file says why the API server rejects it.
func TestInvalidFilesDocumentTheirReason(t *testing.T) {
	golden.InvalidFilesDocumentTheirReason(t, 6)
}
