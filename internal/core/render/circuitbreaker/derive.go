package circuitbreaker

import (
	"fmt"
	"math"
	"strconv"
)

// Step is one derived setting: the field of trafficPolicy, its value and
// how it was reached.
type Step struct {
	Field, Value, Formula, Why string
}

// derived are the numbers the policy is built from.
type derived struct {
	concurrency, maxRequests, maxConnections, pending, retries int64
	consecutive5xx, maxEjectionPercent                         int64
	intervalSeconds, baseEjectionSeconds                       int64
	warmup                                                     string
	steps                                                      []Step
}

// derive computes the policy from the spec (after defaults and
// validation) and says how each number was reached.
func derive(s Spec) derived {
	var d derived
	k := float64(*s.ClientProxies)
	if s.ConcurrencyPerPod != nil {
		d.concurrency = *s.ConcurrencyPerPod
	} else {
		d.concurrency = max(1, ceil(s.RequestsPerSecondPerPod*s.ServiceSeconds))
	}
	d.maxRequests = max(1, ceil(float64(s.ReadyReplicas*d.concurrency)/k))
	d.maxConnections = d.maxRequests
	d.pending = max(1, ceil(float64(s.ReadyReplicas)*s.RequestsPerSecondPerPod**s.MaxQueueWaitSeconds/k))
	d.retries = max(1, ceil(float64(d.maxRequests)**s.RetryShare))
	d.consecutive5xx = *s.Consecutive5xxErrors
	d.maxEjectionPercent = int64(math.Floor((1 - *s.TargetUtilization) * 100))
	d.intervalSeconds = min(10, max(1, ceil(s.SecondsUntilReady/3)))
	d.baseEjectionSeconds = max(1, ceil(s.SecondsUntilReady))

	conc := fmt.Sprintf("concurrency per pod %d (given)", d.concurrency)
	if s.ConcurrencyPerPod == nil {
		conc = fmt.Sprintf("concurrency per pod %d = ceil(%s req/s x %ss service time, Little's law)", d.concurrency, num(s.RequestsPerSecondPerPod), num(s.ServiceSeconds))
	}
	d.steps = []Step{
		{"connectionPool.http.http2MaxRequests", itoa(d.maxRequests),
			fmt.Sprintf("ceil(%d ready pods x %s / %d client proxies)", s.ReadyReplicas, conc, *s.ClientProxies),
			"what the ready pods can hold in flight; Envoy's limits hold per client proxy, so the fleet's capacity is shared among the proxies. Beyond it Envoy answers 503 at once instead of piling latency onto saturated pods while new ones start"},
		{"connectionPool.tcp.maxConnections", itoa(d.maxConnections), "= http2MaxRequests",
			"an HTTP/1.1 request holds its connection, so as many connections as active requests (HTTP/2 needs fewer)"},
		{"connectionPool.http.http1MaxPendingRequests", itoa(d.pending),
			fmt.Sprintf("ceil(%d ready pods x %s req/s x %ss max queue wait / %d client proxies)", s.ReadyReplicas, num(s.RequestsPerSecondPerPod), num(*s.MaxQueueWaitSeconds), *s.ClientProxies),
			"the requests the ready pods drain within the queue wait; a longer queue only turns fast failures into timeouts"},
		{"connectionPool.http.maxRetries", itoa(d.retries), fmt.Sprintf("ceil(%d x %s retry share)", d.maxRequests, num(*s.RetryShare)),
			"retries during overload add load; at most this many retries in flight at once"},
		{"outlierDetection.consecutive5xxErrors", itoa(d.consecutive5xx), "given (Istio's default is 5)",
			"a pod returning this many 5xx in a row is ejected; Envoy's own 503s for the limits above never reach a pod and do not count"},
		{"outlierDetection.interval", fmt.Sprintf("%ds", d.intervalSeconds), fmt.Sprintf("clamp(ceil(%ss until ready / 3), 1s, 10s)", num(s.SecondsUntilReady)),
			"at least three ejection sweeps before new pods are ready, so a failing pod is out within the scale-out window (Istio's default is 10s)"},
		{"outlierDetection.baseEjectionTime", fmt.Sprintf("%ds", d.baseEjectionSeconds), fmt.Sprintf("ceil(%ss until ready)", num(s.SecondsUntilReady)),
			"an ejected pod stays out about as long as a replacement takes to be ready (longer on repeated ejections)"},
		{"outlierDetection.maxEjectionPercent", itoa(d.maxEjectionPercent), fmt.Sprintf("floor((1 - %s target utilization) x 100)", num(*s.TargetUtilization)),
			"ejecting more than the headroom would push the remaining pods past their capacity: the cascade this rule exists to stop"},
	}
	if s.WarmupSeconds != nil {
		d.warmup = durationString(*s.WarmupSeconds)
		d.steps = append(d.steps, Step{"loadBalancer.warmup.duration", d.warmup, "given, with loadBalancer.simple LEAST_REQUEST",
			"new pods get a growing share of traffic over this long instead of a full share while their caches are cold"})
	}
	return d
}

func ceil(f float64) int64 { return int64(math.Ceil(f - 1e-9)) }

func itoa(i int64) string { return strconv.FormatInt(i, 10) }

func num(f float64) string {
	return strconv.FormatFloat(math.Round(f*1e6)/1e6, 'f', -1, 64)
}

// durationString writes seconds the way both protobuf JSON and Go read
// durations ("30s", "1.5s").
func durationString(seconds float64) string {
	return strconv.FormatFloat(math.Round(seconds*1000)/1000, 'f', -1, 64) + "s"
}
