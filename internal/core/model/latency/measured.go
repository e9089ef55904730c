package latency

// Figures this project measured on its own local control plane (etcd,
// kube-apiserver, kube-scheduler and kube-controller-manager v1.35.4,
// Karpenter v1.14.1 with its KWOK provider) on a 2-core shared machine.
// docs/guides/warm-pool-benchmark.md has the tables, the machine and its
// load; each figure names the command that reproduces it.

// HPADecisionFraction: from an external metric crossing its target to the
// HPA writing the new replica count, as a share of the sync period: fastest,
// median and 95th percentile of 120 crossings, 60 at 15 s and 60 at 10 s
// (fastest 0.004, median 0.47, p95 0.99, mean 0.50; a first run of 30 + 30
// gave median 0.44/0.47 and p95 0.89/0.82). `make measure-hpa HPA_TRIALS=60`
// (test/k8s/hpa, TestHPADecisionLatency). That is the uniform wait for the
// next tick (0, 0.5, 0.95): the HPA acts on its tick, not on the metric, and
// what it does after the tick is lost in the noise.
var HPADecisionFraction = Range{0, 0.47, 0.99}

// WarmBindRate is how many pods per second the local control plane bound
// onto each kind of warm capacity over a 500-pod burst, from the first
// create to the last bind (fastest, mean and slowest of two runs): pause
// pods are preempted one by one (11.2, 12.8); a CapacityBuffer's (45.1,
// 62.2) and a static NodePool's (46.8, 56.6) free room is only bound.
// 100-pod bursts bind faster (pause 13.5/15.0, free room 73-127 pods/s)
// because the scheduler's API client starts with a burst of 100 requests;
// the 500-pod rate is the sustained one. `make measure-warm`
// (test/k8s/warmmodes, TestWarmModesLatency; kube-scheduler 1.35 defaults).
var WarmBindRate = map[string]Range{
	WarmPausePods:      {12.8, 12.0, 11.2},
	WarmCapacityBuffer: {62.2, 53.65, 45.1},
	WarmStaticNodePool: {56.6, 51.7, 46.8},
}

// LocalFreeRoomRate is the local control plane's median binding rate onto
// free room over the 500-pod bursts (CapacityBuffer and static NodePool,
// four runs: 45.1, 46.8, 56.6, 62.2 pods/s): kube-scheduler's API client
// limit (50 requests/s, burst 100). A tier's pod scheduling rate over it is
// the control-plane factor the warm rates are scaled by.
const LocalFreeRoomRate = 51.7

// WarmFirstPod is what the first pods of a burst wait on warm capacity
// whatever the rate: the p50 of pod created to bound in the 10-pod bursts
// of every warm mode (fastest, median and slowest of six: 16-120 ms).
var WarmFirstPod = Range{0.016, 0.056, 0.12}
