package nodereadiness_test

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/nodereadiness/fuzzcase"
)

// The renderer never panics; whatever Validate accepts renders, with
// deterministic YAML. (test/conformance fuzzes the same inputs against the
// real CRD.)
func FuzzRule(f *testing.F) {
	for _, s := range fuzzcase.Seeds {
		f.Add(s.S[0], s.S[1], s.S[2], s.S[3], s.S[4], s.S[5], s.S[6], s.S[7], s.Flags)
	}
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h, i string, flags uint16) {
		r := fuzzcase.Rule([fuzzcase.Strings]string{a, b, c, d, e, g, h, i}, flags)
		invalid := r.Validate().HasErrors()
		obj, probs := r.Render()
		if invalid != probs.HasErrors() {
			t.Fatalf("Validate (errors=%v) and Render (errors=%v) disagree", invalid, probs.HasErrors())
		}
		if invalid {
			if obj != nil {
				t.Fatal("rendered despite errors")
			}
			return
		}
		y1, err := k8sobj.YAML(obj)
		if err != nil {
			t.Fatal(err)
		}
		obj2, _ := r.Render()
		if y2, _ := k8sobj.YAML(obj2); y1 != y2 {
			t.Fatal("output is not deterministic")
		}
		if st := r.StartupTaint(); st.Key == "" || st.Effect == "" {
			t.Fatalf("valid rule without a startup taint: %+v", st)
		}
	})
}
