package warmpool

import (
	"math"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// podShare is the largest fraction of the instance one warm pod takes
// (CPU or memory), or 0 when the instance shape is not given.
func podShare(s Spec) float64 {
	share := 0.0
	for _, pair := range [][2]string{{s.Pod.CPU, s.Price.InstanceCPU}, {s.Pod.Memory, s.Price.InstanceMemory}} {
		if pair[0] == "" || pair[1] == "" {
			continue
		}
		pod, err1 := k8sobj.ParseQuantity(pair[0])
		inst, err2 := k8sobj.ParseQuantity(pair[1])
		if err1 != nil || err2 != nil || inst <= 0 || pod <= 0 {
			continue
		}
		share = math.Max(share, pod/inst)
	}
	return share
}

// podsPerInstance is the given figure, or 1/share from the shapes (may be
// fractional), or 0 when unknown.
func podsPerInstance(s Spec) float64 {
	if s.Price.PodsPerInstance > 0 {
		return s.Price.PodsPerInstance
	}
	if sh := podShare(s); sh > 0 {
		return 1 / sh
	}
	return 0
}

// resolvePrice turns the price inputs into a per-pod-hour price.
func resolvePrice(s Spec, probs *problem.List) (float64, bool) {
	p := s.Price
	if p.PerPodHour == 0 && p.InstanceHourly == 0 {
		return 0, false
	}
	if p.InstanceHourly > 0 && p.PodsPerInstance == 0 {
		sh := podShare(s)
		switch {
		case sh == 0:
			probs.Addf(problem.Path{"instance_cpu"}, "the pod's share of the instance needs the pod's and the instance's cpu or memory (or set pods_per_instance)")
			return 0, false
		case sh > 1:
			probs.Addf(problem.Path{"instance_cpu"}, "one warm pod (cpu %q, memory %q) does not fit on the instance (cpu %q, memory %q): pick a larger instance", s.Pod.CPU, s.Pod.Memory, p.InstanceCPU, p.InstanceMemory)
			return 0, false
		}
	}
	price := sizing.PodHourPrice{PerPodHour: p.PerPodHour, InstanceHourly: p.InstanceHourly, PodsPerInstance: podsPerInstance(s)}
	h, err := price.Hourly()
	if err != nil {
		probs.Addf(problem.Path{"price_per_pod_hour"}, "%v", err)
		return 0, false
	}
	return h, true
}
