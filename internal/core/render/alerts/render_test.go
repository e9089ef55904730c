package alerts

import (
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

func base() Spec { return Spec{TargetP95Seconds: 90} }

func TestBadInputIsRejectedWithTheFix(t *testing.T) {
	cases := []struct {
		name       string
		edit       func(*Spec)
		path, want string
	}{
		{"no target", func(s *Spec) { s.TargetP95Seconds = 0 }, "target_p95_seconds", "more than 0 and at most 3600"},
		{"target above an hour", func(s *Spec) { s.TargetP95Seconds = 7200 }, "target_p95_seconds", "at most 3600"},
		{"detection not below target", func(s *Spec) { s.DetectionSeconds = 90 }, "detection_seconds", "below target_p95_seconds"},
		{"pending zero", func(s *Spec) { s.PendingSeconds = ptr(int64(0)) }, "pending_seconds", "1 to 3600"},
		{"window with two units", func(s *Spec) { s.Window = "1h30m" }, "window", "one whole unit"},
		{"window too short", func(s *Spec) { s.Window = "30s" }, "window", "between 1m and 24h"},
		{"spot ratio above 1", func(s *Spec) { s.SpotInterruptionRatio = ptr(5.0) }, "spot_interruption_ratio", "at most 1"},
		{"price zero", func(s *Spec) { s.PricePerPodHour = ptr(0.0) }, "price_per_pod_hour", "more than 0"},
		{"tolerance below 1", func(s *Spec) { s.CostTolerance = ptr(0.5) }, "cost_tolerance", "1 to 100"},
		{"warm pool size zero", func(s *Spec) { s.WarmPool = &WarmPool{Namespace: "a", Deployment: "b"} }, "warm_pool.size", "1 to 100000"},
		{"workload namespace", func(s *Spec) { s.Workload = &Workload{Namespace: "Shop", Name: "x"} }, "workload.namespace", "at most 63 lowercase letters"},
		{"cloudwatch without cluster", func(s *Spec) { s.CloudWatch = true }, "cluster_name", "EKS cluster name"},
		{"extra rule on a metric Karpenter does not export", func(s *Spec) {
			s.ExtraRules = []ExtraRule{{Alert: "X", Expr: "rate(karpenter_nodes_created[5m]) > 1"}}
		}, "extra_rule[0].expr", "Karpenter v1.14.1 does not export karpenter_nodes_created"},
		{"the suggestion names the real metric", func(s *Spec) {
			s.ExtraRules = []ExtraRule{{Alert: "X", Expr: "rate(karpenter_nodes_created[5m]) > 1"}}
		}, "extra_rule[0].expr", "did you mean karpenter_nodes_created_total"},
		{"kube-state-metrics name from an old guide", func(s *Spec) {
			s.ExtraRules = []ExtraRule{{Alert: "X", Expr: `kube_pod_status_pending{namespace="a"} > 0`}}
		}, "extra_rule[0].expr", "kube-state-metrics v2.18.0 does not export kube_pod_status_pending"},
		{"keda metric renamed in 2.x", func(s *Spec) {
			s.ExtraRules = []ExtraRule{{Alert: "X", Expr: `increase(keda_metrics_adapter_scaler_errors_total[5m]) > 0`}}
		}, "extra_rule[0].expr", "KEDA v2.21.0 does not export"},
		{"bucket of a summary", func(s *Spec) {
			s.ExtraRules = []ExtraRule{{Alert: "X", Expr: `histogram_quantile(0.95, rate(karpenter_pods_startup_duration_seconds_bucket[5m])) > 60`}}
		}, "extra_rule[0].expr", "does not export karpenter_pods_startup_duration_seconds_bucket"},
		{"unbalanced", func(s *Spec) { s.ExtraRules = []ExtraRule{{Alert: "X", Expr: "sum(up"}} }, "extra_rule[0].expr", "do not close"},
		{"bad alert name", func(s *Spec) { s.ExtraRules = []ExtraRule{{Alert: "pods-pending", Expr: "up == 0"}} }, "extra_rule[0].alert", "letters, digits and '_'"},
		{"bad for", func(s *Spec) { s.ExtraRules = []ExtraRule{{Alert: "X", Expr: "up == 0", For: "5 minutes"}} }, "extra_rule[0].for", "not a Prometheus duration"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := base()
			tc.edit(&s)
			res, probs := s.Render()
			if !probs.HasErrors() || res.Object != nil {
				t.Fatalf("want an error, got %v", probs)
			}
			if !hasProblem(probs, tc.path, tc.want) {
				t.Fatalf("want an error at %s containing %q, got %v", tc.path, tc.want, probs)
			}
		})
	}
}

func hasProblem(probs problem.List, path, want string) bool {
	for _, p := range probs {
		if !p.Warning && p.Path.String() == path && strings.Contains(p.Message, want) {
			return true
		}
	}
	return false
}

// Real metrics pass, including a histogram's series and user metrics
// outside the known components.
func TestExtraRulesOnRealMetricsPass(t *testing.T) {
	s := base()
	s.ExtraRules = []ExtraRule{
		{Alert: "A", Expr: `histogram_quantile(0.99, sum by (le) (rate(karpenter_pods_bound_duration_seconds_bucket[5m]))) > 30`},
		{Alert: "B", Expr: `karpenter_pods_startup_duration_seconds{quantile="0.99"} > 120`},
		{Alert: "C", Expr: `rate(karpenter_pods_startup_duration_seconds_count[5m]) > 10`},
		{Alert: "D", Expr: `sum(rate(http_requests_total{job="checkout"}[1m])) > 1000`},
		{Alert: "E", Expr: `kube_customresource_my_thing > 0`},
	}
	res, probs := s.Render()
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	got := map[string]string{}
	for _, r := range res.Rules {
		for _, m := range r.Metrics {
			got[m.Name] = m.Component
		}
	}
	want := map[string]string{
		"karpenter_pods_bound_duration_seconds_bucket": "Karpenter", "karpenter_pods_startup_duration_seconds": "Karpenter",
		"karpenter_pods_startup_duration_seconds_count": "Karpenter", "http_requests_total": "user", "kube_customresource_my_thing": "user",
	}
	for n, c := range want {
		if got[n] != c {
			t.Errorf("%s: component %q, want %q", n, got[n], c)
		}
	}
}

// Every KPI rule reads only catalogued metrics, and each KPI the strategy
// names has a rule when its inputs are given.
func TestKPIRulesReadOnlyRealMetrics(t *testing.T) {
	res, probs := cases["stack-with-warm-pool"].Render()
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	kpis := map[string]bool{}
	for _, r := range res.Rules {
		kpis[r.KPI] = true
		if len(r.Metrics) == 0 {
			t.Errorf("%s reads no metric", r.Alert)
		}
		for _, m := range r.Metrics {
			if m.Version == "" || m.File == "" || m.Doc == "" {
				t.Errorf("%s reads %s, which is not in the catalog", r.Alert, m.Name)
			}
		}
	}
	for _, k := range []string{KPIScaleOutP95, KPIPendingPods, KPIWarmPool, KPISpotInterruption, KPIProvisioning, KPICostPerPod, KPIScaler} {
		if !kpis[k] {
			t.Errorf("no rule for KPI %s", k)
		}
	}
	if len(res.Skipped) != 0 {
		t.Errorf("nothing should be skipped with every input given: %v", res.Skipped)
	}
}

// Thresholds derive from the stack's inputs.
func TestThresholdsDeriveFromTheStack(t *testing.T) {
	s := base()
	s.DetectionSeconds = 10
	s.Workload = &Workload{Namespace: "shop", Name: "checkout"}
	s.WarmPool = &WarmPool{Namespace: "shop", Deployment: "warm", Size: 10, LowShare: ptr(0.5)}
	res, probs := s.Render()
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	th := map[string]float64{}
	for _, r := range res.Rules {
		th[r.Alert] = r.Threshold
	}
	if th["ScaleOutP95AboveTarget"] != 80 || th["WarmPoolLow"] != 5 || th["PodsPendingTooLong"] != 15 {
		t.Fatalf("thresholds %v", th)
	}
	if len(res.Skipped) != 1 || res.Skipped[0].KPI != KPICostPerPod {
		t.Fatalf("skipped %v", res.Skipped)
	}
}

func TestAlarmsCoverWhatContainerInsightsCanExpress(t *testing.T) {
	res, _ := cases["stack-with-warm-pool"].Render()
	keys := []string{}
	for _, a := range res.Alarms {
		keys = append(keys, a.Key)
		if a.Period != 60 || a.EvaluationPeriods < 1 || a.DatapointsToAlarm != a.EvaluationPeriods || a.AlarmName == "" {
			t.Errorf("%+v", a)
		}
	}
	if got := strings.Join(keys, ","); got != "pods-unschedulable,workload-pods-pending,warm-pool-exhausted,warm-pool-low,nodes-failed" {
		t.Fatalf("alarms %s", got)
	}
	if len(res.AlarmsSkipped) != 3 {
		t.Fatalf("skipped %v", res.AlarmsSkipped)
	}
	plain, _ := base().Render()
	if len(plain.Alarms) != 0 {
		t.Fatal("alarms rendered without cloud_watch")
	}
}

func TestMetricNames(t *testing.T) {
	cases := map[string]string{
		`sum by (le) (rate(a_bucket{job="x"}[5m]))`:              "a_bucket",
		`sum(rate(a[5m])) by (job) / on(job) group_left(team) b`: "a b",
		`c offset 5m and d @ 1609746000`:                         "c d",
		`1e3 * e + Inf - NaN`:                                    "e",
		`topk(5, f) or g > bool 1 unless h`:                      "f g h",
		`sum without (instance) (i) # comment with j`:            "i",
		`k{__name__="not_followed", l="m(n)"}`:                   "k",
		`histogram_quantile(0.9, rate(o[1m:30s]))`:               "o",
		`p > bool 1`:             "p",
		"count_values(\"v\", q)": "q",
		`label_replace(r, "dst", "$1", "src", "(.*)")`: "r",
		`sum by (job) (s) and ignoring(job) t`:         "s t",
		"u # a comment ends at a carriage return\r+ v": "u v",
		"offset": "offset",
	}
	for expr, want := range cases {
		got, unbalanced := MetricNames(expr)
		if unbalanced || strings.Join(got, " ") != want {
			t.Errorf("%s: got %v (unbalanced=%v), want %s", expr, got, unbalanced, want)
		}
	}
	for _, bad := range []string{"sum(a", "a{b=\"c\"", "a[5m", "sum(a))", `a{b="c}`} {
		if _, unbalanced := MetricNames(bad); !unbalanced {
			t.Errorf("%s: not reported unbalanced", bad)
		}
	}
}
