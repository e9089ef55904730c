package sizing

import (
	"math"
	"strings"
	"testing"
)

// The guide's examples (its warm pool sizing and cost) must come out exactly.
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
	bad := []struct {
		in   Input
		path string
	}{
		{Input{BaselineReplicas: 10, PeakReplicas: 5, SafetyFactor: 0.1, Basis: BasisPeakDelta}, "peak_replicas"},
		{Input{BaselineReplicas: -1, PeakReplicas: 5, SafetyFactor: 0.1, Basis: BasisPeakDelta}, "baseline_replicas"},
		{Input{PeakReplicas: MaxPeakReplicas + 1, SafetyFactor: 0.1, Basis: BasisPeakDelta}, "peak_replicas"},
		{Input{PeakReplicas: 5, SafetyFactor: 0, Basis: BasisPeakDelta}, "safety_factor"},
		{Input{PeakReplicas: 5, SafetyFactor: 1.5, Basis: BasisPeakDelta}, "safety_factor"},
		{Input{PeakReplicas: 5, SafetyFactor: 0.5, Basis: "median"}, "basis"},
	}
	for _, c := range bad {
		_, ps := WarmReplicas(c.in)
		if len(ps) != 1 || ps[0].Path.String() != c.path || !strings.HasPrefix(ps[0].Message, c.path) {
			t.Errorf("%+v: want one error at %s naming it, got %v", c.in, c.path, ps)
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

func TestCoverageFromObservedBursts(t *testing.T) {
	// 30 daily peaks minus baselines.
	bursts := []int64{12, 8, 15, 40, 9, 11, 13, 10, 7, 14, 16, 12, 95, 11, 9, 10, 13, 12, 8, 18, 11, 10, 9, 14, 12, 13, 60, 10, 11, 12}
	if got := WarmForCoverage(bursts, 0.9); got != 18 {
		t.Errorf("warm for 90%% = %d, want 18 (the 27th of 30 sorted bursts)", got)
	}
	if got := Coverage(bursts, 18); got != 0.9 {
		t.Errorf("coverage of 18 warm pods = %v, want 0.9", got)
	}
	if got := WarmForCoverage(bursts, 1); got != 95 {
		t.Errorf("warm for 100%% = %d, want the largest burst 95", got)
	}
	if got := Coverage(bursts, 6); got != 0 {
		t.Errorf("coverage below the smallest burst = %v", got)
	}
	// The guide's "10% warm serves 90% of bursts" holds only for some traffic:
	// here 10% of the largest burst (10 pods) absorbs a third of the days.
	if got := Coverage(bursts, 10); got != 10.0/30 {
		t.Errorf("coverage of 10 warm pods = %v", got)
	}
	if _, err := ValidateBursts([]int64{3, -1}); err == nil {
		t.Error("negative burst accepted")
	}
	if _, err := ValidateBursts(make([]int64, MaxObservedBursts+1)); err == nil {
		t.Error("too many bursts accepted")
	}
	if ValidateCoverage(0) == nil || ValidateCoverage(1.5) == nil || ValidateCoverage(1) != nil {
		t.Error("coverage bounds")
	}
}
