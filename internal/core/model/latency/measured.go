package latency

// Figures this project measured on its own local control plane (etcd,
// kube-apiserver, kube-scheduler and kube-controller-manager v1.35.4,
// Karpenter v1.14.1 with its KWOK provider) on a 2-core shared machine.
// docs/guides/warm-pool-benchmark.md has the tables, the machine and its
// load; each figure names the command that reproduces it.

// HPA decision: from an external metric crossing its target to the HPA
// writing the new replica count, as a share of the sync period (fastest,
// median, p95 over every crossing at 15 s and 10 s), plus what the
// controller adds after its tick. `make measure-hpa` (test/k8s/hpa,
// TestHPADecisionLatency). The share is what a uniform wait for the next
// tick predicts (0, 0.5, 0.95): the HPA acts on its tick, not on the metric.
var HPADecisionFraction = Range{0, 0.42, 0.85}

// HPADecisionOverhead is the median time the HPA took after its tick to
// read the metric and write the scale subresource (seconds).
const HPADecisionOverhead = 0.4

// WarmBindRate is how many pods per second the local control plane bound
// onto each kind of warm capacity, over bursts of 100 and 500 pods (fastest,
// median and slowest run): pause pods are preempted one by one; a
// CapacityBuffer's and a static NodePool's free room is only bound.
// `make measure-warm` (test/k8s/warmmodes, TestWarmModesLatency).
var WarmBindRate = map[string]Range{
	WarmPausePods:      {13.5, 11.2, 11.2},
	WarmCapacityBuffer: {115.9, 45.1, 45.1},
	WarmStaticNodePool: {72.7, 46.8, 46.8},
}

// LocalFreeRoomRate is the local control plane's median binding rate onto
// free room (static NodePool, pods/s). A tier's pod scheduling rate over it
// is the control-plane factor the warm rates are scaled by.
const LocalFreeRoomRate = 46.0

// WarmFirstPod is the pod-created-to-bound time of a small burst (10 pods)
// on warm capacity: what the first pods wait whatever the rate (fastest,
// median and slowest p50 of the runs).
var WarmFirstPod = Range{0.05, 0.07, 0.12}
