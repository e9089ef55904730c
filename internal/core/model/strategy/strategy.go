// Package strategy is the guide's decision framework as code: four questions
// (is traffic predictable? can requests wait? can the baseline rise? what is
// the cost limit?) lead to a combination of scaling techniques, with the
// reasons, and the latency and cost models priced for the path pods really
// take under that recommendation. It knows nothing of Terraform.
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
	// StrategyKueue: batch Jobs wait in a Kueue queue and are admitted onto
	// capacity Karpenter provisions.
	StrategyKueue = "queued_admission"
	// StrategyBaseline: keep more replicas running; no scale-out for most bursts.
	StrategyBaseline = "raised_baseline"
	// StrategyWarmPool: warm capacity with fast metrics.
	StrategyWarmPool = "warm_pool"
	// StrategyReactive: fast metrics + Karpenter, no standing capacity (what
	// a tight budget leaves).
	StrategyReactive = "fast_reactive"
)

// Defaults, from the guide unless marked.
const (
	// DefaultSafetyFactor: the guide's warm pool example (15 % of the peak delta).
	DefaultSafetyFactor = sizing.GuideSafetyFactor
	// DefaultCoverage: with observed bursts, the share the warm pool absorbs
	// completely (the guide's "90 % of bursts").
	DefaultCoverage = 0.9
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
	// SameSpeedSeconds and SameSpeedShare: budget candidates within the
	// larger of 0.5 s and 5 % of the fastest count as equally fast, and the
	// cheapest of them wins (assumption: below the model's precision).
	SameSpeedSeconds = 0.5
	SameSpeedShare   = 0.05
)

// Input answers the framework's questions. Problem paths use the Terraform
// attribute names in the comments; Attributes lists them all.
type Input struct {
	PredictableTraffic bool // predictable_traffic
	RequestsCanWait    bool // requests_can_wait
	BaselineCanRise    bool // baseline_can_rise
	// BatchJobs: the work is Jobs (batch, training), not a long-running
	// service; with requests_can_wait it is queued in Kueue.
	BatchJobs bool // batch_jobs
	// MonthlyBudgetUSD caps the extra monthly spend per cluster on fast
	// scaling (warm capacity + tier above standard); nil = no limit.
	MonthlyBudgetUSD *float64 // monthly_budget_usd

	BaselineReplicas int64    // baseline_replicas
	PeakReplicas     int64    // peak_replicas
	SafetyFactor     *float64 // safety_factor
	// ObservedBursts are real bursts (peak minus baseline, in pods); with
	// them the warm pool is sized for TargetCoverage unless SafetyFactor is set.
	ObservedBursts   []int64  // observed_bursts
	TargetCoverage   *float64 // target_coverage
	PodHourUSD       *float64 // pod_hour_usd
	PeakHoursPerWeek *float64 // peak_hours_per_week
	TargetP95Seconds *float64 // target_p95_seconds

	ImageSizeMB            *float64 // image_size_mb
	ImagePublic            bool     // image_public
	AppStartSeconds        *float64 // app_start_seconds
	ReadinessPeriodSeconds *float64 // readiness_period_seconds
	HPASyncPeriodSeconds   *float64 // hpa_sync_period_seconds
	QueueWaitSeconds       *float64 // queue_wait_seconds
}

// Attributes are the Terraform attribute names of Input: every attribute a
// reason or warning names must be one of them.
var Attributes = []string{"predictable_traffic", "requests_can_wait", "baseline_can_rise", "batch_jobs", "monthly_budget_usd",
	"baseline_replicas", "peak_replicas", "safety_factor", "observed_bursts", "target_coverage", "pod_hour_usd", "peak_hours_per_week",
	"target_p95_seconds", "image_size_mb", "image_public", "app_start_seconds", "readiness_period_seconds", "hpa_sync_period_seconds",
	"queue_wait_seconds"}

// Recommendation is the framework's answer.
type Recommendation struct {
	Strategy   string
	Components []string
	// Reasons explains each decision, in the order they were taken.
	Reasons []string
	Tier    string
	// WarmPods is the standing capacity (warm pods or extra baseline replicas).
	WarmPods int64
	// WarmMode is how warm pods are held (pause pods or a CapacityBuffer);
	// empty without warm capacity.
	WarmMode string
	// ExtraMonthlyUSD is warm capacity + tier above the standard fee, per cluster.
	ExtraMonthlyUSD float64
	WithinBudget    *bool
	// Latency describes the path pods take under this recommendation.
	Latency latency.Result
	// LatencyInput is what Latency was computed from (the path's main part).
	LatencyInput latency.Input
	// QueueWait is how long queued work waits by design before its pods
	// start (queue_driven, queued_admission), apart from the scale-out.
	QueueWait *latency.Range
	// PrescaleLead is how long before a known peak the schedule must start
	// so the pre-scaled pods are Ready in time (scheduled_prescale).
	PrescaleLead *latency.Range
	// BurstCoverage is the share of observed bursts the standing capacity
	// absorbs completely; WarmForCoverage is the warm size for TargetCoverage.
	BurstCoverage   *float64
	WarmForCoverage *int64
	// KueueObjects are the objects scaling_kueue_queues renders for the
	// queued path (empty otherwise).
	KueueObjects []string
	Cost         cost.Result
	Assumptions  []string
	// Warnings repeats the warning problems for the summary.
	Warnings []string
}

func fp(v float64) *float64 { return &v }

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
	p := plan(in)
	rec := Recommendation{Reasons: p.reasons}
	rec.Tier, rec.Reasons = chooseTier(p.burst, rec.Reasons)
	best := p.evaluate(rec.Tier, p.warm)
	if in.MonthlyBudgetUSD != nil && best.extra > *in.MonthlyBudgetUSD {
		best = p.fallback(rec.Tier, *in.MonthlyBudgetUSD, &rec)
	}
	rec.apply(p, best)
	if in.MonthlyBudgetUSD != nil {
		ok := rec.ExtraMonthlyUSD <= *in.MonthlyBudgetUSD
		rec.WithinBudget = &ok
	}
	rec.coverage(in, p)
	rec.slo(in, &ps)
	rec.Assumptions = append(p.assumptions(), rec.Latency.Assumptions...)
	for _, w := range ps {
		if w.Warning {
			rec.Warnings = append(rec.Warnings, w.String())
		}
	}
	return rec, ps
}

// apply takes a priced candidate as the recommendation.
func (rec *Recommendation) apply(p *planned, c candidate) {
	rec.Strategy, rec.Components = c.strategy, p.components(c)
	rec.Tier, rec.WarmPods, rec.Cost, rec.ExtraMonthlyUSD = c.tier, c.warm, c.cost, c.extra
	rec.Latency, rec.LatencyInput, rec.QueueWait, rec.PrescaleLead = c.lat, c.input, c.lat.QueueWait, c.lead
	if c.warm > 0 && p.warmHeld() {
		rec.WarmMode = c.warmMode
	}
	if p.in.HPASyncPeriodSeconds != nil && *p.in.HPASyncPeriodSeconds != latency.EKSDefaultHPASyncPeriod && c.tier == tiers.Standard {
		rec.Reasons = append(rec.Reasons, fmt.Sprintf("hpa_sync_period_seconds = %g needs a provisioned control-plane tier; the recommendation stays on standard, so its HPA syncs every %gs.",
			*p.in.HPASyncPeriodSeconds, latency.EKSDefaultHPASyncPeriod))
	}
	if c.strategy == StrategyKueue {
		rec.KueueObjects = KueueObjects
	}
}

// chooseTier is the smallest tier whose scheduling rate binds the burst
// within SchedulingBudgetSeconds.
func chooseTier(burst int64, reasons []string) (string, []string) {
	need := float64(burst) / SchedulingBudgetSeconds
	tier, err := tiers.SmallestFor(need, 0)
	if err != nil {
		tier = tiers.XL4
		reasons = append(reasons, fmt.Sprintf("Even %s binds this burst slower than %gs: split the burst or ask AWS about %s.", tiers.XL4, SchedulingBudgetSeconds, tiers.XL8))
	}
	if tier != tiers.Standard {
		reasons = append(reasons, fmt.Sprintf("A %d-pod burst needs %.0f pods/s to bind within %gs; standard is assumed at %d pods/s.",
			burst, need, SchedulingBudgetSeconds, tiers.StandardAssumedPodSchedulingRate))
	}
	return tier, reasons
}

// coverage reports how much of the observed bursts the standing capacity
// absorbs, and the warm size for the target coverage.
func (rec *Recommendation) coverage(in Input, p *planned) {
	if len(in.ObservedBursts) == 0 {
		return
	}
	c := sizing.Coverage(in.ObservedBursts, rec.WarmPods)
	w := sizing.WarmForCoverage(in.ObservedBursts, p.coverage)
	rec.BurstCoverage, rec.WarmForCoverage = &c, &w
}

// slo sets the verdict and warns about a target no candidate can reach,
// naming this data source's own inputs.
func (rec *Recommendation) slo(in Input, ps *problem.List) {
	if in.TargetP95Seconds == nil {
		return
	}
	t := *in.TargetP95Seconds
	meets := rec.Latency.Total.P95 <= t
	rec.Latency.Target, rec.Latency.MeetsSLO = &t, &meets
	if t >= rec.Latency.Floor {
		return
	}
	slowest, best := "", -1.0
	for _, s := range rec.Latency.Stages {
		if s.Best > best {
			slowest, best = s.Name, s.Best
		}
	}
	ps.Warnf(problem.Path{"target_p95_seconds"},
		"target %gs is below the fastest the recommended path can ever be (%.1fs): stage %s alone needs at least %.1fs. %s",
		t, rec.Latency.Floor, slowest, best, FixFor[slowest])
}

// FixFor says, in scaling_strategy's own inputs, what shortens each stage.
var FixFor = map[string]string{
	latency.StageMetricDetection: "The recommendation already uses KEDA on Prometheus every 5s; answer requests_can_wait if the work can queue.",
	latency.StageScalingDecision: "Set hpa_sync_period_seconds = 10 (EKS allows it on provisioned tiers), or answer baseline_can_rise so replicas are already running.",
	latency.StageCapacity:        "Keep more warm capacity: raise safety_factor (or target_coverage with observed_bursts) and monthly_budget_usd.",
	latency.StageNodeReadiness:   "Keep warm capacity for the burst (safety_factor, monthly_budget_usd): new nodes take this long to become Ready.",
	latency.StagePodScheduling:   "Raise monthly_budget_usd so a bigger control-plane tier fits, or spread the burst (a smaller peak_replicas step).",
	latency.StageImagePull:       "Shrink the image (image_size_mb); with warm capacity the recommendation pre-pulls it, so the pull left is on new nodes.",
	latency.StageContainerStart:  "Start the app faster (app_start_seconds) or probe readiness more often (readiness_period_seconds).",
}

// KueueObjects are what the data source scaling_kueue_queues renders for
// the queued path with Karpenter.
var KueueObjects = []string{
	"ResourceFlavor per Karpenter NodePool (spot first, on-demand fallback), matched by the NodePool's labels",
	"ClusterQueue with quota for the burst's requests, a cohort to borrow from, and a preemption policy",
	"LocalQueue in the workload's namespace",
}
