package circuitbreaker

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sname"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// Result is what the renderer produced.
type Result struct {
	Object k8sobj.Object
	// Derivation explains each derived setting (overridden ones say so).
	Derivation []Step
}

// host: a service name, optionally namespaced or fully qualified, or a
// wildcard.
var host = regexp.MustCompile(`^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)

// Physical bounds of the inputs.
const (
	maxRPS        = 1e6
	maxSeconds    = 3600.0
	maxReplicas   = 100000
	maxServiceSec = 600.0
)

func withDefaults(s Spec) Spec {
	if s.Namespace == "" {
		s.Namespace = DefaultNamespace
	}
	if s.Name == "" {
		s.Name = strings.TrimPrefix(strings.SplitN(s.Host, ".", 2)[0], "*")
		if s.Name == "" {
			s.Name = "wildcard"
		}
	}
	setDefault(&s.ClientProxies, DefaultClientProxies)
	setDefault(&s.TargetUtilization, DefaultTargetUtilization)
	setDefault(&s.MaxQueueWaitSeconds, DefaultMaxQueueWaitSeconds)
	setDefault(&s.RetryShare, DefaultRetryShare)
	setDefault(&s.Consecutive5xxErrors, DefaultConsecutive5xx)
	return s
}

func setDefault[T any](p **T, v T) {
	if *p == nil {
		*p = &v
	}
}

// Validate reports every problem with the spec, each naming the attribute
// and the fix. Render validates too.
func (s Spec) Validate() problem.List {
	_, probs := s.Render()
	return probs
}

func validate(s Spec, probs *problem.List) {
	check(probs, problem.Path{"name"}, k8sname.SubdomainError(s.Name))
	check(probs, problem.Path{"namespace"}, k8sname.LabelNameError(s.Namespace))
	if len(s.Host) > 253 || !host.MatchString(s.Host) {
		probs.Addf(problem.Path{"host"}, "%q: name the service (checkout, checkout.shop, checkout.shop.svc.cluster.local or *.example.com)", s.Host)
	}
	positive(probs, "requests_per_second_per_pod", s.RequestsPerSecondPerPod, maxRPS, "what one pod serves at its target load")
	if s.ConcurrencyPerPod != nil {
		if c := *s.ConcurrencyPerPod; c < 1 || c > 1e6 {
			probs.Addf(problem.Path{"concurrency_per_pod"}, "must be 1 to 1000000 requests in flight per pod, got %d", c)
		}
	} else {
		positive(probs, "service_seconds", s.ServiceSeconds, maxServiceSec, "the time one request takes; or set concurrency_per_pod")
	}
	if r := s.ReadyReplicas; r < 1 || r > maxReplicas {
		probs.Addf(problem.Path{"ready_replicas"}, "must be 1 to %d pods (those serving while new ones start, e.g. the baseline replicas), got %d", maxReplicas, r)
	}
	if k := *s.ClientProxies; k < 1 || k > maxReplicas {
		probs.Addf(problem.Path{"client_proxies"}, "must be 1 to %d Envoy proxies calling the service, got %d", maxReplicas, k)
	}
	positive(probs, "seconds_until_ready", s.SecondsUntilReady, maxSeconds, "how long a new pod takes to be ready, e.g. scaling_latency_estimate's p95")
	positive(probs, "target_utilization", *s.TargetUtilization, 1, "the autoscaler's target, e.g. 0.7")
	positive(probs, "max_queue_wait_seconds", *s.MaxQueueWaitSeconds, 60, "how long a request may wait for a connection")
	if r := *s.RetryShare; r < 0 || r > 1 {
		probs.Addf(problem.Path{"retry_share"}, "is a share of the active requests: 0 to 1, got %v", r)
	}
	if c := *s.Consecutive5xxErrors; c < 0 || c > 1<<32-1 {
		probs.Addf(problem.Path{"consecutive_5xx_errors"}, "must be 0 (off) to 4294967295, got %d", c)
	}
	if w := s.WarmupSeconds; w != nil {
		positive(probs, "warmup_seconds", *w, maxSeconds, "how long new pods take to reach a full share of traffic")
	}
	if *s.TargetUtilization >= 0.99 && *s.TargetUtilization <= 1 {
		probs.Warnf(problem.Path{"target_utilization"}, "at %v there is no headroom, so maxEjectionPercent is 0 and no pod is ever ejected", *s.TargetUtilization)
	}
}

// positive checks a quantity that must be more than 0 and at most hi.
func positive(probs *problem.List, attr string, v, hi float64, what string) {
	if !(v > 0 && v <= hi) {
		probs.Addf(problem.Path{attr}, "must be more than 0 and at most %v (%s), got %v", hi, what, v)
	}
}

func check(probs *problem.List, at problem.Path, msg string) {
	if msg != "" {
		probs.Addf(at, "%s", msg)
	}
}

// Render validates the spec, derives the policy, merges the overrides and
// checks the result; on errors it returns nothing but the problems.
func (s Spec) Render() (Result, problem.List) {
	s = withDefaults(s)
	var probs problem.List
	validate(s, &probs)
	if probs.HasErrors() {
		return Result{}, probs
	}
	d := derive(s)
	if d.maxRequests > math.MaxInt32 || d.pending > math.MaxInt32 {
		probs.Addf(problem.Path{"ready_replicas"}, "the derived limits (%d active, %d pending requests per client proxy) exceed Envoy's 32-bit limits: check ready_replicas, the per-pod capacity and client_proxies", d.maxRequests, d.pending)
		return Result{}, probs
	}
	policy := policyFor(d)
	steps := d.steps
	if strings.TrimSpace(s.Overrides) != "" {
		over, err := parseOverrides(s.Overrides)
		if err != nil {
			probs.Addf(problem.Path{"traffic_policy"}, "%v", err)
			return Result{}, probs
		}
		var issues []issue
		checkDeprecated(over, "", &issues)
		checkSchema(trafficPolicySchema(), over, "", &issues)
		for _, is := range issues {
			probs.Addf(problem.Path{"traffic_policy"}, "%s: %s", is.path, is.msg)
		}
		if probs.HasErrors() {
			return Result{}, probs
		}
		var replaced []string
		merge(policy, over, "", &replaced)
		steps = markReplaced(steps, replaced, over)
	}
	var issues []issue
	merged := normalizeNumbers(policy)
	checkIstiod(merged, &issues)
	checkSchema(trafficPolicySchema(), merged, "", &issues)
	for _, is := range issues {
		probs.Addf(problem.Path{"traffic_policy"}, "%s: %s (in the merged policy)", is.path, is.msg)
	}
	if probs.HasErrors() {
		return Result{}, probs
	}
	dr := k8sobj.New(APIVersion, "DestinationRule", s.Name, s.Namespace)
	dr["metadata"].(map[string]any)["labels"] = map[string]any{"app.kubernetes.io/managed-by": managedBy}
	dr["spec"] = map[string]any{"host": s.Host, "trafficPolicy": policy}
	return Result{Object: dr, Derivation: steps}, probs
}

func policyFor(d derived) map[string]any {
	policy := map[string]any{
		"connectionPool": map[string]any{
			"tcp": map[string]any{"maxConnections": d.maxConnections},
			"http": map[string]any{
				"http2MaxRequests":        d.maxRequests,
				"http1MaxPendingRequests": d.pending,
				"maxRetries":              d.retries,
			},
		},
		"outlierDetection": map[string]any{
			"consecutive5xxErrors": d.consecutive5xx,
			"interval":             fmt.Sprintf("%ds", d.intervalSeconds),
			"baseEjectionTime":     fmt.Sprintf("%ds", d.baseEjectionSeconds),
			"maxEjectionPercent":   d.maxEjectionPercent,
		},
	}
	if d.warmup != "" {
		policy["loadBalancer"] = map[string]any{"simple": "LEAST_REQUEST", "warmup": map[string]any{"duration": d.warmup}}
	}
	return policy
}

func markReplaced(steps []Step, replaced []string, over map[string]any) []Step {
	out := make([]Step, len(steps))
	copy(out, steps)
	for i, st := range out {
		for _, r := range replaced {
			if st.Field == r || strings.HasPrefix(st.Field, r+".") {
				out[i].Formula = fmt.Sprintf("overridden by traffic_policy (derived: %s = %s)", st.Formula, st.Value)
				out[i].Value = lookup(over, st.Field)
			}
		}
	}
	return out
}

func lookup(obj map[string]any, dotted string) string {
	var cur any = obj
	for _, k := range strings.Split(dotted, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return ""
		}
		cur = m[k]
	}
	if cur == nil {
		return "(removed)"
	}
	return fmt.Sprint(cur)
}

// normalizeNumbers turns the derived int64 values into the float64 the
// schema check reads (as JSON decoding gives).
func normalizeNumbers(v map[string]any) map[string]any {
	raw, _ := json.Marshal(v)
	var out map[string]any
	_ = json.Unmarshal(raw, &out)
	return out
}
