package alerts

import (
	"encoding/json"
	"io"
	"log/slog"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/prometheus/common/model"
	"github.com/prometheus/prometheus/model/rulefmt"
	"github.com/prometheus/prometheus/promql/parser"
	"sigs.k8s.io/yaml"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/alerts"
	"github.com/scalingkit/terraform-provider-scaling/test/conformance/crdvalidate"
)

// PrometheusRuleCRD is prometheus-operator v0.95.2's CRD, generated from
// the pinned Go types (test/conformance/promcrd checks it).
const PrometheusRuleCRD = "../../crds/prometheus-operator-v0.95.2/monitoring.coreos.com_prometheusrules.yaml"

const alertsRender = "../../../internal/core/render/alerts/testdata/"

var (
	promOnce sync.Once
	promSet  *crdvalidate.Set
	promErr  error
	// promql parses as Prometheus v3.12 (github.com/prometheus/prometheus
	// v0.312.0) does with its default options.
	promql = parser.NewParser(parser.Options{})
)

func prometheusRuleCRD(t testing.TB) *crdvalidate.Set {
	t.Helper()
	promOnce.Do(func() {
		promSet = crdvalidate.NewSet()
		promErr = promSet.AddFile(PrometheusRuleCRD)
	})
	if promErr != nil {
		t.Fatal(promErr)
	}
	return promSet
}

// loadRules checks a PrometheusRule's groups the way prometheus-operator's
// admission webhook does: as a Prometheus rule file, through Prometheus'
// own loader (strict fields, PromQL, label names, templates).
func loadRules(obj map[string]any) []error {
	spec, _ := obj["spec"].(map[string]any)
	raw, err := json.Marshal(spec)
	if err != nil {
		return []error{err}
	}
	content, err := yaml.JSONToYAML(raw)
	if err != nil {
		return []error{err}
	}
	_, errs := rulefmt.Parse(content, false, model.LegacyValidation, promql, slog.New(slog.NewTextHandler(io.Discard, nil)))
	return errs
}

func TestPrometheusRuleGoldenAndInvalidFiles(t *testing.T) {
	c := crdvalidate.CheckDir(t, prometheusRuleCRD(t), alertsRender+"golden/*.yaml", alertsRender+"invalid/*.yaml")
	// The v1alpha1 fixture is for the server (no such version is served),
	// so the set skips it.
	if c.Valid < 2 || c.Invalid < 3 {
		t.Errorf("checked too little: %+v", c)
	}
	t.Logf("PrometheusRule CRD: %d golden objects accepted, %d known-invalid objects rejected, %d of unserved versions skipped", c.Valid, c.Invalid, c.Skipped)
}

// Prometheus' rule loader accepts every golden rule and rejects the
// loader-only invalid ones (which the CRD accepts).
func TestPrometheusRuleLoader(t *testing.T) {
	golden, _ := filepath.Glob(alertsRender + "golden/*.yaml")
	rules := 0
	for _, f := range golden {
		docs, err := crdvalidate.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			if errs := loadRules(d.Object); len(errs) > 0 {
				t.Errorf("%s: Prometheus would not load it: %v", d.Source, errs)
			}
			for _, g := range d.Object["spec"].(map[string]any)["groups"].([]any) {
				rules += len(g.(map[string]any)["rules"].([]any))
			}
		}
	}
	invalid, _ := filepath.Glob(alertsRender + "loader-invalid/*.yaml")
	rejected := 0
	for _, f := range invalid {
		docs, err := crdvalidate.ReadFile(f)
		if err != nil || len(docs) != 1 {
			t.Fatalf("%s: %v", f, err)
		}
		if errs := prometheusRuleCRD(t).Validate(docs[0].Object); len(errs) > 0 {
			t.Errorf("%s: the CRD already rejects it (move it to testdata/invalid): %v", f, errs.ToAggregate())
		}
		if errs := loadRules(docs[0].Object); len(errs) == 0 {
			t.Errorf("%s: loaded, but %s", f, docs[0].Reason)
		} else {
			rejected++
		}
	}
	if rules < 12 || rejected < 3 {
		t.Fatalf("checked too little: %d golden rules, %d loader-invalid rejected", rules, rejected)
	}
	t.Logf("Prometheus rule loader: %d golden rules loaded, %d loader-only invalid objects rejected", rules, rejected)
}

// parserNames is what Prometheus' parser selects: the metric name of every
// vector selector.
func parserNames(expr string) ([]string, error) {
	e, err := promql.ParseExpr(expr)
	if err != nil {
		return nil, err
	}
	set := map[string]bool{}
	parser.Inspect(e, func(n parser.Node, _ []parser.Node) error {
		if vs, ok := n.(*parser.VectorSelector); ok && vs.Name != "" {
			set[vs.Name] = true
		}
		return nil
	})
	out := make([]string, 0, len(set))
	for n := range set {
		out = append(out, n)
	}
	sort.Strings(out)
	return out, nil
}

func sortedCopy(ss []string) []string {
	out := append([]string(nil), ss...)
	sort.Strings(out)
	return out
}

// The renderer's PromQL reader (alerts.MetricNames, which decides what a
// rule reads and rejects unknown metrics at plan time) finds exactly the
// metric names Prometheus' parser finds, on every golden rule.
func TestMetricNamesAgreeWithPrometheusParserOnGoldenRules(t *testing.T) {
	golden, _ := filepath.Glob(alertsRender + "golden/*.yaml")
	checked := 0
	for _, f := range golden {
		docs, _ := crdvalidate.ReadFile(f)
		for _, d := range docs {
			for _, g := range d.Object["spec"].(map[string]any)["groups"].([]any) {
				for _, r := range g.(map[string]any)["rules"].([]any) {
					expr := r.(map[string]any)["expr"].(string)
					want, err := parserNames(expr)
					if err != nil {
						t.Fatalf("%s: %v", d.Source, err)
					}
					got, unbalanced := alerts.MetricNames(expr)
					if unbalanced || strings.Join(sortedCopy(got), " ") != strings.Join(want, " ") {
						t.Errorf("%s: MetricNames %v, parser %v", expr, got, want)
					}
					checked++
				}
			}
		}
	}
	if checked < 12 {
		t.Fatalf("only %d expressions checked", checked)
	}
	t.Logf("%d golden expressions: MetricNames agrees with Prometheus' parser", checked)
}
