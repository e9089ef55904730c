package karpenterv1

import (
	"sort"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

func benchCaseNames() []string {
	names := make([]string, 0, len(goldenCases))
	for n := range goldenCases {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Benchmarks run every golden case: Render is validation plus rendering,
// RenderYAML adds the multi-document YAML a data source also returns.
func BenchmarkRender(b *testing.B) {
	for _, name := range benchCaseNames() {
		render := goldenCases[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, probs := render(); probs.HasErrors() {
					b.Fatal(probs.Err())
				}
			}
		})
	}
}

func BenchmarkRenderYAML(b *testing.B) {
	for _, name := range benchCaseNames() {
		render := goldenCases[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				objs, _ := render()
				if _, err := k8sobj.MultiYAML(objs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
