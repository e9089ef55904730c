package latency

import (
	"fmt"
	"math"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// Part names: where a share of the burst lands.
const (
	PartWarm     = "warm"
	PartOverflow = "new_nodes"
	PartAll      = "all"
)

// Part is the share of a burst that takes one path.
type Part struct {
	Name     string
	Pods     int64
	Capacity string
	Stages   []Stage
	Total    Range
	Floor    float64
	Dominant string
}

// Result is an estimate: the stages, their totals and what they assume.
type Result struct {
	// Stages are those of the part that decides the burst's time (the one
	// with the largest p95).
	Stages []Stage
	// Total: best and typical are sums; p95 is the typical sum plus the
	// root-sum-square of each stage's p95 tail (independent stages). With
	// two parts, the burst finishes with the slower: element-wise maximum.
	Total Range
	// Dominant is the stage with the largest p95 in Stages.
	Dominant string
	// Floor is the fastest this path can be: every stage at its best.
	Floor float64
	// Parts: one, or the warm part and the new-node part of a burst larger
	// than its warm pool.
	Parts []Part
	// QueueWait is how long queued work waits before it is admitted,
	// reported apart from the scale-out (nil when not queued).
	QueueWait *Range
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

// Part returns the named part.
func (r Result) Part(name string) (Part, bool) {
	for _, p := range r.Parts {
		if p.Name == name {
			return p, true
		}
	}
	return Part{}, false
}

// path computes one part: n pods landing on capacity c.
func path(r resolved, name, c string, n int64) Part {
	p := Part{Name: name, Pods: n, Capacity: c, Stages: []Stage{
		detection(r), decision(r), capacity(r, c, n), nodeReadiness(r, c), scheduling(r, c, n), imagePull(r, c), containerStart(r),
	}}
	if r.queue == QueueProvisioningRequest {
		// Kueue admits only once cluster-autoscaler has provisioned: the
		// capacity and node stages are part of the wait for admission.
		for i := range p.Stages {
			if s := &p.Stages[i]; s.Name == StageCapacity || s.Name == StageNodeReadiness {
				s.Note = "before admission (in queue_wait): " + s.Note
				s.Range = Range{}
			}
		}
	}
	p.Total = Combine(p.Stages)
	best := -1.0
	for _, s := range p.Stages {
		p.Floor += s.Best
		if s.P95 > best {
			p.Dominant, best = s.Name, s.P95
		}
	}
	return p
}

// Estimate computes the scale-out time. Errors come back as problems and
// an empty result; warnings (an impossible target) come back with a result.
func Estimate(in Input) (Result, problem.List) {
	ps := in.Validate()
	if ps.HasErrors() {
		return Result{}, ps
	}
	r := in.resolve()
	res := estimate(r)
	slowest, slowestBest := "", -1.0
	for _, s := range res.Stages {
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
				t, res.Floor, slowest, slowestBest, FixFor[slowest])
		}
	}
	if r.capacity == CapacityWarm && r.warmPoolSet && r.warmPool < r.burst {
		ps.Warnf(problem.Path{"warm_pool_pods"}, "the warm pool holds %d of the %d-pod burst: %d pods wait for new nodes (%s), and the burst's p95 is theirs when slower",
			r.warmPool, r.burst, r.burst-r.warmPool, r.overflow)
	}
	res.Assumptions = assumptions(r)
	for _, p := range ps {
		if p.Warning {
			res.Warnings = append(res.Warnings, p.String())
		}
	}
	return res, ps
}

// estimate splits the burst into parts and combines them.
func estimate(r resolved) Result {
	var res Result
	switch {
	case r.capacity == CapacityWarm && r.warmPool < r.burst:
		if r.warmPool > 0 {
			res.Parts = append(res.Parts, path(r, PartWarm, CapacityWarm, r.warmPool))
		}
		res.Parts = append(res.Parts, path(r, PartOverflow, r.overflow, r.burst-r.warmPool))
	case r.capacity == CapacityWarm:
		res.Parts = []Part{path(r, PartWarm, CapacityWarm, r.burst)}
	default:
		res.Parts = []Part{path(r, PartAll, r.capacity, r.burst)}
	}
	decider := res.Parts[0]
	for _, p := range res.Parts {
		res.Total = res.Total.slower(p.Total)
		res.Floor = max(res.Floor, p.Floor)
		if p.Total.P95 > decider.Total.P95 {
			decider = p
		}
	}
	res.Stages, res.Dominant = decider.Stages, decider.Dominant
	if r.queue != "" {
		w := fixed(r.queueWait).add(KueueAdmission)
		if r.queue == QueueProvisioningRequest {
			// cluster-autoscaler provisions for the ProvisioningRequest before
			// Kueue admits: its scan, the launch and node readiness.
			w = w.add(capacity(r, r.capacity, r.burst).Range).add(nodeReadiness(r, r.capacity).Range)
		}
		res.QueueWait = &w
	}
	return res
}

// FixFor says how to make each stage faster, for the impossible-target
// warning of scaling_latency_estimate (its attribute names).
var FixFor = map[string]string{
	StageMetricDetection: "Use a faster metric source (keda_prometheus, keda_sqs) or a shorter scrape_interval_seconds / metric_window_seconds.",
	StageScalingDecision: "Shorten hpa_sync_period_seconds to 10 (EKS allows it on provisioned tiers), or keep warm replicas (a higher minReplicas).",
	StageCapacity:        "Use capacity = \"warm\" or \"existing_nodes\" instead of launching nodes; for big warm bursts prefer warm_mode = \"capacity_buffer\" (no preemption).",
	StageNodeReadiness:   "Use warm capacity, or ami_family = \"bottlerocket\".",
	StagePodScheduling:   "Use a bigger control_plane_tier (higher pod scheduling rate) or a smaller burst.",
	StageImagePull:       "Shrink the image, pull from in-region ECR (pull_through_cache), or pre-pull it (image_prepulled with scaling_image_prepull, or image_cached_on_node).",
	StageContainerStart:  "Start the app faster or probe readiness more often (readiness_period_seconds).",
}

func assumptions(r resolved) []string {
	out := []string{}
	if r.queue == "" {
		out = append(out,
			fmt.Sprintf("Metric source %s: sample every %gs, window %gs, pipeline delay %g-%gs (assumption per source).",
				r.source, r.scrape, r.window, pipelineDelay[r.source].Best, pipelineDelay[r.source].P95),
			syncAssumption(r),
			policyAssumption(r))
	} else {
		out = append(out, queueAssumption(r))
	}
	out = append(out,
		fmt.Sprintf("Pod scheduling rate %g pods/s: %s.", r.rate, r.rateSource),
		"p95 total = typical total + root-sum-square of each stage's (p95 - typical): stages are independent.")
	switch r.capacity {
	case CapacityWarm:
		hold := fmt.Sprintf("The warm pool holds %d pods (%s)", r.warmPool, r.warmMode)
		if !r.warmPoolSet {
			hold = fmt.Sprintf("The warm pool holds the whole burst of %d pods (%s; set warm_pool_pods for its real size)", r.burst, r.warmMode)
		}
		out = append(out, hold+"; pods beyond it take "+r.overflow+", and the burst's time is the slower part's.",
			warmRateAssumption(r))
	case CapacityExistingNodes:
		out = append(out, "Existing nodes have room for the whole burst.", warmRateAssumption(r))
	default:
		out = append(out, "New nodes launch in parallel; EC2 and Karpenter/ASG API limits are not modelled.")
	}
	switch {
	case r.cached:
		out = append(out, "The image is already on every node, new ones included (baked into the AMI or a data-volume snapshot).")
	case r.prepulled:
		out = append(out, "A pre-pull DaemonSet keeps the image on running nodes; a brand-new node pulls it once, with the pod.")
	}
	if !r.cached {
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

func warmRateAssumption(r resolved) string {
	return fmt.Sprintf("Binding on warm or free room: the per-pod rates measured on this project's local control plane (make measure-warm), "+
		"scaled by the control-plane factor %g / %g pods/s (the tier's rate over the local free-room rate): assumption that preemption costs the same multiple of a plain bind on every control plane.",
		r.rate, LocalFreeRoomRate)
}

func queueAssumption(r resolved) string {
	s := fmt.Sprintf("Queued (Kueue, %s): %gs waiting for quota (queue_wait_seconds, yours to estimate), reported apart from the scale-out",
		r.queue, r.queueWait)
	if r.queue == QueueProvisioningRequest {
		s += "; the wait also holds cluster-autoscaler's provisioning, since Kueue admits only once the ProvisioningRequest is Provisioned"
	}
	return s + "."
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
	why := "kube-controller-manager and EKS default"
	if r.sync != DefaultHPASyncPeriod {
		why = fmt.Sprintf("as set; EKS allows %g-%gs on provisioned tiers", EKSMinHPASyncPeriod, EKSMaxHPASyncPeriod)
	}
	return fmt.Sprintf("HPA sync period %gs (%s); decision time measured on the local kube-controller-manager (make measure-hpa); scale-up stabilization %gs.", r.sync, why, r.stabil)
}
