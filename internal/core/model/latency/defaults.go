package latency

import "github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"

// Every figure the model uses is a named constant here, with its source.
// "Assumption" marks a figure that is ours, chosen to match the guide's P95
// table and public measurements; override it through Input
// when you have your own measurements. All durations are seconds.

// Metric sources the model knows.
const (
	MetricsServerCPU         = "metrics_server_cpu"
	CloudWatchHighResolution = "cloudwatch_high_resolution"
	ADOTPrometheus           = "adot_prometheus"
	KEDAPrometheus           = "keda_prometheus"
	KEDASQS                  = "keda_sqs"
)

// MetricSources lists the metric sources, default first.
var MetricSources = []string{MetricsServerCPU, CloudWatchHighResolution, ADOTPrometheus, KEDAPrometheus, KEDASQS}

// Capacity paths: where the new pods land.
const (
	CapacityWarm              = "warm"
	CapacityExistingNodes     = "existing_nodes"
	CapacityKarpenterSpot     = "karpenter_spot"
	CapacityKarpenterOnDemand = "karpenter_on_demand"
	CapacityASG               = "asg"
)

// Capacities lists the capacity paths, default first.
var Capacities = []string{CapacityKarpenterSpot, CapacityKarpenterOnDemand, CapacityWarm, CapacityExistingNodes, CapacityASG}

// OverflowCapacities are where pods beyond a warm pool can land.
var OverflowCapacities = []string{CapacityKarpenterSpot, CapacityKarpenterOnDemand, CapacityExistingNodes, CapacityASG}

// Warm modes: how warm capacity is held (scaling_warm_pool's modes).
const (
	// WarmPausePods: priority -1 pause pods; workload pods preempt them.
	WarmPausePods = "pause_pods"
	// WarmCapacityBuffer: a Karpenter CapacityBuffer keeps free room.
	WarmCapacityBuffer = "capacity_buffer"
	// WarmStaticNodePool: a static NodePool's nodes keep free room.
	WarmStaticNodePool = "static_node_pool"
)

// WarmModes lists the warm modes, default first.
var WarmModes = []string{WarmPausePods, WarmCapacityBuffer, WarmStaticNodePool}

// Queued admission (Kueue).
const (
	// QueueQuota: Kueue admits a workload when its ClusterQueue has quota;
	// the admitted pods then wait for Karpenter (or whatever capacity is).
	QueueQuota = "quota"
	// QueueProvisioningRequest: an AdmissionCheck asks cluster-autoscaler
	// for the nodes (ProvisioningRequest) and Kueue admits only once they
	// exist: provisioning is part of the wait for admission.
	QueueProvisioningRequest = "provisioning_request"
)

// QueuedAdmissions lists the queued-admission modes.
var QueuedAdmissions = []string{QueueQuota, QueueProvisioningRequest}

// KueueAdmission: from a workload entering a LocalQueue with quota free to
// Kueue admitting it: one pass of Kueue's scheduler (assumption: Kueue
// admits in scheduling cycles that take milliseconds to a second under
// load; no published figure).
var KueueAdmission = Range{0.1, 0.5, 2}

// AMI families for new nodes.
const (
	AMIAL2023       = "al2023"
	AMIBottlerocket = "bottlerocket"
	AMIAL2          = "al2"
)

// AMIFamilies lists the AMI families, default first.
var AMIFamilies = []string{AMIAL2023, AMIBottlerocket, AMIAL2}

// Image registries.
const (
	RegistryECR    = "ecr"
	RegistryPublic = "public"
)

// Registries lists the image registries, default first.
var Registries = []string{RegistryECR, RegistryPublic}

// Metric collection defaults.
const (
	// DefaultMetricsServerResolution: metrics-server's released manifest
	// (components.yaml, v0.7) runs with --metric-resolution=15s; the binary's
	// own default is 60s. metrics-server computes CPU as a rate between two
	// scrapes, so its averaging window equals the resolution.
	DefaultMetricsServerResolution = 15.0
	// DefaultCloudWatchPublishInterval: the CloudWatch agent's
	// metrics_collection_interval for high-resolution metrics (10 s is the
	// common high-resolution period; 1 s is the finest). Period = interval.
	DefaultCloudWatchPublishInterval = 10.0
	// DefaultPrometheusScrapeInterval: Prometheus' global.scrape_interval
	// default (1m, prometheus.io configuration docs). Fast-metric setups
	// lower it; set scrape_interval_seconds.
	DefaultPrometheusScrapeInterval = 60.0
	// PrometheusWindowScrapes: a rate() needs at least two samples, so the
	// default query window is two scrape intervals (assumption).
	PrometheusWindowScrapes = 2.0
	// DefaultKEDAPollingInterval: KEDA ScaledObject pollingInterval default
	// (30 s, keda.sh docs). It drives activation (0 -> 1) only; 1 -> N is the
	// HPA's sync loop.
	DefaultKEDAPollingInterval = 30.0
	// DefaultHPASyncPeriod: kube-controller-manager
	// --horizontal-pod-autoscaler-sync-period default (15 s), which EKS runs
	// unless you set horizontalPodAutoscalerSyncPeriod.
	DefaultHPASyncPeriod = EKSDefaultHPASyncPeriod
	// EKS's range for horizontalPodAutoscalerSyncPeriod: 10s-15s, default
	// 15s; below 15 s only on Provisioned Control Plane tiers (EKS user
	// guide, "Advanced Kubernetes control plane configuration"; the API's
	// DescribeClusterVersions reports the constraints per version).
	EKSDefaultHPASyncPeriod = 15.0
	EKSMinHPASyncPeriod     = 10.0
	EKSMaxHPASyncPeriod     = 15.0
	// DefaultScaleUpStabilization: autoscaling/v2 behavior.scaleUp
	// stabilizationWindowSeconds default (0).
	DefaultScaleUpStabilization = 0.0
)

// Pipeline delay from a sample being taken to the autoscaler being able to
// read it: best, typical, p95 (assumption per source).
var pipelineDelay = map[string]Range{
	// kubelet summary API -> metrics-server -> metrics.k8s.io.
	MetricsServerCPU: {0.5, 1, 2},
	// PutMetricData -> CloudWatch -> GetMetricData (adapter or KEDA).
	CloudWatchHighResolution: {1, 2, 5},
	// ADOT collector batch + remote write -> Amazon Managed Prometheus -> adapter.
	ADOTPrometheus: {1, 2, 5},
	// In-cluster Prometheus queried by KEDA's metrics server.
	KEDAPrometheus: {0.2, 0.5, 1},
	// KEDA calls SQS GetQueueAttributes (ApproximateNumberOfMessages) live.
	KEDASQS: {0.2, 0.5, 1},
}

// Threshold crossing inside an averaging window after a step change in load:
// the share of the window that passes before the average crosses the target
// (best, typical, p95). A big step crosses early, a small one late (assumption).
var windowFraction = Range{0.25, 0.5, 1}

// UniformP95 is the 95th percentile of a wait uniform on [0, interval):
// waiting for the next sample or the next sync tick.
const UniformP95 = 0.95

// HPA scale-up policies the model knows.
const (
	// PolicyOneStep: behavior.scaleUp allows the whole burst in one step
	// (e.g. a Percent policy of 900 % or a Pods policy as large as the burst).
	PolicyOneStep = "one_step"
	// PolicyKubernetesDefault: the autoscaling/v2 default, the larger of
	// 100 % and 4 pods per 15 s (kubernetes.io HPA docs, "Default Behavior").
	PolicyKubernetesDefault = "kubernetes_default"
)

// ScaleUpPolicies lists the policies, default first.
var ScaleUpPolicies = []string{PolicyOneStep, PolicyKubernetesDefault}

// The Kubernetes default scale-up policy's figures.
const (
	DefaultPolicyPercent = 100.0
	DefaultPolicyPods    = 4
	DefaultPolicyPeriod  = 15.0
)

// Capacity defaults.
var (
	// KarpenterBatch: from pods pending to bound on a node that is Ready at
	// once: Karpenter's batch window (BATCH_IDLE_DURATION 1 s after the last
	// pending pod, BATCH_MAX_DURATION 10 s at most; karpenter.sh settings
	// docs), its scheduling simulation, the NodeClaim and the node's
	// registration. Measured with Karpenter v1.14.1's KWOK provider: the p50
	// of 10-pod bursts with no warm capacity, 2.18, 2.18 and 2.52 s in three
	// runs (make measure-warm WARM_FLAGS=-warmmodes.modes=3); p95 adds 1 s
	// for pods that arrive in a second wave (assumption).
	KarpenterBatch = Range{2.2, 2.2, 3.5}
	// KarpenterLaunch: CreateFleet + EC2 pending -> running (assumption from
	// public Karpenter launch measurements).
	KarpenterLaunch = Range{5, 7, 11}
	// SpotFallbackP95: extra p95 time for spot when an offering is
	// unavailable (InsufficientInstanceCapacity) and Karpenter relaunches
	// with the next offering (assumption).
	SpotFallbackP95 = 4.0
	// ClusterAutoscalerScan: cluster-autoscaler --scan-interval default 10 s.
	ClusterAutoscalerScan = 10.0
	// ASGLaunch: SetDesiredCapacity -> ASG activity -> EC2 running; ASG
	// scaling activities start slower than a direct CreateFleet (assumption).
	ASGLaunch = Range{10, 15, 30}
)

// NodeReadiness: EC2 running -> kubelet registered -> CNI ready -> node
// Ready, per AMI family (assumption; Bottlerocket boots a smaller OS,
// AL2023 runs nodeadm, AL2 runs bootstrap.sh and is end of support).
var NodeReadiness = map[string]Range{
	AMIBottlerocket: {9, 13, 21},
	AMIAL2023:       {13, 18, 30},
	AMIAL2:          {18, 27, 45},
}

// Image pull, the guide's figures: about 100 MB 2-3 s, 500 MB
// 10-15 s, 1 GB 20-30 s, 5 GB 2-3 min, i.e. 33-50 MB/s from in-region ECR.
const (
	PullThroughputBestMBps    = 50.0
	PullThroughputTypicalMBps = 40.0
	PullThroughputP95MBps     = 33.0
	// PullOverhead: auth + manifest round trips before layers (assumption).
	PullOverheadBest    = 0.3
	PullOverheadTypical = 0.5
	PullOverheadP95     = 1.0
	// PublicThroughputFactor: a public registry over the internet without a
	// pull-through cache is slower than in-region ECR (assumption: half).
	PublicThroughputFactor = 0.5
	// PublicExtraP95: rate limits and retries on public registries (Docker
	// Hub's anonymous pull limits) add to the tail (assumption).
	PublicExtraP95 = 10.0
	// DefaultImageSizeMB: the guide's middle data point.
	DefaultImageSizeMB = 500.0
)

// Container start and readiness.
var (
	// ContainerCreate: sandbox + container create and start by containerd
	// once the image is present (assumption).
	ContainerCreate = Range{0.5, 1, 2}
)

const (
	// AppStartP95Factor: the app's own start time at p95 relative to typical
	// (assumption).
	AppStartP95Factor = 1.5
	// DefaultAppStart: your app's start time; ours is a placeholder (set it).
	DefaultAppStart = 2.0
	// DefaultReadinessPeriod: Kubernetes readinessProbe periodSeconds default (10).
	DefaultReadinessPeriod = 10.0
	// DefaultReadinessInitialDelay: readinessProbe initialDelaySeconds default (0).
	DefaultReadinessInitialDelay = 0.0
)

// Scheduling.
const (
	// StandardPodSchedulingRate: AWS does not publish the standard tier's
	// rate. Upstream kube-scheduler's client QPS default is 50 and every bind
	// is one API call, so we assume 50 pods/s (tier-xl publishes 167); the
	// figure lives in internal/core/model/tiers.
	StandardPodSchedulingRate = float64(tiers.StandardAssumedPodSchedulingRate)
	// DefaultBurstPods: pods created in one scale-out (assumption).
	DefaultBurstPods = 10
)
