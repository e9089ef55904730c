package alerts_test

import (
	"encoding/json"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/alerts"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/alerts/fuzzcase"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// The renderer never panics; Validate and Render agree; accepted input
// renders deterministically. (test/conformance fuzzes the same inputs
// against the CRD, Prometheus' rule loader and its PromQL parser.)
func FuzzRender(f *testing.F) {
	for _, s := range fuzzcase.Seeds {
		f.Add(s.S[0], s.S[1], s.S[2], s.S[3], s.S[4], s.S[5], s.F1, s.F2, s.N, s.Flags)
	}
	f.Fuzz(func(t *testing.T, a, b, c, d, e, expr string, f1, f2 float64, n int64, flags uint16) {
		spec := fuzzcase.Spec([fuzzcase.Strings]string{a, b, c, d, e, expr}, f1, f2, n, flags)
		alerts.MetricNames(expr)
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
		a1, _ := json.Marshal(res.Alarms)
		res2, _ := spec.Render()
		y2, _ := k8sobj.YAML(res2.Object)
		a2, _ := json.Marshal(res2.Alarms)
		if y1 != y2 || string(a1) != string(a2) {
			t.Fatal("output is not deterministic")
		}
	})
}
