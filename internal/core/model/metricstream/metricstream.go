// Package metricstream holds the rules of CloudWatch metric streams as the
// PutMetricStream API enforces them, in pure Go, so the Terraform resource
// reports every broken limit at plan time with the attribute and the fix.
package metricstream

import (
	"fmt"
	"regexp"
	"strings"
	"sync/atomic"
	"time"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/configvalue"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// Limits of the PutMetricStream API reference.
const (
	MaxNameLength       = 255
	UniqueSuffixLength  = 26
	MaxNamePrefixLength = MaxNameLength - UniqueSuffixLength
	MaxFilterNames      = 1000
	MaxStatConfigs      = 100
	MaxStatMetrics      = 100
	MaxStatStatistics   = 20
	MaxTags             = 50
)

// Output formats and states.
var (
	OutputFormats = []string{"json", "opentelemetry0.7", "opentelemetry1.0"}
	States        = []string{StateRunning, StateStopped}
)

const (
	StateRunning = "running"
	StateStopped = "stopped"
)

var (
	namePattern      = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)
	firehoseARN      = regexp.MustCompile(`^arn:aws(-[a-z-]+)?:firehose:[a-z0-9-]+:[0-9]{12}:deliverystream/[A-Za-z0-9._-]{1,64}$`)
	roleARN          = regexp.MustCompile(`^arn:aws(-[a-z-]+)?:iam::[0-9]{12}:role/[A-Za-z0-9/_+=,.@-]+$`)
	percentile       = regexp.MustCompile(`^p(100(\.0+)?|[0-9]{1,2}(\.[0-9]+)?)$`)
	otherStatistic   = regexp.MustCompile(`^(Average|IQM|(tm|wm|tc|ts)[0-9]{1,2}(\.[0-9]+)?|(TM|WM|TC|TS|PR)\([^()]*:[^()]*\))$`)
	defaultStatistic = map[string]bool{"Sum": true, "Minimum": true, "Maximum": true, "SampleCount": true}
)

// Filter is an include_filter or exclude_filter block.
type Filter struct {
	Namespace   configvalue.Value
	MetricNames []configvalue.Value
	// MetricNamesUnknown is true while the whole metric_names set is not
	// known yet (computed from another resource).
	MetricNamesUnknown bool
}

// MetricRef is a statistics include_metric block.
type MetricRef struct{ Namespace, MetricName configvalue.Value }

// Statistics is a statistics_configuration block.
type Statistics struct {
	IncludeMetrics       []MetricRef
	AdditionalStatistics []configvalue.Value
	// AdditionalStatisticsUnknown is true while the whole set is not known
	// yet; its size is then checked at apply, not at plan.
	AdditionalStatisticsUnknown bool
}

// Spec is a metric stream as configured.
type Spec struct {
	Name, NamePrefix, FirehoseARN, RoleARN, OutputFormat configvalue.Value
	IncludeFilters, ExcludeFilters                       []Filter
	Statistics                                           []Statistics
	Tags                                                 map[string]configvalue.Value
}

// Validate reports every way the spec breaks the API's rules; paths are
// the resource's attribute and block names.
func Validate(s Spec) problem.List {
	var ps problem.List
	if s.Name.Present() {
		checkName(&ps, "name", s.Name.V, MaxNameLength)
	}
	if s.NamePrefix.Present() {
		checkName(&ps, "name_prefix", s.NamePrefix.V, MaxNamePrefixLength)
	}
	if s.Name.Present() && s.NamePrefix.Present() {
		ps.Addf(problem.Path{"name_prefix"}, "name and name_prefix cannot both be set: keep name for a fixed name, or name_prefix for a generated unique one.")
	}
	if s.FirehoseARN.Present() && !firehoseARN.MatchString(s.FirehoseARN.V) {
		ps.Addf(problem.Path{"firehose_arn"}, "%q is not a Firehose delivery stream ARN: use the form arn:aws:firehose:<region>:<account>:deliverystream/<name>.", s.FirehoseARN.V)
	}
	if s.RoleARN.Present() && !roleARN.MatchString(s.RoleARN.V) {
		ps.Addf(problem.Path{"role_arn"}, "%q is not an IAM role ARN: use the form arn:aws:iam::<account>:role/<name> (a role CloudWatch can assume, with firehose:PutRecord and firehose:PutRecordBatch).", s.RoleARN.V)
	}
	if len(s.IncludeFilters) > 0 && len(s.ExcludeFilters) > 0 {
		ps.Addf(problem.Path{"exclude_filter"}, "include_filter and exclude_filter cannot be used together (the API answers InvalidParameterCombination): keep include_filter to stream only the listed metrics, or exclude_filter to stream everything else.")
	}
	checkFilters(&ps, "include_filter", s.IncludeFilters)
	checkFilters(&ps, "exclude_filter", s.ExcludeFilters)
	checkStatistics(&ps, s)
	checkStatisticsStreamed(&ps, s)
	checkTags(&ps, s.Tags)
	return ps
}

// checkStatisticsStreamed warns about statistics for metrics the filters
// keep out of the stream: the API accepts them, and they never arrive.
func checkStatisticsStreamed(ps *problem.List, s Spec) {
	for i, c := range s.Statistics {
		for j, m := range c.IncludeMetrics {
			if !m.Namespace.Present() || !m.MetricName.Present() {
				continue
			}
			if streamed, known := filtersStream(s, m.Namespace.V, m.MetricName.V); known && !streamed {
				ps.Warnf(problem.Path{"statistics_configuration", i, "include_metric", j},
					"%s %s is not streamed (the filters leave it out), so its additional statistics never arrive: add it to include_filter or remove it from exclude_filter.", m.Namespace.V, m.MetricName.V)
			}
		}
	}
}

// filtersStream reports whether the filters let a metric through; known
// is false while a filter value is not known yet.
func filtersStream(s Spec, namespace, metric string) (streamed, known bool) {
	matches := func(f Filter) (bool, bool) {
		if !f.Namespace.Known || f.MetricNamesUnknown {
			return false, false
		}
		if f.Namespace.V != namespace {
			return false, true
		}
		if len(f.MetricNames) == 0 {
			return true, true
		}
		for _, n := range f.MetricNames {
			if !n.Known {
				return false, false
			}
			if n.V == metric {
				return true, true
			}
		}
		return false, true
	}
	if len(s.IncludeFilters) > 0 {
		for _, f := range s.IncludeFilters {
			m, k := matches(f)
			if !k {
				return false, false
			}
			if m {
				return true, true
			}
		}
		return false, true
	}
	for _, f := range s.ExcludeFilters {
		m, k := matches(f)
		if !k {
			return false, false
		}
		if m {
			return false, true
		}
	}
	return true, true
}

func checkName(ps *problem.List, attr, v string, max int) {
	switch {
	case len(v) < 1 || len(v) > max:
		ps.Addf(problem.Path{attr}, "%q is %d characters; it must be 1-%d.", v, len(v), max)
	case !namePattern.MatchString(v):
		ps.Addf(problem.Path{attr}, "%q may only contain letters, digits, '-' and '_'.", v)
	}
}

func checkFilters(ps *problem.List, block string, fs []Filter) {
	names := 0
	for i, f := range fs {
		if f.Namespace.Present() && (len(f.Namespace.V) < 1 || len(f.Namespace.V) > 255) {
			ps.Addf(problem.Path{block, i, "namespace"}, "A namespace must be 1-255 characters, e.g. AWS/SQS.")
		}
		for _, m := range f.MetricNames {
			if m.Present() && (len(m.V) < 1 || len(m.V) > 255) {
				ps.Addf(problem.Path{block, i, "metric_names"}, "%q: a metric name must be 1-255 characters.", m.V)
			}
		}
		names += 1 + len(f.MetricNames)
	}
	if names > MaxFilterNames {
		ps.Addf(problem.Path{block}, "The %s blocks name %d namespaces and metric names in total; the API allows at most %d. Filter by namespace only where you can (a namespace without metric_names covers all its metrics).", block, names, MaxFilterNames)
	}
}

func checkStatistics(ps *problem.List, s Spec) {
	if len(s.Statistics) > MaxStatConfigs {
		ps.Addf(problem.Path{"statistics_configuration"}, "%d statistics_configuration blocks; the API allows at most %d.", len(s.Statistics), MaxStatConfigs)
	}
	otel := s.OutputFormat.Present() && strings.HasPrefix(s.OutputFormat.V, "opentelemetry")
	for i, c := range s.Statistics {
		if n := len(c.IncludeMetrics); n < 1 || n > MaxStatMetrics {
			ps.Addf(problem.Path{"statistics_configuration", i, "include_metric"}, "Each statistics_configuration needs 1-%d include_metric blocks, got %d.", MaxStatMetrics, n)
		}
		if n := len(c.AdditionalStatistics); !c.AdditionalStatisticsUnknown && (n < 1 || n > MaxStatStatistics) {
			ps.Addf(problem.Path{"statistics_configuration", i, "additional_statistics"}, "Each statistics_configuration needs 1-%d additional_statistics, got %d.", MaxStatStatistics, n)
		}
		for _, st := range c.AdditionalStatistics {
			if !st.Present() {
				continue
			}
			switch {
			case percentile.MatchString(st.V):
			case defaultStatistic[st.V]:
				ps.Addf(problem.Path{"statistics_configuration", i, "additional_statistics"}, "%q is always streamed (with Minimum, Maximum, Sum and SampleCount); list only additional statistics such as p99.", st.V)
			case otel:
				ps.Addf(problem.Path{"statistics_configuration", i, "additional_statistics"}, "%q is not allowed with output_format %q: OpenTelemetry streams take only percentiles such as p95 or p99.9. Use output_format = \"json\" for trimmed means and other statistics.", st.V, s.OutputFormat.V)
			case !otherStatistic.MatchString(st.V):
				ps.Addf(problem.Path{"statistics_configuration", i, "additional_statistics"}, "%q is not a CloudWatch statistic: use a percentile (p99), trimmed mean (tm99, TM(10%%:90%%)), winsorized mean (wm99), trimmed count (tc99), trimmed sum (ts99), percentile rank (PR(:300)), IQM or Average.", st.V)
			}
		}
	}
}

func checkTags(ps *problem.List, tags map[string]configvalue.Value) {
	if len(tags) > MaxTags {
		ps.Addf(problem.Path{"tags"}, "%d tags; a metric stream can have at most %d.", len(tags), MaxTags)
	}
	for k, v := range tags {
		switch {
		case len(k) < 1 || len(k) > 128:
			ps.Addf(problem.Path{"tags"}, "Tag key %q must be 1-128 characters.", k)
		case strings.HasPrefix(strings.ToLower(k), "aws:"):
			ps.Addf(problem.Path{"tags"}, "Tag key %q: keys starting with aws: are reserved for AWS; rename it.", k)
		}
		if v.Present() && len(v.V) > 256 {
			ps.Addf(problem.Path{"tags"}, "Tag %q: the value must be at most 256 characters.", k)
		}
	}
}

var (
	uniqueCounter atomic.Uint32
	// uniqueSuffix is UniqueName's suffix, which is also the one Terraform's
	// generated names (hashicorp/aws's name_prefix) end with.
	uniqueSuffix = regexp.MustCompile(`[0-9]{18}[0-9a-f]{8}$`)
)

// NamePrefixFromName is the prefix a generated name was made from: the
// name without UniqueName's suffix. ok is false for a name that does not
// end with such a suffix (a name chosen by hand).
func NamePrefixFromName(name string) (prefix string, ok bool) {
	if len(name) <= UniqueSuffixLength || !uniqueSuffix.MatchString(name) {
		return "", false
	}
	return name[:len(name)-UniqueSuffixLength], true
}

// UniqueName is prefix plus a 26-character suffix that sorts by creation
// time, like Terraform's generated names.
func UniqueName(prefix string, now time.Time) string {
	now = now.UTC()
	return fmt.Sprintf("%s%s%04d%08x", prefix, now.Format("20060102150405"), now.Nanosecond()/100000, uniqueCounter.Add(1))
}
