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
			if row.Contradiction != "" {
				if res.Total.P95 <= row.Total.High {
					t.Errorf("p95 %.1fs inside the row's %v, which we document as unreachable: %s", res.Total.P95, row.Total, row.Contradiction)
				}
				return
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
	// The guide's warm pool row at EKS's best: a 10 s sync on tier-xl. Still
	// not 5-10 s, and the decision dominates.
	in := GuideTable[3].Input
	in.HPASyncPeriodSeconds, in.Tier = f(10), tiers.XL
	res, ps := Estimate(in)
	if len(ps) != 0 {
		t.Fatalf("unexpected problems: %v", ps)
	}
	if res.Total.P95 <= GuideTable[3].Total.High {
		t.Errorf("with a 10s HPA sync the warm pool p95 is %.1fs; expected above the guide's %v", res.Total.P95, GuideTable[3].Total)
	}
	if res.Dominant != StageScalingDecision {
		t.Errorf("dominant = %s, want %s", res.Dominant, StageScalingDecision)
	}
	// The 1 s loop the row implies is not an input EKS takes.
	in.HPASyncPeriodSeconds = f(1)
	if _, ps := Estimate(in); !ps.HasErrors() {
		t.Errorf("a 1s HPA sync period should be refused (EKS: 10-15s)")
	}
}

func TestTierEffectOnThousandPodBurst(t *testing.T) {
	burst := int64(1000)
	run := func(tier, capacity string) Result {
		in := Input{MetricSource: KEDAPrometheus, ScrapeIntervalSeconds: f(1), Capacity: capacity, ImageCachedOnNode: true, BurstPods: &burst, Tier: tier}
		res, ps := Estimate(in)
		if ps.HasErrors() {
			t.Fatalf("%s: %v", tier, ps)
		}
		return res
	}
	// New nodes: binding is burst / the tier's rate.
	std, xl := run(tiers.Standard, CapacityKarpenterOnDemand), run(tiers.XL, CapacityKarpenterOnDemand)
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
	// Warm: the measured preemption rate, scaled by the tier's factor.
	ws, wx := run(tiers.Standard, CapacityWarm), run(tiers.XL, CapacityWarm)
	wsc, _ := ws.Stage(StageCapacity)
	wxc, _ := wx.Stage(StageCapacity)
	ratio := (wsc.Typical - WarmFirstPod.Typical) / (wxc.Typical - WarmFirstPod.Typical)
	if want := float64(tiers.Defaults[tiers.XL].PodSchedulingRatePerSecond) / StandardPodSchedulingRate; math.Abs(ratio-want) > 1e-9 {
		t.Errorf("tier-xl preempts %.2fx faster than standard, want the rates' ratio %.2f", ratio, want)
	}
	if ws.Dominant != StageCapacity {
		t.Errorf("standard warm dominant = %s, want capacity (1,000 preemptions)", ws.Dominant)
	}
}
