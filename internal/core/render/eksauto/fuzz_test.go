package eksauto_test

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/eksauto/fuzzcase"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/golden"
)

// The renderer never panics; whatever Validate accepts renders, with
// deterministic YAML. (test/conformance fuzzes the same inputs against the
// NodeClass CRD.)
func FuzzNodeClass(f *testing.F) {
	for _, s := range fuzzcase.Seeds {
		f.Add(s.S[0], s.S[1], s.S[2], s.S[3], s.S[4], s.S[5], s.S[6], s.S[7], s.N1, s.N2, s.Flags)
	}
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h, i string, n1, n2 int64, flags uint16) {
		nc := fuzzcase.NodeClass([fuzzcase.Strings]string{a, b, c, d, e, g, h, i}, n1, n2, flags)
		golden.CheckRender(t, nc.Validate(), nc.Render)
	})
}
