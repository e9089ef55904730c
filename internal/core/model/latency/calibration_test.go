package latency

import (
	"math"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
)

// overlaps compares at the table's precision (whole seconds).
func overlaps(r Range, b Bounds) bool {
	return math.Round(r.Best) <= b.High && math.Round(r.P95) >= b.Low
}

func TestGuideTableCalibration(t *testing.T) {
	for _, row := range GuideTable {
		t.Run(row.Name, func(t *testing.T) {
			res, ps := Estimate(row.Input)
			if ps.HasErrors() {
				t.Fatalf("problems: %v", ps)
			}
			if p := res.Total.P95; p < row.Total.Low || p > row.Total.High {
				t.Errorf("p95 total %.1fs outside the table's %v", p, row.Total)
			}
			phases := res.Phases()
			for phase, want := range map[string]Bounds{PhaseDetect: row.Detect, PhaseProvision: row.Provision, PhasePodStart: row.PodStart} {
				got := phases[phase]
				if !overlaps(got, want) {
					t.Errorf("%s range [%.1f, %.1f] does not overlap the table's %v", phase, got.Best, got.P95, want)
				}
			}
		})
	}
}

func TestGuideWarmPoolOnEKSSyncPeriod(t *testing.T) {
	// The same warm pool row with EKS's fixed 15 s HPA sync: no longer 5-10 s.
	in := GuideTable[3].Input
	in.HPASyncPeriodSeconds = nil
	res, ps := Estimate(in)
	if len(ps) != 0 {
		t.Fatalf("unexpected problems: %v", ps)
	}
	if res.Total.P95 <= GuideTable[3].Total.High {
		t.Errorf("with a 15s HPA sync the warm pool p95 is %.1fs; expected above the guide's %v", res.Total.P95, GuideTable[3].Total)
	}
	if res.Dominant != StageScalingDecision {
		t.Errorf("dominant = %s, want %s", res.Dominant, StageScalingDecision)
	}
}

func TestTierEffectOnThousandPodBurst(t *testing.T) {
	burst := int64(1000)
	run := func(tier string) Result {
		res, ps := Estimate(Input{MetricSource: KEDAPrometheus, ScrapeIntervalSeconds: f(1), Capacity: CapacityWarm, ImageCachedOnNode: true, BurstPods: &burst, Tier: tier})
		if ps.HasErrors() {
			t.Fatalf("%s: %v", tier, ps)
		}
		return res
	}
	std, xl := run(tiers.Standard), run(tiers.XL)
	ss, _ := std.Stage(StagePodScheduling)
	xs, _ := xl.Stage(StagePodScheduling)
	if want := 1000 / StandardPodSchedulingRate; math.Abs(ss.Typical-want) > 1e-9 {
		t.Errorf("standard scheduling = %v, want %v", ss.Typical, want)
	}
	if want := 1000.0 / float64(tiers.Defaults[tiers.XL].PodSchedulingRatePerSecond); math.Abs(xs.Typical-want) > 1e-9 {
		t.Errorf("tier-xl scheduling = %v, want %v", xs.Typical, want)
	}
	if saved := std.Total.P95 - xl.Total.P95; saved < 10 {
		t.Errorf("tier-xl saves only %.1fs at p95 on a 1,000-pod burst", saved)
	}
	if std.Dominant != StagePodScheduling {
		t.Errorf("standard dominant = %s, want pod_scheduling", std.Dominant)
	}
}
