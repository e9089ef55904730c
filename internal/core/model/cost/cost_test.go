package cost

import (
	"math"
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
)

func f(v float64) *float64 { return &v }
func i(v int64) *int64     { return &v }

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func item(r Result, name string) (Item, bool) {
	for _, it := range r.Items {
		if it.Name == name {
			return it, true
		}
	}
	return Item{}, false
}

func TestGuideWarmPoolCost(t *testing.T) {
	// The guide: peak delta 100 x 0.15 = 15 pods at $0.05/pod-h x 720 h = $540.
	res, ps := Estimate(Input{
		Warm:    &sizing.Input{BaselineReplicas: 20, PeakReplicas: 120, SafetyFactor: 0.15, Basis: sizing.BasisPeakDelta},
		PodHour: sizing.PodHourPrice{PerPodHour: 0.05},
	})
	if len(ps) != 0 {
		t.Fatal(ps)
	}
	w, ok := item(res, "warm_capacity")
	if !ok || res.WarmPods != 15 || !near(w.PerCluster, 540) {
		t.Fatalf("warm = %+v, pods %d; want 15 pods, $540", w, res.WarmPods)
	}
	// Standard control plane: $0.10 x 730 = $73.
	if !near(res.TierMonthly, 73) || !near(res.PerCluster, 613) || !near(res.TierExtraOverStd, 0) {
		t.Errorf("tier %v, total %v, extra %v", res.TierMonthly, res.PerCluster, res.TierExtraOverStd)
	}
}

func TestTierAndFleet(t *testing.T) {
	res, ps := Estimate(Input{Tier: tiers.XL, Clusters: i(3), Regions: i(2), BudgetUSD: f(1000)})
	if len(ps) != 0 {
		t.Fatal(ps)
	}
	// tier-xl $1.65 x 730 = $1,204.50, i.e. $1,131.50 over standard.
	if !near(res.TierMonthly, 1204.5) || !near(res.TierExtraOverStd, 1131.5) {
		t.Errorf("tier-xl monthly %v, extra %v", res.TierMonthly, res.TierExtraOverStd)
	}
	if !near(res.Fleet, 6*1204.5) {
		t.Errorf("fleet %v, want 6 x 1204.5", res.Fleet)
	}
	if res.WithinBudget == nil || *res.WithinBudget {
		t.Errorf("$1,204.50 should be over a $1,000 budget")
	}
	if !strings.Contains(res.Markdown("Cost"), "**over**") {
		t.Errorf("markdown lacks the budget verdict")
	}
}

func TestCloudWatchHighResolutionMetrics(t *testing.T) {
	res, ps := Estimate(Input{CustomMetrics: 10, PublishIntervalSeconds: f(1), StreamMetrics: 100, HighResolutionAlarms: 2, Clusters: i(2)})
	if len(ps) != 0 {
		t.Fatal(ps)
	}
	cm, _ := item(res, "custom_metrics")
	put, _ := item(res, "put_metric_data")
	get, _ := item(res, "get_metric_data")
	st, _ := item(res, "metric_streams")
	al, _ := item(res, "high_resolution_alarms")
	// 10 metrics x $0.30 = $3; 10 x 2,628,000 puts/month x $0.01/1,000 = $262.80;
	// 10 x 175,200 reads x $0.01/1,000 = $17.52; 100 x 43,800 x $0.003/1,000 = $13.14; 2 x $0.30.
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"metrics", cm.PerCluster, 3}, {"puts", put.PerCluster, 262.8}, {"gets", get.PerCluster, 17.52}, {"streams", st.PerCluster, 13.14}, {"alarms", al.PerCluster, 0.6}} {
		if !near(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if !near(put.Fleet, 2*262.8) {
		t.Errorf("put fleet %v", put.Fleet)
	}
	batched, _ := Estimate(Input{CustomMetrics: 10, PublishIntervalSeconds: f(1), MetricsPerPutRequest: i(20)})
	bp, _ := item(batched, "put_metric_data")
	if !near(bp.PerCluster, 26.28) {
		t.Errorf("batched puts %v, want one request per second: $26.28", bp.PerCluster)
	}
}

// Issue 15: the alarms scaling_alert_rules renders are standard-resolution
// (60 s) alarms, $0.10 an alarm metric-month each, priced apart from the
// high-resolution ones ($0.30) and counted in the total and the fleet.
func TestStandardAlarms(t *testing.T) {
	res, ps := Estimate(Input{StandardAlarms: 7, HighResolutionAlarms: 1, Clusters: i(3), Regions: i(2)})
	if len(ps) != 0 {
		t.Fatal(ps)
	}
	std, ok := item(res, "standard_alarms")
	if !ok {
		t.Fatalf("no standard_alarms item in %+v", res.Items)
	}
	hr, _ := item(res, "high_resolution_alarms")
	if !near(std.PerCluster, 0.7) || !near(std.Fleet, 6*0.7) || !near(hr.PerCluster, 0.3) {
		t.Errorf("standard %v (fleet %v), high resolution %v; want 0.70 (4.20), 0.30", std.PerCluster, std.Fleet, hr.PerCluster)
	}
	if std.Formula != "7 alarms x $0.10" || std.Source != "CloudWatch pricing, alarms" {
		t.Errorf("formula %q, source %q", std.Formula, std.Source)
	}
	control, _ := item(res, "control_plane")
	if !near(res.PerCluster, control.PerCluster+0.7+0.3) {
		t.Errorf("total %v should include both alarm lines over the control plane's %v", res.PerCluster, control.PerCluster)
	}
	if !strings.Contains(res.Markdown("Cost"), "| standard_alarms | $0.70 | $4.20 | 7 alarms x $0.10 |") {
		t.Errorf("markdown lacks the alarm line:\n%s", res.Markdown("Cost"))
	}
	none, _ := Estimate(Input{})
	if _, ok := item(none, "standard_alarms"); ok {
		t.Errorf("no alarms, no line")
	}
}

func TestCustomMetricTiersPerRegion(t *testing.T) {
	if got := CustomMetricsMonthly(10_000); !near(got, 3000) {
		t.Errorf("10k metrics = %v", got)
	}
	if got := CustomMetricsMonthly(20_000); !near(got, 3000+1000) {
		t.Errorf("20k metrics = %v", got)
	}
	if got := CustomMetricsMonthly(2_000_000); !near(got, 3000+24000+37500+20000) {
		t.Errorf("2M metrics = %v", got)
	}
	// 4 clusters x 5,000 metrics share one region's tiers: $4,000, not 4 x $1,500.
	res, _ := Estimate(Input{CustomMetrics: 5000, Clusters: i(4)})
	cm, _ := item(res, "custom_metrics")
	if !near(cm.Fleet, 4000) {
		t.Errorf("fleet metrics %v, want 4000", cm.Fleet)
	}
}

func TestTimeOfDayWarmPool(t *testing.T) {
	res, _ := Estimate(Input{WarmPods: i(15), PodHour: sizing.PodHourPrice{InstanceHourly: 0.4, PodsPerInstance: 8}, WarmHoursPerWeek: f(60)})
	w, _ := item(res, "warm_capacity")
	if want := Cents(sizing.MonthlyCostFromWeekly(15*60, 0.05)); !near(w.PerCluster, want) {
		t.Errorf("time-of-day warm %v, want %v", w.PerCluster, want)
	}
}

func TestCostBadInput(t *testing.T) {
	cases := []struct {
		in   Input
		attr string
	}{
		{Input{Tier: tiers.XL8}, "tier_hourly_usd"},
		{Input{Tier: "huge"}, "control_plane_tier"},
		{Input{WarmPods: i(3)}, "warm_pod_hour_usd"},
		{Input{Warm: &sizing.Input{PeakReplicas: 10, BaselineReplicas: 20, SafetyFactor: 0.1, Basis: sizing.BasisPeak}, PodHour: sizing.PodHourPrice{PerPodHour: 1}}, "warm_peak_replicas"},
		{Input{Warm: &sizing.Input{PeakReplicas: 10, SafetyFactor: 2, Basis: sizing.BasisPeak}, PodHour: sizing.PodHourPrice{PerPodHour: 1}}, "warm_safety_factor"},
		{Input{CustomMetrics: 1, PublishIntervalSeconds: f(0)}, "metric_publish_interval_seconds"},
		{Input{CustomMetrics: 1, ReadIntervalSeconds: f(-5)}, "metric_read_interval_seconds"},
		{Input{MetricsPerPutRequest: i(5000)}, "metrics_per_put_request"},
		{Input{Clusters: i(0)}, "clusters"},
		{Input{Regions: i(-1)}, "regions"},
		{Input{StreamMetrics: -1}, "stream_metrics"},
		{Input{StandardAlarms: -1}, "standard_alarms"},
		{Input{WarmHoursPerWeek: f(200)}, "warm_hours_per_week"},
	}
	for _, c := range cases {
		_, ps := Estimate(c.in)
		found := false
		for _, p := range ps {
			if p.Path.String() == c.attr && !p.Warning {
				found = true
			}
		}
		if !found {
			t.Errorf("%+v: want an error at %s, got %v", c.in, c.attr, ps)
		}
	}
	// tier-8xl with a quoted price is fine.
	if _, ps := Estimate(Input{Tier: tiers.XL8, TierHourlyUSD: f(14)}); len(ps) != 0 {
		t.Errorf("8xl with a price: %v", ps)
	}
}

func TestUSD(t *testing.T) {
	for in, want := range map[float64]string{0: "$0.00", 540: "$540.00", 1204.5: "$1,204.50", 1234567.891: "$1,234,567.89", -73: "-$73.00"} {
		if got := USD(in); got != want {
			t.Errorf("USD(%v) = %s, want %s", in, got, want)
		}
	}
}

func BenchmarkEstimateFull(b *testing.B) {
	in := Input{Tier: tiers.XL, Warm: &sizing.Input{BaselineReplicas: 20, PeakReplicas: 120, SafetyFactor: 0.15, Basis: sizing.BasisPeakDelta},
		PodHour: sizing.PodHourPrice{PerPodHour: 0.05}, CustomMetrics: 20, PublishIntervalSeconds: f(10), StreamMetrics: 100, Clusters: i(3), Regions: i(2)}
	for b.Loop() {
		Estimate(in)
	}
}

func BenchmarkMarkdown(b *testing.B) {
	res, _ := Estimate(Input{Tier: tiers.XL, CustomMetrics: 20})
	for b.Loop() {
		_ = res.Markdown("Cost")
	}
}

// Issue 13 item 7: control_plane_extra_monthly_usd printed as
// 1131.4999999999998.
func TestMoneyIsRoundedToCents(t *testing.T) {
	res, ps := Estimate(Input{Tier: tiers.XL})
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	if res.TierExtraOverStd != 1131.5 || res.TierMonthly != 1204.5 || res.PerCluster != 1204.5 {
		t.Errorf("extra %v, monthly %v, per cluster %v; want 1131.5, 1204.5, 1204.5", res.TierExtraOverStd, res.TierMonthly, res.PerCluster)
	}
	if Cents(0.1+0.2) != 0.3 {
		t.Errorf("Cents(0.1+0.2) = %v", Cents(0.1+0.2))
	}
}
