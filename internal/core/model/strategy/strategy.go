// Package strategy is the guide's decision framework as code: four questions
// (is traffic predictable? can requests wait? can the baseline rise? what is
// the cost limit?) lead to a combination of scaling techniques, with the
// reasons, and the latency and cost models priced for it. It knows nothing
// of Terraform.
package strategy

import (
	"fmt"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/cost"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/latency"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// Strategies, the framework's answers.
const (
	// StrategyScheduled: predictable peaks are pre-scaled on a schedule.
	StrategyScheduled = "scheduled_prescale"
	// StrategyQueue: requests wait in a queue; scale on its depth onto new nodes.
	StrategyQueue = "queue_driven"
	// StrategyBaseline: keep more replicas running; no scale-out for most bursts.
	StrategyBaseline = "raised_baseline"
	// StrategyWarmPool: pause-pod warm capacity with fast metrics.
	StrategyWarmPool = "warm_pool"
	// StrategyReactive: fast metrics + Karpenter, no standing capacity (what
	// a tight budget leaves).
	StrategyReactive = "fast_reactive"
)

// Defaults, from the guide unless marked.
const (
	// DefaultSafetyFactor: the guide's warm pool example (15 % of the peak delta).
	DefaultSafetyFactor = sizing.GuideSafetyFactor
	// DefaultPodHourUSD: the guide's warm pool example ($0.05 per pod-hour).
	DefaultPodHourUSD = sizing.GuidePodHourUSD
	// DefaultPeakHoursPerWeek: weekday business hours, 12 h x 5 days
	// (assumption) for time-of-day warm capacity.
	DefaultPeakHoursPerWeek = 60.0
	// FastScrapeInterval: the scrape interval the recommended fast-metric
	// path uses (assumption; 5 s is common for KEDA on Prometheus).
	FastScrapeInterval = 5.0
	// SchedulingBudgetSeconds: without a target, recommend a bigger tier
	// when binding the burst alone would take longer than this (assumption).
	SchedulingBudgetSeconds = 10.0
)

// Input answers the framework's questions. Problem paths use the Terraform
// attribute names in the comments.
type Input struct {
	PredictableTraffic bool // predictable_traffic
	RequestsCanWait    bool // requests_can_wait
	BaselineCanRise    bool // baseline_can_rise
	// MonthlyBudgetUSD caps the extra monthly spend per cluster on fast
	// scaling (warm capacity + tier above standard); nil = no limit.
	MonthlyBudgetUSD *float64 // monthly_budget_usd

	BaselineReplicas int64    // baseline_replicas
	PeakReplicas     int64    // peak_replicas
	SafetyFactor     *float64 // safety_factor
	PodHourUSD       *float64 // pod_hour_usd
	PeakHoursPerWeek *float64 // peak_hours_per_week
	TargetP95Seconds *float64 // target_p95_seconds
	ImageSizeMB      *float64 // image_size_mb
}

// Recommendation is the framework's answer.
type Recommendation struct {
	Strategy   string
	Components []string
	// Reasons explains each decision, in the order they were taken.
	Reasons []string
	Tier    string
	// WarmPods is the standing capacity (warm pods or extra baseline replicas).
	WarmPods int64
	// ExtraMonthlyUSD is warm capacity + tier above the standard fee, per cluster.
	ExtraMonthlyUSD float64
	WithinBudget    *bool
	Latency         latency.Result
	LatencyInput    latency.Input
	Cost            cost.Result
	Assumptions     []string
}

func fp(v float64) *float64 { return &v }

// Validate reports bad input with attribute paths.
func (in Input) Validate() problem.List {
	var ps problem.List
	if in.BaselineReplicas < 0 {
		ps.Addf(problem.Path{"baseline_replicas"}, "baseline_replicas must be 0 or more, got %d", in.BaselineReplicas)
	}
	if in.PeakReplicas <= in.BaselineReplicas {
		ps.Addf(problem.Path{"peak_replicas"}, "peak_replicas (%d) must be above baseline_replicas (%d): there is no burst to plan for", in.PeakReplicas, in.BaselineReplicas)
	}
	if in.SafetyFactor != nil && !(*in.SafetyFactor > 0 && *in.SafetyFactor <= 1) {
		ps.Addf(problem.Path{"safety_factor"}, "safety_factor must be in (0, 1], e.g. 0.15, got %v", *in.SafetyFactor)
	}
	if in.PodHourUSD != nil && !(*in.PodHourUSD > 0) {
		ps.Addf(problem.Path{"pod_hour_usd"}, "pod_hour_usd must be greater than 0, got %v", *in.PodHourUSD)
	}
	if in.PeakHoursPerWeek != nil && !(*in.PeakHoursPerWeek > 0 && *in.PeakHoursPerWeek <= 168) {
		ps.Addf(problem.Path{"peak_hours_per_week"}, "peak_hours_per_week must be in (0, 168], got %v", *in.PeakHoursPerWeek)
	}
	if in.MonthlyBudgetUSD != nil && *in.MonthlyBudgetUSD < 0 {
		ps.Addf(problem.Path{"monthly_budget_usd"}, "monthly_budget_usd must be 0 or more, got %v", *in.MonthlyBudgetUSD)
	}
	if in.TargetP95Seconds != nil && !(*in.TargetP95Seconds > 0) {
		ps.Addf(problem.Path{"target_p95_seconds"}, "target_p95_seconds must be greater than 0, got %v", *in.TargetP95Seconds)
	}
	if in.ImageSizeMB != nil && *in.ImageSizeMB < 0 {
		ps.Addf(problem.Path{"image_size_mb"}, "image_size_mb must be 0 or more, got %v", *in.ImageSizeMB)
	}
	return ps
}

func or(p *float64, d float64) float64 {
	if p == nil {
		return d
	}
	return *p
}

// Recommend walks the framework. Warnings (an unreachable target) come back
// with the recommendation.
func Recommend(in Input) (Recommendation, problem.List) {
	ps := in.Validate()
	if ps.HasErrors() {
		return Recommendation{}, ps
	}
	burst := in.PeakReplicas - in.BaselineReplicas
	safety := or(in.SafetyFactor, DefaultSafetyFactor)
	podHour := or(in.PodHourUSD, DefaultPodHourUSD)
	warm, _ := sizing.WarmReplicas(sizing.Input{BaselineReplicas: in.BaselineReplicas, PeakReplicas: in.PeakReplicas,
		SafetyFactor: safety, Basis: sizing.BasisPeakDelta})

	rec := Recommendation{}
	fast := latency.Input{MetricSource: latency.KEDAPrometheus, ScrapeIntervalSeconds: fp(FastScrapeInterval),
		Capacity: latency.CapacityKarpenterSpot, AMIFamily: latency.AMIBottlerocket, ImageSizeMB: in.ImageSizeMB,
		BurstPods: &burst, TargetP95Seconds: in.TargetP95Seconds}
	lat := fast
	var weekly *float64
	standing := int64(0)

	switch {
	case in.PredictableTraffic:
		rec.Strategy = StrategyScheduled
		hours := or(in.PeakHoursPerWeek, DefaultPeakHoursPerWeek)
		weekly = &hours
		standing = warm
		rec.Components = []string{"KEDA cron trigger pre-scales the workload before known peaks",
			fmt.Sprintf("warm capacity (%d pause pods) during peak hours only (%g h/week)", warm, hours),
			"KEDA on Prometheus for the unplanned part", "Karpenter spot-first NodePool with on-demand fallback"}
		rec.Reasons = append(rec.Reasons, "Traffic is predictable: scaling ahead of a known peak costs nothing in latency; pay for warm capacity only in peak hours.")
		lat.Capacity, lat.AMIFamily = latency.CapacityWarm, ""
	case in.RequestsCanWait:
		rec.Strategy = StrategyQueue
		rec.Components = []string{"a queue in front of the work", "KEDA aws-sqs-queue trigger on queue depth",
			"Karpenter spot-first NodePool with on-demand fallback", "no warm capacity"}
		rec.Reasons = append(rec.Reasons, "Requests can wait: a queue absorbs the burst while new nodes launch, so standing capacity buys nothing.")
		lat.MetricSource, lat.ScrapeIntervalSeconds = latency.KEDASQS, nil
	case in.BaselineCanRise:
		rec.Strategy = StrategyBaseline
		standing = warm
		rec.Components = []string{fmt.Sprintf("raise minReplicas by %d (ceil(%d x %g))", warm, burst, safety),
			"KEDA on Prometheus beyond the headroom", "Karpenter spot-first NodePool with on-demand fallback"}
		rec.Reasons = append(rec.Reasons, "The baseline can rise: extra running replicas absorb the first part of a burst with no scale-out at all; simpler than pause pods for the same money.")
	default:
		rec.Strategy = StrategyWarmPool
		standing = warm
		rec.Components = []string{fmt.Sprintf("warm capacity: %d pause pods (priority -1) sized ceil(%d x %g)", warm, burst, safety),
			"KEDA on Prometheus (fast metrics)", "Karpenter spot-first NodePool with on-demand fallback behind the warm pool",
			"pre-pull the image on warm nodes (or an ECR pull-through cache)"}
		rec.Reasons = append(rec.Reasons, "Traffic is not predictable, requests cannot wait and the baseline cannot rise: keep warm capacity that real pods preempt in about a second.")
		lat.Capacity, lat.AMIFamily = latency.CapacityWarm, ""
	}
	if lat.Capacity == latency.CapacityWarm && warm < burst {
		rec.Reasons = append(rec.Reasons, fmt.Sprintf("The warm pool covers %d of the %d-pod burst; the rest takes the Karpenter path (the estimate is for the covered part).", warm, burst))
		lat.BurstPods = &warm
	}

	// Tier: the smallest whose scheduling rate binds the burst in time.
	rec.Tier = tiers.Standard
	needRate := float64(burst) / SchedulingBudgetSeconds
	if t, err := tiers.SmallestFor(needRate, 0); err == nil {
		rec.Tier = t
	} else {
		rec.Tier = tiers.XL4
		rec.Reasons = append(rec.Reasons, "Even tier-4xl binds this burst slower than "+fmt.Sprint(SchedulingBudgetSeconds)+"s: split the burst or ask AWS about tier-8xl.")
	}
	if rec.Tier != tiers.Standard {
		rec.Components = append(rec.Components, "control-plane tier "+rec.Tier)
		rec.Reasons = append(rec.Reasons, fmt.Sprintf("A %d-pod burst needs %.0f pods/s to bind within %gs; standard is assumed at %d pods/s.",
			burst, needRate, SchedulingBudgetSeconds, tiers.StandardAssumedPodSchedulingRate))
	}

	price := func(standingPods int64, tier string) cost.Result {
		ci := cost.Input{Tier: tier}
		if standingPods > 0 {
			ci.WarmPods = &standingPods
			ci.PodHour = sizing.PodHourPrice{PerPodHour: podHour}
			ci.WarmHoursPerWeek = weekly
		}
		c, _ := cost.Estimate(ci)
		return c
	}
	rec.Cost = price(standing, rec.Tier)
	rec.ExtraMonthlyUSD = rec.Cost.PerCluster - tiers.MonthlyUSD(tiers.StandardClusterHourly)

	// Cost limit: fall back to the fast reactive path when standing
	// capacity does not fit, then drop the tier if that still does not.
	if in.MonthlyBudgetUSD != nil {
		budget := *in.MonthlyBudgetUSD
		if rec.ExtraMonthlyUSD > budget && standing > 0 {
			rec.Reasons = append(rec.Reasons, fmt.Sprintf("Standing capacity (%s/month) is over the %s budget: fall back to fast metrics + Karpenter, no standing capacity.",
				cost.USD(rec.ExtraMonthlyUSD), cost.USD(budget)))
			rec.Strategy, standing = StrategyReactive, 0
			rec.Components = []string{"KEDA on Prometheus (fast metrics)", "Karpenter spot-first NodePool with on-demand fallback", "Bottlerocket nodes", "ECR pull-through cache"}
			lat = fast
			rec.Cost = price(0, rec.Tier)
			rec.ExtraMonthlyUSD = rec.Cost.PerCluster - tiers.MonthlyUSD(tiers.StandardClusterHourly)
		}
		if rec.ExtraMonthlyUSD > budget && rec.Tier != tiers.Standard {
			rec.Reasons = append(rec.Reasons, fmt.Sprintf("The %s tier is over the budget: stay on standard and accept slower binding for big bursts.", rec.Tier))
			rec.Tier = tiers.Standard
			rec.Cost = price(standing, rec.Tier)
			rec.ExtraMonthlyUSD = rec.Cost.PerCluster - tiers.MonthlyUSD(tiers.StandardClusterHourly)
		}
		ok := rec.ExtraMonthlyUSD <= budget
		rec.WithinBudget = &ok
	}
	rec.WarmPods = standing
	lat.Tier = rec.Tier
	rec.LatencyInput = lat
	res, lps := latency.Estimate(lat)
	rec.Latency = res
	ps = append(ps, lps...)
	rec.Assumptions = []string{
		fmt.Sprintf("Warm pool = ceil((peak - baseline) x safety factor) = ceil(%d x %g) = %d (the guide's formula).", burst, safety, warm),
		fmt.Sprintf("Pod-hour price $%.4f (the guide's example unless set).", podHour),
		fmt.Sprintf("Fast metrics: KEDA on Prometheus scraped every %gs; new nodes: Bottlerocket, spot first.", FastScrapeInterval),
	}
	rec.Assumptions = append(rec.Assumptions, res.Assumptions...)
	return rec, ps
}
