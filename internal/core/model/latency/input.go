// Package latency estimates end-to-end scale-out time at plan time: the
// stages from a load change to the last new pod being Ready, each as a range
// (best, typical, p95), driven by the configuration. It knows nothing of
// Terraform; every default is a named constant in defaults.go.
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
	HPASyncPeriodSeconds   *float64 // hpa_sync_period_seconds
	// StabilizationWindowSeconds is the HPA scale-up stabilization window.
	StabilizationWindowSeconds *float64
	// ScaleUpPolicy is scale_up_policy; with PolicyKubernetesDefault the
	// burst takes several steps from CurrentReplicas (current_replicas).
	ScaleUpPolicy   string
	CurrentReplicas *int64

	Capacity  string // capacity
	AMIFamily string // ami_family

	ImageSizeMB       *float64 // image_size_mb
	ImageRegistry     string   // image_registry
	PullThroughCache  bool     // pull_through_cache
	ImageCachedOnNode bool     // image_cached_on_node

	AppStartSeconds              *float64 // app_start_seconds
	ReadinessInitialDelaySeconds *float64 // readiness_initial_delay_seconds
	ReadinessPeriodSeconds       *float64 // readiness_period_seconds

	BurstPods *int64 // burst_pods
	Tier      string // control_plane_tier
	// PodSchedulingRatePerSecond overrides the tier's rate.
	PodSchedulingRatePerSecond *float64

	// TargetP95Seconds is an optional SLO for the p95 total.
	TargetP95Seconds *float64
}

// resolved is Input with every default filled in.
type resolved struct {
	source, capacity, ami, registry, tier string
	scrape, window, polling, sync, stabil float64
	scaleFromZero, pullThrough, cached    bool
	policy                                string
	current                               int64
	imageMB, appStart, probeDelay, period float64
	burst                                 int64
	rate                                  float64
	rateSource                            string
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
	if in.CurrentReplicas != nil && *in.CurrentReplicas < 0 {
		ps.Addf(problem.Path{"current_replicas"}, "current_replicas must be 0 or more, got %d", *in.CurrentReplicas)
	}
	if in.ScaleUpPolicy == PolicyKubernetesDefault && (in.CurrentReplicas == nil || *in.CurrentReplicas < 1) {
		ps.Addf(problem.Path{"current_replicas"}, "scale_up_policy %q grows from the current replicas: set current_replicas to 1 or more", PolicyKubernetesDefault)
	}
	if in.Tier != "" && !tiers.Valid(in.Tier) {
		ps.Addf(problem.Path{"control_plane_tier"}, "unknown control_plane_tier %q: use one of %q", in.Tier, tiers.Names)
	}
	positive := func(attr string, p *float64) {
		if p != nil && !(*p > 0) {
			ps.Addf(problem.Path{attr}, "%s must be greater than 0 seconds, got %v", attr, *p)
		}
	}
	positive("scrape_interval_seconds", in.ScrapeIntervalSeconds)
	positive("polling_interval_seconds", in.PollingIntervalSeconds)
	positive("hpa_sync_period_seconds", in.HPASyncPeriodSeconds)
	positive("readiness_period_seconds", in.ReadinessPeriodSeconds)
	nonNegative := func(attr, unit string, p *float64) {
		if p != nil && *p < 0 {
			ps.Addf(problem.Path{attr}, "%s must be 0 or more %s, got %v", attr, unit, *p)
		}
	}
	nonNegative("metric_window_seconds", "seconds", in.MetricWindowSeconds)
	nonNegative("stabilization_window_seconds", "seconds", in.StabilizationWindowSeconds)
	nonNegative("image_size_mb", "MB", in.ImageSizeMB)
	nonNegative("app_start_seconds", "seconds", in.AppStartSeconds)
	nonNegative("readiness_initial_delay_seconds", "seconds", in.ReadinessInitialDelaySeconds)
	if in.BurstPods != nil && *in.BurstPods < 1 {
		ps.Addf(problem.Path{"burst_pods"}, "burst_pods must be at least 1, got %d", *in.BurstPods)
	}
	if in.PodSchedulingRatePerSecond != nil && !(*in.PodSchedulingRatePerSecond > 0) {
		ps.Addf(problem.Path{"pod_scheduling_rate_per_second"}, "pod_scheduling_rate_per_second must be greater than 0, got %v", *in.PodSchedulingRatePerSecond)
	}
	if in.Tier == tiers.XL8 && in.PodSchedulingRatePerSecond == nil {
		ps.Addf(problem.Path{"pod_scheduling_rate_per_second"},
			"%s has no published pod scheduling rate: set pod_scheduling_rate_per_second (from DescribeClusterVersions or AWS)", tiers.XL8)
	}
	if in.ScaleFromZero && in.MetricSource != KEDAPrometheus && in.MetricSource != KEDASQS {
		ps.Addf(problem.Path{"scale_from_zero"}, "scale_from_zero needs a KEDA metric source (%q or %q): the HPA alone cannot scale from 0", KEDAPrometheus, KEDASQS)
	}
	if in.TargetP95Seconds != nil && !(*in.TargetP95Seconds > 0) {
		ps.Addf(problem.Path{"target_p95_seconds"}, "target_p95_seconds must be greater than 0, got %v", *in.TargetP95Seconds)
	}
	return ps
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
		imageMB:       orDefault(in.ImageSizeMB, DefaultImageSizeMB),
		appStart:      orDefault(in.AppStartSeconds, DefaultAppStart),
		probeDelay:    orDefault(in.ReadinessInitialDelaySeconds, DefaultReadinessInitialDelay),
		period:        orDefault(in.ReadinessPeriodSeconds, DefaultReadinessPeriod),
		burst:         DefaultBurstPods,
		policy:        orString(in.ScaleUpPolicy, PolicyOneStep),
		target:        in.TargetP95Seconds,
	}
	if in.BurstPods != nil {
		r.burst = *in.BurstPods
	}
	if in.CurrentReplicas != nil {
		r.current = *in.CurrentReplicas
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
