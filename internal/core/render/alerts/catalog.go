package alerts

import (
	"strings"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// MetricType is how Prometheus exposes a metric (it decides which series
// names exist: a histogram or summary also exposes _sum and _count, a
// histogram _bucket).
type MetricType string

// Metric types, as the components declare them.
const (
	Counter   MetricType = "counter"
	Gauge     MetricType = "gauge"
	Histogram MetricType = "histogram"
	Summary   MetricType = "summary"
	Info      MetricType = "info"
	StateSet  MetricType = "stateset"
)

// Component is a metric source the rules read, pinned to the version the
// catalog was generated from.
type Component struct {
	ID, Name, Version string
	// Prefixes of the metric names the component owns: a name with one of
	// them that is not in the catalog does not exist.
	Prefixes []string
	// Source is where the names were read (module@version and path).
	Source string
	// Doc is the component's own metrics reference.
	Doc string
}

// Metric is one metric name a component exports.
type Metric struct {
	Name      string
	Type      MetricType
	Component string // Component.ID
	// File is the source or doc file inside Component.Source that defines it.
	File string
}

// Components whose metrics the rules read. The catalog of their metric
// names (catalog_gen.go) is generated from exactly these pins by
// test/conformance (go test -run TestAlertMetricCatalog -update-catalog),
// which also fails when the committed catalog differs from the sources.
var Components = []Component{
	{ID: "karpenter", Name: "Karpenter", Version: "v1.14.1", Prefixes: []string{"karpenter_"},
		Source: "sigs.k8s.io/karpenter@v1.14.1 and github.com/aws/karpenter-provider-aws@v1.14.1 (pkg/)",
		Doc:    "https://karpenter.sh/v1.14/reference/metrics/"},
	{ID: "keda", Name: "KEDA", Version: "v2.21.0", Prefixes: []string{"keda_"},
		Source: "github.com/kedacore/keda/v2@v2.21.0 (pkg/metricscollector/)",
		Doc:    "https://keda.sh/docs/2.21/integrations/prometheus/"},
	{ID: "kube-state-metrics", Name: "kube-state-metrics", Version: "v2.18.0", Prefixes: []string{"kube_"},
		Source: "k8s.io/kube-state-metrics/v2@v2.18.0 (docs/metrics/)",
		Doc:    "https://github.com/kubernetes/kube-state-metrics/tree/v2.18.0/docs/metrics"},
	{ID: "kube-scheduler", Name: "kube-scheduler", Version: "v1.35.4", Prefixes: []string{"scheduler_"},
		Source: "k8s.io/kubernetes@v1.35.4 (pkg/scheduler/metrics/)",
		Doc:    "https://kubernetes.io/docs/reference/instrumentation/metrics/"},
}

// openPrefixes are metric families of known components that users define
// themselves (kube-state-metrics' custom resource state metrics), so they
// are not checked against the catalog.
var openPrefixes = []string{"kube_customresource_"}

var catalogIndex = func() map[string]Metric {
	idx := make(map[string]Metric, len(generatedMetrics)*2)
	for _, m := range generatedMetrics {
		idx[m.Name] = m
	}
	return idx
}()

// ComponentByID returns the component with that ID.
func ComponentByID(id string) (Component, bool) {
	for _, c := range Components {
		if c.ID == id {
			return c, true
		}
	}
	return Component{}, false
}

// ownerOf returns the component whose prefix the name carries.
func ownerOf(name string) (Component, bool) {
	for _, p := range openPrefixes {
		if strings.HasPrefix(name, p) {
			return Component{}, false
		}
	}
	for _, c := range Components {
		for _, p := range c.Prefixes {
			if strings.HasPrefix(name, p) {
				return c, true
			}
		}
	}
	return Component{}, false
}

// Lookup finds the metric a series name belongs to: the name itself, or a
// histogram's/summary's _bucket, _sum or _count series.
func Lookup(series string) (Metric, bool) {
	if m, ok := catalogIndex[series]; ok {
		return m, true
	}
	for _, suffix := range []string{"_bucket", "_sum", "_count"} {
		base, ok := strings.CutSuffix(series, suffix)
		if !ok {
			continue
		}
		m, found := catalogIndex[base]
		if found && (m.Type == Histogram || (m.Type == Summary && suffix != "_bucket")) {
			return m, true
		}
	}
	return Metric{}, false
}

// Suggest returns up to three known metric names of the component closest
// to name, for a "did you mean" hint.
func Suggest(name, component string) []string {
	var names []string
	for _, m := range generatedMetrics {
		if m.Component == component {
			names = append(names, m.Name)
		}
	}
	return problem.Suggest(name, names, 3)
}
