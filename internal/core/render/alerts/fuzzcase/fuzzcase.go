// Package fuzzcase turns fuzzer arguments into alert renderer inputs. It
// is shared by the renderer's own fuzz test (never panics; accepted input
// renders deterministically) and test/conformance's (accepted input passes
// the PrometheusRule CRD and Prometheus' rule loader, and the metric names
// the renderer reads out of an expression are the ones Prometheus' parser
// finds), so both explore the same input space.
package fuzzcase

import "github.com/scalingkit/terraform-provider-scaling/internal/core/render/alerts"

// Strings is the number of string arguments Spec takes.
const Strings = 6

// Spec builds a spec; bits of flags switch optional parts on. s[5] is the
// extra rule's expression.
func Spec(s [Strings]string, f1, f2 float64, n int64, flags uint16) alerts.Spec {
	on := func(bit uint) bool { return flags&(1<<bit) != 0 }
	spec := alerts.Spec{TargetP95Seconds: f1, Name: s[0]}
	if on(0) {
		spec.DetectionSeconds = f2
	}
	if on(1) {
		spec.Workload = &alerts.Workload{Namespace: s[1], Name: s[2]}
		if on(2) {
			spec.Workload.ScaledObject = s[2]
		}
	}
	if on(3) {
		spec.WarmPool = &alerts.WarmPool{Namespace: s[1], Deployment: s[3], Size: n}
		if on(4) {
			spec.WarmPool.LowShare = &f2
		}
	}
	if on(5) {
		p := n
		spec.PendingSeconds = &p
	}
	if on(6) {
		spec.Window = s[4]
	}
	if on(7) {
		spec.PricePerPodHour = &f2
	}
	if on(8) {
		spec.NodePools = []string{s[3], s[4]}
	}
	if on(9) {
		spec.SpotInterruptionRatio = &f2
	}
	if on(10) {
		e := n
		spec.ProvisioningErrors = &e
	}
	if on(11) {
		spec.CloudWatch, spec.ClusterName = true, s[4]
	}
	if on(12) {
		spec.ExtraRules = []alerts.ExtraRule{{Alert: s[0], Expr: s[5], For: s[4], Severity: s[3], Summary: s[2]}}
	}
	if on(13) {
		spec.Labels = map[string]string{s[3]: s[4]}
	}
	if on(14) {
		spec.Namespace = s[1]
	}
	if on(15) {
		t := f1 / 10
		spec.CostTolerance = &t
	}
	return spec
}

// Seed is one seed corpus entry.
type Seed struct {
	S      [Strings]string
	F1, F2 float64
	N      int64
	Flags  uint16
}

// Seeds start the fuzzer near valid and near-invalid inputs, with
// expressions that exercise the PromQL reader.
var Seeds = []Seed{
	{S: [Strings]string{"kpis", "shop", "checkout", "warm", "15m", `sum by (le) (rate(karpenter_pods_bound_duration_seconds_bucket[5m])) > 1`}, F1: 90, F2: 0.05, N: 15, Flags: 0xffff},
	{S: [Strings]string{"X", "Shop", "a.b", "w", "1h30m", `rate(karpenter_nodes_created[5m]) > 1`}, F1: 0, F2: 2, N: 0, Flags: 0x1fff},
	{S: [Strings]string{"A_b", "ns", "web", "warm-pool", "1h", `sum(x{a="}"}) and on(job) group_left(team) y offset 5m`}, F1: 120, F2: 119, N: 3, Flags: 0x1003},
	{S: [Strings]string{"Q", "ns", "web", "critical", "5m", `topk(3, sum without (instance) (rate(keda_scaler_metrics_latency_seconds[1m:10s]))) > bool 0.5 # x`}, F1: 3600, F2: 0.99, N: 3600, Flags: 0x1eff},
	{S: [Strings]string{"B", "ns", "web", "warning", "0", `histogram_quantile(0.9, sum(rate(kube_pod_status_phase[5m])) by (le`}, F1: 60, F2: 1e9, N: -1, Flags: 0x1a0a},
}
