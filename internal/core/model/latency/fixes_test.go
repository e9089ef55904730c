package latency

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
)

// Each test here pins one measured item of issue 13; each failed on the
// model before the fix (see the "What was measured").

// Item 1: burst_pods = 9e18 with the default scale-up policy looped forever
// (int64 overflow in the policy-step loop).
func TestHugeBurstIsRefusedNotLooped(t *testing.T) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, ps := Estimate(Input{ScaleUpPolicy: PolicyKubernetesDefault, CurrentReplicas: i64(1), BurstPods: i64(9_000_000_000_000_000_000)})
		if p, ok := findProblem(ps, "burst_pods"); !ok || p.Warning || !strings.Contains(p.Message, "150000") {
			t.Errorf("want an error on burst_pods naming the 150,000-pod limit, got %v", ps)
		}
		// The step count itself ends for any input.
		if n := PolicySteps(1, math.MaxInt64); n < 1 || n > 64 {
			t.Errorf("PolicySteps(1, MaxInt64) = %d", n)
		}
		if n := PolicySteps(math.MaxInt64-1, math.MaxInt64); n != 1 {
			t.Errorf("PolicySteps near MaxInt64 = %d, want 1", n)
		}
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Estimate did not return within 5s")
	}
}

// Item 1 and 7: every number input has physical bounds, named in the error;
// fractions in whole-number inputs and huge values are refused.
func TestEveryNumberHasPhysicalBounds(t *testing.T) {
	cases := []struct {
		attr string
		in   Input
	}{
		{"scrape_interval_seconds", Input{ScrapeIntervalSeconds: f(1e12)}},
		{"metric_window_seconds", Input{MetricWindowSeconds: f(1e9)}},
		{"polling_interval_seconds", Input{PollingIntervalSeconds: f(math.Inf(1))}},
		{"hpa_sync_period_seconds", Input{HPASyncPeriodSeconds: f(12.5), Tier: tiers.XL}},
		{"stabilization_window_seconds", Input{StabilizationWindowSeconds: f(3601)}},
		{"current_replicas", Input{CurrentReplicas: i64(200_000)}},
		{"burst_pods", Input{BurstPods: i64(150_001)}},
		{"warm_pool_pods", Input{Capacity: CapacityWarm, WarmPoolPods: i64(-1)}},
		{"image_size_mb", Input{ImageSizeMB: f(1_000_000)}},
		{"app_start_seconds", Input{AppStartSeconds: f(math.NaN())}},
		{"readiness_initial_delay_seconds", Input{ReadinessInitialDelaySeconds: f(0.5)}},
		{"readiness_period_seconds", Input{ReadinessPeriodSeconds: f(2.5)}},
		{"pod_scheduling_rate_per_second", Input{PodSchedulingRatePerSecond: f(1e9)}},
		{"queue_wait_seconds", Input{QueuedAdmission: QueueQuota, QueueWaitSeconds: f(-1)}},
		{"target_p95_seconds", Input{TargetP95Seconds: f(1e12)}},
	}
	for _, c := range cases {
		t.Run(c.attr, func(t *testing.T) {
			_, ps := Estimate(c.in)
			p, ok := findProblem(ps, c.attr)
			if !ok || p.Warning || !strings.Contains(p.Message, c.attr+" must be") || !strings.Contains(p.Message, "(") {
				t.Fatalf("want an error naming %s with its range and reason, got %v", c.attr, ps)
			}
		})
	}
	// Within bounds, totals stay finite and sane.
	res, ps := Estimate(Input{ScrapeIntervalSeconds: f(3600), ImageSizeMB: f(100_000), AppStartSeconds: f(3600), BurstPods: i64(MaxClusterPods)})
	if ps.HasErrors() || math.IsInf(res.Total.P95, 0) || res.Total.P95 > 30_000 {
		t.Fatalf("extreme but valid input: %v, p95 %v", ps, res.Total.P95)
	}
}

// Item 7: keda_sqs silently accepted scrape_interval_seconds and changed the
// result while its note said it reads live.
func TestKEDASQSRefusesASamplingInterval(t *testing.T) {
	for _, in := range []Input{
		{MetricSource: KEDASQS, ScrapeIntervalSeconds: f(30)},
		{MetricSource: KEDASQS, MetricWindowSeconds: f(60)},
	} {
		_, ps := Estimate(in)
		if ps.Err() == nil || !strings.Contains(ps.Err().Error(), "reads the queue depth live") {
			t.Errorf("%+v: want an error, got %v", in, ps)
		}
	}
}

// Item 6: EKS lets you set the HPA sync period to 10-15 s on provisioned
// tiers. The model used to say it could not change and warned on any value.
func TestHPASyncPeriodFollowsEKSRules(t *testing.T) {
	fast, ps := Estimate(Input{HPASyncPeriodSeconds: f(10), Tier: tiers.XL})
	if len(ps) != 0 {
		t.Fatalf("10s on tier-xl is allowed by EKS: %v", ps)
	}
	slow, _ := Estimate(Input{Tier: tiers.XL})
	fd, _ := fast.Stage(StageScalingDecision)
	sd, _ := slow.Stage(StageScalingDecision)
	if !(fd.P95 < sd.P95) || math.Abs(fd.Typical-hpaWait(10).Typical) > 1e-9 {
		t.Errorf("a 10s sync should decide faster: %v vs %v", fd.Range, sd.Range)
	}
	_, ps = Estimate(Input{HPASyncPeriodSeconds: f(10)})
	if p, ok := findProblem(ps, "hpa_sync_period_seconds"); !ok || p.Warning || !strings.Contains(p.Message, "control_plane_tier") {
		t.Errorf("10s on standard: want an error pointing at control_plane_tier, got %v", ps)
	}
	for _, v := range []float64{9, 16, 60} {
		_, ps = Estimate(Input{HPASyncPeriodSeconds: f(v), Tier: tiers.XL2})
		if p, ok := findProblem(ps, "hpa_sync_period_seconds"); !ok || !strings.Contains(p.Message, "between 10 and 15") {
			t.Errorf("%gs: want the EKS range, got %v", v, ps)
		}
	}
	if _, ps := Estimate(Input{HPASyncPeriodSeconds: f(15)}); len(ps) != 0 {
		t.Errorf("15s on standard is EKS's default: %v", ps)
	}
}

// Items 2 and 5: a burst beyond the warm pool is two paths; the burst takes
// the slower. The old model charged only the warm part.
func TestBurstBeyondWarmPoolTakesTheSlowerPart(t *testing.T) {
	in := Input{MetricSource: KEDAPrometheus, ScrapeIntervalSeconds: f(5), Capacity: CapacityWarm, BurstPods: i64(1000), WarmPoolPods: i64(10)}
	res, ps := Estimate(in)
	if ps.HasErrors() || len(res.Parts) != 2 {
		t.Fatalf("want two parts, got %d (%v)", len(res.Parts), ps)
	}
	warm, _ := res.Part(PartWarm)
	cold, _ := res.Part(PartOverflow)
	if warm.Pods != 10 || cold.Pods != 990 || cold.Capacity != CapacityKarpenterSpot {
		t.Errorf("parts %+v / %+v", warm, cold)
	}
	if res.Total.P95 != math.Max(warm.Total.P95, cold.Total.P95) || res.Total.P95 != cold.Total.P95 {
		t.Errorf("burst p95 %v should be the slower part's (warm %v, new nodes %v)", res.Total.P95, warm.Total.P95, cold.Total.P95)
	}
	reactive, _ := Estimate(Input{MetricSource: KEDAPrometheus, ScrapeIntervalSeconds: f(5), BurstPods: i64(990)})
	if math.Abs(cold.Total.P95-reactive.Total.P95) > 1e-9 {
		t.Errorf("the 990 pods beyond the pool should wait as long as 990 pods on new nodes: %v vs %v", cold.Total.P95, reactive.Total.P95)
	}
	// A warm pool that holds the whole burst is one warm path.
	all, _ := Estimate(Input{MetricSource: KEDAPrometheus, ScrapeIntervalSeconds: f(5), Capacity: CapacityWarm, BurstPods: i64(10), WarmPoolPods: i64(20)})
	if len(all.Parts) != 1 || all.Parts[0].Name != PartWarm || all.Parts[0].Pods != 10 {
		t.Errorf("covered burst: %+v", all.Parts)
	}
}

// Item 5: warm preemption was a flat 0.1/0.3/1 s plus burst/50. It now
// grows with the pods preempted at the measured rate, and free room (a
// CapacityBuffer) binds faster than preemption.
func TestWarmBindingIsSizedByTheMeasuredRate(t *testing.T) {
	stage := func(mode string, n int64) Stage {
		res, ps := Estimate(Input{Capacity: CapacityWarm, WarmMode: mode, BurstPods: &n})
		if ps.HasErrors() {
			t.Fatal(ps)
		}
		s, _ := res.Stage(StageCapacity)
		return s
	}
	p10, p500 := stage(WarmPausePods, 10), stage(WarmPausePods, 500)
	rate := WarmBindRate[WarmPausePods].Typical * StandardPodSchedulingRate / LocalFreeRoomRate
	if got, want := p500.Typical-p10.Typical, 490/rate; math.Abs(got-want) > 1e-9 {
		t.Errorf("490 more preemptions add %.2fs, want %.2fs at %.1f pods/s", got, want, rate)
	}
	if b := stage(WarmCapacityBuffer, 500); !(b.Typical < p500.Typical) {
		t.Errorf("a CapacityBuffer (%v) should bind 500 pods faster than preempting 500 pause pods (%v)", b.Range, p500.Range)
	}
	if p500.P95 < p500.Typical || p500.Typical < p500.Best {
		t.Errorf("range out of order: %+v", p500.Range)
	}
}

// Item 2 (issue 14 item 3): an image pre-pulled by a DaemonSet costs nothing
// on warm or existing nodes; pods beyond the warm pool still pull on their
// new node.
func TestPrepulledImageSkipsThePullOnRunningNodes(t *testing.T) {
	res, _ := Estimate(Input{Capacity: CapacityWarm, BurstPods: i64(100), WarmPoolPods: i64(50), ImagePrepulled: true})
	warm, _ := res.Part(PartWarm)
	cold, _ := res.Part(PartOverflow)
	pull := func(p Part) Stage {
		for _, s := range p.Stages {
			if s.Name == StageImagePull {
				return s
			}
		}
		t.Fatal("no image_pull stage")
		return Stage{}
	}
	if w := pull(warm); w.P95 != 0 || !strings.Contains(w.Note, "scaling_image_prepull") {
		t.Errorf("warm pull %+v, want 0", w)
	}
	if c := pull(cold); c.Typical < 10 {
		t.Errorf("a new node still pulls 500 MB: %+v", c)
	}
	existing, _ := Estimate(Input{Capacity: CapacityExistingNodes, ImagePrepulled: true})
	if s, _ := existing.Stage(StageImagePull); s.P95 != 0 {
		t.Errorf("existing nodes with the image pre-pulled: %+v", s)
	}
}

// Item 2 (issue 15 item 1): queued work reports its wait for admission
// apart from the scale-out.
func TestQueuedWorkReportsTheWaitApart(t *testing.T) {
	res, ps := Estimate(Input{QueuedAdmission: QueueQuota, QueueWaitSeconds: f(120)})
	if ps.HasErrors() || res.QueueWait == nil {
		t.Fatalf("want a queue wait, got %v", ps)
	}
	if res.QueueWait.Best != 120+KueueAdmission.Best || res.QueueWait.P95 != 120+KueueAdmission.P95 {
		t.Errorf("queue wait %+v", *res.QueueWait)
	}
	if d, _ := res.Stage(StageMetricDetection); d.P95 != 0 {
		t.Errorf("a queued Job reads no metric: %+v", d)
	}
	if res.Total.P95 > 120 {
		t.Errorf("the wait for quota leaked into the scale-out: %v", res.Total)
	}
	if c, _ := res.Stage(StageCapacity); c.Typical == 0 {
		t.Errorf("admitted on quota, the pods still wait for Karpenter: %+v", c)
	}
	// With a ProvisioningRequest, cluster-autoscaler provisions before
	// admission: capacity and node readiness move into the wait.
	pr, ps := Estimate(Input{QueuedAdmission: QueueProvisioningRequest, Capacity: CapacityASG})
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	if c, _ := pr.Stage(StageCapacity); c.P95 != 0 {
		t.Errorf("capacity should be in the queue wait: %+v", c)
	}
	if pr.QueueWait.Typical < ASGLaunch.Typical {
		t.Errorf("queue wait %+v should hold the ASG launch", *pr.QueueWait)
	}
	md := pr.Markdown("x")
	if !strings.Contains(md, "for admission before the scale-out") {
		t.Errorf("markdown lacks the queue wait:\n%s", md)
	}
	// Karpenter does not act on ProvisioningRequests.
	if _, ps := Estimate(Input{QueuedAdmission: QueueProvisioningRequest}); ps.Err() == nil || !strings.Contains(ps.Err().Error(), "cluster-autoscaler") {
		t.Errorf("provisioning_request with Karpenter: want an error, got %v", ps)
	}
}

// Inputs that only make sense together are refused apart.
func TestInputsThatDoNotApplyAreRefused(t *testing.T) {
	for attr, in := range map[string]Input{
		"warm_pool_pods":     {WarmPoolPods: i64(10)},
		"warm_mode":          {WarmMode: WarmCapacityBuffer},
		"overflow_capacity":  {OverflowCapacity: CapacityASG},
		"queue_wait_seconds": {QueueWaitSeconds: f(10)},
		"queued_admission":   {QueuedAdmission: QueueQuota, Capacity: CapacityWarm},
	} {
		_, ps := Estimate(in)
		if p, ok := findProblem(ps, attr); !ok || p.Warning {
			t.Errorf("%s: want an error, got %v", attr, ps)
		}
	}
}
