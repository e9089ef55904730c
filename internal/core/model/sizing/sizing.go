// Package sizing computes warm capacity: how many warm pods a traffic
// pattern needs, and what they cost. It is shared by the warm pool renderer
// and the cost model so the formula exists once. It knows nothing of Terraform.
package sizing

import (
	"fmt"
	"math"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// Basis is what the safety factor multiplies.
type Basis string

const (
	// BasisPeakDelta sizes from peak - baseline: the guide's formula.
	BasisPeakDelta Basis = "peak_delta"
	// BasisPeak sizes from the whole peak: what the guide's cost table used.
	BasisPeak Basis = "peak"
)

// HoursPerMonth for warm capacity: the guide prices pods over 720 h (30 days).
// The control-plane tier uses AWS's 730 h; each figure says which it uses.
const HoursPerMonth = 720.0

// Input describes the traffic the warm pool must absorb.
type Input struct {
	BaselineReplicas int64
	PeakReplicas     int64
	// SafetyFactor is the share of the basis kept warm, in (0, 1].
	SafetyFactor float64
	Basis        Basis
}

// MaxPeakReplicas keeps ceil(basis x safety factor) far from int64
// overflow.
const MaxPeakReplicas = 1_000_000

// Validate reports every bad field at its attribute (basis,
// baseline_replicas, peak_replicas, safety_factor), each message naming the
// field and the fix. The warm pool renderer, the cost model and the
// warm_pool_size function all check sizing here.
func (in Input) Validate() problem.List {
	var ps problem.List
	switch in.Basis {
	case BasisPeakDelta, BasisPeak:
	default:
		ps.Addf(problem.Path{"basis"}, "basis must be %q (peak - baseline, the guide's formula) or %q (the whole peak), got %q", BasisPeakDelta, BasisPeak, in.Basis)
	}
	if in.BaselineReplicas < 0 {
		ps.Addf(problem.Path{"baseline_replicas"}, "baseline_replicas must be 0 or more, got %d", in.BaselineReplicas)
	}
	if in.PeakReplicas < in.BaselineReplicas {
		ps.Addf(problem.Path{"peak_replicas"}, "peak_replicas (%d) must not be below baseline_replicas (%d): the peak is the most replicas the workload runs", in.PeakReplicas, in.BaselineReplicas)
	}
	if in.PeakReplicas > MaxPeakReplicas {
		ps.Addf(problem.Path{"peak_replicas"}, "peak_replicas must be at most %d, got %d", MaxPeakReplicas, in.PeakReplicas)
	}
	if !(in.SafetyFactor > 0 && in.SafetyFactor <= 1) {
		ps.Addf(problem.Path{"safety_factor"}, "safety_factor must be in (0, 1], the share of the basis kept warm (e.g. 0.15), got %v", in.SafetyFactor)
	}
	return ps
}

// WarmReplicas is ceil(basis x safety factor), where basis is peak - baseline
// or peak. Peak delta 100 x 0.15 = 15 pods.
func WarmReplicas(in Input) (int64, problem.List) {
	if ps := in.Validate(); ps.HasErrors() {
		return 0, ps
	}
	basis := in.PeakReplicas - in.BaselineReplicas
	if in.Basis == BasisPeak {
		basis = in.PeakReplicas
	}
	// Round away float noise first: 100 x 0.15 is 15.000000000000002.
	raw := math.Round(float64(basis)*in.SafetyFactor*1e9) / 1e9
	return int64(math.Ceil(raw)), nil
}

// PodHourPrice is what one warm pod costs per hour: either given directly,
// or the pod's share of an instance's hourly price.
type PodHourPrice struct {
	// PerPodHour, when > 0, is used as is.
	PerPodHour float64
	// InstanceHourly and PodsPerInstance give PerPodHour = hourly / pods.
	InstanceHourly  float64
	PodsPerInstance float64
}

// Hourly resolves the per-pod-hour price.
func (p PodHourPrice) Hourly() (float64, error) {
	if p.PerPodHour > 0 {
		return p.PerPodHour, nil
	}
	if p.InstanceHourly > 0 && p.PodsPerInstance > 0 {
		return p.InstanceHourly / p.PodsPerInstance, nil
	}
	return 0, fmt.Errorf("set a price per pod-hour, or an instance hourly price and how many warm pods fit on one instance")
}

// MonthlyCost is pods x price x 720 h. 15 pods at $0.05 = $540.
func MonthlyCost(pods float64, perPodHour float64) float64 {
	return pods * perPodHour * HoursPerMonth
}

// MonthlyCostFromWeekly prices a time-of-day schedule: weekly pod-hours
// spread over a 720-hour month (720/168 weeks).
func MonthlyCostFromWeekly(weeklyPodHours, perPodHour float64) float64 {
	return weeklyPodHours * (HoursPerMonth / 168.0) * perPodHour
}
