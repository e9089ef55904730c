package nodereadiness_test

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/golden"
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
		if golden.CheckRender(t, r.Validate(), r.Render) == nil {
			return
		}
		if st := r.StartupTaint(); st.Key == "" || st.Effect == "" {
			t.Fatalf("valid rule without a startup taint: %+v", st)
		}
	})
}
