package autoscaling

import (
	"regexp"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// Limits the API server enforces on HPA behavior.
const (
	MaxStabilizationWindowSeconds = 3600
	MaxPeriodSeconds              = 1800
)

var (
	dnsLabel      = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)
	dnsSubdomain  = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)
	qualifiedName = regexp.MustCompile(`^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$`)
	labelValue    = regexp.MustCompile(`^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$`)
	apiVersionRe  = regexp.MustCompile(`^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?v[0-9]+((alpha|beta)[0-9]+)?$`)
)

// HPAResult is the rendered HPA.
type HPAResult struct {
	Object k8sobj.Object
}

func withHPADefaults(s HPASpec) HPASpec {
	if s.Namespace == "" {
		s.Namespace = DefaultNamespace
	}
	s.Target = targetDefaults(s.Target)
	if s.Name == "" {
		s.Name = s.Target.Name
	}
	if s.MinReplicas == nil {
		v := DefaultMinReplicas
		s.MinReplicas = &v
	}
	if s.ScaleUpPods == 0 {
		s.ScaleUpPods = DefaultScaleUpPods
	}
	if len(s.Metrics) == 0 {
		u := DefaultMetricUtilizationPct
		s.Metrics = []Metric{{Type: "resource", Name: "cpu", TargetType: "Utilization", Utilization: &u}}
	}
	return s
}

func targetDefaults(t Target) Target {
	if t.APIVersion == "" {
		t.APIVersion = DefaultTargetAPIVersion
	}
	if t.Kind == "" {
		t.Kind = DefaultTargetKind
	}
	return t
}

// RenderHPA validates and renders an autoscaling/v2 HPA.
func RenderHPA(s HPASpec) (HPAResult, problem.List) {
	s = withHPADefaults(s)
	var probs problem.List
	validateMeta(s.Name, s.Namespace, &probs)
	validateTarget(s.Target, problem.Path{"scale_target_ref"}, &probs)
	if *s.MinReplicas < 1 {
		probs.Addf(problem.Path{"min_replicas"}, "must be at least 1 (an HPA cannot scale to zero without the alpha HPAScaleToZero gate; use KEDA for that), got %d", *s.MinReplicas)
	}
	if s.MaxReplicas < 1 || s.MaxReplicas < *s.MinReplicas {
		probs.Addf(problem.Path{"max_replicas"}, "must be at least 1 and at least min_replicas (%d), got %d", *s.MinReplicas, s.MaxReplicas)
	}
	if s.ScaleUpPods < 1 {
		probs.Addf(problem.Path{"scale_up_pods"}, "must be at least 1, got %d", s.ScaleUpPods)
	}
	metrics := make([]any, 0, len(s.Metrics))
	for i, m := range s.Metrics {
		if ms := metricSpec(m, problem.Path{"metric", i}, &probs); ms != nil {
			metrics = append(metrics, ms)
		}
	}
	behavior := behaviorObject(s.Behavior, s.ScaleUpPods, problem.Path{"behavior"}, &probs)
	if probs.HasErrors() {
		return HPAResult{}, probs
	}
	hpa := k8sobj.New("autoscaling/v2", "HorizontalPodAutoscaler", s.Name, s.Namespace)
	hpa["metadata"].(map[string]any)["labels"] = managedLabels(s.Target.Name)
	hpa["spec"] = map[string]any{
		"scaleTargetRef": targetRef(s.Target),
		"minReplicas":    *s.MinReplicas,
		"maxReplicas":    s.MaxReplicas,
		"metrics":        metrics,
		"behavior":       behavior,
	}
	return HPAResult{Object: hpa}, probs
}

func managedLabels(target string) map[string]any {
	return map[string]any{
		"app.kubernetes.io/name":       target,
		"app.kubernetes.io/managed-by": "terraform-provider-scaling",
	}
}

func targetRef(t Target) map[string]any {
	return map[string]any{"apiVersion": t.APIVersion, "kind": t.Kind, "name": t.Name}
}

func validateMeta(name, namespace string, probs *problem.List) {
	if len(name) > 253 || !dnsSubdomain.MatchString(name) {
		probs.Addf(problem.Path{"name"}, "%q must be a DNS subdomain (lowercase letters, digits, '-' and '.'); it defaults to the target's name", name)
	}
	if len(namespace) > 63 || !dnsLabel.MatchString(namespace) {
		probs.Addf(problem.Path{"namespace"}, "%q must be a DNS label (lowercase letters, digits and '-')", namespace)
	}
}

func validateTarget(t Target, at problem.Path, probs *problem.List) {
	if t.Name == "" || len(t.Name) > 253 || !dnsSubdomain.MatchString(t.Name) {
		probs.Addf(at.Child("name"), "name the workload to scale (a DNS subdomain), got %q", t.Name)
	}
	if !apiVersionRe.MatchString(t.APIVersion) {
		probs.Addf(at.Child("api_version"), "%q is not an API version such as apps/v1", t.APIVersion)
	}
	if t.Kind == "" || strings.ContainsAny(t.Kind, "/% ") {
		probs.Addf(at.Child("kind"), "%q is not a kind such as Deployment", t.Kind)
	}
}

// metricName is what the API accepts as a metric name: a valid path segment.
func validMetricName(n string) bool {
	return n != "" && n != "." && n != ".." && !strings.ContainsAny(n, "/%")
}

func metricSpec(m Metric, at problem.Path, probs *problem.List) map[string]any {
	typ := m.Type
	targetType := m.TargetType
	switch typ {
	case "resource", "container_resource":
		if targetType == "" {
			targetType = "Utilization"
		}
		if targetType == "Value" {
			probs.Addf(at.Child("target_type"), "resource metrics take Utilization or AverageValue, not Value")
			return nil
		}
		if m.Name == "" || !qualifiedName.MatchString(m.Name) {
			probs.Addf(at.Child("name"), "name the resource (cpu, memory...), got %q", m.Name)
		}
		if typ == "container_resource" && !dnsLabel.MatchString(m.Container) {
			probs.Addf(at.Child("container"), "container_resource needs the container's name, got %q", m.Container)
		}
	case "pods":
		if targetType == "" {
			targetType = "AverageValue"
		}
		if targetType != "AverageValue" {
			probs.Addf(at.Child("target_type"), "pods metrics take AverageValue only, got %q", targetType)
			return nil
		}
	case "object", "external":
		if targetType == "" {
			targetType = "Value"
		}
		if targetType != "Value" && targetType != "AverageValue" {
			probs.Addf(at.Child("target_type"), "%s metrics take Value or AverageValue, got %q", typ, targetType)
			return nil
		}
		if typ == "object" {
			if m.DescribedObject == nil {
				probs.Addf(at.Child("described_object"), "an object metric needs the object it describes (api_version, kind, name)")
			} else {
				validateTarget(targetDefaults(*m.DescribedObject), at.Child("described_object"), probs)
			}
		}
	default:
		probs.Addf(at.Child("type"), "must be resource, container_resource, pods, object or external, got %q", typ)
		return nil
	}
	if typ != "resource" && typ != "container_resource" && !validMetricName(m.Name) {
		probs.Addf(at.Child("name"), "name the metric (no '/' or '%%'), got %q", m.Name)
	}
	target := map[string]any{"type": targetType}
	switch targetType {
	case "Utilization":
		if m.Utilization == nil || *m.Utilization < 1 {
			probs.Addf(at.Child("utilization"), "target_type Utilization needs utilization, a percentage of the request above 0 (e.g. 70)")
			return nil
		}
		if m.Value != "" {
			probs.Addf(at.Child("value"), "target_type Utilization takes utilization, not value")
		}
		target["averageUtilization"] = *m.Utilization
	case "AverageValue", "Value":
		v, err := k8sobj.ParseQuantity(m.Value)
		if err != nil || v <= 0 {
			probs.Addf(at.Child("value"), "target_type %s needs value, a positive quantity (e.g. \"100\", \"500m\"), got %q", targetType, m.Value)
			return nil
		}
		if m.Utilization != nil {
			probs.Addf(at.Child("utilization"), "utilization only goes with target_type Utilization")
		}
		key := "averageValue"
		if targetType == "Value" {
			key = "value"
		}
		// Written the way the API server writes it back ("0.5" as "500m"),
		// else kubernetes_manifest sees it change after apply.
		target[key], _ = k8sobj.CanonicalQuantity(m.Value)
	default:
		probs.Addf(at.Child("target_type"), "must be Utilization, AverageValue or Value, got %q", targetType)
		return nil
	}
	var sel map[string]any
	if len(m.Selector) > 0 {
		labels := map[string]any{}
		for k, v := range m.Selector {
			if !qualifiedName.MatchString(k) || len(v) > 63 || !labelValue.MatchString(v) {
				probs.Addf(at.Child("selector").Child(k), "%q=%q is not a valid label", k, v)
			}
			labels[k] = v
		}
		sel = map[string]any{"matchLabels": labels}
		if typ == "resource" || typ == "container_resource" {
			probs.Addf(at.Child("selector"), "resource metrics take no selector")
		}
	}
	id := map[string]any{"name": m.Name}
	if sel != nil {
		id["selector"] = sel
	}
	switch typ {
	case "resource":
		return map[string]any{"type": "Resource", "resource": map[string]any{"name": m.Name, "target": target}}
	case "container_resource":
		return map[string]any{"type": "ContainerResource", "containerResource": map[string]any{"name": m.Name, "container": m.Container, "target": target}}
	case "pods":
		return map[string]any{"type": "Pods", "pods": map[string]any{"metric": id, "target": target}}
	case "object":
		obj := map[string]any{"metric": id, "target": target}
		if m.DescribedObject != nil {
			obj["describedObject"] = targetRef(targetDefaults(*m.DescribedObject))
		}
		return map[string]any{"type": "Object", "object": obj}
	default:
		return map[string]any{"type": "External", "external": map[string]any{"metric": id, "target": target}}
	}
}

// behaviorObject renders behavior, each unset direction taking the
// fast-up/calm-down default.
func behaviorObject(b Behavior, scaleUpPods int64, at problem.Path, probs *problem.List) map[string]any {
	up := DefaultScaleUp(scaleUpPods)
	if b.ScaleUp != nil {
		up = *b.ScaleUp
	}
	down := DefaultScaleDown()
	if b.ScaleDown != nil {
		down = *b.ScaleDown
	}
	return map[string]any{
		"scaleUp":   rulesObject(up, at.Child("scale_up"), probs),
		"scaleDown": rulesObject(down, at.Child("scale_down"), probs),
	}
}

func rulesObject(r Rules, at problem.Path, probs *problem.List) map[string]any {
	out := map[string]any{}
	if w := r.StabilizationWindowSeconds; w != nil {
		if *w < 0 || *w > MaxStabilizationWindowSeconds {
			probs.Addf(at.Child("stabilization_window_seconds"), "must be between 0 and %d, got %d", MaxStabilizationWindowSeconds, *w)
		}
		out["stabilizationWindowSeconds"] = *w
	}
	sp := r.SelectPolicy
	if sp == "" {
		sp = "Max"
	}
	switch sp {
	case "Max", "Min", "Disabled":
	default:
		probs.Addf(at.Child("select_policy"), "must be Max, Min or Disabled, got %q", sp)
	}
	out["selectPolicy"] = sp
	if len(r.Policies) == 0 {
		probs.Addf(at.Child("policies"), "at least one policy (type Pods or Percent, value, period_seconds)")
	}
	pols := make([]any, 0, len(r.Policies))
	for i, p := range r.Policies {
		pat := at.Child("policies").Child(i)
		if p.Type != "Pods" && p.Type != "Percent" {
			probs.Addf(pat.Child("type"), "must be Pods or Percent, got %q", p.Type)
		}
		if p.Value < 1 || p.Value > 1<<31-1 {
			probs.Addf(pat.Child("value"), "must be at least 1, got %d", p.Value)
		}
		if p.PeriodSeconds < 1 || p.PeriodSeconds > MaxPeriodSeconds {
			probs.Addf(pat.Child("period_seconds"), "must be between 1 and %d, got %d", MaxPeriodSeconds, p.PeriodSeconds)
		}
		pols = append(pols, map[string]any{"type": p.Type, "value": p.Value, "periodSeconds": p.PeriodSeconds})
	}
	out["policies"] = pols
	return out
}
