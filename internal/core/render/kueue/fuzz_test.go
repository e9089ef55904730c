package kueue_test

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/kueue/fuzzcase"
)

// The renderer never panics; Validate and Render agree; accepted input
// renders to objects whose YAML is deterministic. (test/conformance fuzzes
// the same inputs against the real CRDs and Kueue's webhook checks.)
func FuzzRender(f *testing.F) {
	for _, s := range fuzzcase.Seeds {
		f.Add(s.S[0], s.S[1], s.S[2], s.S[3], s.S[4], s.S[5], s.S[6], s.S[7], s.N1, s.N2, s.Flags)
	}
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h, i string, n1, n2 int64, flags uint16) {
		spec := fuzzcase.Spec([fuzzcase.Strings]string{a, b, c, d, e, g, h, i}, n1, n2, flags)
		res, probs := spec.Render()
		if spec.Validate().HasErrors() != probs.HasErrors() {
			t.Fatalf("Validate and Render disagree: %v", probs)
		}
		if probs.HasErrors() {
			if res.Objects != nil {
				t.Fatal("rendered objects despite errors")
			}
			return
		}
		if len(res.Objects) < 2 {
			t.Fatalf("valid input rendered %d objects", len(res.Objects))
		}
		y1, err := k8sobj.MultiYAML(res.Objects)
		if err != nil {
			t.Fatal(err)
		}
		res2, _ := spec.Render()
		if y2, _ := k8sobj.MultiYAML(res2.Objects); y1 != y2 {
			t.Fatal("output is not deterministic")
		}
	})
}
