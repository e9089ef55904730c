package circuitbreaker_test

import (
	"encoding/json"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/circuitbreaker/fuzzcase"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// The renderer never panics; Validate and Render agree; accepted input
// renders deterministically. (test/conformance fuzzes the same inputs
// against the Istio CRD and Istio's own types.)
func FuzzRender(f *testing.F) {
	for _, s := range fuzzcase.Seeds {
		f.Add(s.Host, s.V1, s.V2, s.RPS, s.Seconds, s.Ready, s.N, s.Snippet, s.Flags)
	}
	f.Fuzz(func(t *testing.T, host, v1, v2 string, rps, seconds, ready float64, n int64, snippet uint8, flags uint16) {
		spec := fuzzcase.Spec(host, v1, v2, rps, seconds, ready, n, snippet, flags)
		res, probs := spec.Render()
		if spec.Validate().HasErrors() != probs.HasErrors() {
			t.Fatalf("Validate and Render disagree: %v", probs)
		}
		if probs.HasErrors() {
			if res.Object != nil {
				t.Fatal("rendered despite errors")
			}
			return
		}
		y1, err := k8sobj.YAML(res.Object)
		if err != nil {
			t.Fatal(err)
		}
		d1, _ := json.Marshal(res.Derivation)
		res2, _ := spec.Render()
		y2, _ := k8sobj.YAML(res2.Object)
		d2, _ := json.Marshal(res2.Derivation)
		if y1 != y2 || string(d1) != string(d2) {
			t.Fatal("output is not deterministic")
		}
	})
}
