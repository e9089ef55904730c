package alerts

import (
	"encoding/json"
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

func TestInvalidFilesDocumentTheirReason(t *testing.T) {
	golden.InvalidFilesDocumentTheirReason(t, 3)
}
