package kueue

func ptr[T any](v T) *T { return &v }

// Golden cases: each renders testdata/golden/<name>.yaml.
var cases = map[string]Spec{
	// Spot first, on-demand when spot quota is used up, two team queues.
	"spot-first-on-demand-fallback": {
		ClusterQueue:  "batch",
		Preemption:    Preemption{WithinClusterQueue: "LowerPriority"},
		WhenCanBorrow: "TryNextFlavor",
		Flavors: []Flavor{
			{NodePool: "batch", CapacityType: "spot", NodePoolCapacityTypes: []string{"spot", "on-demand"},
				Quota: map[string]Quota{"cpu": {Nominal: "800"}, "memory": {Nominal: "3200Gi"}}},
			{NodePool: "batch", CapacityType: "on-demand", NodePoolCapacityTypes: []string{"spot", "on-demand"},
				Quota: map[string]Quota{"cpu": {Nominal: "200"}, "memory": {Nominal: "800Gi"}}},
		},
		LocalQueues: []LocalQueue{{Namespace: "ml"}, {Namespace: "data-eng"}},
	},
	// A GPU pool (tainted) and a CPU pool in a cohort, with the
	// provisioning check on the GPU flavor.
	"gpu-cohort-provisioning-check": {
		ClusterQueue: "research", Cohort: "ai",
		Preemption:       Preemption{ReclaimWithinCohort: "Any", BorrowWithinCohort: "LowerPriority", BorrowMaxPriorityThreshold: ptr(int64(100)), WithinClusterQueue: "LowerOrNewerEqualPriority"},
		QueueingStrategy: "StrictFIFO",
		Flavors: []Flavor{
			{Name: "gpu-a100", NodePool: "gpu", CapacityType: "on-demand",
				NodeLabels: map[string]string{"karpenter.k8s.aws/instance-gpu-manufacturer": "nvidia"},
				Taints:     []Taint{{Key: "nvidia.com/gpu", Effect: "NoSchedule"}},
				Quota: map[string]Quota{
					"nvidia.com/gpu": {Nominal: "16", Lending: ptr("4")},
					"cpu":            {Nominal: "192", Borrowing: ptr("64")},
					"memory":         {Nominal: "1536Gi"},
				},
				NodePoolLimits: map[string]string{"nvidia.com/gpu": "16", "cpu": "192"}},
			{NodePool: "general", NodePoolLimits: map[string]string{"cpu": "512", "memory": "2048Gi"}},
		},
		LocalQueues: []LocalQueue{{Namespace: "research", Name: "gpu-jobs"}},
		Provisioning: &ProvisioningCheck{
			ProvisioningClassName: "best-effort-atomic-scale-up.autoscaling.x-k8s.io",
			ManagedResources:      []string{"nvidia.com/gpu"},
			BackoffLimitCount:     ptr(int64(5)), BackoffBaseSeconds: ptr(int64(30)), BackoffMaxSeconds: ptr(int64(600)),
			OnFlavors: []string{"gpu-a100"},
		},
	},
	// The least input: one pool, its limits as quota, every namespace.
	"node-pool-limits-only": {
		Flavors: []Flavor{{NodePool: "default", NodePoolLimits: map[string]string{"cpu": "100", "memory": "400Gi"}}},
	},
}
