package componentconfig

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// Attribute paths, as the Terraform edge names the settings.
var (
	PathControllerManager = problem.Path{"kube_controller_manager_config"}
	PathScheduler         = problem.Path{"kube_scheduler_config"}
	PathAPIServer         = problem.Path{"kube_api_server_config"}

	PathHPASyncPeriod            = PathControllerManager.Child("horizontal_pod_autoscaler_sync_period")
	PathTerminatedPodGCThreshold = PathControllerManager.Child("terminated_pod_gc_threshold")
	PathScoringStrategy          = PathScheduler.Child("scoring_strategy")
	PathResourceWeights          = PathScheduler.Child("resource_weights")
	PathEventTTL                 = PathAPIServer.Child("event_ttl")
	PathNodePortRange            = PathAPIServer.Child("service_node_port_range")
)

// MaxResources is the most resources a scoring strategy may weight
// (EKS API reference, ScoringStrategy: at most 100 items).
const MaxResources = 100

// CheckFormat reports what is wrong with c whatever the version and tier:
// durations that are not one number and one unit, an empty or oversized
// weight list, a NodePort range whose ends are swapped.
func CheckFormat(c Config) problem.List {
	var l problem.List
	for _, d := range []struct {
		path  problem.Path
		value *string
		eg    string
	}{{PathHPASyncPeriod, c.HPASyncPeriod, "15s"}, {PathEventTTL, c.EventTTL, "30m"}} {
		if d.value != nil {
			if _, ok := ParseDuration(*d.value); !ok {
				l.Addf(d.path, "must be a single-unit duration such as %q (a whole number and s, m or h), got %q", d.eg, *d.value)
			}
		}
	}
	if c.ResourceWeights != nil {
		switch {
		case len(c.ResourceWeights) == 0:
			l.Addf(PathResourceWeights, "must weight at least one resource, e.g. { cpu = 1, memory = 1 }; remove the attribute to leave the weights alone")
		case len(c.ResourceWeights) > MaxResources:
			l.Addf(PathResourceWeights, "may weight at most %d resources, got %d", MaxResources, len(c.ResourceWeights))
		}
		for _, name := range slices.Sorted(maps.Keys(c.ResourceWeights)) {
			if name == "" || len(name) > 253 {
				l.Addf(PathResourceWeights, "resource name %q must be 1 to 253 characters, such as \"cpu\"", name)
			}
		}
	}
	if r := c.NodePortRange; r != nil && r.Min > r.Max {
		l.Addf(PathNodePortRange, "min_port (%d) must be less than or equal to max_port (%d)", r.Min, r.Max)
	}
	return l
}

// Check reports the settings of c that lim does not allow. Values
// CheckFormat rejects are skipped here, so each mistake is reported once.
func Check(c Config, lim Limits) problem.List {
	var l problem.List
	where := fmt.Sprintf("for Kubernetes %s on tier %s (%s)", lim.Version, lim.Tier, lim.Source)
	if !lim.Supported {
		for _, p := range setComponents(c) {
			l.Addf(p, "Kubernetes %s has no advanced control-plane configuration: it needs Kubernetes %s or later (%s). Upgrade the cluster, or remove %s.",
				lim.Version, MinVersion, lim.Source, p)
		}
		return l
	}
	if v, r := c.HPASyncPeriod, lim.HPASyncPeriod; v != nil && r != nil && !durationWithin(*v, *r) {
		msg := fmt.Sprintf("must be between %s and %s %s, got %s", r.Min, r.Max, where, *v)
		if lim.Tier == StandardTier {
			msg = fmt.Sprintf("%s is not allowed on tier standard, which allows only %s to %s (%s): a shorter HPA sync period needs a provisioned control-plane tier. "+
				"Set tier to tier-xl or larger, or remove the setting.", *v, r.Min, r.Max, lim.Source)
		}
		l.Addf(PathHPASyncPeriod, "%s", msg)
	}
	if v, r := c.TerminatedPodGCThreshold, lim.TerminatedPodGCThreshold; v != nil && r != nil && (*v < r.Min || *v > r.Max) {
		l.Addf(PathTerminatedPodGCThreshold, "must be between %d and %d %s, got %d", r.Min, r.Max, where, *v)
	}
	if s := lim.Scoring; s != nil {
		if v := c.ScoringStrategy; v != nil && len(s.Strategies) > 0 && !slices.Contains(s.Strategies, *v) {
			l.Addf(PathScoringStrategy, "must be one of %s %s, got %q", strings.Join(s.Strategies, ", "), where, *v)
		}
		for _, name := range slices.Sorted(maps.Keys(c.ResourceWeights)) {
			w := c.ResourceWeights[name]
			switch {
			case name == "" || len(name) > 253:
				// CheckFormat's.
			case !allows(s.Resources, name):
				l.Addf(PathResourceWeights, "%q cannot be weighted %s: use one of %s", name, where, strings.Join(s.Resources, ", "))
			case s.MaxWeight > 0 && (w < s.MinWeight || w > s.MaxWeight):
				l.Addf(PathResourceWeights, "the weight of %q must be between %d and %d %s, got %d", name, s.MinWeight, s.MaxWeight, where, w)
			}
		}
	}
	if v, r := c.EventTTL, lim.EventTTL; v != nil && r != nil && !durationWithin(*v, *r) {
		l.Addf(PathEventTTL, "must be between %s and %s %s, got %s", r.Min, r.Max, where, *v)
	}
	if v, r := c.NodePortRange, lim.NodePortRange; v != nil && r != nil {
		for _, end := range []struct {
			name  string
			value int64
			limit IntLimit
		}{{"min_port", v.Min, r.MinPort}, {"max_port", v.Max, r.MaxPort}} {
			if end.limit.Max > 0 && (end.value < end.limit.Min || end.value > end.limit.Max) {
				l.Addf(PathNodePortRange.Child(end.name), "must be between %d and %d %s, got %d", end.limit.Min, end.limit.Max, where, end.value)
			}
		}
	}
	return l
}

// durationWithin reports whether v lies in r; unparsable values (CheckFormat
// reports them) and limits are let through.
func durationWithin(v string, r DurationLimit) bool {
	d, ok := ParseDuration(v)
	lo, okLo := ParseDuration(r.Min)
	hi, okHi := ParseDuration(r.Max)
	if !ok || !okLo || !okHi {
		return true
	}
	return d >= lo && d <= hi
}

// setComponents are the paths of the components c sets anything in.
func setComponents(c Config) []problem.Path {
	var out []problem.Path
	if c.HPASyncPeriod != nil || c.TerminatedPodGCThreshold != nil {
		out = append(out, PathControllerManager)
	}
	if c.ScoringStrategy != nil || c.ResourceWeights != nil {
		out = append(out, PathScheduler)
	}
	if c.EventTTL != nil || c.NodePortRange != nil {
		out = append(out, PathAPIServer)
	}
	return out
}
