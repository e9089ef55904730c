package strategy

import (
	"fmt"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/cost"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/latency"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
)

// planned is the framework's answer before the tier and the budget.
type planned struct {
	in       Input
	strategy string
	reasons  []string
	// burst is peak - baseline; warm is the standing capacity the strategy
	// wants (warm pods or extra replicas), sized by sizedBy.
	burst, warm int64
	sizedBy     string
	coverage    float64
	podHour     float64
	// weekly is the hours a week warm capacity runs (nil: always).
	weekly *float64
}

// candidate is one priced way to carry out the plan.
type candidate struct {
	// strategy is the plan's, or fast_reactive for a fallback without
	// standing capacity.
	strategy string
	tier     string
	warm     int64
	warmMode string
	input    latency.Input
	lat      latency.Result
	lead     *latency.Range
	cost     cost.Result
	extra    float64
}

func (p *planned) warmHeld() bool {
	return p.strategy == StrategyWarmPool || p.strategy == StrategyScheduled
}

// plan walks the four questions.
func plan(in Input) *planned {
	p := &planned{in: in, burst: in.PeakReplicas - in.BaselineReplicas, podHour: or(in.PodHourUSD, DefaultPodHourUSD),
		coverage: or(in.TargetCoverage, DefaultCoverage)}
	safety := or(in.SafetyFactor, DefaultSafetyFactor)
	if len(in.ObservedBursts) > 0 && in.SafetyFactor == nil {
		p.warm = sizing.WarmForCoverage(in.ObservedBursts, p.coverage)
		p.sizedBy = fmt.Sprintf("the smallest pool that absorbs %g%% of the %d observed bursts completely", p.coverage*100, len(in.ObservedBursts))
	} else {
		p.warm, _ = sizing.WarmReplicas(sizing.Input{BaselineReplicas: in.BaselineReplicas, PeakReplicas: in.PeakReplicas,
			SafetyFactor: safety, Basis: sizing.BasisPeakDelta})
		p.sizedBy = fmt.Sprintf("ceil(%d x %g), the guide's formula", p.burst, safety)
	}
	p.warm = max(p.warm, 1)
	switch {
	case in.PredictableTraffic:
		p.strategy = StrategyScheduled
		hours := or(in.PeakHoursPerWeek, DefaultPeakHoursPerWeek)
		p.weekly = &hours
		p.reasons = append(p.reasons, "Traffic is predictable: pods started ahead of a known peak are Ready when it comes; warm capacity, paid only in peak hours, takes surges the schedule did not foresee.")
	case in.RequestsCanWait && in.BatchJobs:
		p.strategy, p.warm = StrategyKueue, 0
		p.reasons = append(p.reasons, "Batch Jobs can wait: Kueue holds them until quota is free and Karpenter provisions for what it admits; standing capacity buys nothing.")
	case in.RequestsCanWait:
		p.strategy, p.warm = StrategyQueue, 0
		p.reasons = append(p.reasons, "Requests can wait: a queue absorbs the burst while new nodes launch, so standing capacity buys nothing; messages wait by design, none is lost.")
	case in.BaselineCanRise:
		p.strategy = StrategyBaseline
		p.reasons = append(p.reasons, "The baseline can rise: extra running replicas absorb the first part of a burst with no scale-out at all; simpler than warm capacity for the same money.")
	default:
		p.strategy = StrategyWarmPool
		p.reasons = append(p.reasons, "Traffic is not predictable, requests cannot wait and the baseline cannot rise: keep warm capacity that real pods take at once.")
	}
	switch {
	case p.strategy == StrategyScheduled:
		p.reasons = append(p.reasons, fmt.Sprintf("The planned peak is pre-scaled, so the estimate is for a surge the schedule did not foresee, as large as the warm capacity (%d pods); "+
			"prescale_lead says how early the schedule must start.", p.warm))
	case p.warm < p.burst && p.strategy != StrategyQueue && p.strategy != StrategyKueue:
		p.reasons = append(p.reasons, fmt.Sprintf("The standing capacity covers %d of the %d-pod burst; the other %d pods wait for new nodes, and the estimate is the slower of the two parts.",
			p.warm, p.burst, p.burst-p.warm))
	}
	return p
}

// fast is the recommended fast-metric, new-node path on a tier.
func (p *planned) fast(tier string, pods int64) latency.Input {
	in := latency.Input{MetricSource: latency.KEDAPrometheus, ScrapeIntervalSeconds: fp(FastScrapeInterval),
		Capacity: latency.CapacityKarpenterSpot, AMIFamily: latency.AMIBottlerocket, ImageSizeMB: p.in.ImageSizeMB,
		AppStartSeconds: p.in.AppStartSeconds, ReadinessPeriodSeconds: p.in.ReadinessPeriodSeconds,
		BurstPods: &pods, Tier: tier}
	if p.in.ImagePublic {
		in.ImageRegistry, in.PullThroughCache = latency.RegistryPublic, true
	}
	if tier != tiers.Standard {
		// A sync period below 15 s needs a provisioned tier.
		in.HPASyncPeriodSeconds = p.in.HPASyncPeriodSeconds
	}
	return in
}

// onWarm puts the first warm of pods pods on warm capacity held in mode.
func onWarm(in latency.Input, warm int64, mode string) latency.Input {
	in.Capacity, in.AMIFamily, in.WarmPoolPods, in.WarmMode, in.ImagePrepulled = latency.CapacityWarm, latency.AMIBottlerocket, &warm, mode, true
	in.OverflowCapacity = latency.CapacityKarpenterSpot
	return in
}

// evaluate prices the plan on a tier with warm standing pods.
func (p *planned) evaluate(tier string, warm int64) candidate {
	c := candidate{tier: tier, warm: warm}
	switch p.strategy {
	case StrategyScheduled:
		// The planned peak is pre-scaled: the schedule must start one
		// new-node scale-out of the whole burst ahead of it.
		leadIn := p.fast(tier, p.burst)
		leadIn.ScrapeIntervalSeconds = nil
		lead, _ := latency.Estimate(leadIn)
		c.lead = &lead.Total
		// What still scales out is an unplanned surge of the size the warm
		// capacity was planned for.
		c.input = p.fast(tier, p.warm)
		if warm > 0 {
			c.input, c.warmMode = p.bestWarm(c.input, warm)
		}
	case StrategyQueue:
		c.input = p.fast(tier, p.burst)
		c.input.MetricSource, c.input.ScrapeIntervalSeconds = latency.KEDASQS, nil
	case StrategyKueue:
		c.input = p.fast(tier, p.burst)
		c.input.MetricSource, c.input.ScrapeIntervalSeconds, c.input.HPASyncPeriodSeconds = "", nil, nil
		c.input.QueuedAdmission, c.input.QueueWaitSeconds = latency.QueueQuota, p.in.QueueWaitSeconds
	case StrategyBaseline:
		c.input = p.fast(tier, max(p.burst-warm, 1))
	case StrategyWarmPool:
		c.input = p.fast(tier, p.burst)
		if warm > 0 {
			c.input, c.warmMode = p.bestWarm(c.input, warm)
		}
	default:
		c.input = p.fast(tier, p.burst)
	}
	c.lat, _ = latency.Estimate(c.input)
	if p.strategy == StrategyBaseline {
		c.lat = withRunning(c.lat, warm, p.burst)
	}
	if p.strategy == StrategyQueue {
		// Messages wait in the queue for the whole scale-out: by design.
		w := c.lat.Total
		c.lat.QueueWait = &w
	}
	c.strategy = p.strategy
	if warm == 0 && (p.strategy == StrategyWarmPool || p.strategy == StrategyBaseline) {
		c.strategy = StrategyReactive
	}
	c.cost = p.price(warm, tier)
	c.extra = cost.Cents(c.cost.PerCluster - tiers.MonthlyUSD(tiers.StandardClusterHourly))
	return c
}

// bestWarm holds the warm pods as pause pods (they work on any cluster), or
// as a CapacityBuffer (an alpha Karpenter feature) when binding onto its
// free room is measurably faster than preempting them.
func (p *planned) bestWarm(in latency.Input, warm int64) (latency.Input, string) {
	pause := onWarm(in, warm, latency.WarmPausePods)
	buffer := onWarm(in, warm, latency.WarmCapacityBuffer)
	a, _ := latency.Estimate(pause)
	b, _ := latency.Estimate(buffer)
	if !sameSpeed(b.Total.P95, a.Total.P95) {
		return buffer, latency.WarmCapacityBuffer
	}
	return pause, latency.WarmPausePods
}

// withRunning describes a raised baseline: warm replicas already running
// take the first part of the burst with no scale-out at all.
func withRunning(res latency.Result, warm, burst int64) latency.Result {
	if warm >= burst {
		return latency.AlreadyRunning(burst)
	}
	for i := range res.Parts {
		if res.Parts[i].Name == latency.PartAll {
			res.Parts[i].Name = latency.PartOverflow
		}
	}
	res.Parts = append([]latency.Part{latency.RunningPart(warm)}, res.Parts...)
	return res
}

// components lists the techniques of a candidate, each with the data
// source or resource that renders it.
func (p *planned) components(c candidate) []string {
	var out []string
	warm := func() string {
		held := "pause pods at priority -1"
		if c.warmMode == latency.WarmCapacityBuffer {
			held = "a CapacityBuffer (Karpenter v1.14, feature gate CapacityBuffer; its free room binds faster than preemption at this size)"
		}
		size := fmt.Sprintf("%d pods (%s)", c.warm, p.sizedBy)
		if c.warm != p.warm {
			size = fmt.Sprintf("%d pods (what the budget allows of the %d planned)", c.warm, p.warm)
		}
		return fmt.Sprintf("warm capacity: %s held as %s (scaling_warm_pool)", size, held)
	}
	prepull := "pre-pull the image on the warm nodes with a DaemonSet (scaling_image_prepull)"
	switch c.strategy {
	case StrategyScheduled:
		out = []string{"KEDA cron trigger pre-scales the workload before known peaks (scaling_keda_scaled_object)"}
		if c.warm > 0 {
			out = append(out, warm()+fmt.Sprintf(", in peak hours only (%g h/week), for surges the schedule did not foresee", *p.weekly), prepull)
		} else {
			out = append(out, "no warm capacity: surges the schedule did not foresee wait for new nodes")
		}
		out = append(out, "KEDA on Prometheus for the unplanned part", "Karpenter spot-first NodePool with on-demand fallback")
	case StrategyKueue:
		out = []string{"Kueue queues the Jobs and admits them on quota (scaling_kueue_queues: ResourceFlavor, ClusterQueue, LocalQueue)",
			"Karpenter spot-first NodePool with on-demand fallback provisions for admitted Jobs",
			"no AdmissionCheck with a ProvisioningRequestConfig: Karpenter does not act on ProvisioningRequests (that needs cluster-autoscaler)",
			"no warm capacity"}
	case StrategyQueue:
		out = []string{"a queue in front of the work (SQS)", "KEDA aws-sqs-queue trigger on queue depth (scaling_keda_scaled_object)",
			"Karpenter spot-first NodePool with on-demand fallback", "no warm capacity"}
	case StrategyBaseline:
		size := fmt.Sprintf("%d (%s)", c.warm, p.sizedBy)
		if c.warm != p.warm {
			size = fmt.Sprintf("%d (what the budget allows of the %d planned)", c.warm, p.warm)
		}
		out = []string{"raise minReplicas by " + size, "KEDA on Prometheus beyond the headroom", "Karpenter spot-first NodePool with on-demand fallback"}
	case StrategyWarmPool:
		out = []string{warm(), prepull, "KEDA on Prometheus (fast metrics)", "Karpenter spot-first NodePool with on-demand fallback behind the warm capacity"}
	default:
		out = []string{"KEDA on Prometheus (fast metrics)", "Karpenter spot-first NodePool with on-demand fallback", "Bottlerocket nodes"}
	}
	if p.in.ImagePublic {
		out = append(out, "ECR pull-through cache for the public image (scaling_ecr_pull_through_cache_rule)")
	}
	if p.in.HPASyncPeriodSeconds != nil && c.tier != tiers.Standard {
		out = append(out, fmt.Sprintf("HPA sync period %gs (EKS advanced control-plane configuration, horizontalPodAutoscalerSyncPeriod)", *p.in.HPASyncPeriodSeconds))
	}
	if c.tier != tiers.Standard {
		out = append(out, "control-plane tier "+c.tier)
	}
	return out
}

// price is the monthly bill of standing pods on a tier.
func (p *planned) price(standing int64, tier string) cost.Result {
	ci := cost.Input{Tier: tier}
	if standing > 0 {
		ci.WarmPods = &standing
		ci.PodHour = sizing.PodHourPrice{PerPodHour: p.podHour}
		if p.strategy == StrategyScheduled {
			ci.WarmHoursPerWeek = p.weekly
		}
	}
	c, _ := cost.Estimate(ci)
	return c
}

// podMonthly is what one standing pod costs a month.
func (p *planned) podMonthly() float64 {
	if p.strategy == StrategyScheduled && p.weekly != nil {
		return sizing.MonthlyCostFromWeekly(*p.weekly, p.podHour)
	}
	return sizing.MonthlyCost(1, p.podHour)
}

// fallback tries every cheaper option than the recommendation (every tier
// up to it, with the full standing capacity, the largest that fits the
// budget, and none) and takes the fastest that fits; candidates about as
// fast (SameSpeedSeconds, SameSpeedShare) count as equal, and the cheapest
// of them wins.
func (p *planned) fallback(top string, budget float64, rec *Recommendation) candidate {
	var tried []candidate
	for _, tier := range tiers.Names[:tiers.Rank(top)+1] {
		warms := []int64{0}
		if p.warm > 0 && p.strategy != StrategyQueue && p.strategy != StrategyKueue {
			tierExtra := tiers.MonthlyUSD(p.tierHourly(tier) - tiers.StandardClusterHourly)
			fit := int64((budget - tierExtra) / p.podMonthly())
			warms = append(warms, p.warm)
			if fit > 0 && fit < p.warm {
				warms = append(warms, fit)
			}
		}
		for _, w := range warms {
			tried = append(tried, p.evaluate(tier, w))
		}
	}
	var fits []candidate
	for _, c := range tried {
		if c.extra <= budget {
			fits = append(fits, c)
		}
	}
	if len(fits) == 0 { // standard with nothing standing is $0 extra: always fits
		fits = tried[:1]
	}
	fastest := fits[0].lat.Total.P95
	for _, c := range fits {
		fastest = min(fastest, c.lat.Total.P95)
	}
	var best *candidate
	for i := range fits {
		c := &fits[i]
		if sameSpeed(c.lat.Total.P95, fastest) && (best == nil || c.extra < best.extra) {
			best = c
		}
	}
	full := p.evaluate(top, p.warm)
	rec.Reasons = append(rec.Reasons, fmt.Sprintf(
		"The full plan (%s, %d standing pods) costs %s a month, over the %s budget. Of %d cheaper options (each tier up to %s; full, budget-sized or no standing capacity), "+
			"%d fit; the fastest is %s with %d standing pods: p95 %s for %s a month.",
		top, p.warm, cost.USD(full.extra), cost.USD(budget), len(tried), top, len(fits), best.tier, best.warm,
		latency.Seconds(best.lat.Total.P95), cost.USD(best.extra)))
	return *best
}

// sameSpeed reports whether p95 a is no more than the model's precision
// slower than the faster p95 b (SameSpeedSeconds, SameSpeedShare).
func sameSpeed(a, b float64) bool {
	return a <= b+max(SameSpeedSeconds, SameSpeedShare*b)
}

// tierHourly is a tier's price (tier-8xl is never tried: no published price).
func (p *planned) tierHourly(tier string) float64 {
	t, _ := tiers.Lookup(tier)
	return t.HourlyUSD
}

// assumptions are the framework's own defaults.
func (p *planned) assumptions() []string {
	out := []string{
		fmt.Sprintf("Standing capacity: %d pods, %s.", p.warm, p.sizedBy),
		fmt.Sprintf("Pod-hour price $%.4f (the guide's example unless set).", p.podHour),
		fmt.Sprintf("Fast metrics: KEDA on Prometheus scraped every %gs; new nodes: Bottlerocket, spot first.", FastScrapeInterval),
		fmt.Sprintf("Tier: the smallest whose pod scheduling rate binds the burst within %gs (assumption).", SchedulingBudgetSeconds),
	}
	if p.warmHeld() {
		out = append(out, "Warm pods are pause pods unless a CapacityBuffer (Karpenter v1.14, feature gate CapacityBuffer) binds measurably faster; the image is pre-pulled on the warm nodes.")
	}
	return out
}
