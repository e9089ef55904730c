package latency

import "github.com/scalingkit/terraform-provider-scaling/internal/core/problem"

// MaxClusterPods is Kubernetes' scalability threshold for one cluster:
// 150,000 pods (kubernetes.io, "Considerations for large clusters"). No
// burst or replica count can be larger.
const MaxClusterPods = 150_000

// The physical bounds of every number input, with the reason. They keep the
// model finite: no input can make it loop, allocate without limit or report
// a total that means nothing.
var (
	// An interval beyond an hour is not a scale-out signal.
	boundInterval = problem.Bound{Min: 0, MinOpen: true, Max: 3600, Unit: "seconds", Why: "a loop needs a positive interval, and one longer than an hour does not drive a scale-out"}
	boundWindow   = problem.Bound{Min: 0, Max: 3600, Unit: "seconds", Why: "0 for a gauge; a window longer than an hour does not drive a scale-out"}
	// autoscaling/v2 caps behavior.scaleUp.stabilizationWindowSeconds at 3600.
	boundStabilization = problem.Bound{Min: 0, Max: 3600, Whole: true, Unit: "seconds", Why: "the autoscaling/v2 API's limit"}
	// EKS: horizontalPodAutoscalerSyncPeriod 10s-15s (user guide, "Advanced
	// Kubernetes control plane configuration"; DescribeClusterVersions
	// reports the same constraints), whole seconds.
	boundHPASync = problem.Bound{Min: EKSMinHPASyncPeriod, Max: EKSMaxHPASyncPeriod, Whole: true, Unit: "seconds",
		Why: "the range EKS accepts for horizontalPodAutoscalerSyncPeriod, per its user guide page Advanced Kubernetes control plane configuration"}
	boundReplicas = problem.Bound{Min: 0, Max: MaxClusterPods, Whole: true, Unit: "replicas", Why: "Kubernetes' 150,000-pod cluster limit"}
	boundBurst    = problem.Bound{Min: 1, Max: MaxClusterPods, Whole: true, Unit: "pods", Why: "Kubernetes' 150,000-pod cluster limit"}
	boundWarmPool = problem.Bound{Min: 0, Max: MaxClusterPods, Whole: true, Unit: "pods", Why: "Kubernetes' 150,000-pod cluster limit"}
	// ECR's largest layer is 52,000 MiB; no autoscaled pod pulls 100 GB.
	boundImage = problem.Bound{Min: 0, Max: 100_000, Unit: "MB", Why: "0 when the image is on the node; no image a scale-out waits for is larger than 100 GB (ECR's largest layer is 52,000 MiB)"}
	// An app that takes more than an hour to start is not scaled reactively.
	boundAppStart = problem.Bound{Min: 0, Max: 3600, Unit: "seconds", Why: "an app that takes over an hour to start is not scaled out on demand"}
	// readinessProbe fields are whole seconds; periodSeconds is at least 1.
	boundProbeDelay  = problem.Bound{Min: 0, Max: 3600, Whole: true, Unit: "seconds", Why: "readinessProbe initialDelaySeconds is whole seconds"}
	boundProbePeriod = problem.Bound{Min: 1, Max: 3600, Whole: true, Unit: "seconds", Why: "readinessProbe periodSeconds is whole seconds, at least 1"}
	// The fastest published tier binds 400 pods/s; 10,000 leaves room for
	// measured figures without admitting nonsense.
	boundRate   = problem.Bound{Min: 0, MinOpen: true, Max: 10_000, Unit: "pods/s", Why: "a control plane binds some pods every second, and none binds 25 times tier-4xl's published 400 pods/s"}
	boundTarget = problem.Bound{Min: 0, MinOpen: true, Max: 86_400, Unit: "seconds", Why: "a scale-out takes some time, and a target beyond a day is not an SLO"}
	boundQueue  = problem.Bound{Min: 0, Max: 604_800, Unit: "seconds", Why: "work that waits over a week for quota is stuck, not queued"}
)

// checkBounds reports every number outside its physical bounds.
func (in Input) checkBounds(ps *problem.List) {
	at := func(attr string) problem.Path { return problem.Path{attr} }
	ps.CheckPtr(at("scrape_interval_seconds"), in.ScrapeIntervalSeconds, boundInterval)
	ps.CheckPtr(at("metric_window_seconds"), in.MetricWindowSeconds, boundWindow)
	ps.CheckPtr(at("polling_interval_seconds"), in.PollingIntervalSeconds, boundInterval)
	ps.CheckPtr(at("hpa_sync_period_seconds"), in.HPASyncPeriodSeconds, boundHPASync)
	ps.CheckPtr(at("stabilization_window_seconds"), in.StabilizationWindowSeconds, boundStabilization)
	ps.CheckIntPtr(at("current_replicas"), in.CurrentReplicas, boundReplicas)
	ps.CheckIntPtr(at("burst_pods"), in.BurstPods, boundBurst)
	ps.CheckIntPtr(at("warm_pool_pods"), in.WarmPoolPods, boundWarmPool)
	ps.CheckPtr(at("image_size_mb"), in.ImageSizeMB, boundImage)
	ps.CheckPtr(at("app_start_seconds"), in.AppStartSeconds, boundAppStart)
	ps.CheckPtr(at("readiness_initial_delay_seconds"), in.ReadinessInitialDelaySeconds, boundProbeDelay)
	ps.CheckPtr(at("readiness_period_seconds"), in.ReadinessPeriodSeconds, boundProbePeriod)
	ps.CheckPtr(at("pod_scheduling_rate_per_second"), in.PodSchedulingRatePerSecond, boundRate)
	ps.CheckPtr(at("queue_wait_seconds"), in.QueueWaitSeconds, boundQueue)
	ps.CheckPtr(at("target_p95_seconds"), in.TargetP95Seconds, boundTarget)
}

// InputBounds are the physical bounds of the number inputs by attribute name,
// for the Terraform edge to state in its schema.
var InputBounds = map[string]problem.Bound{
	"scrape_interval_seconds":         boundInterval,
	"metric_window_seconds":           boundWindow,
	"polling_interval_seconds":        boundInterval,
	"hpa_sync_period_seconds":         boundHPASync,
	"stabilization_window_seconds":    boundStabilization,
	"current_replicas":                boundReplicas,
	"burst_pods":                      boundBurst,
	"warm_pool_pods":                  boundWarmPool,
	"image_size_mb":                   boundImage,
	"app_start_seconds":               boundAppStart,
	"readiness_initial_delay_seconds": boundProbeDelay,
	"readiness_period_seconds":        boundProbePeriod,
	"pod_scheduling_rate_per_second":  boundRate,
	"queue_wait_seconds":              boundQueue,
	"target_p95_seconds":              boundTarget,
}
