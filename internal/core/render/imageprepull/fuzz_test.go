package imageprepull_test

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/golden"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/imageprepull/fuzzcase"
)

// The renderer never panics; whatever Validate accepts renders, with
// deterministic YAML. (test/conformance runs the same inputs through the
// API server's validation.)
func FuzzSpec(f *testing.F) {
	for _, s := range fuzzcase.Seeds {
		f.Add(s.S[0], s.S[1], s.S[2], s.S[3], s.S[4], s.S[5], s.S[6], s.S[7], s.Flags)
	}
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h, i string, flags uint16) {
		sp := fuzzcase.Spec([fuzzcase.Strings]string{a, b, c, d, e, g, h, i}, flags)
		golden.CheckRender(t, sp.Validate(), sp.Render)
	})
}
