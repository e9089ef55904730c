package warmpool

import (
	"sort"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/render/k8sobj"
)

func benchCaseNames() []string {
	names := make([]string, 0, len(goldenCases))
	for n := range goldenCases {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Benchmarks run every golden case: Render is validation, sizing and
// rendering; RenderYAML adds the multi-document YAML the data source returns.
func BenchmarkRender(b *testing.B) {
	for _, name := range benchCaseNames() {
		spec := goldenCases[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, probs := Render(spec); probs.HasErrors() {
					b.Fatal(probs.Err())
				}
			}
		})
	}
}

func BenchmarkRenderYAML(b *testing.B) {
	for _, name := range benchCaseNames() {
		spec := goldenCases[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				res, _ := Render(spec)
				if _, err := k8sobj.MultiYAML(res.Objects); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
