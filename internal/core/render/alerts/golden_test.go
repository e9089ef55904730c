package alerts

import (
	"encoding/json"
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

// The alarms are compared as JSON in a file of their own (not a
// Kubernetes object, so kept out of the golden object files).
func TestGoldenAlarms(t *testing.T) {
	res, probs := cases["stack-with-warm-pool"].Render()
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	raw, err := json.MarshalIndent(res.Alarms, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.CompareFile(t, "testdata/alarms/stack-with-warm-pool.json", string(raw)+"\n")
}

func TestGoldenFilesHaveCases(t *testing.T) {
	golden.FilesHaveCases(t, func(name string) bool { _, ok := cases[name]; return ok })
}

func TestInvalidFilesDocumentTheirReason(t *testing.T) {
	golden.InvalidFilesDocumentTheirReason(t, 3)
}
