package latency

// PartRunning names the share of a burst that replicas already running
// absorb (a raised baseline): no scale-out at all.
const PartRunning = "running"

// RunningPart is pods absorbed by replicas already running: 0 s.
func RunningPart(pods int64) Part {
	return Part{Name: PartRunning, Pods: pods, Capacity: "already running", Stages: runningStages()}
}

// AlreadyRunning is a burst that replicas already running absorb whole:
// every stage is 0, because nothing scales out, and no stage dominates.
func AlreadyRunning(pods int64) Result {
	p := RunningPart(pods)
	return Result{Stages: p.Stages, Parts: []Part{p}, Dominant: p.Dominant,
		Assumptions: []string{"The extra replicas are running before the burst: they take it with no scale-out."}}
}

func runningStages() []Stage {
	note := "already running: no scale-out"
	return []Stage{
		{Name: StageMetricDetection, Phase: PhaseDetect, Note: note},
		{Name: StageScalingDecision, Phase: PhaseDetect, Note: note},
		{Name: StageCapacity, Phase: PhaseProvision, Note: note},
		{Name: StageNodeReadiness, Phase: PhaseProvision, Note: note},
		{Name: StagePodScheduling, Phase: PhaseProvision, Note: note},
		{Name: StageImagePull, Phase: PhasePodStart, Note: note},
		{Name: StageContainerStart, Phase: PhasePodStart, Note: note},
	}
}
