package sizing

import (
	"math"
	"testing"
)

// The guide's examples (DOMAIN.md §3) must come out exactly.
func TestGuideExamples(t *testing.T) {
	n, err := WarmReplicas(Input{BaselineReplicas: 100, PeakReplicas: 200, SafetyFactor: 0.15, Basis: BasisPeakDelta})
	if err != nil || n != 15 {
		t.Fatalf("peak delta 100 x 0.15 = %d (%v), want 15", n, err)
	}
	if c := MonthlyCost(float64(n), 0.05); math.Abs(c-540) > 1e-9 {
		t.Fatalf("15 pods x $0.05 x 720 h = %v, want 540", c)
	}
	n, err = WarmReplicas(Input{BaselineReplicas: 100, PeakReplicas: 200, SafetyFactor: 0.15, Basis: BasisPeak})
	if err != nil || n != 30 {
		t.Fatalf("peak 200 x 0.15 = %d (%v), want 30", n, err)
	}
	if c := MonthlyCost(float64(n), 0.05); math.Abs(c-1080) > 1e-9 {
		t.Fatalf("30 pods = $%v, want $1,080", c)
	}
}

func TestRejectsBadInput(t *testing.T) {
	bad := []Input{
		{BaselineReplicas: 10, PeakReplicas: 5, SafetyFactor: 0.1, Basis: BasisPeakDelta},
		{PeakReplicas: 5, SafetyFactor: 0, Basis: BasisPeakDelta},
		{PeakReplicas: 5, SafetyFactor: 1.5, Basis: BasisPeakDelta},
		{PeakReplicas: 5, SafetyFactor: 0.5, Basis: "median"},
	}
	for _, in := range bad {
		if _, err := WarmReplicas(in); err == nil {
			t.Errorf("%+v: want an error", in)
		}
	}
}

func TestPodHourPrice(t *testing.T) {
	p, err := PodHourPrice{InstanceHourly: 0.40, PodsPerInstance: 8}.Hourly()
	if err != nil || math.Abs(p-0.05) > 1e-12 {
		t.Fatalf("0.40 / 8 = %v (%v)", p, err)
	}
	if _, err := (PodHourPrice{}).Hourly(); err == nil {
		t.Fatal("no price must be an error")
	}
}
