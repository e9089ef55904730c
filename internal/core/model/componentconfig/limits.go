package componentconfig

import (
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Limits are the defaults and allowed values of the settings for one
// Kubernetes version on one control-plane tier. A nil parameter is one the
// source does not describe: it is not checked.
type Limits struct {
	// Version and Tier are what the limits are for.
	Version, Tier string
	// Source names where they come from, for messages.
	Source string
	// Supported is false when the version has no advanced configuration.
	Supported bool

	HPASyncPeriod            *DurationLimit
	TerminatedPodGCThreshold *IntLimit
	Scoring                  *ScoringLimit
	EventTTL                 *DurationLimit
	NodePortRange            *PortRangeLimit
}

// DurationLimit is an API duration's default and range.
type DurationLimit struct{ Default, Min, Max string }

// IntLimit is a whole number's default and range.
type IntLimit struct{ Default, Min, Max int64 }

// ScoringLimit is the NodeResourcesFit scoring strategy's.
type ScoringLimit struct {
	DefaultStrategy string
	Strategies      []string
	DefaultWeights  map[string]int64
	// Resources are the names that may be weighted; empty allows any.
	Resources            []string
	MinWeight, MaxWeight int64
}

// PortRangeLimit is the NodePort range's default and the range each end
// may take.
type PortRangeLimit struct {
	Default          PortRange
	MinPort, MaxPort IntLimit
}

// Defaults is the configuration a cluster has when nobody set anything:
// the value a setting goes back to when it is no longer managed.
func (l Limits) Defaults() Config {
	var c Config
	if p := l.HPASyncPeriod; p != nil && p.Default != "" {
		c.HPASyncPeriod = ptr(p.Default)
	}
	if p := l.TerminatedPodGCThreshold; p != nil {
		c.TerminatedPodGCThreshold = ptr(p.Default)
	}
	if p := l.Scoring; p != nil {
		if p.DefaultStrategy != "" {
			c.ScoringStrategy = ptr(p.DefaultStrategy)
		}
		if len(p.DefaultWeights) > 0 {
			c.ResourceWeights = maps.Clone(p.DefaultWeights)
		}
	}
	if p := l.EventTTL; p != nil && p.Default != "" {
		c.EventTTL = ptr(p.Default)
	}
	if p := l.NodePortRange; p != nil {
		r := p.Default
		c.NodePortRange = &r
	}
	return c
}

// The published limits, for when DescribeClusterVersions cannot be asked
// (offline plans, a cluster created in the same apply): the EKS user guide,
// "Advanced Kubernetes control plane configuration" (Kubernetes 1.31 and
// later), and for the terminated-pod GC threshold, which the guide does not
// list, the EKS API reference's range (PodGcControllerConfigRequest: 1 to
// 1,000,000) and upstream kube-controller-manager's default (12,500).
const (
	// PublishedSource names them in messages.
	PublishedSource = `the EKS user guide ("Advanced Kubernetes control plane configuration")`
	// MinVersion is the first Kubernetes version with the configuration.
	MinVersion = "1.31"
	// StandardTier is the tier without provisioned control-plane capacity.
	StandardTier = "standard"
)

// Published are the documented limits for version on tier.
func Published(version, tier string) Limits {
	l := Limits{Version: version, Tier: tier, Source: PublishedSource, Supported: version == "" || !versionBefore(version, MinVersion)}
	if !l.Supported {
		return l
	}
	// "horizontalPodAutoscalerSyncPeriod: 10s to 15s, default 15s,
	// requires Provisioned Control Plane."
	l.HPASyncPeriod = &DurationLimit{Default: "15s", Min: "15s", Max: "15s"}
	if tier != StandardTier {
		l.HPASyncPeriod = &DurationLimit{Default: "15s", Min: "10s", Max: "15s"}
	}
	l.TerminatedPodGCThreshold = &IntLimit{Default: 12500, Min: 1, Max: 1_000_000}
	l.Scoring = &ScoringLimit{
		DefaultStrategy: "LeastAllocated",
		Strategies:      []string{"LeastAllocated", "MostAllocated"},
		DefaultWeights:  map[string]int64{"cpu": 1, "memory": 1},
		Resources:       []string{"cpu", "memory", "nvidia.com/gpu", "aws.amazon.com/neuron", "aws.amazon.com/neuroncore"},
		MinWeight:       1, MaxWeight: 100,
	}
	l.EventTTL = &DurationLimit{Default: "60m", Min: "10m", Max: "60m"}
	l.NodePortRange = &PortRangeLimit{
		Default: PortRange{Min: 30000, Max: 32767},
		MinPort: IntLimit{Min: 10260, Max: 32767}, MaxPort: IntLimit{Min: 10260, Max: 32767},
	}
	return l
}

// versionBefore compares Kubernetes minor versions ("1.30" < "1.31");
// anything unparsable is not before.
func versionBefore(v, than string) bool {
	parse := func(s string) (int, int, bool) {
		major, minor, ok := strings.Cut(s, ".")
		a, err1 := strconv.Atoi(major)
		b, err2 := strconv.Atoi(minor)
		return a, b, ok && err1 == nil && err2 == nil
	}
	a1, b1, ok1 := parse(v)
	a2, b2, ok2 := parse(than)
	if !ok1 || !ok2 {
		return false
	}
	return a1 < a2 || (a1 == a2 && b1 < b2)
}

// allows reports whether name is among allowed (empty allows anything).
func allows(allowed []string, name string) bool {
	return len(allowed) == 0 || slices.Contains(allowed, name)
}

func ptr[T any](v T) *T { return &v }
