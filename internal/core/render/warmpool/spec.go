// Package warmpool renders warm capacity for a workload: pause pods with a
// negative PriorityClass, a Karpenter CapacityBuffer, or a static Karpenter
// NodePool, optionally resized by time of day (CronJobs or a KEDA
// ScaledObject), together with its plan-time size and cost. It knows
// nothing of Terraform.
package warmpool

import "github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"

// Mode is how the warm capacity is held.
type Mode string

const (
	// ModePausePods holds capacity with low-priority pause pods that real
	// pods preempt (works on any cluster).
	ModePausePods Mode = "pause_pods"
	// ModeCapacityBuffer asks Karpenter for spare capacity through a
	// CapacityBuffer (feature gate CapacityBuffer, Karpenter v1.14+).
	ModeCapacityBuffer Mode = "capacity_buffer"
	// ModeStaticNodePool keeps a fixed number of nodes in a static NodePool
	// (feature gate StaticCapacity).
	ModeStaticNodePool Mode = "static_node_pool"
)

// Scaler is what applies a time-of-day schedule.
type Scaler string

const (
	// ScalerCronJob renders CronJobs running kubectl scale, with the
	// ServiceAccount, Role and RoleBinding they need.
	ScalerCronJob Scaler = "cronjob"
	// ScalerKEDA renders a KEDA ScaledObject with one cron trigger per window.
	ScalerKEDA Scaler = "keda"
)

// Defaults, each documented in the data source schema.
const (
	DefaultName          = "warm-pool"
	DefaultNamespace     = "default"
	DefaultPriorityValue = int64(-1)
	DefaultPauseImage    = "registry.k8s.io/pause:3.10"
	DefaultKubectlImage  = "registry.k8s.io/kubectl:v1.35.0"
	// NodePoolLabel is the label Karpenter puts on every node of a NodePool.
	NodePoolLabel = "karpenter.sh/nodepool"
)

// Spec is everything the renderer needs.
type Spec struct {
	Name      string
	Namespace string
	Mode      Mode

	// Replicas, when set, is the warm pool size; otherwise Sizing gives it.
	Replicas *int64
	Sizing   *sizing.Input

	Pod PodShape

	// NodePool pins pause pods to a Karpenter NodePool (karpenter.sh/nodepool);
	// NodeSelector, when set, is used instead.
	NodePool     string
	NodeSelector map[string]string
	Tolerations  []Toleration

	PriorityClassName string
	PriorityValue     *int64

	Schedules    []Window
	Scaler       Scaler
	KubectlImage string

	Price Price

	Buffer CapacityBufferSpec
	Static StaticNodePoolSpec
}

// PodShape is what one warm pod requests: the same as a real workload pod,
// so that one evicted pause pod frees room for exactly one real pod.
type PodShape struct {
	CPU    string
	Memory string
	// Extended holds any other resource (nvidia.com/gpu, hugepages-2Mi,
	// ephemeral-storage): requested and limited at the same quantity.
	Extended map[string]string
	Image    string
}

// Toleration lets warm pods land on a tainted NodePool.
type Toleration struct {
	Key, Operator, Value, Effect string
}

// Window is one time-of-day sizing window: from each start (cron) until the
// next end (cron), in TimeZone, the pool holds at least Replicas.
type Window struct {
	Name     string
	Start    string
	End      string
	TimeZone string
	Replicas int64
}

// Price is how a warm pod is priced: PerPodHour, or an instance's hourly
// price and the pod's share of it (PodsPerInstance, or the instance's CPU
// and memory from which the share is computed).
type Price struct {
	PerPodHour      float64
	InstanceHourly  float64
	PodsPerInstance float64
	InstanceCPU     string
	InstanceMemory  string
}

// CapacityBufferSpec configures mode capacity_buffer. With ScalableRef
// unset, the renderer writes a PodTemplate of the pod shape and refers to it.
type CapacityBufferSpec struct {
	ScalableRef *ScalableRef
	// Percentage of the scalable's replicas (only with ScalableRef).
	Percentage *int64
	// Limits caps the total requests of the buffer (cpu, memory...).
	Limits map[string]string
}

// ScalableRef names a Deployment, StatefulSet or ReplicaSet.
type ScalableRef struct {
	APIGroup, Kind, Name string
}

// StaticNodePoolSpec configures mode static_node_pool.
type StaticNodePoolSpec struct {
	NodeClassGroup string
	NodeClassKind  string
	NodeClassName  string
	// PodsPerNode converts warm pods into nodes.
	PodsPerNode   int64
	InstanceTypes []string
	CapacityType  string
}
