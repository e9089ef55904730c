package strategy

import (
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/latency"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
)

func TestFrameworkOrder(t *testing.T) {
	base := Input{BaselineReplicas: 20, PeakReplicas: 120}
	cases := []struct {
		name     string
		mod      func(*Input)
		strategy string
		capacity string
	}{
		{"predictable wins", func(in *Input) { in.PredictableTraffic, in.RequestsCanWait, in.BaselineCanRise = true, true, true }, StrategyScheduled, latency.CapacityWarm},
		{"queue", func(in *Input) { in.RequestsCanWait, in.BaselineCanRise = true, true }, StrategyQueue, latency.CapacityKarpenterSpot},
		{"baseline", func(in *Input) { in.BaselineCanRise = true }, StrategyBaseline, latency.CapacityKarpenterSpot},
		{"warm pool", func(in *Input) {}, StrategyWarmPool, latency.CapacityWarm},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := base
			c.mod(&in)
			rec, ps := Recommend(in)
			if ps.HasErrors() {
				t.Fatal(ps)
			}
			if rec.Strategy != c.strategy || rec.LatencyInput.Capacity != c.capacity {
				t.Errorf("got %s / %s, want %s / %s", rec.Strategy, rec.LatencyInput.Capacity, c.strategy, c.capacity)
			}
			if len(rec.Reasons) == 0 || len(rec.Components) == 0 || rec.Latency.Total.P95 <= 0 {
				t.Errorf("empty recommendation: %+v", rec)
			}
		})
	}
}

func TestWarmPoolIsTheGuideExample(t *testing.T) {
	rec, _ := Recommend(Input{BaselineReplicas: 20, PeakReplicas: 120})
	// ceil(100 x 0.15) = 15 pods x $0.05 x 720 h = $540 extra over standard.
	if rec.WarmPods != 15 || rec.ExtraMonthlyUSD < 539.99 || rec.ExtraMonthlyUSD > 540.01 {
		t.Errorf("warm %d, extra %v; want 15 and $540", rec.WarmPods, rec.ExtraMonthlyUSD)
	}
	// 100 pods in 10 s = 10 pods/s: standard suffices.
	if rec.Tier != tiers.Standard {
		t.Errorf("tier %s, want standard", rec.Tier)
	}
	md := rec.Markdown("Recommended strategy")
	for _, want := range []string{"`warm_pool`", "15 pods (ceil(100 x 0.15)", "$540.00", "**Why**"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestBudgetFallsBackToReactive(t *testing.T) {
	budget := 100.0
	rec, _ := Recommend(Input{BaselineReplicas: 20, PeakReplicas: 120, MonthlyBudgetUSD: &budget})
	if rec.Strategy != StrategyReactive || rec.WarmPods != 0 || rec.WithinBudget == nil || !*rec.WithinBudget {
		t.Errorf("got %s, warm %d, within %v", rec.Strategy, rec.WarmPods, rec.WithinBudget)
	}
	if rec.LatencyInput.Capacity == latency.CapacityWarm {
		t.Errorf("reactive path should launch nodes")
	}
}

func TestBigBurstAsksForATier(t *testing.T) {
	rec, _ := Recommend(Input{BaselineReplicas: 0, PeakReplicas: 1000, BaselineCanRise: true})
	// 1,000 pods in 10 s = 100 pods/s > standard's 50: tier-xl (167).
	if rec.Tier != tiers.XL {
		t.Errorf("tier %s, want %s", rec.Tier, tiers.XL)
	}
	budget := 200.0
	rec, _ = Recommend(Input{BaselineReplicas: 0, PeakReplicas: 1000, RequestsCanWait: true, MonthlyBudgetUSD: &budget})
	if rec.Tier != tiers.Standard {
		t.Errorf("over budget tier should drop to standard, got %s", rec.Tier)
	}
}

func TestAdviceBadInput(t *testing.T) {
	neg, zero := -1.0, 0.0
	for attr, in := range map[string]Input{
		"peak_replicas":       {BaselineReplicas: 10, PeakReplicas: 10},
		"baseline_replicas":   {BaselineReplicas: -1, PeakReplicas: 10},
		"safety_factor":       {PeakReplicas: 10, SafetyFactor: &zero},
		"pod_hour_usd":        {PeakReplicas: 10, PodHourUSD: &neg},
		"monthly_budget_usd":  {PeakReplicas: 10, MonthlyBudgetUSD: &neg},
		"target_p95_seconds":  {PeakReplicas: 10, TargetP95Seconds: &zero},
		"peak_hours_per_week": {PeakReplicas: 10, PeakHoursPerWeek: &zero},
	} {
		_, ps := Recommend(in)
		found := false
		for _, p := range ps {
			found = found || (p.Path.String() == attr && !p.Warning)
		}
		if !found {
			t.Errorf("%s: want an error, got %v", attr, ps)
		}
	}
}

func BenchmarkRecommend(b *testing.B) {
	in := Input{BaselineReplicas: 20, PeakReplicas: 120}
	for b.Loop() {
		Recommend(in)
	}
}
