package sizing

import "testing"

func BenchmarkWarmReplicas(b *testing.B) {
	in := Input{BaselineReplicas: 100, PeakReplicas: 200, SafetyFactor: 0.15, Basis: BasisPeakDelta}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := WarmReplicas(in); err != nil {
			b.Fatal(err)
		}
	}
}
