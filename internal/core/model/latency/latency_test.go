package latency

import (
	"math"
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

func i64(v int64) *int64 { return &v }

func findProblem(ps problem.List, attr string) (problem.Problem, bool) {
	for _, p := range ps {
		if p.Path.String() == attr {
			return p, true
		}
	}
	return problem.Problem{}, false
}

func TestBadInput(t *testing.T) {
	cases := []struct {
		name string
		in   Input
		attr string
		want string
	}{
		{"zero scrape", Input{ScrapeIntervalSeconds: f(0)}, "scrape_interval_seconds", "above 0"},
		{"negative sync", Input{HPASyncPeriodSeconds: f(-15)}, "hpa_sync_period_seconds", "between 10 and 15"},
		{"zero polling", Input{PollingIntervalSeconds: f(0)}, "polling_interval_seconds", "above 0"},
		{"zero probe period", Input{ReadinessPeriodSeconds: f(0)}, "readiness_period_seconds", "between 1 and 3600"},
		{"negative window", Input{MetricWindowSeconds: f(-1)}, "metric_window_seconds", "between 0 and 3600"},
		{"negative stabilization", Input{StabilizationWindowSeconds: f(-1)}, "stabilization_window_seconds", "between 0 and 3600"},
		{"unknown source", Input{MetricSource: "datadog"}, "metric_source", "use one of"},
		{"unknown capacity", Input{Capacity: "fargate"}, "capacity", "use one of"},
		{"unknown ami", Input{AMIFamily: "ubuntu"}, "ami_family", "use one of"},
		{"unknown registry", Input{ImageRegistry: "harbor"}, "image_registry", "use one of"},
		{"unknown tier", Input{Tier: "tier-xxl"}, "control_plane_tier", "use one of"},
		{"8xl without rate", Input{Tier: tiers.XL8}, "pod_scheduling_rate_per_second", "no published"},
		{"zero burst", Input{BurstPods: i64(0)}, "burst_pods", "between 1 and 150000"},
		{"zero target", Input{TargetP95Seconds: f(0)}, "target_p95_seconds", "above 0"},
		{"from zero without keda", Input{ScaleFromZero: true}, "scale_from_zero", "KEDA"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, ps := Estimate(c.in)
			p, ok := findProblem(ps, c.attr)
			if !ok || p.Warning {
				t.Fatalf("want an error at %s, got %v", c.attr, ps)
			}
			if !strings.Contains(p.Message, c.want) {
				t.Errorf("message %q does not say %q", p.Message, c.want)
			}
		})
	}
}

func TestTargetBelowFloorWarnsAndNamesStage(t *testing.T) {
	res, ps := Estimate(Input{TargetP95Seconds: f(10)}) // default stack: new AL2023 nodes
	p, ok := findProblem(ps, "target_p95_seconds")
	if !ok || !p.Warning {
		t.Fatalf("want a warning on target_p95_seconds, got %v", ps)
	}
	if !strings.Contains(p.Message, "stage "+StageNodeReadiness) {
		t.Errorf("warning should name node_readiness (the slowest best-case stage): %s", p.Message)
	}
	if res.MeetsSLO == nil || *res.MeetsSLO {
		t.Errorf("meets_slo should be false")
	}
	// A reachable target: no warning, verdict follows the p95.
	res, ps = Estimate(Input{TargetP95Seconds: f(500)})
	if len(ps) != 0 || res.MeetsSLO == nil || !*res.MeetsSLO {
		t.Errorf("500s target: problems %v, meets %v", ps, res.MeetsSLO)
	}
}

func TestDefaultsAreTheDocumentedStack(t *testing.T) {
	res, ps := Estimate(Input{})
	if len(ps) != 0 {
		t.Fatalf("problems: %v", ps)
	}
	d, _ := res.Stage(StageMetricDetection)
	// metrics-server 15 s resolution and window: p95 = 2 + 0.95x15 + 15.
	if want := 2 + 0.95*15 + 15; math.Abs(d.P95-want) > 1e-9 {
		t.Errorf("detection p95 = %v, want %v", d.P95, want)
	}
	n, _ := res.Stage(StageNodeReadiness)
	if n.Range != NodeReadiness[AMIAL2023] {
		t.Errorf("node readiness = %+v, want al2023's", n.Range)
	}
	pull, _ := res.Stage(StageImagePull)
	// 500 MB: the guide says 10-15 s.
	if pull.Best < 10 || pull.P95 > 16.5 {
		t.Errorf("500 MB pull = %+v, want about 10-15s", pull.Range)
	}
	if res.Total.P95 < res.Total.Typical || res.Total.Typical < res.Total.Best {
		t.Errorf("totals out of order: %+v", res.Total)
	}
	if len(res.Assumptions) < 5 {
		t.Errorf("assumptions too few: %v", res.Assumptions)
	}
}

func TestImagePullFollowsGuideFigures(t *testing.T) {
	for _, c := range []struct{ mb, lo, hi float64 }{{100, 2, 3}, {500, 10, 15}, {1000, 20, 30}, {5000, 120, 180}} {
		res, _ := Estimate(Input{ImageSizeMB: f(c.mb)})
		s, _ := res.Stage(StageImagePull)
		if s.Typical < c.lo || s.Typical > c.hi+1 {
			t.Errorf("%g MB typical pull %.1fs, guide says %g-%gs", c.mb, s.Typical, c.lo, c.hi)
		}
	}
	pub, _ := Estimate(Input{ImageRegistry: RegistryPublic})
	cache, _ := Estimate(Input{ImageRegistry: RegistryPublic, PullThroughCache: true})
	ps, _ := pub.Stage(StageImagePull)
	cs, _ := cache.Stage(StageImagePull)
	if !(cs.P95 < ps.P95) {
		t.Errorf("pull-through cache should beat a public registry: %v vs %v", cs.P95, ps.P95)
	}
}

func TestStagesRespondToInputs(t *testing.T) {
	base, _ := Estimate(Input{})
	stab, _ := Estimate(Input{StabilizationWindowSeconds: f(30)})
	bd, _ := base.Stage(StageScalingDecision)
	sd, _ := stab.Stage(StageScalingDecision)
	if sd.Best-bd.Best != 30 {
		t.Errorf("stabilization window should add 30s: %v vs %v", sd.Range, bd.Range)
	}
	br, _ := Estimate(Input{AMIFamily: AMIBottlerocket})
	if !(br.Total.Typical < base.Total.Typical) {
		t.Errorf("bottlerocket should be faster than al2023")
	}
	spot, _ := Estimate(Input{Capacity: CapacityKarpenterSpot})
	od, _ := Estimate(Input{Capacity: CapacityKarpenterOnDemand})
	sc, _ := spot.Stage(StageCapacity)
	oc, _ := od.Stage(StageCapacity)
	if sc.P95-oc.P95 != SpotFallbackP95 {
		t.Errorf("spot p95 should add the fallback: %v vs %v", sc.P95, oc.P95)
	}
	asg, _ := Estimate(Input{Capacity: CapacityASG})
	if !(asg.Total.Typical > od.Total.Typical) {
		t.Errorf("ASG should be slower than Karpenter")
	}
	zero, ps := Estimate(Input{MetricSource: KEDASQS, ScaleFromZero: true, PollingIntervalSeconds: f(5)})
	zd, _ := zero.Stage(StageScalingDecision)
	if len(ps) != 0 || zd.P95 != 0.95*5 {
		t.Errorf("scale from zero should wait for KEDA's 5s poll: %v %v", zd.Range, ps)
	}
}

func TestProbeReady(t *testing.T) {
	for _, c := range []struct{ app, delay, period, want float64 }{
		{2, 0, 10, 10}, {2, 0, 2, 2}, {3, 0, 2, 4}, {0, 5, 10, 5}, {12, 5, 10, 15},
	} {
		if got := probeReady(c.app, c.delay, c.period); got != c.want {
			t.Errorf("probeReady(%v, %v, %v) = %v, want %v", c.app, c.delay, c.period, got, c.want)
		}
	}
}

func TestMarkdownShowsStagesAndVerdict(t *testing.T) {
	res, _ := Estimate(Input{TargetP95Seconds: f(60)})
	md := res.Markdown("Scale-out latency")
	for _, want := range []string{"| **" + res.Dominant + "** |", "**total**", "**misses**", "<details>", "HPA sync period 15s"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestDefaultScaleUpPolicyTakesSteps(t *testing.T) {
	for _, c := range []struct {
		current, target int64
		want            int
	}{{1, 2, 1}, {1, 5, 1}, {1, 6, 2}, {10, 20, 1}, {10, 110, 4}, {2, 1002, 9}} {
		if got := PolicySteps(c.current, c.target); got != c.want {
			t.Errorf("PolicySteps(%d, %d) = %d, want %d", c.current, c.target, got, c.want)
		}
	}
	one, _ := Estimate(Input{BurstPods: i64(100)})
	def, ps := Estimate(Input{BurstPods: i64(100), ScaleUpPolicy: PolicyKubernetesDefault, CurrentReplicas: i64(10)})
	if len(ps) != 0 {
		t.Fatal(ps)
	}
	od, _ := one.Stage(StageScalingDecision)
	dd, _ := def.Stage(StageScalingDecision)
	// 10 -> 20 -> 40 -> 80 -> 160: four steps, three more 15 s periods.
	if dd.Best-od.Best != 45 {
		t.Errorf("default policy should add 45s: %v vs %v", dd.Range, od.Range)
	}
	if _, ps := Estimate(Input{ScaleUpPolicy: PolicyKubernetesDefault}); ps.Err() == nil || !strings.Contains(ps.Err().Error(), "current_replicas") {
		t.Errorf("kubernetes_default without current_replicas should fail: %v", ps)
	}
	if _, ps := Estimate(Input{ScaleUpPolicy: "fast"}); ps.Err() == nil {
		t.Errorf("unknown policy should fail")
	}
}

func TestMarkdownCarriesWarnings(t *testing.T) {
	res, ps := Estimate(Input{Capacity: CapacityWarm, BurstPods: i64(100), WarmPoolPods: i64(10), TargetP95Seconds: f(5)})
	if len(ps) != 2 || len(res.Warnings) != 2 || ps.HasErrors() {
		t.Fatalf("want two warnings, got %v", ps)
	}
	md := res.Markdown("x")
	if !strings.Contains(md, "> **Warning** target_p95_seconds:") || !strings.Contains(md, "> **Warning** warm_pool_pods:") {
		t.Errorf("markdown lacks the warnings:\n%s", md)
	}
	if !strings.Contains(md, "| new_nodes | 90 | karpenter_spot |") {
		t.Errorf("markdown lacks the parts table:\n%s", md)
	}
}
