// Package componentconfig is EKS's advanced control-plane configuration as
// plain values: the settings a user manages (kube-controller-manager's HPA
// sync period and terminated-pod GC threshold, kube-scheduler's
// NodeResourcesFit scoring strategy, kube-apiserver's event TTL and
// NodePort range), the limits a Kubernetes version and control-plane tier
// put on them, and the checks and merges the provider plans with. It knows
// neither Terraform nor the AWS SDK.
package componentconfig

import (
	"maps"
	"regexp"
	"time"
)

// Config is a set of settings. A nil field is a setting left out: in a
// user's configuration, one this provider does not manage; in a
// cluster's, one the API did not report.
type Config struct {
	HPASyncPeriod            *string
	TerminatedPodGCThreshold *int64
	ScoringStrategy          *string
	// ResourceWeights maps a resource name (cpu, memory, nvidia.com/gpu...)
	// to its weight; nil is left out, and the API scores only the listed ones.
	ResourceWeights map[string]int64
	EventTTL        *string
	NodePortRange   *PortRange
}

// PortRange is kube-apiserver's --service-node-port-range.
type PortRange struct{ Min, Max int64 }

// Clone is a deep copy.
func (c Config) Clone() Config {
	out := c
	out.ResourceWeights = maps.Clone(c.ResourceWeights)
	if c.NodePortRange != nil {
		r := *c.NodePortRange
		out.NodePortRange = &r
	}
	return out
}

// Empty reports whether c sets nothing.
func (c Config) Empty() bool {
	return c.HPASyncPeriod == nil && c.TerminatedPodGCThreshold == nil && c.ScoringStrategy == nil &&
		c.ResourceWeights == nil && c.EventTTL == nil && c.NodePortRange == nil
}

// Overlay is c with every setting o sets replaced by o's: how EKS merges an
// update into the configuration in force.
func (c Config) Overlay(o Config) Config {
	out := c.Clone()
	o = o.Clone()
	if o.HPASyncPeriod != nil {
		out.HPASyncPeriod = o.HPASyncPeriod
	}
	if o.TerminatedPodGCThreshold != nil {
		out.TerminatedPodGCThreshold = o.TerminatedPodGCThreshold
	}
	if o.ScoringStrategy != nil {
		out.ScoringStrategy = o.ScoringStrategy
	}
	if o.ResourceWeights != nil {
		out.ResourceWeights = o.ResourceWeights
	}
	if o.EventTTL != nil {
		out.EventTTL = o.EventTTL
	}
	if o.NodePortRange != nil {
		out.NodePortRange = o.NodePortRange
	}
	return out
}

// Only keeps the settings of c that mask sets.
func (c Config) Only(mask Config) Config {
	var out Config
	c = c.Clone()
	if mask.HPASyncPeriod != nil {
		out.HPASyncPeriod = c.HPASyncPeriod
	}
	if mask.TerminatedPodGCThreshold != nil {
		out.TerminatedPodGCThreshold = c.TerminatedPodGCThreshold
	}
	if mask.ScoringStrategy != nil {
		out.ScoringStrategy = c.ScoringStrategy
	}
	if mask.ResourceWeights != nil {
		out.ResourceWeights = c.ResourceWeights
	}
	if mask.EventTTL != nil {
		out.EventTTL = c.EventTTL
	}
	if mask.NodePortRange != nil {
		out.NodePortRange = c.NodePortRange
	}
	return out
}

// Changes is the settings of want that differ from have (durations compare
// by length, so "1h" equals "60m"); a setting have does not report counts
// as different.
func Changes(want, have Config) Config {
	var out Config
	if want.HPASyncPeriod != nil && !SameDuration(want.HPASyncPeriod, have.HPASyncPeriod) {
		out.HPASyncPeriod = want.HPASyncPeriod
	}
	if want.TerminatedPodGCThreshold != nil && !sameInt(want.TerminatedPodGCThreshold, have.TerminatedPodGCThreshold) {
		out.TerminatedPodGCThreshold = want.TerminatedPodGCThreshold
	}
	if want.ScoringStrategy != nil && (have.ScoringStrategy == nil || *want.ScoringStrategy != *have.ScoringStrategy) {
		out.ScoringStrategy = want.ScoringStrategy
	}
	if want.ResourceWeights != nil && (have.ResourceWeights == nil || !maps.Equal(want.ResourceWeights, have.ResourceWeights)) {
		out.ResourceWeights = maps.Clone(want.ResourceWeights)
	}
	if want.EventTTL != nil && !SameDuration(want.EventTTL, have.EventTTL) {
		out.EventTTL = want.EventTTL
	}
	if want.NodePortRange != nil && (have.NodePortRange == nil || *want.NodePortRange != *have.NodePortRange) {
		r := *want.NodePortRange
		out.NodePortRange = &r
	}
	return out
}

// Removed is what a change from managed settings old to new stops
// managing: those settings go back to their defaults.
func Removed(old, new Config) Config {
	var out Config
	if old.HPASyncPeriod != nil && new.HPASyncPeriod == nil {
		out.HPASyncPeriod = old.HPASyncPeriod
	}
	if old.TerminatedPodGCThreshold != nil && new.TerminatedPodGCThreshold == nil {
		out.TerminatedPodGCThreshold = old.TerminatedPodGCThreshold
	}
	if old.ScoringStrategy != nil && new.ScoringStrategy == nil {
		out.ScoringStrategy = old.ScoringStrategy
	}
	if old.ResourceWeights != nil && new.ResourceWeights == nil {
		out.ResourceWeights = old.ResourceWeights
	}
	if old.EventTTL != nil && new.EventTTL == nil {
		out.EventTTL = old.EventTTL
	}
	if old.NodePortRange != nil && new.NodePortRange == nil {
		out.NodePortRange = old.NodePortRange
	}
	return out
}

// singleUnitDuration is the API's duration form: "Valid values are
// single-unit durations such as 15s or 1m" (EKS API reference).
var singleUnitDuration = regexp.MustCompile(`^[0-9]{1,9}(s|m|h)$`)

// ParseDuration parses an API duration; ok is false for anything but one
// number and one unit (s, m or h).
func ParseDuration(s string) (time.Duration, bool) {
	if !singleUnitDuration.MatchString(s) {
		return 0, false
	}
	d, err := time.ParseDuration(s)
	return d, err == nil
}

// SameDuration reports whether two API durations are set and equally long.
func SameDuration(a, b *string) bool {
	if a == nil || b == nil {
		return a == b
	}
	if *a == *b {
		return true
	}
	da, oka := ParseDuration(*a)
	db, okb := ParseDuration(*b)
	return oka && okb && da == db
}

func sameInt(a, b *int64) bool { return a != nil && b != nil && *a == *b }

// Without is c minus the settings mask sets.
func (c Config) Without(mask Config) Config {
	out := c.Clone()
	if mask.HPASyncPeriod != nil {
		out.HPASyncPeriod = nil
	}
	if mask.TerminatedPodGCThreshold != nil {
		out.TerminatedPodGCThreshold = nil
	}
	if mask.ScoringStrategy != nil {
		out.ScoringStrategy = nil
	}
	if mask.ResourceWeights != nil {
		out.ResourceWeights = nil
	}
	if mask.EventTTL != nil {
		out.EventTTL = nil
	}
	if mask.NodePortRange != nil {
		out.NodePortRange = nil
	}
	return out
}
