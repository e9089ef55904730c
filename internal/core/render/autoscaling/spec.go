// Package autoscaling renders horizontal autoscalers for a workload: an
// autoscaling/v2 HorizontalPodAutoscaler, or a KEDA ScaledObject (with the
// TriggerAuthentication its aws-sqs-queue triggers need). Both default to
// the guide's fast scale-up and calm scale-down. It knows nothing of
// Terraform.
package autoscaling

// Target is the workload being scaled (a kind with a scale subresource).
type Target struct {
	APIVersion string // default apps/v1
	Kind       string // default Deployment
	Name       string
}

// Policy is one HPA scaling policy: change by Value pods or percent per
// PeriodSeconds.
type Policy struct {
	Type          string // Pods or Percent
	Value         int64
	PeriodSeconds int64
}

// Rules is one direction of HPA behavior.
type Rules struct {
	StabilizationWindowSeconds *int64
	SelectPolicy               string // Max, Min or Disabled
	Policies                   []Policy
}

// Behavior is HPA behavior; a nil direction gets the fast-up/calm-down
// default.
type Behavior struct {
	ScaleUp   *Rules
	ScaleDown *Rules
}

// Defaults for behavior (the guide's: react at once, scale in calmly).
const (
	DefaultScaleUpPods          = int64(4)
	DefaultPeriodSeconds        = int64(15)
	DefaultScaleDownWindow      = int64(300)
	DefaultScaleUpPercent       = int64(100)
	DefaultScaleDownPercent     = int64(100)
	DefaultMinReplicas          = int64(1)
	DefaultTargetAPIVersion     = "apps/v1"
	DefaultTargetKind           = "Deployment"
	DefaultNamespace            = "default"
	DefaultKEDAPollingInterval  = int64(15)
	DefaultKEDACooldownPeriod   = int64(300)
	DefaultPodIdentityProvider  = "aws"
	DefaultMetricUtilizationPct = int64(70)
)

// DefaultScaleUp is zero stabilization, and per 15 s the larger of
// doubling or adding pods pods.
func DefaultScaleUp(pods int64) Rules {
	zero := int64(0)
	return Rules{
		StabilizationWindowSeconds: &zero,
		SelectPolicy:               "Max",
		Policies: []Policy{
			{Type: "Percent", Value: DefaultScaleUpPercent, PeriodSeconds: DefaultPeriodSeconds},
			{Type: "Pods", Value: pods, PeriodSeconds: DefaultPeriodSeconds},
		},
	}
}

// DefaultScaleDown waits 300 s of lower recommendations before scaling
// in, then allows Kubernetes' default rate (100 % per 15 s).
func DefaultScaleDown() Rules {
	w := DefaultScaleDownWindow
	return Rules{
		StabilizationWindowSeconds: &w,
		SelectPolicy:               "Max",
		Policies:                   []Policy{{Type: "Percent", Value: DefaultScaleDownPercent, PeriodSeconds: DefaultPeriodSeconds}},
	}
}

// Metric is one HPA metric source.
type Metric struct {
	// Type: resource, container_resource, pods, object or external.
	Type string
	// Name is the resource (cpu, memory) or the metric name.
	Name string
	// Container names the container for container_resource.
	Container string
	// Selector narrows pods/object/external metrics by labels.
	Selector map[string]string
	// DescribedObject is the object of an object metric.
	DescribedObject *Target
	// TargetType: Utilization, AverageValue or Value (defaults by Type).
	TargetType string
	// Utilization percent (TargetType Utilization).
	Utilization *int64
	// Value is a quantity (TargetType AverageValue or Value).
	Value string
}

// HPASpec is an autoscaling/v2 HorizontalPodAutoscaler.
type HPASpec struct {
	Name, Namespace string
	Target          Target
	MinReplicas     *int64
	MaxReplicas     int64
	Metrics         []Metric
	// ScaleUpPods is the Pods policy of the default scale-up (default 4).
	ScaleUpPods int64
	Behavior    Behavior
}

// Trigger is one KEDA trigger. Exactly one of the typed blocks is set,
// matching Type.
type Trigger struct {
	Type       string // prometheus, aws-sqs-queue or cron
	Name       string
	MetricType string // AverageValue (default), Value or Utilization
	Prometheus *PrometheusTrigger
	SQS        *SQSTrigger
	Cron       *CronTrigger
}

// PrometheusTrigger: KEDA's prometheus scaler.
type PrometheusTrigger struct {
	ServerAddress       string
	Query               string
	Threshold           string
	ActivationThreshold string
}

// SQSTrigger: KEDA's aws-sqs-queue scaler.
type SQSTrigger struct {
	QueueURL              string
	QueueLength           int64
	ActivationQueueLength *int64
	AWSRegion             string
	// AuthenticationRef names an existing TriggerAuthentication; when ""
	// the renderer writes one with pod identity.
	AuthenticationRef string
}

// CronTrigger: KEDA's cron scaler.
type CronTrigger struct {
	TimeZone        string
	Start, End      string
	DesiredReplicas int64
}

// Fallback is the replica count KEDA holds after FailureThreshold failed
// polls.
type Fallback struct {
	FailureThreshold int64
	Replicas         int64
	Behavior         string
}

// PodIdentity configures the TriggerAuthentication written for SQS.
type PodIdentity struct {
	Provider      string // aws (default), aws-eks, ...
	RoleArn       string
	IdentityOwner string // keda or workload
}

// ScaledObjectSpec is a KEDA keda.sh/v1alpha1 ScaledObject.
type ScaledObjectSpec struct {
	Name, Namespace string
	Target          Target
	PollingInterval *int64
	CooldownPeriod  *int64
	MinReplicas     *int64
	MaxReplicas     int64
	IdleReplicas    *int64
	Fallback        *Fallback
	Triggers        []Trigger
	ScaleUpPods     int64
	Behavior        Behavior
	PodIdentity     PodIdentity
}
