package latency

import "testing"

func BenchmarkEstimateDefault(b *testing.B) {
	for b.Loop() {
		Estimate(Input{})
	}
}

func BenchmarkEstimateWithTarget(b *testing.B) {
	in := GuideTable[2].Input
	in.TargetP95Seconds = f(60)
	for b.Loop() {
		Estimate(in)
	}
}

func BenchmarkMarkdown(b *testing.B) {
	res, _ := Estimate(Input{})
	for b.Loop() {
		_ = res.Markdown("Scale-out latency")
	}
}
