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

func decision(r resolved) Stage {
	if r.scaleFromZero {
		return Stage{Name: StageScalingDecision, Phase: PhaseDetect,
			Range: uniformWait(r.polling).add(fixed(r.stabil)),
			Note:  fmt.Sprintf("KEDA activation (0 -> 1) on its own loop every %gs (pollingInterval); the HPA takes over from 1 pod", r.polling)}
	}
	note := fmt.Sprintf("wait for the HPA sync loop (every %gs)", r.sync)
	rng := uniformWait(r.sync).add(fixed(r.stabil))
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

func capacity(r resolved) Stage {
	s := Stage{Name: StageCapacity, Phase: PhaseProvision}
	switch r.capacity {
	case CapacityWarm:
		s.Range, s.Note = WarmPreemption, "warm capacity: the scheduler preempts pause pods (priority -1, grace 0) and binds the real pods"
	case CapacityExistingNodes:
		s.Range, s.Note = ExistingNodesBind, "room already free on Ready nodes: binding only"
	case CapacityASG:
		s.Range = uniformWait(ClusterAutoscalerScan).add(ASGLaunch)
		s.Note = fmt.Sprintf("cluster-autoscaler scan (every %gs) + ASG launch to EC2 running", ClusterAutoscalerScan)
	default:
		s.Range = KarpenterBatch.add(KarpenterLaunch)
		s.Note = "Karpenter batching window + CreateFleet + EC2 pending -> running"
		if r.capacity == CapacityKarpenterSpot {
			s.P95 += SpotFallbackP95
			s.Note += fmt.Sprintf(" (spot: +%gs p95 for a relaunch on another offering)", SpotFallbackP95)
		} else {
			s.Note += " (on-demand)"
		}
	}
	return s
}

func newNodes(r resolved) bool {
	return r.capacity != CapacityWarm && r.capacity != CapacityExistingNodes
}

func nodeReadiness(r resolved) Stage {
	s := Stage{Name: StageNodeReadiness, Phase: PhaseProvision, Note: "no new node"}
	if newNodes(r) {
		s.Range = NodeReadiness[r.ami]
		s.Note = r.ami + ": boot, kubelet registration, CNI ready, node Ready"
	}
	return s
}

func scheduling(r resolved) Stage {
	d := float64(r.burst) / r.rate
	return Stage{Name: StagePodScheduling, Phase: PhaseProvision, Range: fixed(d),
		Note: fmt.Sprintf("%d pods at %g pods/s (%s): the last pod binds after burst / rate", r.burst, r.rate, r.rateSource)}
}

func imagePull(r resolved) Stage {
	s := Stage{Name: StageImagePull, Phase: PhasePodStart}
	if r.cached || r.imageMB == 0 {
		s.Note = "image already on the node"
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
// and +4 pods.
func PolicySteps(current, target int64) int {
	steps := 1
	for r := current; ; steps++ {
		r = max(r+int64(float64(r)*DefaultPolicyPercent/100), r+DefaultPolicyPods)
		if r >= target {
			return steps
		}
	}
}
