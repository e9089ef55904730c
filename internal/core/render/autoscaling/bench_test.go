package autoscaling

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// Benchmarks run every golden case: Render is the renderer alone,
// RenderYAML adds the multi-document YAML a data source also returns.
func BenchmarkRender(b *testing.B) {
	for _, name := range caseNames() {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, probs := renderCase(name); probs.HasErrors() {
					b.Fatal(probs.Err())
				}
			}
		})
	}
}

func BenchmarkRenderYAML(b *testing.B) {
	for _, name := range caseNames() {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				objs, _ := renderCase(name)
				if _, err := k8sobj.MultiYAML(objs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
