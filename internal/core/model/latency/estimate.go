package latency

import (
	"fmt"
	"math"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// Result is an estimate: the stages, their totals and what they assume.
type Result struct {
	Stages []Stage
	// Total: best and typical are sums; p95 is the typical sum plus the
	// root-sum-square of each stage's p95 tail (independent stages).
	Total Range
	// Dominant is the stage with the largest p95.
	Dominant string
	// Floor is the fastest this path can be: every stage at its best.
	Floor float64
	// Target and MeetsSLO are set when a p95 target was given.
	Target   *float64
	MeetsSLO *bool
	// Assumptions lists every default the estimate relied on.
	Assumptions []string
	// Warnings repeats the warning problems' messages for the summary.
	Warnings []string
}

// Combine adds stages: best and typical add up; the p95 of a sum of
// independent stages is the typical sum plus the root-sum-square of the
// tails (summing p95s would describe every stage at its worst at once).
func Combine(stages []Stage) Range {
	var t Range
	var tails float64
	for _, s := range stages {
		t.Best += s.Best
		t.Typical += s.Typical
		d := s.P95 - s.Typical
		tails += d * d
	}
	t.P95 = t.Typical + math.Sqrt(tails)
	return t
}

// Phases combines the stages of each phase (detect, provision, pod start),
// as the guide's P95 table groups them.
func (r Result) Phases() map[string]Range {
	by := map[string][]Stage{}
	for _, s := range r.Stages {
		by[s.Phase] = append(by[s.Phase], s)
	}
	out := map[string]Range{}
	for phase, ss := range by {
		out[phase] = Combine(ss)
	}
	return out
}

// Stage returns the named stage.
func (r Result) Stage(name string) (Stage, bool) {
	for _, s := range r.Stages {
		if s.Name == name {
			return s, true
		}
	}
	return Stage{}, false
}

// Estimate computes the scale-out time. Errors come back as problems and
// an empty result; warnings (an impossible target, an HPA sync period EKS
// does not offer) come back with a result.
func Estimate(in Input) (Result, problem.List) {
	ps := in.Validate()
	if ps.HasErrors() {
		return Result{}, ps
	}
	r := in.resolve()
	res := Result{Stages: []Stage{
		detection(r), decision(r), capacity(r), nodeReadiness(r), scheduling(r), imagePull(r), containerStart(r),
	}}
	res.Total = Combine(res.Stages)
	res.Floor = res.Total.Best
	slowest, slowestBest := "", -1.0
	var dominantP95 float64 = -1
	for _, s := range res.Stages {
		if s.P95 > dominantP95 {
			res.Dominant, dominantP95 = s.Name, s.P95
		}
		if s.Best > slowestBest {
			slowest, slowestBest = s.Name, s.Best
		}
	}
	if r.target != nil {
		t := *r.target
		meets := res.Total.P95 <= t
		res.Target, res.MeetsSLO = &t, &meets
		if t < res.Floor {
			ps.Warnf(problem.Path{"target_p95_seconds"},
				"target %gs is below the fastest this path can ever be (%.1fs, every stage at its best): stage %s alone needs at least %.1fs. %s",
				t, res.Floor, slowest, slowestBest, fixFor[slowest])
		}
	}
	if !r.scaleFromZero && r.sync != EKSHPASyncPeriod {
		ps.Warnf(problem.Path{"hpa_sync_period_seconds"},
			"EKS runs the HPA sync loop every %gs and does not let you change it; %gs holds only on a self-managed control plane, so this estimate will not hold on EKS",
			EKSHPASyncPeriod, r.sync)
	}
	res.Assumptions = assumptions(r)
	for _, p := range ps {
		if p.Warning {
			res.Warnings = append(res.Warnings, p.String())
		}
	}
	return res, ps
}

// fixFor says how to make each stage faster, for the impossible-target warning.
var fixFor = map[string]string{
	StageMetricDetection: "Use a faster metric source (keda_prometheus, keda_sqs) or a shorter scrape_interval_seconds / metric_window_seconds.",
	StageScalingDecision: "The HPA sync period is fixed at 15s on EKS: raise the target or keep warm replicas (a higher minReplicas).",
	StageCapacity:        "Use capacity = \"warm\" (pause pods) or \"existing_nodes\" instead of launching nodes.",
	StageNodeReadiness:   "Use warm capacity, or ami_family = \"bottlerocket\".",
	StagePodScheduling:   "Use a bigger control_plane_tier (higher pod scheduling rate) or a smaller burst.",
	StageImagePull:       "Shrink the image, pull from in-region ECR (pull_through_cache), or pre-pull it (image_cached_on_node).",
	StageContainerStart:  "Start the app faster or probe readiness more often (readiness_period_seconds).",
}

func assumptions(r resolved) []string {
	out := []string{
		fmt.Sprintf("Metric source %s: sample every %gs, window %gs, pipeline delay %g-%gs (assumption per source).",
			r.source, r.scrape, r.window, pipelineDelay[r.source].Best, pipelineDelay[r.source].P95),
		syncAssumption(r),
		fmt.Sprintf("Pod scheduling rate %g pods/s: %s.", r.rate, r.rateSource),
		policyAssumption(r),
		"p95 total = typical total + root-sum-square of each stage's (p95 - typical): stages are independent.",
	}
	switch r.capacity {
	case CapacityWarm:
		out = append(out, "Warm capacity holds the whole burst; pods beyond it take the new-node path.")
	case CapacityExistingNodes:
		out = append(out, "Existing nodes have room for the whole burst.")
	default:
		out = append(out, "New nodes launch in parallel; EC2 and Karpenter/ASG API limits are not modelled.")
	}
	if r.cached {
		out = append(out, "The image is already on the node (pre-pulled, or the node already runs the app).")
	} else {
		out = append(out, fmt.Sprintf("Image pull at %g-%g MB/s from in-region ECR (the guide's figures: 100 MB 2-3s, 500 MB 10-15s, 1 GB 20-30s, 5 GB 2-3 min).",
			PullThroughputP95MBps, PullThroughputBestMBps))
		if r.registry == RegistryPublic && r.pullThrough {
			out = append(out, "Pull-through cache: the first pull of each tag still goes upstream; this estimate is for later pulls.")
		}
	}
	out = append(out, fmt.Sprintf("App start %gs (typical; x%g at p95) and readiness probe every %gs after %gs: set yours.",
		r.appStart, AppStartP95Factor, r.period, r.probeDelay))
	return out
}

func policyAssumption(r resolved) string {
	if r.policy == PolicyKubernetesDefault {
		return fmt.Sprintf("The default HPA scale-up policy (the larger of 100%% and 4 pods per 15s) takes %d steps from %d to %d replicas.",
			PolicySteps(r.current, r.current+r.burst), r.current, r.current+r.burst)
	}
	return fmt.Sprintf("The whole burst of %d pods is requested in one HPA step: set behavior.scaleUp policies that allow it (scale_up_policy = %q models the Kubernetes default, 100%% or 4 pods per 15s).",
		r.burst, PolicyKubernetesDefault)
}

func syncAssumption(r resolved) string {
	why := "kube-controller-manager default; EKS does not let you change it"
	if r.sync != DefaultHPASyncPeriod {
		why = fmt.Sprintf("as set; EKS runs %gs and does not let you change it", EKSHPASyncPeriod)
	}
	return fmt.Sprintf("HPA sync period %gs (%s); scale-up stabilization %gs.", r.sync, why, r.stabil)
}
