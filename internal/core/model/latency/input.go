// Package latency estimates end-to-end scale-out time at plan time: the
// stages from a load change to the last new pod being Ready, each as a range
// (best, typical, p95), driven by the configuration. A burst that is larger
// than its warm capacity splits: the covered part lands on warm capacity, the
// rest on new nodes, and the burst's time is the slower of the two. Queued
// work reports its wait for admission apart from its scale-out. It knows
// nothing of Terraform; every default is a named constant in defaults.go or
// measured.go, and every number input has physical bounds (bounds.go).
package latency

import (
	"fmt"
	"slices"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// Input is one scale-out path. Zero values mean "use the default" for the
// optional numbers (pointer fields), so 0 can still be rejected where it is
// meaningless. Problem paths use the Terraform attribute names below.
type Input struct {
	MetricSource string // metric_source
	// ScrapeIntervalSeconds: metrics-server resolution, CloudWatch publish
	// interval or Prometheus scrape interval (scrape_interval_seconds).
	ScrapeIntervalSeconds *float64
	// MetricWindowSeconds: the averaging/rate window of the query
	// (metric_window_seconds); 0 for gauges.
	MetricWindowSeconds    *float64
	PollingIntervalSeconds *float64 // polling_interval_seconds (KEDA)
	ScaleFromZero          bool     // scale_from_zero
	// HPASyncPeriodSeconds is kube-controller-manager's
	// --horizontal-pod-autoscaler-sync-period (hpa_sync_period_seconds): EKS
	// accepts 10-15 s, below 15 s on provisioned tiers only.
	HPASyncPeriodSeconds *float64
	// StabilizationWindowSeconds is the HPA scale-up stabilization window.
	StabilizationWindowSeconds *float64
	// ScaleUpPolicy is scale_up_policy; with PolicyKubernetesDefault the
	// burst takes several steps from CurrentReplicas (current_replicas).
	ScaleUpPolicy   string
	CurrentReplicas *int64

	Capacity  string // capacity
	AMIFamily string // ami_family
	// WarmPoolPods is how many pods the warm capacity holds (warm_pool_pods);
	// nil: the whole burst. Pods beyond it take OverflowCapacity.
	WarmPoolPods *int64
	// WarmMode is how the warm capacity is held (warm_mode): pause pods
	// (preempted), a CapacityBuffer or a static NodePool (free room).
	WarmMode string
	// OverflowCapacity is where pods beyond the warm pool land
	// (overflow_capacity); default karpenter_spot.
	OverflowCapacity string

	ImageSizeMB       *float64 // image_size_mb
	ImageRegistry     string   // image_registry
	PullThroughCache  bool     // pull_through_cache
	ImageCachedOnNode bool     // image_cached_on_node
	// ImagePrepulled: a DaemonSet (scaling_image_prepull) keeps the image on
	// every running node of the pool (image_prepulled): no pull on warm or
	// existing nodes; a brand-new node still pulls it once.
	ImagePrepulled bool

	AppStartSeconds              *float64 // app_start_seconds
	ReadinessInitialDelaySeconds *float64 // readiness_initial_delay_seconds
	ReadinessPeriodSeconds       *float64 // readiness_period_seconds

	BurstPods *int64 // burst_pods
	Tier      string // control_plane_tier
	// PodSchedulingRatePerSecond overrides the tier's rate.
	PodSchedulingRatePerSecond *float64

	// QueuedAdmission puts the work behind a Kueue queue (queued_admission):
	// QueueQuota admits on ClusterQueue quota, then Karpenter provisions;
	// QueueProvisioningRequest waits for cluster-autoscaler to provision
	// before admitting. Empty: not queued.
	QueuedAdmission string
	// QueueWaitSeconds: how long work waits for quota other work holds
	// (queue_wait_seconds); yours to estimate, default 0.
	QueueWaitSeconds *float64

	// TargetP95Seconds is an optional SLO for the p95 total.
	TargetP95Seconds *float64
}

// resolved is Input with every default filled in.
type resolved struct {
	source, capacity, ami, registry, tier string
	scrape, window, polling, sync, stabil float64
	scaleFromZero, pullThrough, cached    bool
	prepulled                             bool
	policy                                string
	current                               int64
	warmMode, overflow                    string
	warmPool                              int64
	warmPoolSet                           bool
	imageMB, appStart, probeDelay, period float64
	burst                                 int64
	rate                                  float64
	rateSource                            string
	queue                                 string
	queueWait                             float64
	target                                *float64
}

func orDefault(p *float64, d float64) float64 {
	if p == nil {
		return d
	}
	return *p
}

func orString(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// Validate reports bad input as problems with attribute paths. It does not
// check the SLO target against the path's floor: Estimate does that.
func (in Input) Validate() problem.List {
	var ps problem.List
	oneOf := func(attr, v string, allowed []string) {
		if v != "" && !slices.Contains(allowed, v) {
			ps.Addf(problem.Path{attr}, "unknown %s %q: use one of %q", attr, v, allowed)
		}
	}
	oneOf("metric_source", in.MetricSource, MetricSources)
	oneOf("capacity", in.Capacity, Capacities)
	oneOf("ami_family", in.AMIFamily, AMIFamilies)
	oneOf("image_registry", in.ImageRegistry, Registries)
	oneOf("scale_up_policy", in.ScaleUpPolicy, ScaleUpPolicies)
	oneOf("warm_mode", in.WarmMode, WarmModes)
	oneOf("overflow_capacity", in.OverflowCapacity, OverflowCapacities)
	oneOf("queued_admission", in.QueuedAdmission, QueuedAdmissions)
	if in.Tier != "" && !tiers.Valid(in.Tier) {
		ps.Addf(problem.Path{"control_plane_tier"}, "unknown control_plane_tier %q: use one of %q", in.Tier, tiers.Names)
	}
	in.checkBounds(&ps)
	in.checkCombinations(&ps)
	return ps
}

// checkCombinations reports inputs that contradict each other.
func (in Input) checkCombinations(ps *problem.List) {
	if in.ScaleUpPolicy == PolicyKubernetesDefault && (in.CurrentReplicas == nil || *in.CurrentReplicas < 1) {
		ps.Addf(problem.Path{"current_replicas"}, "scale_up_policy %q grows from the current replicas: set current_replicas to 1 or more", PolicyKubernetesDefault)
	}
	if in.CurrentReplicas != nil && in.BurstPods != nil && *in.CurrentReplicas+*in.BurstPods > MaxClusterPods {
		ps.Addf(problem.Path{"burst_pods"}, "current_replicas + burst_pods = %d pods is more than one cluster runs (%d, Kubernetes' scalability limit): split the workload",
			*in.CurrentReplicas+*in.BurstPods, MaxClusterPods)
	}
	if in.Tier == tiers.XL8 && in.PodSchedulingRatePerSecond == nil {
		ps.Addf(problem.Path{"pod_scheduling_rate_per_second"},
			"%s has no published pod scheduling rate: set pod_scheduling_rate_per_second (from DescribeClusterVersions or AWS)", tiers.XL8)
	}
	if in.ScaleFromZero && in.MetricSource != KEDAPrometheus && in.MetricSource != KEDASQS {
		ps.Addf(problem.Path{"scale_from_zero"}, "scale_from_zero needs a KEDA metric source (%q or %q): the HPA alone cannot scale from 0", KEDAPrometheus, KEDASQS)
	}
	if in.MetricSource == KEDASQS {
		// KEDA asks SQS for the queue depth when the HPA asks KEDA: there is
		// no sampling interval or window to set.
		for _, a := range []struct {
			attr string
			set  bool
		}{{"scrape_interval_seconds", in.ScrapeIntervalSeconds != nil}, {"metric_window_seconds", in.MetricWindowSeconds != nil}} {
			if a.set {
				ps.Addf(problem.Path{a.attr}, "%s does not apply to metric_source %q: KEDA reads the queue depth live from SQS when the HPA asks; remove it", a.attr, KEDASQS)
			}
		}
	}
	if in.HPASyncPeriodSeconds != nil && *in.HPASyncPeriodSeconds != EKSDefaultHPASyncPeriod && orString(in.Tier, tiers.Standard) == tiers.Standard {
		ps.Addf(problem.Path{"hpa_sync_period_seconds"},
			"EKS lets you set the HPA sync period below %gs only on a provisioned control-plane tier (Advanced Kubernetes control plane configuration): set control_plane_tier to %s or above, or leave hpa_sync_period_seconds at %g",
			EKSDefaultHPASyncPeriod, tiers.XL, EKSDefaultHPASyncPeriod)
	}
	warm := orString(in.Capacity, CapacityKarpenterSpot) == CapacityWarm
	if !warm {
		for _, a := range []struct {
			attr string
			set  bool
		}{{"warm_pool_pods", in.WarmPoolPods != nil}, {"warm_mode", in.WarmMode != ""}, {"overflow_capacity", in.OverflowCapacity != ""}} {
			if a.set {
				ps.Addf(problem.Path{a.attr}, "%s only applies to capacity = %q; remove it or set capacity = %q", a.attr, CapacityWarm, CapacityWarm)
			}
		}
	}
	if in.QueuedAdmission == "" && in.QueueWaitSeconds != nil {
		ps.Addf(problem.Path{"queue_wait_seconds"}, "queue_wait_seconds only applies to queued work: set queued_admission, or remove it")
	}
	if in.QueuedAdmission != "" {
		if warm {
			ps.Addf(problem.Path{"queued_admission"}, "queued work is admitted onto capacity Kueue or the autoscaler provides, not onto pause-pod warm capacity: use capacity %q, %q or %q",
				CapacityKarpenterSpot, CapacityKarpenterOnDemand, CapacityASG)
		}
		if in.ScaleFromZero {
			ps.Addf(problem.Path{"scale_from_zero"}, "queued Jobs start when admitted, not through an HPA: remove scale_from_zero")
		}
	}
	if in.QueuedAdmission == QueueProvisioningRequest {
		switch c := orString(in.Capacity, CapacityKarpenterSpot); c {
		case CapacityKarpenterSpot, CapacityKarpenterOnDemand:
			ps.Addf(problem.Path{"queued_admission"},
				"%q needs cluster-autoscaler: ProvisioningRequest is its API and Karpenter does not act on it (kubernetes-sigs/kueue#5133). With Karpenter use %q (admit on quota, Karpenter provisions for the admitted pods), or set capacity = %q",
				QueueProvisioningRequest, QueueQuota, CapacityASG)
		case CapacityExistingNodes:
			ps.Addf(problem.Path{"queued_admission"}, "%q provisions new nodes before admitting: it does not apply to capacity %q; use %q", QueueProvisioningRequest, c, QueueQuota)
		}
	}
}

// resolve fills defaults; call it only on valid input.
func (in Input) resolve() resolved {
	r := resolved{
		source:        orString(in.MetricSource, MetricsServerCPU),
		capacity:      orString(in.Capacity, CapacityKarpenterSpot),
		ami:           orString(in.AMIFamily, AMIAL2023),
		registry:      orString(in.ImageRegistry, RegistryECR),
		tier:          orString(in.Tier, tiers.Standard),
		polling:       orDefault(in.PollingIntervalSeconds, DefaultKEDAPollingInterval),
		sync:          orDefault(in.HPASyncPeriodSeconds, DefaultHPASyncPeriod),
		stabil:        orDefault(in.StabilizationWindowSeconds, DefaultScaleUpStabilization),
		scaleFromZero: in.ScaleFromZero,
		pullThrough:   in.PullThroughCache,
		cached:        in.ImageCachedOnNode,
		prepulled:     in.ImagePrepulled,
		warmMode:      orString(in.WarmMode, WarmPausePods),
		overflow:      orString(in.OverflowCapacity, CapacityKarpenterSpot),
		imageMB:       orDefault(in.ImageSizeMB, DefaultImageSizeMB),
		appStart:      orDefault(in.AppStartSeconds, DefaultAppStart),
		probeDelay:    orDefault(in.ReadinessInitialDelaySeconds, DefaultReadinessInitialDelay),
		period:        orDefault(in.ReadinessPeriodSeconds, DefaultReadinessPeriod),
		burst:         DefaultBurstPods,
		policy:        orString(in.ScaleUpPolicy, PolicyOneStep),
		queue:         in.QueuedAdmission,
		queueWait:     orDefault(in.QueueWaitSeconds, 0),
		target:        in.TargetP95Seconds,
	}
	if in.BurstPods != nil {
		r.burst = *in.BurstPods
	}
	if in.CurrentReplicas != nil {
		r.current = *in.CurrentReplicas
	}
	r.warmPool = r.burst
	if in.WarmPoolPods != nil {
		r.warmPool, r.warmPoolSet = *in.WarmPoolPods, true
	}
	r.scrape = orDefault(in.ScrapeIntervalSeconds, defaultScrape(r.source))
	r.window = orDefault(in.MetricWindowSeconds, defaultWindow(r.source, r.scrape))
	r.rate, r.rateSource = schedulingRate(r.tier, in.PodSchedulingRatePerSecond)
	return r
}

func defaultScrape(source string) float64 {
	switch source {
	case MetricsServerCPU:
		return DefaultMetricsServerResolution
	case CloudWatchHighResolution:
		return DefaultCloudWatchPublishInterval
	case KEDASQS:
		// The HPA asks KEDA, which asks SQS live: no sampling of its own.
		return 0
	default:
		return DefaultPrometheusScrapeInterval
	}
}

func defaultWindow(source string, scrape float64) float64 {
	switch source {
	case MetricsServerCPU, CloudWatchHighResolution:
		return scrape
	case KEDASQS:
		return 0 // queue depth is a gauge
	default:
		return PrometheusWindowScrapes * scrape
	}
}

// schedulingRate is the pods/s the control plane binds: the override, the
// tier's published figure, or the standard assumption.
func schedulingRate(tier string, override *float64) (float64, string) {
	if override != nil {
		return *override, "pod_scheduling_rate_per_second input"
	}
	t, err := tiers.Lookup(tier)
	if err == nil && t.PodSchedulingRatePerSecond > 0 {
		return float64(t.PodSchedulingRatePerSecond), fmt.Sprintf("%s published rate (%s)", tier, t.Source)
	}
	return StandardPodSchedulingRate, "standard tier: not published, assumed from kube-scheduler's client QPS default"
}
