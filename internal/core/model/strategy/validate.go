package strategy

import (
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/latency"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// Physical bounds of the inputs. The latency inputs and the replica counts
// take latency's bounds, so both data sources refuse the same numbers.
var (
	boundReplicas = latency.InputBounds["current_replicas"]
	boundSafety   = problem.Bound{Min: 0, MinOpen: true, Max: 1, Why: "the share of the burst kept warm, e.g. 0.15"}
	boundCoverage = problem.Bound{Min: 0, MinOpen: true, Max: 1, Why: "the share of observed bursts to absorb completely, e.g. 0.9"}
	// A pod-hour above $100 is a large GPU instance per pod; beyond is a typo.
	boundPodHour = problem.Bound{Min: 0, MinOpen: true, Max: 100, Unit: "USD", Why: "a p5.48xlarge costs under $100 an hour"}
	boundHours   = problem.Bound{Min: 0, MinOpen: true, Max: 168, Unit: "hours", Why: "a week has 168 hours"}
	boundBudget  = problem.Bound{Min: 0, Max: 10_000_000, Unit: "USD", Why: "an extra ten million dollars a month per cluster is not a budget"}
	boundTarget  = latency.InputBounds["target_p95_seconds"]
	boundImage   = latency.InputBounds["image_size_mb"]
	boundApp     = latency.InputBounds["app_start_seconds"]
	boundPeriod  = latency.InputBounds["readiness_period_seconds"]
	boundSync    = latency.InputBounds["hpa_sync_period_seconds"]
	boundQueue   = latency.InputBounds["queue_wait_seconds"]
)

// InputBounds are the physical bounds of the number inputs by attribute name,
// for the Terraform edge to state in its schema.
var InputBounds = map[string]problem.Bound{
	"baseline_replicas": boundReplicas, "peak_replicas": boundReplicas, "safety_factor": boundSafety,
	"target_coverage": boundCoverage, "pod_hour_usd": boundPodHour, "peak_hours_per_week": boundHours,
	"monthly_budget_usd": boundBudget, "target_p95_seconds": boundTarget, "image_size_mb": boundImage,
	"app_start_seconds": boundApp, "readiness_period_seconds": boundPeriod, "hpa_sync_period_seconds": boundSync,
	"queue_wait_seconds": boundQueue,
}

// Validate reports bad input with attribute paths.
func (in Input) Validate() problem.List {
	var ps problem.List
	at := func(attr string) problem.Path { return problem.Path{attr} }
	ps.CheckInt(at("baseline_replicas"), in.BaselineReplicas, boundReplicas)
	if ps.CheckInt(at("peak_replicas"), in.PeakReplicas, boundReplicas) && in.PeakReplicas <= in.BaselineReplicas {
		ps.Addf(at("peak_replicas"), "peak_replicas (%d) must be above baseline_replicas (%d): there is no burst to plan for", in.PeakReplicas, in.BaselineReplicas)
	}
	ps.CheckPtr(at("safety_factor"), in.SafetyFactor, boundSafety)
	ps.CheckPtr(at("target_coverage"), in.TargetCoverage, boundCoverage)
	ps.CheckPtr(at("pod_hour_usd"), in.PodHourUSD, boundPodHour)
	ps.CheckPtr(at("peak_hours_per_week"), in.PeakHoursPerWeek, boundHours)
	ps.CheckPtr(at("monthly_budget_usd"), in.MonthlyBudgetUSD, boundBudget)
	ps.CheckPtr(at("target_p95_seconds"), in.TargetP95Seconds, boundTarget)
	ps.CheckPtr(at("image_size_mb"), in.ImageSizeMB, boundImage)
	ps.CheckPtr(at("app_start_seconds"), in.AppStartSeconds, boundApp)
	ps.CheckPtr(at("readiness_period_seconds"), in.ReadinessPeriodSeconds, boundPeriod)
	ps.CheckPtr(at("hpa_sync_period_seconds"), in.HPASyncPeriodSeconds, boundSync)
	ps.CheckPtr(at("queue_wait_seconds"), in.QueueWaitSeconds, boundQueue)
	if in.ObservedBursts != nil {
		if i, err := sizing.ValidateBursts(in.ObservedBursts); err != nil {
			path := at("observed_bursts")
			if i >= 0 {
				path = path.Child(i)
			}
			ps.Addf(path, "%v", err)
		}
	}
	if in.TargetCoverage != nil && len(in.ObservedBursts) == 0 {
		ps.Addf(at("target_coverage"), "target_coverage sizes the warm pool from observed_bursts: give the bursts too")
	}
	if in.QueueWaitSeconds != nil && !in.RequestsCanWait {
		ps.Addf(at("queue_wait_seconds"), "queue_wait_seconds is the wait of queued work: it applies only with requests_can_wait = true")
	}
	if in.BatchJobs && !in.RequestsCanWait && !in.PredictableTraffic {
		ps.Warnf(at("batch_jobs"), "batch Jobs that cannot wait are planned like a service; answer requests_can_wait = true to queue them in Kueue")
	}
	return ps
}
