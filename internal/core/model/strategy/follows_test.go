package strategy

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/latency"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
)

// Issue 13 items 2-4 and 5: the strategy's estimate follows its own
// recommendation. Each test failed on the model before the fix.

func recommend(t *testing.T, in Input) Recommendation {
	t.Helper()
	rec, ps := Recommend(in)
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	return rec
}

// Item 2: with a 1,000-pod burst, safety 0.01 gave a lower p95 (50.7 s)
// than safety 1.0 (56.6 s): the estimate covered the 10 warm pods and
// ignored the 990 on new nodes.
func TestFewWarmPodsDoNotHideThePodsOnNewNodes(t *testing.T) {
	s := func(v float64) *float64 { return &v }
	few := recommend(t, Input{PeakReplicas: 1000, SafetyFactor: s(0.01)})
	all := recommend(t, Input{PeakReplicas: 1000, SafetyFactor: s(1)})
	if len(few.Latency.Parts) != 2 {
		t.Fatalf("10 warm pods of a 1,000-pod burst: want a warm part and a new-node part, got %+v", few.Latency.Parts)
	}
	cold, _ := few.Latency.Part(latency.PartOverflow)
	if cold.Pods != 990 || few.Latency.Total.P95 != cold.Total.P95 {
		t.Errorf("the burst's p95 %.1f should be the 990 new-node pods' %.1f", few.Latency.Total.P95, cold.Total.P95)
	}
	if !(few.Latency.Total.P95 > all.Latency.Total.P95) {
		t.Errorf("10 warm pods (p95 %.1fs) should be slower than 1,000 (p95 %.1fs)", few.Latency.Total.P95, all.Latency.Total.P95)
	}
	reactive := recommend(t, Input{PeakReplicas: 990, BaselineReplicas: 0, RequestsCanWait: false, MonthlyBudgetUSD: s(0)})
	if few.Latency.Total.P95 < reactive.Latency.Total.P95-1e-9 && few.Tier == reactive.Tier {
		t.Errorf("10 warm pods cannot beat 990 pods on new nodes: %.1f vs %.1f", few.Latency.Total.P95, reactive.Latency.Total.P95)
	}
}

// Item 3: scheduled_prescale charged a reactive path with a 500 MB pull
// although its pods are running before the peak and its components say the
// image is pre-pulled on warm nodes.
func TestScheduledPrescaleDescribesItsOwnPath(t *testing.T) {
	rec := recommend(t, Input{PredictableTraffic: true, BaselineReplicas: 20, PeakReplicas: 120})
	if rec.PrescaleLead == nil || rec.PrescaleLead.P95 <= 0 {
		t.Fatalf("want how early the schedule must start, got %v", rec.PrescaleLead)
	}
	warm, ok := rec.Latency.Part(latency.PartWarm)
	if !ok || warm.Pods != rec.WarmPods {
		t.Fatalf("the surge beyond the schedule lands on the %d warm pods: %+v", rec.WarmPods, rec.Latency.Parts)
	}
	if s, _ := rec.Latency.Stage(latency.StageImagePull); s.P95 != 0 {
		t.Errorf("the image is pre-pulled on the warm nodes, yet the estimate pulls it: %+v", s)
	}
	if !slices.ContainsFunc(rec.Components, func(c string) bool { return strings.Contains(c, "scaling_image_prepull") }) {
		t.Errorf("components should name the pre-pull: %v", rec.Components)
	}
	if rec.Latency.Total.P95 >= rec.PrescaleLead.P95 {
		t.Errorf("a surge on warm capacity (p95 %.1f) should be faster than a full new-node scale-out (%.1f)", rec.Latency.Total.P95, rec.PrescaleLead.P95)
	}
}

// Item 3: the strategy's warnings named readiness_period_seconds,
// image_cached_on_node and pull_through_cache, which it does not have.
func TestWarningsAndReasonsNameOnlyStrategyInputs(t *testing.T) {
	s := func(v float64) *float64 { return &v }
	latencyOnly := []string{"image_cached_on_node", "pull_through_cache", "image_registry", "metric_source", "scrape_interval_seconds",
		"metric_window_seconds", "capacity", "ami_family", "control_plane_tier", "warm_pool_pods", "burst_pods", "image_prepulled"}
	attr := regexp.MustCompile("[a-z]+(_[a-z0-9]+)+")
	for _, in := range []Input{
		{PeakReplicas: 120, TargetP95Seconds: s(1)},
		{PeakReplicas: 120, TargetP95Seconds: s(1), PredictableTraffic: true},
		{PeakReplicas: 120, TargetP95Seconds: s(1), RequestsCanWait: true},
		{PeakReplicas: 120, TargetP95Seconds: s(1), RequestsCanWait: true, BatchJobs: true},
		{PeakReplicas: 120, TargetP95Seconds: s(1), BaselineCanRise: true},
		{PeakReplicas: 5000, TargetP95Seconds: s(3), MonthlyBudgetUSD: s(1500), HPASyncPeriodSeconds: s(10)},
	} {
		rec, ps := Recommend(in)
		if !ps.HasErrors() && len(rec.Warnings) == 0 {
			t.Errorf("%+v: a 1s target should draw a warning", in)
		}
		for _, text := range append(append([]string{}, rec.Warnings...), rec.Reasons...) {
			for _, name := range attr.FindAllString(text, -1) {
				if slices.Contains(latencyOnly, name) {
					t.Errorf("%q names %s, which scaling_strategy does not take", text, name)
				}
			}
		}
	}
	if !slices.Contains(Attributes, "readiness_period_seconds") || !slices.Contains(Attributes, "app_start_seconds") {
		t.Error("the inputs the fixes name must be attributes")
	}
}

// Item 4: with a 5,000-pod burst and a budget between $1,200 and $4,963 the
// strategy dropped from tier-4xl straight to standard (p95 177 s) although
// tier-xl or tier-2xl fit.
func TestBudgetFallbackTakesTheFastestThatFits(t *testing.T) {
	s := func(v float64) *float64 { return &v }
	standard := recommend(t, Input{PeakReplicas: 5000, MonthlyBudgetUSD: s(0)})
	for _, budget := range []float64{1200, 2500, 4963} {
		rec := recommend(t, Input{PeakReplicas: 5000, MonthlyBudgetUSD: s(budget)})
		if rec.Tier == tiers.Standard || rec.WithinBudget == nil || !*rec.WithinBudget {
			t.Errorf("$%g: tier %s within %v; want a provisioned tier that fits", budget, rec.Tier, rec.WithinBudget)
		}
		if !(rec.Latency.Total.P95 < standard.Latency.Total.P95) {
			t.Errorf("$%g: p95 %.1f is no faster than standard's %.1f", budget, rec.Latency.Total.P95, standard.Latency.Total.P95)
		}
		if !strings.Contains(strings.Join(rec.Reasons, " "), "cheaper options") {
			t.Errorf("$%g: the reasons should say what was tried: %v", budget, rec.Reasons)
		}
	}
	// A bigger budget never gives a slower answer.
	prev := math.Inf(1)
	for _, budget := range []float64{0, 500, 1200, 2500, 4963, 10000, 40000} {
		rec := recommend(t, Input{PeakReplicas: 5000, MonthlyBudgetUSD: s(budget)})
		if rec.Latency.Total.P95 > prev*(1+SameSpeedShare)+1e-9 {
			t.Errorf("$%g: p95 %.1f slower than with less money (%.1f)", budget, rec.Latency.Total.P95, prev)
		}
		prev = math.Min(prev, rec.Latency.Total.P95)
	}
}

// Item 2: queued work waits by design; the wait is reported apart, and the
// queued (Kueue) path names the objects scaling_kueue_queues renders.
func TestQueuedWorkReportsItsWaitAndKueueObjects(t *testing.T) {
	q := recommend(t, Input{RequestsCanWait: true, PeakReplicas: 200})
	if q.Strategy != StrategyQueue || q.QueueWait == nil || q.QueueWait.P95 != q.Latency.Total.P95 {
		t.Errorf("queue_driven: messages wait the whole scale-out: %+v", q.QueueWait)
	}
	wait := 300.0
	k := recommend(t, Input{RequestsCanWait: true, BatchJobs: true, PeakReplicas: 200, QueueWaitSeconds: &wait})
	if k.Strategy != StrategyKueue || len(k.KueueObjects) != 3 || k.WarmPods != 0 {
		t.Fatalf("batch jobs that can wait: got %s, objects %v", k.Strategy, k.KueueObjects)
	}
	if k.QueueWait == nil || k.QueueWait.Typical < wait || k.Latency.Total.P95 >= wait {
		t.Errorf("queue wait %+v should hold the %gs and stay out of the scale-out %+v", k.QueueWait, wait, k.Latency.Total)
	}
	md := k.Markdown("x")
	for _, want := range []string{"scaling_kueue_queues", "ClusterQueue", "LocalQueue", "ResourceFlavor", "queue wait p95 (typical), by design"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

// Item 5: observed bursts size the warm pool and report its coverage.
func TestObservedBurstsSizeTheWarmPool(t *testing.T) {
	bursts := []int64{12, 8, 15, 40, 9, 11, 13, 10, 7, 14, 16, 12, 95, 11, 9, 10, 13, 12, 8, 18, 11, 10, 9, 14, 12, 13, 60, 10, 11, 12}
	rec := recommend(t, Input{PeakReplicas: 100, ObservedBursts: bursts})
	if rec.WarmPods != 18 || rec.BurstCoverage == nil || *rec.BurstCoverage != 0.9 || *rec.WarmForCoverage != 18 {
		t.Errorf("warm %d coverage %v for-coverage %v; want 18 pods absorbing 90%%", rec.WarmPods, rec.BurstCoverage, rec.WarmForCoverage)
	}
	s := 0.15
	guide := recommend(t, Input{PeakReplicas: 100, ObservedBursts: bursts, SafetyFactor: &s})
	if guide.WarmPods != 15 || *guide.BurstCoverage >= 0.9 {
		t.Errorf("the guide's 15 pods absorb %v of these bursts", *guide.BurstCoverage)
	}
	if _, ps := Recommend(Input{PeakReplicas: 100, ObservedBursts: []int64{5, -2}}); ps.Err() == nil || !strings.Contains(ps.Err().Error(), "observed_bursts[1]") {
		t.Errorf("a negative burst should be refused at its index: %v", ps)
	}
}

// The strategy takes the HPA sync period EKS allows, on provisioned tiers.
func TestStrategySyncPeriodNeedsAProvisionedTier(t *testing.T) {
	ten := 10.0
	big := recommend(t, Input{PeakReplicas: 1000, BaselineCanRise: true, HPASyncPeriodSeconds: &ten})
	small := recommend(t, Input{PeakReplicas: 100, BaselineCanRise: true, HPASyncPeriodSeconds: &ten})
	if big.Tier == tiers.Standard || big.LatencyInput.HPASyncPeriodSeconds == nil {
		t.Errorf("tier %s: the 10s sync should apply on a provisioned tier", big.Tier)
	}
	if small.Tier != tiers.Standard || small.LatencyInput.HPASyncPeriodSeconds != nil ||
		!strings.Contains(strings.Join(small.Reasons, " "), "needs a provisioned control-plane tier") {
		t.Errorf("on standard the sync stays 15s and the reasons say why: %v", small.Reasons)
	}
}
