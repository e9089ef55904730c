package warmpool

import (
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

var (
	dnsLabel     = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)
	dnsSubdomain = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)
	// qualifiedName is a label key or an extended resource name.
	qualifiedName = regexp.MustCompile(`^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$`)
	labelValue    = regexp.MustCompile(`^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$`)
	hugePages     = regexp.MustCompile(`^hugepages-[0-9]`)
)

// maxNameLength keeps derived names (CronJobs: name + "-scale-NN" within
// CronJob's 52 characters) valid.
const maxNameLength = 40

// MaxPriority is the highest value a user PriorityClass may have (1e9);
// warm pods must be below 0 so any default-priority pod preempts them.
const MaxPriority = 1_000_000_000

// validateSpec checks everything that does not need the schedule parsed.
func validateSpec(s Spec, probs *problem.List) {
	if len(s.Name) > maxNameLength || !dnsLabel.MatchString(s.Name) {
		probs.Addf(problem.Path{"name"}, "%q must be a DNS label of at most %d characters: lowercase letters, digits and '-'", s.Name, maxNameLength)
	}
	if len(s.Namespace) > 63 || !dnsLabel.MatchString(s.Namespace) {
		probs.Addf(problem.Path{"namespace"}, "%q must be a DNS label (lowercase letters, digits and '-', at most 63 characters)", s.Namespace)
	}
	switch s.Mode {
	case ModePausePods, ModeCapacityBuffer, ModeStaticNodePool:
	default:
		probs.Addf(problem.Path{"mode"}, "must be %q, %q or %q, got %q", ModePausePods, ModeCapacityBuffer, ModeStaticNodePool, s.Mode)
	}
	validateSizing(s, probs)
	validatePod(s.Pod, s.Mode == ModeStaticNodePool || (s.Mode == ModeCapacityBuffer && s.Buffer.ScalableRef != nil), probs)
	validatePlacement(s, probs)
	if s.Mode == ModePausePods {
		if len(s.PriorityClassName) > 253 || !dnsSubdomain.MatchString(s.PriorityClassName) {
			probs.Addf(problem.Path{"priority_class_name"}, "%q must be a DNS subdomain (lowercase letters, digits, '-' and '.')", s.PriorityClassName)
		}
		if strings.HasPrefix(s.PriorityClassName, "system-") {
			probs.Addf(problem.Path{"priority_class_name"}, "names starting with \"system-\" are reserved by Kubernetes; pick another name")
		}
		if v := *s.PriorityValue; v >= 0 {
			probs.Addf(problem.Path{"priority_class_value"}, "must be negative (e.g. -1) so that every default-priority pod preempts the warm pods, got %d", v)
		} else if v < -MaxPriority {
			probs.Addf(problem.Path{"priority_class_value"}, "must be at least %d, got %d", -MaxPriority, v)
		}
	}
	validatePrice(s, probs)
	validateModeSettings(s, probs)
}

func validateSizing(s Spec, probs *problem.List) {
	if s.Replicas != nil {
		if s.Sizing != nil {
			probs.Addf(problem.Path{"replicas"}, "set either replicas or baseline_replicas/peak_replicas/safety_factor, not both")
		}
		if *s.Replicas < 0 {
			probs.Addf(problem.Path{"replicas"}, "must be 0 or more, got %d", *s.Replicas)
		}
		return
	}
	if s.Sizing == nil {
		probs.Addf(nil, "size the pool: set replicas, or peak_replicas (with baseline_replicas) and safety_factor")
		return
	}
	*probs = append(*probs, s.Sizing.Validate()...)
}

// validatePod checks the pod shape: what a pause pod can request.
func validatePod(p PodShape, shapeOptional bool, probs *problem.List) {
	if shapeOptional && p.CPU == "" && p.Memory == "" && len(p.Extended) == 0 {
		// A static NodePool holds nodes, a scalable_ref buffer copies the
		// workload's pods: the shape would only price them.
		return
	}
	var positive int
	for _, r := range []struct{ attr, val string }{{"cpu", p.CPU}, {"memory", p.Memory}} {
		if r.val == "" {
			continue
		}
		v, err := k8sobj.ParseQuantity(r.val)
		switch {
		case err != nil:
			probs.Addf(problem.Path{r.attr}, "%v", err)
		case v < 0:
			probs.Addf(problem.Path{r.attr}, "a pod cannot request a negative quantity, got %q", r.val)
		case v > 0:
			positive++
		}
	}
	if positive == 0 {
		probs.Addf(problem.Path{"cpu"}, "set cpu and/or memory to what one real workload pod requests (e.g. cpu = \"500m\", memory = \"512Mi\"): a warm pod requesting nothing reserves nothing")
	}
	for _, name := range slices.Sorted(maps.Keys(p.Extended)) {
		at := problem.Path{"extended_resources", name}
		if msg := requestableResource(name); msg != "" {
			probs.Addf(at, "%s", msg)
			continue
		}
		v, err := k8sobj.ParseQuantity(p.Extended[name])
		switch {
		case err != nil:
			probs.Addf(at, "%v", err)
		case v <= 0:
			probs.Addf(at, "must be more than 0, got %q (drop the entry instead)", p.Extended[name])
		case strings.Contains(name, "/") && v != math.Trunc(v):
			probs.Addf(at, "extended resources are whole units; %q is fractional", p.Extended[name])
		}
	}
	if p.Image == "" {
		probs.Addf(problem.Path{"image"}, "must not be empty (default %s)", DefaultPauseImage)
	}
}

// requestableResource explains why a container cannot request name, or
// returns "" when it can.
func requestableResource(name string) string {
	switch {
	case name == "cpu" || name == "memory":
		return "set " + name + " with its own attribute, not in extended_resources"
	case name == "ephemeral-storage" || hugePages.MatchString(name):
		return ""
	case name == "pods":
		return "\"pods\" is a node capacity, not something a pod requests; remove it"
	case !strings.Contains(name, "/"):
		return fmt.Sprintf("%q is not a resource a container can request: use cpu, memory, ephemeral-storage, hugepages-<size>, or a vendor-qualified extended resource such as nvidia.com/gpu", name)
	case !qualifiedName.MatchString(name) || len(name) > 253:
		return fmt.Sprintf("%q is not a valid resource name (expected domain/name, e.g. nvidia.com/gpu)", name)
	}
	domain := strings.SplitN(name, "/", 2)[0]
	if domain == "kubernetes.io" || strings.HasSuffix(domain, ".kubernetes.io") || domain == "requests.kubernetes.io" {
		return fmt.Sprintf("%q: the kubernetes.io domain is reserved; extended resources use a vendor domain such as nvidia.com/gpu", name)
	}
	return ""
}

func validatePlacement(s Spec, probs *problem.List) {
	if s.Mode == ModeStaticNodePool {
		return
	}
	if s.Mode == ModePausePods && s.NodePool == "" && len(s.NodeSelector) == 0 {
		probs.Addf(problem.Path{"node_pool"}, "pin the warm pods to the workload's nodes: set node_pool (the Karpenter NodePool name) or node_selector")
	}
	if s.NodePool != "" && (len(s.NodePool) > 63 || !labelValue.MatchString(s.NodePool)) {
		probs.Addf(problem.Path{"node_pool"}, "%q is not a valid NodePool name", s.NodePool)
	}
	for _, k := range slices.Sorted(maps.Keys(s.NodeSelector)) {
		if !qualifiedName.MatchString(k) || len(k) > 316 {
			probs.Addf(problem.Path{"node_selector", k}, "%q is not a valid label key", k)
		}
		if v := s.NodeSelector[k]; len(v) > 63 || !labelValue.MatchString(v) {
			probs.Addf(problem.Path{"node_selector", k}, "%q is not a valid label value", v)
		}
	}
	for i, t := range s.Tolerations {
		at := problem.Path{"tolerations", i}
		switch t.Operator {
		case "", "Equal":
			if t.Key == "" {
				probs.Addf(at.Child("key"), "operator Equal needs a key")
			}
		case "Exists":
			if t.Value != "" {
				probs.Addf(at.Child("value"), "operator Exists takes no value")
			}
		default:
			probs.Addf(at.Child("operator"), "must be Equal or Exists, got %q", t.Operator)
		}
		switch t.Effect {
		case "", "NoSchedule", "PreferNoSchedule", "NoExecute":
		default:
			probs.Addf(at.Child("effect"), "must be NoSchedule, PreferNoSchedule or NoExecute, got %q", t.Effect)
		}
	}
}

func validatePrice(s Spec, probs *problem.List) {
	p := s.Price
	for _, f := range []struct {
		attr string
		v    float64
	}{{"price_per_pod_hour", p.PerPodHour}, {"instance_hourly_price", p.InstanceHourly}, {"pods_per_instance", p.PodsPerInstance}} {
		if f.v < 0 || math.IsNaN(f.v) || math.IsInf(f.v, 0) {
			probs.Addf(problem.Path{f.attr}, "must be a positive number, got %v", f.v)
		}
	}
	for _, f := range []struct{ attr, v string }{{"instance_cpu", p.InstanceCPU}, {"instance_memory", p.InstanceMemory}} {
		if f.v == "" {
			continue
		}
		if q, err := k8sobj.ParseQuantity(f.v); err != nil || q <= 0 {
			probs.Addf(problem.Path{f.attr}, "must be a positive quantity such as \"4\" or \"16Gi\", got %q", f.v)
		}
	}
	if p.PerPodHour > 0 && p.InstanceHourly > 0 {
		probs.Addf(problem.Path{"price_per_pod_hour"}, "set price_per_pod_hour or instance_hourly_price, not both")
	}
	if p.InstanceHourly > 0 && p.PodsPerInstance == 0 && p.InstanceCPU == "" && p.InstanceMemory == "" {
		probs.Addf(problem.Path{"instance_hourly_price"}, "also say the pod's share of the instance: pods_per_instance, or instance_cpu/instance_memory")
	}
}

func validateModeSettings(s Spec, probs *problem.List) {
	b := s.Buffer
	if s.Mode != ModeCapacityBuffer && (b.ScalableRef != nil || b.Percentage != nil || len(b.Limits) > 0) {
		probs.Addf(problem.Path{"capacity_buffer"}, "only applies to mode = %q", ModeCapacityBuffer)
	}
	if s.Mode == ModeCapacityBuffer {
		if r := b.ScalableRef; r != nil {
			at := problem.Path{"capacity_buffer", "scalable_ref"}
			switch r.Kind {
			case "Deployment", "StatefulSet", "ReplicaSet":
			default:
				probs.Addf(at.Child("kind"), "Karpenter resolves Deployment, StatefulSet or ReplicaSet, got %q", r.Kind)
			}
			if !dnsSubdomain.MatchString(r.Name) {
				probs.Addf(at.Child("name"), "%q is not a valid object name", r.Name)
			}
		}
		if b.Percentage != nil {
			if b.ScalableRef == nil {
				probs.Addf(problem.Path{"capacity_buffer", "percentage"}, "percentage is a share of a scalable's replicas: also set capacity_buffer.scalable_ref")
			}
			if *b.Percentage < 0 || *b.Percentage > math.MaxInt32 {
				probs.Addf(problem.Path{"capacity_buffer", "percentage"}, "must be 0 or more, got %d", *b.Percentage)
			}
		}
		for _, k := range slices.Sorted(maps.Keys(b.Limits)) {
			if _, err := k8sobj.ParseQuantity(b.Limits[k]); err != nil {
				probs.Addf(problem.Path{"capacity_buffer", "limits", k}, "%v", err)
			}
		}
	}
	st := s.Static
	if s.Mode == ModeStaticNodePool {
		at := problem.Path{"static_node_pool"}
		if st.PodsPerNode < 1 {
			probs.Addf(at.Child("pods_per_node"), "how many warm pods one node holds (at least 1), to turn warm pods into nodes; got %d", st.PodsPerNode)
		}
		if !dnsSubdomain.MatchString(st.NodeClassName) {
			probs.Addf(at.Child("node_class_name"), "name the EC2NodeClass the nodes use, got %q", st.NodeClassName)
		}
		switch st.CapacityType {
		case "on-demand", "spot", "reserved":
		default:
			probs.Addf(at.Child("capacity_type"), "must be on-demand, spot or reserved, got %q", st.CapacityType)
		}
		for i, it := range st.InstanceTypes {
			if it == "" || !labelValue.MatchString(it) || len(it) > 63 {
				probs.Addf(at.Child("instance_types").Child(i), "%q is not an instance type", it)
			}
		}
	}
}
