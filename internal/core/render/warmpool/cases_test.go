package warmpool

import "github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"

func ptr[T any](v T) *T { return &v }

// guideSizing is the guide's example: baseline 100, peak 200, 15 %.
func guideSizing(basis sizing.Basis) *sizing.Input {
	return &sizing.Input{BaselineReplicas: 100, PeakReplicas: 200, SafetyFactor: 0.15, Basis: basis}
}

var businessHours = []Window{
	{Name: "business-hours", Start: "0 8 * * 1-5", End: "0 18 * * 1-5", TimeZone: "Europe/Berlin", Replicas: 20},
	{Name: "lunch-peak", Start: "30 11 * * 1-5", End: "0 14 * * 1-5", TimeZone: "Europe/Berlin", Replicas: 30},
}

// goldenCases are the specs with golden files in testdata/golden.
var goldenCases = map[string]Spec{
	"pause-pods-guide": {
		Name: "checkout-warm", Namespace: "shop", Sizing: guideSizing(sizing.BasisPeakDelta),
		Pod: PodShape{CPU: "500m", Memory: "512Mi"}, NodePool: "general",
		Price: Price{PerPodHour: 0.05},
	},
	"pause-pods-peak-basis": {
		Name: "checkout-warm", Namespace: "shop", Sizing: guideSizing(sizing.BasisPeak),
		Pod: PodShape{CPU: "500m", Memory: "512Mi"}, NodePool: "general",
		Price: Price{PerPodHour: 0.05},
	},
	"pause-pods-cronjob-schedule": {
		Name: "api-warm", Namespace: "api", Replicas: ptr(int64(5)),
		Pod: PodShape{CPU: "1", Memory: "2Gi"}, NodePool: "general",
		Schedules: businessHours, Scaler: ScalerCronJob,
		Price: Price{InstanceHourly: 0.384, InstanceCPU: "8", InstanceMemory: "32Gi"},
	},
	"pause-pods-keda-schedule": {
		Name: "api-warm", Namespace: "api", Replicas: ptr(int64(5)),
		Pod: PodShape{CPU: "1", Memory: "2Gi"}, NodePool: "general",
		Schedules: businessHours, Scaler: ScalerKEDA,
		Price: Price{PerPodHour: 0.05},
	},
	"pause-pods-gpu": {
		Name: "inference-warm", Namespace: "ml", Replicas: ptr(int64(2)),
		Pod:               PodShape{CPU: "4", Memory: "16Gi", Extended: map[string]string{"nvidia.com/gpu": "1"}},
		NodeSelector:      map[string]string{"karpenter.sh/nodepool": "gpu", "karpenter.k8s.aws/instance-family": "g6"},
		Tolerations:       []Toleration{{Key: "nvidia.com/gpu", Operator: "Exists", Effect: "NoSchedule"}},
		PriorityClassName: "ml-warm", PriorityValue: ptr(int64(-10)),
		Price: Price{InstanceHourly: 0.805, PodsPerInstance: 1},
	},
	"capacity-buffer-template": {
		Name: "checkout-buffer", Namespace: "shop", Mode: ModeCapacityBuffer, Sizing: guideSizing(sizing.BasisPeakDelta),
		Pod: PodShape{CPU: "500m", Memory: "512Mi"}, NodePool: "general",
		Buffer: CapacityBufferSpec{Limits: map[string]string{"cpu": "20", "memory": "40Gi"}},
		Price:  Price{PerPodHour: 0.05},
	},
	"capacity-buffer-scalable": {
		Name: "checkout-buffer", Namespace: "shop", Mode: ModeCapacityBuffer, Replicas: ptr(int64(10)),
		Buffer: CapacityBufferSpec{
			ScalableRef: &ScalableRef{APIGroup: "apps", Kind: "Deployment", Name: "checkout"},
			Percentage:  ptr(int64(15)),
		},
	},
	"static-node-pool": {
		Name: "warm-nodes", Mode: ModeStaticNodePool, Sizing: guideSizing(sizing.BasisPeakDelta),
		Pod:    PodShape{CPU: "500m", Memory: "512Mi"},
		Static: StaticNodePoolSpec{InstanceTypes: []string{"m7i.2xlarge"}, PodsPerNode: 8},
		Price:  Price{InstanceHourly: 0.4032},
	},
}
