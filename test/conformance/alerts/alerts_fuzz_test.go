package alerts

import (
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/alerts"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/alerts/fuzzcase"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// Whatever the alert renderer accepts, the PrometheusRule CRD and
// Prometheus' rule loader accept. Run longer with
//
//	go test -run '^$' -fuzz FuzzAlertRulesAcceptedByCRDAndLoader -fuzztime 5m
func FuzzAlertRulesAcceptedByCRDAndLoader(f *testing.F) {
	set := prometheusRuleCRD(f)
	for _, s := range fuzzcase.Seeds {
		f.Add(s.S[0], s.S[1], s.S[2], s.S[3], s.S[4], s.S[5], s.F1, s.F2, s.N, s.Flags)
	}
	f.Fuzz(func(t *testing.T, a, b, c, d, e, expr string, f1, f2 float64, n int64, flags uint16) {
		spec := fuzzcase.Spec([fuzzcase.Strings]string{a, b, c, d, e, expr}, f1, f2, n, flags)
		res, probs := spec.Render()
		if probs.HasErrors() {
			return
		}
		norm, err := k8sobj.Normalize(res.Object)
		if err != nil {
			t.Fatal(err)
		}
		obj := norm.(map[string]any)
		y, _ := k8sobj.YAML(res.Object)
		if errs := set.Validate(obj); len(errs) > 0 {
			t.Fatalf("renderer accepted, CRD rejects: %v\n%s", errs.ToAggregate(), y)
		}
		// A user's extra rule may not parse (only its metrics are checked
		// at plan time); the renderer's own rules always load.
		if len(spec.ExtraRules) == 0 {
			if errs := loadRules(obj); len(errs) > 0 {
				t.Fatalf("renderer accepted, Prometheus would not load it: %v\n%s", errs, y)
			}
		}
	})
}

// Wherever Prometheus' parser accepts an expression, the renderer's PromQL
// reader finds the same metric names. Run longer with
//
//	go test -run '^$' -fuzz FuzzMetricNamesAgreeWithPrometheusParser -fuzztime 5m
func FuzzMetricNamesAgreeWithPrometheusParser(f *testing.F) {
	for _, s := range fuzzcase.Seeds {
		f.Add(s.S[5])
	}
	for _, e := range []string{
		`sum by (le) (rate(a_bucket{job="x"}[5m]))`, `a and on() b`, `c offset -5m @ start()`,
		`label_replace(d, "dst", "$1", "src", "(.*)")`, `count_values("v", e)`, `f[5m:1m]`,
		`-g`, `1 + h{a=~"x|y"} / bool 2`, "sum(i) without (j)", `k:rate5m:sum`, `0x1f * l`,
	} {
		f.Add(e)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		want, err := parserNames(expr)
		if err != nil {
			return
		}
		got, unbalanced := alerts.MetricNames(expr)
		if unbalanced {
			t.Fatalf("%q parses, but MetricNames calls it unbalanced", expr)
		}
		if g := strings.Join(sortedCopy(got), " "); g != strings.Join(want, " ") {
			t.Fatalf("%q: MetricNames %v, Prometheus' parser %v", expr, got, want)
		}
	})
}
