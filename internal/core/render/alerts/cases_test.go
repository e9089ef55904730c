package alerts

func ptr[T any](v T) *T { return &v }

// Golden cases: each renders testdata/golden/<name>.yaml (the
// PrometheusRule) and testdata/golden/<name>.alarms.json (the alarms).
var cases = map[string]Spec{
	// The fast-scaling stack: a KEDA-scaled workload with a warm pool.
	"stack-with-warm-pool": {
		Labels:           map[string]string{"release": "kube-prometheus-stack"},
		ClusterName:      "prod-use1",
		TargetP95Seconds: 90, DetectionSeconds: 5,
		Workload:        &Workload{Namespace: "shop", Name: "checkout", ScaledObject: "checkout"},
		WarmPool:        &WarmPool{Namespace: "shop", Deployment: "checkout-warm-pool", Size: 15},
		PricePerPodHour: ptr(0.05),
		NodePools:       []string{"checkout-spot", "checkout-on-demand"},
		CloudWatch:      true,
	},
	// Cluster-wide KPIs only, with a user rule over a Karpenter metric.
	"cluster-only-extra-rule": {
		Name: "cluster-scale-out", Namespace: "observability",
		TargetP95Seconds: 120, PendingSeconds: ptr(int64(30)),
		SpotInterruptionRatio: ptr(0.1), ProvisioningErrors: ptr(int64(3)),
		ExtraRules: []ExtraRule{{
			Alert: "KarpenterQueueDeep", For: "5m", Severity: "critical",
			Expr:    "max(karpenter_scheduler_queue_depth) > 100",
			Summary: "more than 100 pods wait in Karpenter's scheduling queue",
		}},
	},
}
