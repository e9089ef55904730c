package warmpool

import (
	"math"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/sizing"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// BasisExplicit is echoed when the size was given as replicas.
const BasisExplicit = "replicas"

// Result is the rendered warm capacity and its plan-time numbers.
type Result struct {
	// Objects in apply order: cluster-scoped and RBAC first, then the
	// workload objects, then what scales them.
	Objects []k8sobj.Object
	// Replicas is the base size: warm pods outside every window.
	Replicas int64
	// Basis is how Replicas was found: "replicas", "peak_delta" or "peak".
	Basis string
	// Nodes is the static NodePool's node count (mode static_node_pool).
	Nodes int64
	// Windows echoes each schedule window and its hours per week.
	Windows []WindowResult
	// MaxReplicas is the largest size the schedule reaches.
	MaxReplicas int64
	// WeeklyPodHours is warm pod-hours over the reference week.
	WeeklyPodHours float64
	// Priced reports whether a price was given; then PerPodHour and
	// MonthlyCost (720 h month) are set.
	Priced      bool
	PerPodHour  float64
	MonthlyCost float64
	// FeatureGate is the Karpenter feature gate the mode needs, or "".
	FeatureGate string
}

// WindowResult is one window's target and how long it is active per week.
type WindowResult struct {
	Name               string
	Replicas           int64
	ActiveHoursPerWeek float64
}

// WithDefaults fills the documented defaults.
func WithDefaults(s Spec) Spec {
	if s.Name == "" {
		s.Name = DefaultName
	}
	if s.Namespace == "" {
		s.Namespace = DefaultNamespace
	}
	if s.Mode == "" {
		s.Mode = ModePausePods
	}
	if s.Pod.Image == "" {
		s.Pod.Image = DefaultPauseImage
	}
	if s.PriorityClassName == "" {
		s.PriorityClassName = s.Namespace + "-" + s.Name
	}
	if s.PriorityValue == nil {
		v := DefaultPriorityValue
		s.PriorityValue = &v
	}
	if s.Scaler == "" {
		s.Scaler = ScalerCronJob
	}
	if s.KubectlImage == "" {
		s.KubectlImage = DefaultKubectlImage
	}
	if s.Sizing != nil && s.Sizing.Basis == "" {
		in := *s.Sizing
		in.Basis = sizing.BasisPeakDelta
		s.Sizing = &in
	}
	st := &s.Static
	if st.NodeClassGroup == "" {
		st.NodeClassGroup = "karpenter.k8s.aws"
	}
	if st.NodeClassKind == "" {
		st.NodeClassKind = "EC2NodeClass"
	}
	if st.NodeClassName == "" {
		st.NodeClassName = "default"
	}
	if st.CapacityType == "" {
		st.CapacityType = "on-demand"
	}
	if s.Mode == ModeStaticNodePool && st.PodsPerNode == 0 {
		st.PodsPerNode = int64(math.Floor(podsPerInstance(s) + 1e-9))
	}
	// A static NodePool's node holds PodsPerNode warm pods: that is the
	// pod's share of the instance price.
	if s.Mode == ModeStaticNodePool && s.Price.PodsPerInstance == 0 && st.PodsPerNode > 0 {
		s.Price.PodsPerInstance = float64(st.PodsPerNode)
	}
	return s
}

// Render validates s (after WithDefaults) and renders it. Problems with
// errors mean the result is empty.
func Render(s Spec) (Result, problem.List) {
	s = WithDefaults(s)
	var probs problem.List
	validateSpec(s, &probs)
	if probs.HasErrors() {
		return Result{}, probs
	}
	res := Result{Basis: BasisExplicit}
	if s.Replicas != nil {
		res.Replicas = *s.Replicas
	} else {
		n, _ := sizing.WarmReplicas(*s.Sizing) // validated above
		res.Replicas, res.Basis = n, string(s.Sizing.Basis)
	}
	windows := parseWindows(s, res.Replicas, &probs)
	perPodHour, priced := resolvePrice(s, &probs)
	if probs.HasErrors() {
		return Result{}, probs
	}
	res.MaxReplicas = res.Replicas
	res.WeeklyPodHours = float64(res.Replicas) * 168
	var tl Timeline
	weekStart := ReferenceWeek
	if len(windows) > 0 {
		weekStart = weekStartIn(windows[0].loc)
		tl = buildTimeline(res.Replicas, windows, weekStart)
		res.WeeklyPodHours = tl.PodHours()
		for _, r := range tl.Minutes {
			res.MaxReplicas = max(res.MaxReplicas, r)
		}
		for _, w := range windows {
			res.Windows = append(res.Windows, WindowResult{Name: w.Name, Replicas: w.Replicas, ActiveHoursPerWeek: tl.ActiveHours[w.Name]})
		}
	}

	switch s.Mode {
	case ModePausePods:
		res.Objects = append(res.Objects, priorityClass(s))
		switch {
		case len(windows) > 0 && s.Scaler == ScalerKEDA:
			res.Objects = append(res.Objects, pauseDeployment(s, nil), kedaScaledObject(s, res.Replicas, windows))
		case len(windows) > 0:
			base := res.Replicas
			res.Objects = append(res.Objects, cronRBAC(s)...)
			res.Objects = append(res.Objects, pauseDeployment(s, &base))
			res.Objects = append(res.Objects, cronJobs(s, transitions(tl, weekStart), windows[0].TimeZone)...)
		default:
			base := res.Replicas
			res.Objects = append(res.Objects, pauseDeployment(s, &base))
		}
	case ModeCapacityBuffer:
		res.FeatureGate = FeatureGateCapacityBuffer
		if s.Buffer.ScalableRef == nil {
			res.Objects = append(res.Objects, podTemplate(s))
		}
		res.Objects = append(res.Objects, capacityBuffer(s, res.Replicas))
	case ModeStaticNodePool:
		res.FeatureGate = FeatureGateStaticCapacity
		res.Nodes = ceilDiv(res.Replicas, s.Static.PodsPerNode)
		res.Objects = append(res.Objects, staticNodePool(s, res.Nodes))
	}

	if priced {
		res.Priced = true
		res.PerPodHour = perPodHour
		switch {
		case s.Mode == ModeStaticNodePool && s.Price.InstanceHourly > 0:
			// A static NodePool bills whole nodes, used or not.
			res.MonthlyCost = sizing.MonthlyCost(float64(res.Nodes), s.Price.InstanceHourly)
		case len(windows) > 0:
			res.MonthlyCost = sizing.MonthlyCostFromWeekly(res.WeeklyPodHours, perPodHour)
		default:
			res.MonthlyCost = sizing.MonthlyCost(float64(res.Replicas), perPodHour)
		}
		if s.Mode == ModeStaticNodePool && s.Price.InstanceHourly == 0 {
			probs.Warnf(problem.Path{"price_per_pod_hour"}, "a static NodePool bills whole nodes: set instance_hourly_price for the node cost instead of a per-pod price")
		}
	}
	return res, probs
}

func ceilDiv(a, b int64) int64 {
	if b <= 0 {
		return 0
	}
	return (a + b - 1) / b
}
