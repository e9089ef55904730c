// Package kueue renders Kueue admission for batch and GPU jobs on a
// Karpenter cluster (kueue.x-k8s.io/v1beta2, Kueue v0.17): ResourceFlavors
// that steer admitted pods to Karpenter NodePools by their node labels, a
// ClusterQueue with quotas, cohort and preemption policy, a LocalQueue per
// namespace, and optionally an AdmissionCheck with a
// ProvisioningRequestConfig so Kueue asks for capacity before admitting a
// gang of pods. It knows nothing of Terraform.
package kueue

// API facts of Kueue v0.17.0 (sigs.k8s.io/kueue, config/components/crd/bases;
// v1beta2 is the storage version, v1beta1 is deprecated).
const (
	APIVersion = "kueue.x-k8s.io/v1beta2"
	// APIGroup is what an AdmissionCheck's parameters.apiGroup names: a
	// group without a version.
	APIGroup = "kueue.x-k8s.io"
	// ProvisioningControllerName is the controllerName Kueue's built-in
	// provisioning admission check controller acts on.
	ProvisioningControllerName = "kueue.x-k8s.io/provisioning-request"
	// QueueNameLabel is the label a Job carries to be queued in a LocalQueue.
	QueueNameLabel = "kueue.x-k8s.io/queue-name"
)

// Karpenter's node labels (karpenter.sh/v1): every node of a NodePool has
// both, so a flavor's nodeLabels steer admitted pods to the pool.
const (
	NodePoolLabel     = "karpenter.sh/nodepool"
	CapacityTypeLabel = "karpenter.sh/capacity-type"
)

// Defaults, each documented in the data source schema.
const (
	DefaultClusterQueue       = "batch"
	DefaultAdmissionCheck     = "capacity-check"
	DefaultProvisioningClass  = "check-capacity.autoscaling.x-k8s.io"
	DefaultQueueingStrategy   = "BestEffortFIFO"
	DefaultPreemptionPolicy   = "Never"
	managedBy                 = "terraform-provider-scaling"
	maxFlavorNodeLabels       = 8 // ResourceFlavor spec.nodeLabels maxProperties
	maxFlavorTolerations      = 8 // ResourceFlavor spec.tolerations maxItems
	maxFlavorsPerGroup        = 64
	maxCoveredResources       = 64
	maxManagedResources       = 100
	maxProvisioningParameters = 100
)

// Capacity types a Karpenter v1 NodePool can launch.
var capacityTypes = []string{"spot", "on-demand", "reserved"}

// ProvisioningClasses are the classes cluster-autoscaler serves for
// ProvisioningRequests (autoscaling.x-k8s.io/v1).
var ProvisioningClasses = []string{"check-capacity.autoscaling.x-k8s.io", "best-effort-atomic-scale-up.autoscaling.x-k8s.io"}

// Quota is one resource's quota in one flavor (Kubernetes quantities).
type Quota struct {
	Nominal string
	// Borrowing and Lending limits need a cohort.
	Borrowing, Lending *string
}

// Taint is a taint of the NodePool's nodes; the flavor gets a matching
// toleration, which Kueue adds to the pods it admits on that flavor.
type Taint struct {
	Key, Value, Effect string
}

// Flavor is one ResourceFlavor, mapped to one Karpenter NodePool.
type Flavor struct {
	// Name defaults to the NodePool, plus "-<capacity type>" when set.
	Name     string
	NodePool string
	// CapacityType pins the flavor to spot, on-demand or reserved nodes of
	// the pool ("" = whatever the pool launches).
	CapacityType string
	// NodePoolCapacityTypes, when known, are the capacity types the pool's
	// requirements allow; a flavor asking for another can never be placed.
	NodePoolCapacityTypes []string
	// NodeLabels are further labels of the pool's nodes to select on.
	NodeLabels map[string]string
	Taints     []Taint
	// Quota per resource name (cpu, memory, nvidia.com/gpu, pods...).
	Quota map[string]Quota
	// NodePoolLimits is the pool's spec.limits: the nominal quota of a
	// resource with no Quota, and an upper bound the quota should respect.
	NodePoolLimits map[string]string
}

// Preemption is the ClusterQueue's preemption policy.
type Preemption struct {
	ReclaimWithinCohort        string // Never (default), LowerPriority, Any
	WithinClusterQueue         string // Never (default), LowerPriority, LowerOrNewerEqualPriority
	BorrowWithinCohort         string // Never (default), LowerPriority
	BorrowMaxPriorityThreshold *int64
}

// LocalQueue is a namespace's queue into the ClusterQueue.
type LocalQueue struct {
	Namespace string
	// Name defaults to the ClusterQueue's name.
	Name string
}

// ProvisioningCheck is the optional AdmissionCheck that makes Kueue create
// a ProvisioningRequest and admit only once capacity is there.
type ProvisioningCheck struct {
	// Name of the AdmissionCheck (default capacity-check); also the
	// ProvisioningRequestConfig's name unless ConfigName is set.
	Name       string
	ConfigName string
	// ControllerName and APIGroup are fixed by Kueue; they are inputs only
	// so values copied from guides are caught with the correct form.
	ControllerName        string
	APIGroup              string
	ProvisioningClassName string
	ManagedResources      []string
	Parameters            map[string]string
	BackoffLimitCount     *int64
	BackoffBaseSeconds    *int64
	BackoffMaxSeconds     *int64
	// OnFlavors limits the check to some flavors (default: all).
	OnFlavors []string
}

// Spec is everything the renderer needs.
type Spec struct {
	ClusterQueue     string
	Cohort           string
	QueueingStrategy string // BestEffortFIFO (default) or StrictFIFO
	Preemption       Preemption
	// WhenCanBorrow and WhenCanPreempt are the flavor fungibility policy
	// (MayStopSearch or TryNextFlavor; "" = Kueue's defaults).
	WhenCanBorrow, WhenCanPreempt string
	// Flavors in order of preference: Kueue tries them in this order.
	Flavors      []Flavor
	LocalQueues  []LocalQueue
	Provisioning *ProvisioningCheck
}
