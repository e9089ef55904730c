// Package alerts renders the scale-out KPIs of the strategy as alert rules
// in two forms: a Prometheus Operator PrometheusRule
// (monitoring.coreos.com/v1) over metrics Kubernetes (kube-state-metrics,
// kube-scheduler), Karpenter and KEDA really export, each rule naming the
// metrics it reads and where they are defined; and CloudWatch alarm
// definitions over Container Insights and EKS control-plane metrics, ready
// for aws_cloudwatch_metric_alarm. Thresholds derive from the stack's own
// target p95 and warm pool size. It knows nothing of Terraform.
package alerts

// Defaults, each documented in the data source schema.
const (
	DefaultName               = "scale-out-kpis"
	DefaultNamespace          = "monitoring"
	DefaultPendingSeconds     = int64(15)
	DefaultWindow             = "15m"
	DefaultSpotInterruptRatio = 0.05
	DefaultCostTolerance      = 1.5
	DefaultWarmPoolLowShare   = 0.25
	DefaultProvisioningErrors = int64(1)
	managedBy                 = "terraform-provider-scaling"
)

// Workload is the scaled workload the per-workload KPIs watch.
type Workload struct {
	Namespace string
	// Deployment name; pods are matched as <name>-<replicaset hash>-<suffix>.
	Name string
	// ScaledObject, when the workload scales with KEDA: its errors stop
	// scale-out detection.
	ScaledObject string
}

// WarmPool is the pause-pod Deployment that holds warm capacity.
type WarmPool struct {
	Namespace, Deployment string
	// Size is the warm pool's replicas (scaling_warm_pool's replicas).
	Size int64
	// LowShare: the pool is low when fewer than ceil(Size x LowShare) pause
	// pods are available (default 0.25).
	LowShare *float64
}

// ExtraRule is a user rule added to the PrometheusRule; its expression may
// use any metric, but one with a known component's prefix must exist.
type ExtraRule struct {
	Alert, Expr, For, Severity, Summary string
}

// Spec is everything the renderer needs.
type Spec struct {
	Name, Namespace string
	// Labels on the PrometheusRule (Prometheus' ruleSelector matches them,
	// e.g. release = "kube-prometheus-stack").
	Labels map[string]string
	// ClusterName is the EKS cluster (CloudWatch dimension ClusterName).
	ClusterName string

	// TargetP95Seconds is the stack's scale-out target (required).
	TargetP95Seconds float64
	// DetectionSeconds is the part of the target spent before the new pod
	// exists (metric detection and the autoscaler's decision); the pod
	// creation-to-Ready p95 is held to TargetP95Seconds - DetectionSeconds.
	DetectionSeconds float64
	// PendingSeconds: a pod pending longer than this is an alert (default 15).
	PendingSeconds *int64
	// Window over which the scale-out p95 is taken (default 15m).
	Window string

	Workload *Workload
	WarmPool *WarmPool

	// SpotInterruptionRatio: spot nodes interrupted within an hour, as a
	// share of the spot nodes, above which to alert (default 0.05).
	SpotInterruptionRatio *float64
	// ProvisioningErrors: failed NodeClaim launches in 10 minutes at which
	// to alert (default 1).
	ProvisioningErrors *int64
	// PricePerPodHour is what one pod's share of a node should cost; the
	// cost rule fires above PricePerPodHour x CostTolerance. No price, no
	// cost rule.
	PricePerPodHour *float64
	CostTolerance   *float64
	// NodePools limits the cost rule to these Karpenter NodePools.
	NodePools []string

	ExtraRules []ExtraRule
	// CloudWatch: render alarm definitions (needs ClusterName).
	CloudWatch bool
}
