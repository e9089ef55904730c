package estimate

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/latency"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ datasource.DataSourceWithValidateConfig = (*latencyEstimateDataSource)(nil)
	_ framework.ComputedModel                 = (*latencyEstimateModel)(nil)
)

func newLatencyEstimateDataSource() datasource.DataSource { return &latencyEstimateDataSource{} }

// latencyEstimateDataSource is offline: it needs no AWS client.
type latencyEstimateDataSource struct {
	framework.OfflineDataSource[latencyEstimateModel, *latencyEstimateModel]
}

func (d *latencyEstimateDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "scaling_latency_estimate"
}

type latencyEstimateModel struct {
	MetricSource                 types.String          `tfsdk:"metric_source"`
	ScrapeIntervalSeconds        framework.RealNumber  `tfsdk:"scrape_interval_seconds"`
	MetricWindowSeconds          framework.RealNumber  `tfsdk:"metric_window_seconds"`
	PollingIntervalSeconds       framework.RealNumber  `tfsdk:"polling_interval_seconds"`
	ScaleFromZero                types.Bool            `tfsdk:"scale_from_zero"`
	HPASyncPeriodSeconds         framework.WholeNumber `tfsdk:"hpa_sync_period_seconds"`
	StabilizationWindowSeconds   framework.WholeNumber `tfsdk:"stabilization_window_seconds"`
	ScaleUpPolicy                types.String          `tfsdk:"scale_up_policy"`
	CurrentReplicas              framework.WholeNumber `tfsdk:"current_replicas"`
	Capacity                     types.String          `tfsdk:"capacity"`
	AMIFamily                    types.String          `tfsdk:"ami_family"`
	WarmPoolPods                 framework.WholeNumber `tfsdk:"warm_pool_pods"`
	WarmMode                     types.String          `tfsdk:"warm_mode"`
	OverflowCapacity             types.String          `tfsdk:"overflow_capacity"`
	ImageSizeMB                  framework.RealNumber  `tfsdk:"image_size_mb"`
	ImageRegistry                types.String          `tfsdk:"image_registry"`
	PullThroughCache             types.Bool            `tfsdk:"pull_through_cache"`
	ImageCachedOnNode            types.Bool            `tfsdk:"image_cached_on_node"`
	ImagePrepulled               types.Bool            `tfsdk:"image_prepulled"`
	AppStartSeconds              framework.RealNumber  `tfsdk:"app_start_seconds"`
	ReadinessInitialDelaySeconds framework.WholeNumber `tfsdk:"readiness_initial_delay_seconds"`
	ReadinessPeriodSeconds       framework.WholeNumber `tfsdk:"readiness_period_seconds"`
	BurstPods                    framework.WholeNumber `tfsdk:"burst_pods"`
	ControlPlaneTier             types.String          `tfsdk:"control_plane_tier"`
	PodSchedulingRatePerSecond   framework.RealNumber  `tfsdk:"pod_scheduling_rate_per_second"`
	QueuedAdmission              types.String          `tfsdk:"queued_admission"`
	QueueWaitSeconds             framework.RealNumber  `tfsdk:"queue_wait_seconds"`
	TargetP95Seconds             framework.RealNumber  `tfsdk:"target_p95_seconds"`

	Stages          []stageModel  `tfsdk:"stages"`
	Total           *rangeModel   `tfsdk:"total"`
	Parts           []partModel   `tfsdk:"parts"`
	QueueWait       *rangeModel   `tfsdk:"queue_wait"`
	FloorSeconds    types.Float64 `tfsdk:"floor_seconds"`
	DominantStage   types.String  `tfsdk:"dominant_stage"`
	MeetsSLO        types.Bool    `tfsdk:"meets_slo"`
	Assumptions     []string      `tfsdk:"assumptions"`
	SummaryMarkdown types.String  `tfsdk:"summary_markdown"`
}

func (m latencyEstimateModel) input() latency.Input {
	return latency.Input{
		MetricSource:                 m.MetricSource.ValueString(),
		ScrapeIntervalSeconds:        m.ScrapeIntervalSeconds.Float64Pointer(),
		MetricWindowSeconds:          m.MetricWindowSeconds.Float64Pointer(),
		PollingIntervalSeconds:       m.PollingIntervalSeconds.Float64Pointer(),
		ScaleFromZero:                m.ScaleFromZero.ValueBool(),
		HPASyncPeriodSeconds:         floatOf(m.HPASyncPeriodSeconds),
		StabilizationWindowSeconds:   floatOf(m.StabilizationWindowSeconds),
		ScaleUpPolicy:                m.ScaleUpPolicy.ValueString(),
		CurrentReplicas:              m.CurrentReplicas.Int64Pointer(),
		Capacity:                     m.Capacity.ValueString(),
		AMIFamily:                    m.AMIFamily.ValueString(),
		WarmPoolPods:                 m.WarmPoolPods.Int64Pointer(),
		WarmMode:                     m.WarmMode.ValueString(),
		OverflowCapacity:             m.OverflowCapacity.ValueString(),
		ImageSizeMB:                  m.ImageSizeMB.Float64Pointer(),
		ImageRegistry:                m.ImageRegistry.ValueString(),
		PullThroughCache:             m.PullThroughCache.ValueBool(),
		ImageCachedOnNode:            m.ImageCachedOnNode.ValueBool(),
		ImagePrepulled:               m.ImagePrepulled.ValueBool(),
		AppStartSeconds:              m.AppStartSeconds.Float64Pointer(),
		ReadinessInitialDelaySeconds: floatOf(m.ReadinessInitialDelaySeconds),
		ReadinessPeriodSeconds:       floatOf(m.ReadinessPeriodSeconds),
		BurstPods:                    m.BurstPods.Int64Pointer(),
		Tier:                         m.ControlPlaneTier.ValueString(),
		PodSchedulingRatePerSecond:   m.PodSchedulingRatePerSecond.Float64Pointer(),
		QueuedAdmission:              m.QueuedAdmission.ValueString(),
		QueueWaitSeconds:             m.QueueWaitSeconds.Float64Pointer(),
		TargetP95Seconds:             m.TargetP95Seconds.Float64Pointer(),
	}
}

func (d *latencyEstimateDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	bound := latency.InputBounds
	attrs := map[string]schema.Attribute{
		"metric_source": schema.StringAttribute{Optional: true, MarkdownDescription: fmt.Sprintf("What the autoscaler reads: one of %s. Default `%s`.", framework.Quoted(latency.MetricSources), latency.MetricsServerCPU)},
		"scrape_interval_seconds": numberInput(bound["scrape_interval_seconds"], fmt.Sprintf("How often the metric is sampled: metrics-server resolution (default %gs, its release manifest), "+
			"CloudWatch publish interval (default %gs), Prometheus scrape interval (default %gs, Prometheus' own default). `keda_sqs` reads live: it refuses this.",
			latency.DefaultMetricsServerResolution, latency.DefaultCloudWatchPublishInterval, latency.DefaultPrometheusScrapeInterval)),
		"metric_window_seconds": numberInput(bound["metric_window_seconds"], fmt.Sprintf("Averaging or `rate()` window of the query. Default: the scrape interval for metrics-server and CloudWatch, "+
			"%g scrape intervals for Prometheus, 0 for SQS queue depth (a gauge; `keda_sqs` refuses this).", latency.PrometheusWindowScrapes)),
		"polling_interval_seconds": numberInput(bound["polling_interval_seconds"], fmt.Sprintf("KEDA `pollingInterval` (default %gs). It only matters with `scale_from_zero`: "+
			"from one replica up the HPA's sync loop decides.", latency.DefaultKEDAPollingInterval)),
		"scale_from_zero": schema.BoolAttribute{Optional: true, MarkdownDescription: "The workload scales from 0 replicas (KEDA activation). Needs a KEDA metric source. Default false."},
		"hpa_sync_period_seconds": numberInput(bound["hpa_sync_period_seconds"], fmt.Sprintf("kube-controller-manager `--horizontal-pod-autoscaler-sync-period` (default %gs, EKS's). "+
			"EKS sets it through its advanced control-plane configuration (`horizontalPodAutoscalerSyncPeriod`): %g-%g s, and below %g s only on a provisioned `control_plane_tier`.",
			latency.DefaultHPASyncPeriod, latency.EKSMinHPASyncPeriod, latency.EKSMaxHPASyncPeriod, latency.EKSDefaultHPASyncPeriod)),
		"stabilization_window_seconds": numberInput(bound["stabilization_window_seconds"], "HPA `behavior.scaleUp.stabilizationWindowSeconds` (default 0, the Kubernetes default)."),
		"scale_up_policy": schema.StringAttribute{Optional: true, MarkdownDescription: fmt.Sprintf("HPA `behavior.scaleUp`: `%s` (default: policies that allow the whole burst in one step) or `%s` "+
			"(the autoscaling/v2 default, the larger of 100%% and 4 pods per 15 s, which takes several steps for a big burst; needs `current_replicas`).",
			latency.PolicyOneStep, latency.PolicyKubernetesDefault)},
		"current_replicas": numberInput(bound["current_replicas"], "Replicas before the burst; used by `scale_up_policy = \"kubernetes_default\"`."),
		"capacity":         schema.StringAttribute{Optional: true, MarkdownDescription: fmt.Sprintf("Where the new pods land: one of %s. Default `%s`.", framework.Quoted(latency.Capacities), latency.CapacityKarpenterSpot)},
		"ami_family":       schema.StringAttribute{Optional: true, MarkdownDescription: fmt.Sprintf("AMI family of new nodes: one of %s. Default `%s`.", framework.Quoted(latency.AMIFamilies), latency.AMIAL2023)},
		"warm_pool_pods": numberInput(bound["warm_pool_pods"], "With `capacity = \"warm\"`: how many pods the warm capacity holds (default: the whole burst). "+
			"Pods beyond it land on `overflow_capacity`, side by side with the warm ones: `parts` shows both, and the burst takes the slower."),
		"warm_mode": schema.StringAttribute{Optional: true, MarkdownDescription: fmt.Sprintf("With `capacity = \"warm\"`: how the warm capacity is held, one of %s (default `%s`), as `scaling_warm_pool`'s modes. "+
			"Each binds at its measured rate: pause pods are preempted one by one; a CapacityBuffer's or a static NodePool's free room is only bound.", framework.Quoted(latency.WarmModes), latency.WarmPausePods)},
		"overflow_capacity": schema.StringAttribute{Optional: true, MarkdownDescription: fmt.Sprintf("With `capacity = \"warm\"`: where pods beyond `warm_pool_pods` land, one of %s (default `%s`).", framework.Quoted(latency.OverflowCapacities), latency.CapacityKarpenterSpot)},
		"image_size_mb": numberInput(bound["image_size_mb"], fmt.Sprintf("Compressed image size in MB (default %g). Pulled at %g-%g MB/s from in-region ECR.",
			latency.DefaultImageSizeMB, latency.PullThroughputP95MBps, latency.PullThroughputBestMBps)),
		"image_registry":       schema.StringAttribute{Optional: true, MarkdownDescription: fmt.Sprintf("Where the image lives: one of %s. Default `%s`.", framework.Quoted(latency.Registries), latency.RegistryECR)},
		"pull_through_cache":   schema.BoolAttribute{Optional: true, MarkdownDescription: "A `public` image is pulled through an ECR pull-through cache (in-region speed after the first pull). Default false."},
		"image_cached_on_node": schema.BoolAttribute{Optional: true, MarkdownDescription: "The image is on every node, new ones included (baked into the AMI or a data-volume snapshot): no pull. Default false."},
		"image_prepulled": schema.BoolAttribute{Optional: true, MarkdownDescription: "A DaemonSet (`scaling_image_prepull`) keeps the image on every running node of the pool: no pull on warm or existing nodes. " +
			"A new node still pulls it once, with the pod. Default false."},
		"app_start_seconds":               numberInput(bound["app_start_seconds"], fmt.Sprintf("Your app's start time (default %gs, a placeholder: set yours).", latency.DefaultAppStart)),
		"readiness_initial_delay_seconds": numberInput(bound["readiness_initial_delay_seconds"], "readinessProbe `initialDelaySeconds` (default 0)."),
		"readiness_period_seconds":        numberInput(bound["readiness_period_seconds"], fmt.Sprintf("readinessProbe `periodSeconds` (default %g, the Kubernetes default).", latency.DefaultReadinessPeriod)),
		"burst_pods":                      numberInput(bound["burst_pods"], fmt.Sprintf("Pods created in one scale-out (default %d). Binding them is bounded by the control plane's pod scheduling rate.", latency.DefaultBurstPods)),
		"control_plane_tier": schema.StringAttribute{Optional: true, MarkdownDescription: fmt.Sprintf("EKS control-plane tier: one of %s (default `standard`). Sets the pod scheduling rate: "+
			"the launch figures for tiers, %g pods/s assumed for standard.", framework.Quoted(tiers.Names), latency.StandardPodSchedulingRate)},
		"pod_scheduling_rate_per_second": numberInput(bound["pod_scheduling_rate_per_second"], "Overrides the tier's pod scheduling rate, e.g. with what `scaling_control_plane_tiers` reports. Required for `tier-8xl`."),
		"queued_admission": schema.StringAttribute{Optional: true, MarkdownDescription: fmt.Sprintf("The work waits in a Kueue queue (`scaling_kueue_queues`): `%s` (admitted on ClusterQueue quota; the admitted pods then wait for `capacity`) "+
			"or `%s` (an AdmissionCheck asks cluster-autoscaler for the nodes first: needs `capacity = \"asg\"`, Karpenter does not act on ProvisioningRequests). "+
			"The wait for admission is reported apart, in `queue_wait`. Default: not queued.", latency.QueueQuota, latency.QueueProvisioningRequest)},
		"queue_wait_seconds": numberInput(bound["queue_wait_seconds"], "With `queued_admission`: how long work waits for quota other work holds (default 0; yours to estimate)."),
		"target_p95_seconds": numberInput(bound["target_p95_seconds"], "Optional SLO for the p95 total. Sets `meets_slo`; a target below the path's fastest possible time draws a warning naming the stage that makes it impossible."),
	}
	attrs["stages"] = stagesAttribute("The stages of the slowest part, in order: metric_detection, scaling_decision, capacity, node_readiness, pod_scheduling, image_pull, container_start.",
		"Column of the guide's P95 table the stage belongs to: `detect`, `provision` or `pod_start`.")
	attrs["total"] = schema.SingleNestedAttribute{
		Computed:            true,
		MarkdownDescription: "End-to-end scale-out time of the burst: the slower of its `parts`. Best and typical are sums over the stages; p95 is the typical sum plus the root-sum-square of each stage's p95 tail.",
		Attributes:          rangeAttributes("End-to-end time"),
	}
	attrs["parts"] = partsAttribute()
	attrs["queue_wait"] = queueWaitAttribute("With `queued_admission`: how long work waits to be admitted (quota, Kueue's admission, and with `provisioning_request` the nodes' provisioning), apart from the scale-out; null otherwise.")
	attrs["floor_seconds"] = schema.Float64Attribute{Computed: true, MarkdownDescription: "The fastest this path can ever be: every stage at its best."}
	attrs["dominant_stage"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The stage with the largest p95: where to look first."}
	attrs["meets_slo"] = schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the p95 total is within `target_p95_seconds`; null without a target."}
	attrs["assumptions"] = schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "Every default and assumption the estimate relied on."}
	attrs["summary_markdown"] = schema.StringAttribute{Computed: true, MarkdownDescription: "The estimate as Markdown, fit for a pull-request comment."}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Plan-time estimate of end-to-end scale-out time, stage by stage (best, typical, p95), from the metric source, " +
			"intervals, capacity path, node AMI, image, readiness probe, burst size and control-plane tier. Offline: no AWS call. " +
			"See the guide *How the estimates are computed* for every formula, default and source.",
		Attributes: attrs,
	}
}

// Compute estimates the scale-out time, stage by stage.
func (m *latencyEstimateModel) Compute(context.Context, *diag.Diagnostics) problem.List {
	res, probs := latency.Estimate(m.input())
	if probs.HasErrors() {
		return probs
	}
	m.Stages = stageModels(res.Stages)
	total := toRange(res.Total)
	m.Total = &total
	m.Parts = partModels(res.Parts)
	m.QueueWait = optionalRange(res.QueueWait)
	m.FloorSeconds = types.Float64Value(res.Floor)
	m.DominantStage = types.StringValue(res.Dominant)
	m.MeetsSLO = boolValue(res.MeetsSLO)
	m.Assumptions = res.Assumptions
	m.SummaryMarkdown = types.StringValue(res.Markdown("Scale-out latency estimate"))
	return probs
}
