package alerts

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sname"
)

var (
	// The PrometheusRule CRD's duration pattern (for, interval).
	promDuration = regexp.MustCompile(`^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$`)
	// Windows here are one whole unit (15m, 1h).
	window = regexp.MustCompile(`^[1-9][0-9]*[smh]$`)
	// Alert names as Prometheus' rule loader accepts them everywhere.
	alertName = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z0-9_]*$`)
	// EKS cluster names.
	clusterName = regexp.MustCompile(`^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$`)
)

// Physical bounds of the inputs.
const (
	maxTargetSeconds  = 3600
	maxPendingSeconds = 3600
	maxWarmPoolSize   = 100000
	maxPricePerPodHr  = 100.0
	maxErrors         = 10000
)

func withDefaults(s Spec) Spec {
	if s.Name == "" {
		s.Name = DefaultName
	}
	if s.Namespace == "" {
		s.Namespace = DefaultNamespace
	}
	if s.Window == "" {
		s.Window = DefaultWindow
	}
	if s.PendingSeconds == nil {
		v := DefaultPendingSeconds
		s.PendingSeconds = &v
	}
	if s.SpotInterruptionRatio == nil {
		v := DefaultSpotInterruptRatio
		s.SpotInterruptionRatio = &v
	}
	if s.ProvisioningErrors == nil {
		v := DefaultProvisioningErrors
		s.ProvisioningErrors = &v
	}
	if s.CostTolerance == nil {
		v := DefaultCostTolerance
		s.CostTolerance = &v
	}
	return s
}

// Validate reports every problem with the spec, each naming the attribute
// and the fix. Render validates too.
func (s Spec) Validate() problem.List {
	var probs problem.List
	validate(withDefaults(s), &probs)
	return probs
}

func validate(s Spec, probs *problem.List) {
	check(probs, problem.Path{"name"}, k8sname.SubdomainError(s.Name))
	check(probs, problem.Path{"namespace"}, k8sname.LabelNameError(s.Namespace))
	for _, k := range sortedKeys(s.Labels) {
		if msg := k8sname.QualifiedNameError(k); msg != "" {
			probs.Addf(problem.Path{"labels"}, "key %q: %s", k, msg)
		}
		check(probs, problem.Path{"labels", k}, k8sname.LabelValueError(s.Labels[k]))
	}
	if !(s.TargetP95Seconds > 0 && s.TargetP95Seconds <= maxTargetSeconds) {
		probs.Addf(problem.Path{"target_p95_seconds"}, "must be more than 0 and at most %d (the stack's scale-out target, e.g. 90), got %v", maxTargetSeconds, s.TargetP95Seconds)
	}
	if !(s.DetectionSeconds >= 0 && s.DetectionSeconds < s.TargetP95Seconds) {
		probs.Addf(problem.Path{"detection_seconds"}, "must be at least 0 and below target_p95_seconds (%v): it is the part of the target spent before the pod exists, got %v", s.TargetP95Seconds, s.DetectionSeconds)
	}
	if p := *s.PendingSeconds; p < 1 || p > maxPendingSeconds {
		probs.Addf(problem.Path{"pending_seconds"}, "must be 1 to %d, got %d", maxPendingSeconds, p)
	}
	if !window.MatchString(s.Window) || windowSeconds(s.Window) < 60 || windowSeconds(s.Window) > 86400 {
		probs.Addf(problem.Path{"window"}, "%q: use one whole unit of s, m or h between 1m and 24h (e.g. 15m)", s.Window)
	}
	validateWorkload(s, probs)
	if r := *s.SpotInterruptionRatio; !(r > 0 && r <= 1) {
		probs.Addf(problem.Path{"spot_interruption_ratio"}, "is a share of the spot nodes: more than 0 and at most 1, got %v", r)
	}
	if e := *s.ProvisioningErrors; e < 1 || e > maxErrors {
		probs.Addf(problem.Path{"provisioning_errors"}, "must be 1 to %d, got %d", maxErrors, e)
	}
	if p := s.PricePerPodHour; p != nil && !(*p > 0 && *p <= maxPricePerPodHr) {
		probs.Addf(problem.Path{"price_per_pod_hour"}, "must be more than 0 and at most %v dollars, got %v", maxPricePerPodHr, *p)
	}
	if t := *s.CostTolerance; !(t >= 1 && t <= 100) {
		probs.Addf(problem.Path{"cost_tolerance"}, "must be 1 to 100 (1.5 alerts at 150%% of the price per pod-hour), got %v", t)
	}
	for i, np := range s.NodePools {
		check(probs, problem.Path{"node_pools", i}, k8sname.LabelValueError(np))
	}
	if s.CloudWatch && !clusterName.MatchString(s.ClusterName) {
		probs.Addf(problem.Path{"cluster_name"}, "CloudWatch alarms need the EKS cluster name (the ClusterName dimension): 1-100 letters, digits, '-' or '_', got %q", s.ClusterName)
	}
	validateExtraRules(s.ExtraRules, probs)
}

func validateWorkload(s Spec, probs *problem.List) {
	if w := s.Workload; w != nil {
		check(probs, problem.Path{"workload", "namespace"}, k8sname.LabelNameError(w.Namespace))
		check(probs, problem.Path{"workload", "name"}, k8sname.SubdomainError(w.Name))
		if w.ScaledObject != "" {
			check(probs, problem.Path{"workload", "scaled_object"}, k8sname.SubdomainError(w.ScaledObject))
		}
	}
	if wp := s.WarmPool; wp != nil {
		check(probs, problem.Path{"warm_pool", "namespace"}, k8sname.LabelNameError(wp.Namespace))
		check(probs, problem.Path{"warm_pool", "deployment"}, k8sname.SubdomainError(wp.Deployment))
		if wp.Size < 1 || wp.Size > maxWarmPoolSize {
			probs.Addf(problem.Path{"warm_pool", "size"}, "must be 1 to %d pause pods (scaling_warm_pool's replicas), got %d", maxWarmPoolSize, wp.Size)
		}
		if ls := wp.LowShare; ls != nil && !(*ls > 0 && *ls <= 1) {
			probs.Addf(problem.Path{"warm_pool", "low_share"}, "is a share of the pool: more than 0 and at most 1, got %v", *ls)
		}
	}
}

func validateExtraRules(rules []ExtraRule, probs *problem.List) {
	for i, r := range rules {
		at := problem.Path{"extra_rule", i}
		if !alertName.MatchString(r.Alert) {
			probs.Addf(at.Child("alert"), "%q: an alert name is letters, digits and '_', not starting with a digit (e.g. CheckoutErrorRateHigh)", r.Alert)
		}
		if r.For != "" && !promDuration.MatchString(r.For) {
			probs.Addf(at.Child("for"), "%q is not a Prometheus duration (e.g. 5m, 1h30m)", r.For)
		}
		if r.Severity != "" {
			check(probs, at.Child("severity"), k8sname.LabelValueError(r.Severity))
		}
		if strings.TrimSpace(r.Expr) == "" {
			probs.Addf(at.Child("expr"), "a PromQL expression is required")
			continue
		}
		names, unbalanced := MetricNames(r.Expr)
		if unbalanced {
			probs.Addf(at.Child("expr"), "brackets or quotes do not close: %q", r.Expr)
		}
		for _, n := range names {
			if msg := unknownMetric(n); msg != "" {
				probs.Addf(at.Child("expr"), "%s", msg)
			}
		}
	}
}

// unknownMetric says why a metric name of a known component does not
// exist, or "" when it exists or belongs to no known component.
func unknownMetric(name string) string {
	if _, ok := Lookup(name); ok {
		return ""
	}
	c, known := ownerOf(name)
	if !known {
		return ""
	}
	msg := fmt.Sprintf("%s does not export %s (checked against %s)", c.Name+" "+c.Version, name, c.Source)
	if s := Suggest(name, c.ID); len(s) > 0 {
		msg += "; did you mean " + strings.Join(s, " or ") + "?"
	}
	return msg + " Metric list: " + c.Doc
}

func check(probs *problem.List, at problem.Path, msg string) {
	if msg != "" {
		probs.Addf(at, "%s", msg)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
