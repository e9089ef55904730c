package latency

import (
	"fmt"
	"math"
)

// Range is a duration in seconds at three points of its distribution.
type Range struct {
	Best, Typical, P95 float64
}

func (r Range) add(o Range) Range {
	return Range{r.Best + o.Best, r.Typical + o.Typical, r.P95 + o.P95}
}

func (r Range) scale(f float64) Range {
	return Range{r.Best * f, r.Typical * f, r.P95 * f}
}

// slower is the element-wise maximum: two parts of a burst running side by
// side finish when the slower one does.
func (r Range) slower(o Range) Range {
	return Range{max(r.Best, o.Best), max(r.Typical, o.Typical), max(r.P95, o.P95)}
}

func fixed(v float64) Range { return Range{v, v, v} }

// uniformWait is the wait for the next tick of a loop running every
// interval seconds, when the event lands at a random moment.
func uniformWait(interval float64) Range {
	return Range{0, interval / 2, UniformP95 * interval}
}

// Stage names, in the order they happen.
const (
	StageMetricDetection = "metric_detection"
	StageScalingDecision = "scaling_decision"
	StageCapacity        = "capacity"
	StageNodeReadiness   = "node_readiness"
	StagePodScheduling   = "pod_scheduling"
	StageImagePull       = "image_pull"
	StageContainerStart  = "container_start"
)

// Phases group stages as the guide's P95 table does (detect, provision, pod start).
const (
	PhaseDetect    = "detect"
	PhaseProvision = "provision"
	PhasePodStart  = "pod_start"
)

// Stage is one step of the scale-out with its duration range.
type Stage struct {
	Name  string
	Phase string
	Range
	// Note says what drives this stage's figure.
	Note string
}

func detection(r resolved) Stage {
	if r.queue != "" {
		return Stage{Name: StageMetricDetection, Phase: PhaseDetect, Note: "queued work: a Job starts when it is submitted and admitted; no metric is read"}
	}
	rng := pipelineDelay[r.source].
		add(uniformWait(r.scrape)).
		add(windowFraction.scale(r.window))
	note := fmt.Sprintf("%s: pipeline delay + wait for the next sample (every %gs) + threshold crossing in a %gs window",
		r.source, r.scrape, r.window)
	if r.source == KEDASQS {
		note = "keda_sqs: KEDA reads the queue depth (a gauge) live from SQS when the HPA asks"
	}
	return Stage{Name: StageMetricDetection, Phase: PhaseDetect, Range: rng, Note: note}
}

// hpaWait is the measured wait from a metric crossing its target to the
// HPA writing the new replica count, for a sync period.
func hpaWait(sync float64) Range {
	return HPADecisionFraction.scale(sync)
}

func decision(r resolved) Stage {
	if r.queue != "" {
		return Stage{Name: StageScalingDecision, Phase: PhaseDetect,
			Note: "Kueue admission: part of the wait for admission (queue_wait), reported apart"}
	}
	if r.scaleFromZero {
		return Stage{Name: StageScalingDecision, Phase: PhaseDetect,
			Range: uniformWait(r.polling).add(fixed(r.stabil)),
			Note:  fmt.Sprintf("KEDA activation (0 -> 1) on its own loop every %gs (pollingInterval); the HPA takes over from 1 pod", r.polling)}
	}
	note := fmt.Sprintf("HPA sync every %gs: metric crossing to replica write as measured on kube-controller-manager 1.35 (%.2f/%.2f/%.2f of the period)",
		r.sync, HPADecisionFraction.Best, HPADecisionFraction.Typical, HPADecisionFraction.P95)
	rng := hpaWait(r.sync).add(fixed(r.stabil))
	if r.stabil > 0 {
		note += fmt.Sprintf(" + %gs scale-up stabilization window", r.stabil)
	}
	if r.policy == PolicyKubernetesDefault {
		steps := PolicySteps(r.current, r.current+r.burst)
		rng = rng.add(fixed(float64(steps-1) * DefaultPolicyPeriod))
		note += fmt.Sprintf(" + %d more steps of the default scale-up policy (max of 100%% and 4 pods per %gs) from %d to %d replicas",
			steps-1, DefaultPolicyPeriod, r.current, r.current+r.burst)
	}
	return Stage{Name: StageScalingDecision, Phase: PhaseDetect, Range: rng, Note: note}
}

// warmBinding is the time until the last of n pods is bound on warm
// capacity of the given mode: the measured per-pod rate of that mode on the
// local control plane, scaled to the tier by the control-plane factor.
func warmBinding(r resolved, mode string, n int64) (Range, string) {
	factor := r.rate / LocalFreeRoomRate
	rate := WarmBindRate[mode].scale(factor)
	rng := Range{
		WarmFirstPod.Best + float64(n)/rate.Best,
		WarmFirstPod.Typical + float64(n)/rate.Typical,
		WarmFirstPod.P95 + float64(n)/rate.P95,
	}
	note := fmt.Sprintf("%d pods on %s: %.0f/%.0f/%.0f pods/s (measured %s rate x control-plane factor %.2f = %g / %g pods/s)",
		n, warmModeText[mode], rate.Best, rate.Typical, rate.P95, mode, factor, r.rate, LocalFreeRoomRate)
	return rng, note
}

var warmModeText = map[string]string{
	WarmPausePods:      "warm nodes, each preempting a pause pod",
	WarmCapacityBuffer: "a CapacityBuffer's free room",
	WarmStaticNodePool: "a static NodePool's free room",
}

func capacity(r resolved, c string, n int64) Stage {
	s := Stage{Name: StageCapacity, Phase: PhaseProvision}
	switch c {
	case CapacityWarm:
		s.Range, s.Note = warmBinding(r, r.warmMode, n)
	case CapacityExistingNodes:
		s.Range, s.Note = warmBinding(r, WarmStaticNodePool, n)
		s.Note = "room already free on Ready nodes, binding only: " + s.Note
	case CapacityASG:
		s.Range = uniformWait(ClusterAutoscalerScan).add(ASGLaunch)
		s.Note = fmt.Sprintf("cluster-autoscaler scan (every %gs) + ASG launch to EC2 running", ClusterAutoscalerScan)
	default:
		s.Range = KarpenterBatch.add(KarpenterLaunch)
		s.Note = "Karpenter batching, simulation and NodeClaim (measured) + CreateFleet and EC2 pending -> running (assumption)"
		if c == CapacityKarpenterSpot {
			s.P95 += SpotFallbackP95
			s.Note += fmt.Sprintf(" (spot: +%gs p95 for a relaunch on another offering)", SpotFallbackP95)
		} else {
			s.Note += " (on-demand)"
		}
	}
	return s
}

func newNodes(c string) bool {
	return c != CapacityWarm && c != CapacityExistingNodes
}

func nodeReadiness(r resolved, c string) Stage {
	s := Stage{Name: StageNodeReadiness, Phase: PhaseProvision, Note: "no new node"}
	if newNodes(c) {
		s.Range = NodeReadiness[r.ami]
		s.Note = r.ami + ": boot, kubelet registration, CNI ready, node Ready"
	}
	return s
}

func scheduling(r resolved, c string, n int64) Stage {
	if !newNodes(c) {
		return Stage{Name: StagePodScheduling, Phase: PhaseProvision,
			Note: "included in capacity: binding on warm or free room was measured with the scheduler's own rate"}
	}
	d := float64(n) / r.rate
	return Stage{Name: StagePodScheduling, Phase: PhaseProvision, Range: fixed(d),
		Note: fmt.Sprintf("%d pods at %g pods/s (%s): the last pod binds after pods / rate", n, r.rate, r.rateSource)}
}

func imagePull(r resolved, c string) Stage {
	s := Stage{Name: StageImagePull, Phase: PhasePodStart}
	switch {
	case r.cached || r.imageMB == 0:
		s.Note = "image already on the node"
		return s
	case r.prepulled && !newNodes(c):
		s.Note = "pre-pulled by a DaemonSet (scaling_image_prepull) on the running nodes"
		return s
	}
	factor, where := 1.0, "in-region ECR"
	if r.registry == RegistryPublic && !r.pullThrough {
		factor, where = PublicThroughputFactor, "a public registry without a pull-through cache"
	} else if r.registry == RegistryPublic {
		where = "ECR pull-through cache (after the first pull of a tag)"
	}
	s.Range = Range{
		PullOverheadBest + r.imageMB/(PullThroughputBestMBps*factor),
		PullOverheadTypical + r.imageMB/(PullThroughputTypicalMBps*factor),
		PullOverheadP95 + r.imageMB/(PullThroughputP95MBps*factor),
	}
	if factor != 1 {
		s.P95 += PublicExtraP95
	}
	s.Note = fmt.Sprintf("%g MB from %s", r.imageMB, where)
	if r.prepulled {
		s.Note += " (a pre-pull DaemonSet starts on a new node together with the pod: the first pull on a new node is not saved)"
	}
	return s
}

// probeReady is when the first readiness probe at or after the app is up
// succeeds: probes run at initialDelay + k x period.
func probeReady(appStart, delay, period float64) float64 {
	if appStart <= delay {
		return delay
	}
	return delay + period*math.Ceil((appStart-delay)/period-1e-9)
}

func containerStart(r resolved) Stage {
	rng := ContainerCreate.add(Range{
		probeReady(r.appStart, r.probeDelay, r.period),
		probeReady(r.appStart, r.probeDelay, r.period),
		probeReady(r.appStart*AppStartP95Factor, r.probeDelay, r.period),
	})
	return Stage{Name: StageContainerStart, Phase: PhasePodStart, Range: rng,
		Note: fmt.Sprintf("container create + app start (%gs) + first passing readiness probe (every %gs after %gs)", r.appStart, r.period, r.probeDelay)}
}

// PolicySteps is how many HPA steps the default scale-up policy takes to go
// from current to target replicas: each step allows the larger of +100 %
// (DefaultPolicyPercent: doubling) and +4 pods. The count at least doubles
// or grows by 4 each step, so the loop ends within 64 steps from any start,
// and it stops before the count could overflow.
func PolicySteps(current, target int64) int {
	r := max(current, 0)
	for steps := 1; ; steps++ {
		if r > (math.MaxInt64-DefaultPolicyPods)/2 {
			return steps
		}
		r = max(2*r, r+DefaultPolicyPods)
		if r >= target {
			return steps
		}
	}
}
