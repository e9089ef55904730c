package cost

import (
	"fmt"
	"math"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// Input describes one cluster's setup and the fleet it is copied to.
// Problem paths use the Terraform attribute names in the comments.
type Input struct {
	Tier          string   // control_plane_tier
	TierHourlyUSD *float64 // tier_hourly_usd (overrides the launch price; required for tier-8xl)

	// Warm capacity: either Warm (sizing from traffic) or WarmPods.
	Warm     *sizing.Input // warm_baseline_replicas, warm_peak_replicas, warm_safety_factor, warm_basis
	WarmPods *int64        // warm_pods
	// PodHour prices one warm pod-hour (warm_pod_hour_usd, or
	// warm_instance_hourly_usd / warm_pods_per_instance).
	PodHour sizing.PodHourPrice
	// WarmHoursPerWeek: hours a week the warm pool runs (time-of-day
	// sizing); nil means always (168).
	WarmHoursPerWeek *float64 // warm_hours_per_week

	CustomMetrics          int64    // custom_metrics (high resolution or not)
	PublishIntervalSeconds *float64 // metric_publish_interval_seconds
	MetricsPerPutRequest   *int64   // metrics_per_put_request
	ReadIntervalSeconds    *float64 // metric_read_interval_seconds (GetMetricData)
	StreamMetrics          int64    // stream_metrics
	HighResolutionAlarms   int64    // high_resolution_alarms
	StandardAlarms         int64    // standard_alarms

	Clusters *int64 // clusters (per region)
	Regions  *int64 // regions

	BudgetUSD *float64 // monthly_budget_usd (per cluster)
}

// Item is one line of the bill.
type Item struct {
	Name string
	// PerCluster and Fleet are USD per month.
	PerCluster, Fleet float64
	Formula, Source   string
}

// Result is the monthly estimate.
type Result struct {
	Items              []Item
	PerCluster, Fleet  float64
	Clusters, Regions  int64
	WarmPods           int64
	TierMonthly        float64
	TierExtraOverStd   float64
	WithinBudget       *bool
	Budget             *float64
	Assumptions        []string
	TierHourlyResolved float64
}

func count(p *int64) int64 {
	if p == nil {
		return 1
	}
	return *p
}

// Validate reports bad input with attribute paths.
func (in Input) Validate() problem.List {
	var ps problem.List
	tier := in.Tier
	if tier == "" {
		tier = tiers.Standard
	}
	if !tiers.Valid(tier) {
		ps.Addf(problem.Path{"control_plane_tier"}, "unknown control_plane_tier %q: use one of %q", tier, tiers.Names)
	} else if t, _ := tiers.Lookup(tier); !t.HasPrice && in.TierHourlyUSD == nil {
		ps.Addf(problem.Path{"tier_hourly_usd"}, "%s has no published price: set tier_hourly_usd to the price AWS quoted you", tier)
	}
	if in.TierHourlyUSD != nil && *in.TierHourlyUSD < 0 {
		ps.Addf(problem.Path{"tier_hourly_usd"}, "tier_hourly_usd must be 0 or more, got %v", *in.TierHourlyUSD)
	}
	if in.Warm != nil && in.WarmPods != nil {
		ps.Addf(problem.Path{"warm_pods"}, "set either warm_pods or the warm_* traffic figures (baseline, peak, safety factor), not both")
	}
	if in.Warm != nil {
		for _, p := range in.Warm.Validate() {
			ps.Addf(problem.Path{"warm_" + p.Path.String()}, "%s", p.Message)
		}
	}
	if in.WarmPods != nil && *in.WarmPods < 0 {
		ps.Addf(problem.Path{"warm_pods"}, "warm_pods must be 0 or more, got %d", *in.WarmPods)
	}
	if in.warmWanted() {
		if _, err := in.PodHour.Hourly(); err != nil {
			ps.Addf(problem.Path{"warm_pod_hour_usd"}, "warm capacity needs a price: %v", err)
		}
	}
	if in.WarmHoursPerWeek != nil && !(*in.WarmHoursPerWeek >= 0 && *in.WarmHoursPerWeek <= 168) {
		ps.Addf(problem.Path{"warm_hours_per_week"}, "warm_hours_per_week must be between 0 and 168, got %v", *in.WarmHoursPerWeek)
	}
	for attr, v := range map[string]int64{"custom_metrics": in.CustomMetrics, "stream_metrics": in.StreamMetrics, "high_resolution_alarms": in.HighResolutionAlarms, "standard_alarms": in.StandardAlarms} {
		if v < 0 {
			ps.Addf(problem.Path{attr}, "%s must be 0 or more, got %d", attr, v)
		}
	}
	for attr, p := range map[string]*float64{"metric_publish_interval_seconds": in.PublishIntervalSeconds, "metric_read_interval_seconds": in.ReadIntervalSeconds} {
		if p != nil && !(*p > 0) {
			ps.Addf(problem.Path{attr}, "%s must be greater than 0 seconds, got %v", attr, *p)
		}
	}
	if in.MetricsPerPutRequest != nil && (*in.MetricsPerPutRequest < 1 || *in.MetricsPerPutRequest > 1000) {
		ps.Addf(problem.Path{"metrics_per_put_request"}, "metrics_per_put_request must be between 1 and 1000 (PutMetricData's limit), got %d", *in.MetricsPerPutRequest)
	}
	for attr, p := range map[string]*int64{"clusters": in.Clusters, "regions": in.Regions} {
		if p != nil && *p < 1 {
			ps.Addf(problem.Path{attr}, "%s must be at least 1, got %d", attr, *p)
		}
	}
	if in.BudgetUSD != nil && *in.BudgetUSD < 0 {
		ps.Addf(problem.Path{"monthly_budget_usd"}, "monthly_budget_usd must be 0 or more, got %v", *in.BudgetUSD)
	}
	return sortProblems(ps)
}

func (in Input) warmWanted() bool {
	return in.Warm != nil || (in.WarmPods != nil && *in.WarmPods > 0)
}

// Estimate prices the input. Errors come back as problems.
func Estimate(in Input) (Result, problem.List) {
	ps := in.Validate()
	if ps.HasErrors() {
		return Result{}, ps
	}
	res := Result{Clusters: count(in.Clusters), Regions: count(in.Regions)}
	n := float64(res.Clusters * res.Regions)
	add := func(name string, perCluster, fleet float64, formula, source string) {
		res.Items = append(res.Items, Item{Name: name, PerCluster: Cents(perCluster), Fleet: Cents(fleet), Formula: formula, Source: source})
	}

	// Control plane: the tier's hourly price replaces the standard fee.
	tier := in.Tier
	if tier == "" {
		tier = tiers.Standard
	}
	t, _ := tiers.Lookup(tier)
	hourly, src := t.HourlyUSD, t.Source
	if in.TierHourlyUSD != nil {
		hourly, src = *in.TierHourlyUSD, "tier_hourly_usd input"
	}
	res.TierHourlyResolved = hourly
	res.TierMonthly = Cents(tiers.MonthlyUSD(hourly))
	res.TierExtraOverStd = Cents(tiers.MonthlyUSD(hourly) - tiers.MonthlyUSD(tiers.StandardClusterHourly))
	add("control_plane", res.TierMonthly, res.TierMonthly*n,
		fmt.Sprintf("%s: $%.2f/h x %.0f h", tier, hourly, tiers.HoursPerMonth), src)

	// Warm capacity: ceil(basis x safety) pods x pod-hour price x 720 h.
	if in.warmWanted() {
		pods := int64(0)
		formula := ""
		if in.Warm != nil {
			pods, _ = sizing.WarmReplicas(*in.Warm)
			formula = fmt.Sprintf("ceil(%s x %g) = %d pods", basisText(*in.Warm), in.Warm.SafetyFactor, pods)
		} else {
			pods = *in.WarmPods
			formula = fmt.Sprintf("%d pods", pods)
		}
		res.WarmPods = pods
		price, _ := in.PodHour.Hourly()
		monthly := sizing.MonthlyCost(float64(pods), price)
		formula += fmt.Sprintf(" x $%.4f/pod-h x %.0f h", price, sizing.HoursPerMonth)
		if in.WarmHoursPerWeek != nil {
			monthly = sizing.MonthlyCostFromWeekly(float64(pods)**in.WarmHoursPerWeek, price)
			formula = fmt.Sprintf("%d pods x %g h/week x (720/168) x $%.4f/pod-h", pods, *in.WarmHoursPerWeek, price)
		}
		add("warm_capacity", monthly, monthly*n, formula, "guide's warm pool formula; 720 h month (internal/core/model/sizing)")
	}

	// CloudWatch.
	if in.CustomMetrics > 0 {
		m := float64(in.CustomMetrics)
		regionMetrics := m * float64(res.Clusters)
		fleet := CustomMetricsMonthly(regionMetrics) * float64(res.Regions)
		add("custom_metrics", CustomMetricsMonthly(m), fleet,
			fmt.Sprintf("%d metrics, tiered from $%.2f/metric-month (tiers apply per account and region)", in.CustomMetrics, CustomMetricFirst10k),
			"CloudWatch pricing, custom metrics")

		interval := orDefault(in.PublishIntervalSeconds, DefaultPublishInterval)
		batch := float64(DefaultMetricsPerPutRequest)
		if in.MetricsPerPutRequest != nil {
			batch = float64(*in.MetricsPerPutRequest)
		}
		puts := math.Ceil(m/batch) * RequestsPerMonth(interval)
		put := puts / 1000 * PutMetricDataPer1000
		add("put_metric_data", put, put*n,
			fmt.Sprintf("ceil(%d / %g per request) x %s puts (every %gs) x $%.2f/1,000", in.CustomMetrics, batch, Count(RequestsPerMonth(interval)), interval, PutMetricDataPer1000),
			"CloudWatch pricing, API requests")

		read := orDefault(in.ReadIntervalSeconds, DefaultReadInterval)
		gets := m * RequestsPerMonth(read)
		get := gets / 1000 * GetMetricDataPer1000
		add("get_metric_data", get, get*n,
			fmt.Sprintf("%d metrics x %s reads (every %gs) x $%.2f/1,000 metrics", in.CustomMetrics, Count(RequestsPerMonth(read)), read, GetMetricDataPer1000),
			"CloudWatch pricing, GetMetricData")
	}
	if in.StreamMetrics > 0 {
		updates := float64(in.StreamMetrics) * StreamUpdatesPerMetricMinute * 60 * HoursPerMonth
		s := updates / 1000 * MetricStreamPer1000
		add("metric_streams", s, s*n,
			fmt.Sprintf("%d metrics x %s updates (1 a minute) x $%.3f/1,000 (Firehose and destination not included)", in.StreamMetrics, Count(60*HoursPerMonth), MetricStreamPer1000),
			"CloudWatch pricing, metric streams")
	}
	if in.HighResolutionAlarms > 0 {
		a := float64(in.HighResolutionAlarms) * HighResolutionAlarm
		add("high_resolution_alarms", a, a*n,
			fmt.Sprintf("%d alarms x $%.2f", in.HighResolutionAlarms, HighResolutionAlarm), "CloudWatch pricing, alarms")
	}
	if in.StandardAlarms > 0 {
		a := float64(in.StandardAlarms) * StandardAlarm
		add("standard_alarms", a, a*n,
			fmt.Sprintf("%d alarms x $%.2f", in.StandardAlarms, StandardAlarm), "CloudWatch pricing, alarms")
	}

	for _, it := range res.Items {
		res.PerCluster += it.PerCluster
		res.Fleet += it.Fleet
	}
	res.PerCluster, res.Fleet = Cents(res.PerCluster), Cents(res.Fleet)
	if in.BudgetUSD != nil {
		b := *in.BudgetUSD
		ok := res.PerCluster <= b
		res.Budget, res.WithinBudget = &b, &ok
	}
	res.Assumptions = []string{
		fmt.Sprintf("Control-plane tier over %.0f h/month (AWS pricing pages); a tier's price replaces the $%.2f/h standard fee.", tiers.HoursPerMonth, tiers.StandardClusterHourly),
		"Launch prices (Nov 2025, us-east-1); other regions and discounts differ: override tier_hourly_usd.",
		fmt.Sprintf("Warm capacity over %.0f h/month (the guide's month).", sizing.HoursPerMonth),
		"CloudWatch: us-east-1 list prices, free tier ignored; custom metric tiers apply per account and region, so the fleet total tiers clusters x metrics per region.",
		"Not included: EC2 for new nodes (pay-per-use), data transfer, Firehose and the metric stream's destination, Amazon Managed Prometheus.",
		fmt.Sprintf("Fleet = per cluster x %d clusters x %d regions.", res.Clusters, res.Regions),
	}
	return res, ps
}

// Cents rounds dollars to whole cents, so sums of prices print as prices
// ($1,131.50, not 1131.4999999999998).
func Cents(usd float64) float64 {
	return math.Round(usd*100) / 100
}

func basisText(in sizing.Input) string {
	if in.Basis == sizing.BasisPeak {
		return fmt.Sprintf("peak %d", in.PeakReplicas)
	}
	return fmt.Sprintf("(peak %d - baseline %d)", in.PeakReplicas, in.BaselineReplicas)
}

func orDefault(p *float64, d float64) float64 {
	if p == nil {
		return d
	}
	return *p
}
