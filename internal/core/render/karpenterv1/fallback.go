package karpenterv1

import (
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// Fallback describes one workload's nodes; it renders two NodePools that
// differ only in capacity type and weight: spot first (higher weight, tried
// first), on-demand as the fallback (lower weight). Karpenter tries the
// higher weight first, so the guide's "on-demand 100, spot 10" is backwards.
type Fallback struct {
	// Pool is the shared NodePool; its Name is the prefix of both names
	// (<name>-spot, <name>-on-demand). Its capacity types and weight must be
	// left unset.
	Pool           NodePool
	SpotWeight     *int64 // default 100
	OnDemandWeight *int64 // default 10
	// SpotLimits and OnDemandLimits override Pool.Limits key by key for one
	// pool, e.g. to cap spot at a share of the vCPUs while on-demand, the
	// fallback, may take them all.
	SpotLimits     map[string]string
	OnDemandLimits map[string]string
}

// Default fallback weights.
const (
	DefaultSpotWeight     = int64(100)
	DefaultOnDemandWeight = int64(10)
)

func (f Fallback) weights() (spot, onDemand int64) {
	spot, onDemand = DefaultSpotWeight, DefaultOnDemandWeight
	if f.SpotWeight != nil {
		spot = *f.SpotWeight
	}
	if f.OnDemandWeight != nil {
		onDemand = *f.OnDemandWeight
	}
	return spot, onDemand
}

// Pools returns the spot and on-demand NodePool inputs.
func (f Fallback) Pools() (spot, onDemand NodePool) {
	sw, ow := f.weights()
	spot, onDemand = f.Pool, f.Pool
	spot.Name = f.Pool.Name + "-spot"
	onDemand.Name = f.Pool.Name + "-on-demand"
	spot.Requirements.CapacityTypes = []string{"spot"}
	onDemand.Requirements.CapacityTypes = []string{"on-demand"}
	spot.Weight, onDemand.Weight = &sw, &ow
	spot.Limits = mergeLimits(f.Pool.Limits, f.SpotLimits)
	onDemand.Limits = mergeLimits(f.Pool.Limits, f.OnDemandLimits)
	return spot, onDemand
}

// mergeLimits returns shared with override's keys replaced or added.
func mergeLimits(shared, override map[string]string) map[string]string {
	if len(override) == 0 {
		return shared
	}
	out := make(map[string]string, len(shared)+len(override))
	for k, v := range shared {
		out[k] = v
	}
	for k, v := range override {
		out[k] = v
	}
	return out
}

// Validate checks the weights and both pools. Problems in the shared pool
// are reported once, at the shared attribute.
func (f Fallback) Validate() problem.List {
	var probs problem.List
	sw, ow := f.weights()
	for _, w := range []struct {
		attr string
		v    int64
	}{{"spot_weight", sw}, {"on_demand_weight", ow}} {
		if w.v < 1 || w.v > 100 {
			problem.Under(&probs, w.attr).Addf("must be 1-100, got %d (0 is invalid; higher is tried first)", w.v)
		}
	}
	if sw <= ow {
		problem.Under(&probs, "spot_weight").Addf("must be higher than on_demand_weight (%d <= %d): Karpenter tries the higher weight first, so spot must be higher to be tried first", sw, ow)
	}
	if f.Pool.Weight != nil {
		problem.Under(&probs, "weight").Addf("set spot_weight and on_demand_weight instead")
	}
	if f.Pool.Requirements.CapacityTypes != nil {
		problem.Under(&probs, "capacity_types").Addf("the pair sets capacity types itself (spot, then on-demand); remove capacity_types")
	}
	for i, r := range f.Pool.Requirements.Custom {
		if r.Key == LabelCapacityType {
			problem.Under(&probs, "requirements", i, "key").Addf("the pair sets %s itself; remove this requirement", LabelCapacityType)
		}
	}
	if f.Pool.Name == "" {
		problem.Under(&probs, "name").Addf("is required: the prefix of both pool names (<name>-spot, <name>-on-demand)")
	}
	validateLimits(problem.Under(&probs, "spot_limits"), f.SpotLimits)
	validateLimits(problem.Under(&probs, "on_demand_limits"), f.OnDemandLimits)
	_, od := f.Pools()
	// Each override was checked at its own attribute; the shared checks see
	// the shared limits only, so a problem is reported once, where it is.
	od.Limits = f.Pool.Limits
	for _, p := range od.Validate() {
		if len(p.Path) > 0 && p.Path[0] == "name" && f.Pool.Name == "" {
			continue // reported above
		}
		probs = append(probs, p)
	}
	return probs
}

// Render renders [spot, on-demand].
func (f Fallback) Render() ([]k8sobj.Object, problem.List) {
	probs := f.Validate()
	if probs.HasErrors() {
		return nil, probs
	}
	spot, od := f.Pools()
	// Both pools were validated above (they differ only in name, capacity
	// type, weight and the limit overrides, each checked at its attribute),
	// so only errors from rendering itself are added.
	so, sp := spot.Render()
	oo, op := od.Render()
	if so == nil || oo == nil {
		for _, p := range append(sp, op...) {
			if !p.Warning {
				probs = append(probs, p)
			}
		}
		return nil, probs
	}
	return []k8sobj.Object{so, oo}, probs
}
