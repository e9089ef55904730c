package metricstream

import (
	"strings"
	"testing"
	"time"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/configvalue"
)

func base() Spec {
	return Spec{
		Name: configvalue.Set("scaling"), NamePrefix: configvalue.Unset(),
		FirehoseARN:  configvalue.Set("arn:aws:firehose:us-east-1:123456789012:deliverystream/metrics"),
		RoleARN:      configvalue.Set("arn:aws:iam::123456789012:role/metric-stream"),
		OutputFormat: configvalue.Set("opentelemetry1.0"),
	}
}

func names(n int) []configvalue.Value {
	out := make([]configvalue.Value, n)
	for i := range out {
		out[i] = configvalue.Set("m")
	}
	return out
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(*Spec)
		path   string
		want   string
	}{
		{"valid", func(*Spec) {}, "", ""},
		{"valid json stats", func(s *Spec) {
			s.OutputFormat = configvalue.Set("json")
			s.Statistics = []Statistics{{IncludeMetrics: []MetricRef{{configvalue.Set("AWS/SQS"), configvalue.Set("Age")}}, AdditionalStatistics: []configvalue.Value{configvalue.Set("tm99"), configvalue.Set("TM(10%:90%)"), configvalue.Set("PR(:300)"), configvalue.Set("p99.9")}}}
		}, "", ""},
		{"bad name", func(s *Spec) { s.Name = configvalue.Set("has space") }, "name", "letters, digits"},
		{"long name", func(s *Spec) { s.Name = configvalue.Set(strings.Repeat("a", 256)) }, "name", "1-255"},
		{"long prefix", func(s *Spec) { s.Name = configvalue.Unset(); s.NamePrefix = configvalue.Set(strings.Repeat("a", 230)) }, "name_prefix", "1-229"},
		{"both names", func(s *Spec) { s.NamePrefix = configvalue.Set("x") }, "name_prefix", "cannot both"},
		{"firehose", func(s *Spec) { s.FirehoseARN = configvalue.Set("arn:aws:kinesis:us-east-1:123456789012:stream/x") }, "firehose_arn", "deliverystream"},
		{"role", func(s *Spec) { s.RoleARN = configvalue.Set("arn:aws:iam::123456789012:user/x") }, "role_arn", "role/"},
		{"include and exclude", func(s *Spec) {
			s.IncludeFilters = []Filter{{Namespace: configvalue.Set("AWS/EC2")}}
			s.ExcludeFilters = []Filter{{Namespace: configvalue.Set("AWS/S3")}}
		}, "exclude_filter", "InvalidParameterCombination"},
		{"1000 names", func(s *Spec) {
			s.IncludeFilters = []Filter{{Namespace: configvalue.Set("AWS/EC2"), MetricNames: names(1000)}}
		}, "include_filter", "at most 1000"},
		{"long namespace", func(s *Spec) { s.ExcludeFilters = []Filter{{Namespace: configvalue.Set(strings.Repeat("n", 256))}} }, "exclude_filter[0].namespace", "1-255"},
		{"otel trimmed mean", func(s *Spec) {
			s.Statistics = []Statistics{{IncludeMetrics: []MetricRef{{configvalue.Set("AWS/SQS"), configvalue.Set("Age")}}, AdditionalStatistics: []configvalue.Value{configvalue.Set("tm99")}}}
		}, "statistics_configuration[0].additional_statistics", "only percentiles"},
		{"default statistic", func(s *Spec) {
			s.Statistics = []Statistics{{IncludeMetrics: []MetricRef{{configvalue.Set("AWS/SQS"), configvalue.Set("Age")}}, AdditionalStatistics: []configvalue.Value{configvalue.Set("Sum")}}}
		}, "statistics_configuration[0].additional_statistics", "always streamed"},
		{"unknown statistic", func(s *Spec) {
			s.OutputFormat = configvalue.Set("json")
			s.Statistics = []Statistics{{IncludeMetrics: []MetricRef{{configvalue.Set("AWS/SQS"), configvalue.Set("Age")}}, AdditionalStatistics: []configvalue.Value{configvalue.Set("median")}}}
		}, "statistics_configuration[0].additional_statistics", "not a CloudWatch statistic"},
		{"21 statistics", func(s *Spec) {
			s.Statistics = []Statistics{{IncludeMetrics: []MetricRef{{configvalue.Set("AWS/SQS"), configvalue.Set("Age")}}, AdditionalStatistics: names(21)}}
		}, "statistics_configuration[0].additional_statistics", "1-20"},
		{"statistics not known until apply", func(s *Spec) {
			s.Statistics = []Statistics{{IncludeMetrics: []MetricRef{{configvalue.Set("AWS/SQS"), configvalue.Set("Age")}}, AdditionalStatisticsUnknown: true}}
		}, "", ""},
		{"101 metrics", func(s *Spec) {
			s.Statistics = []Statistics{{IncludeMetrics: make([]MetricRef, 101), AdditionalStatistics: []configvalue.Value{configvalue.Set("p99")}}}
		}, "statistics_configuration[0].include_metric", "1-100"},
		{"101 configs", func(s *Spec) {
			s.Statistics = make([]Statistics, 101)
			for i := range s.Statistics {
				s.Statistics[i] = Statistics{IncludeMetrics: []MetricRef{{configvalue.Set("A"), configvalue.Set("B")}}, AdditionalStatistics: []configvalue.Value{configvalue.Set("p99")}}
			}
		}, "statistics_configuration", "at most 100"},
		{"aws tag", func(s *Spec) { s.Tags = map[string]configvalue.Value{"aws:owner": configvalue.Set("x")} }, "tags", "reserved"},
		{"long tag value", func(s *Spec) { s.Tags = map[string]configvalue.Value{"k": configvalue.Set(strings.Repeat("v", 257))} }, "tags", "256"},
	}
	for _, tc := range cases {
		s := base()
		tc.mutate(&s)
		ps := Validate(s)
		if tc.path == "" {
			if len(ps) != 0 {
				t.Errorf("%s: unexpected %v", tc.name, ps)
			}
			continue
		}
		ok := false
		for _, p := range ps {
			if p.Path.String() == tc.path && strings.Contains(p.Message, tc.want) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s: want %s containing %q, got %v", tc.name, tc.path, tc.want, ps)
		}
	}
}

func TestUniqueName(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	a, b := UniqueName("scaling-", now), UniqueName("scaling-", now)
	if a == b || len(a) != len("scaling-")+UniqueSuffixLength || !strings.HasPrefix(a, "scaling-20261128120000") {
		t.Fatalf("names %q %q", a, b)
	}
}

func TestStatisticsForMetricsNotStreamed(t *testing.T) {
	stats := []Statistics{{IncludeMetrics: []MetricRef{{configvalue.Set("AWS/SQS"), configvalue.Set("ApproximateAgeOfOldestMessage")}}, AdditionalStatistics: []configvalue.Value{configvalue.Set("p99")}}}
	cases := []struct {
		name     string
		include  []Filter
		exclude  []Filter
		warnings int
	}{
		{"no filters", nil, nil, 0},
		{"included namespace", []Filter{{Namespace: configvalue.Set("AWS/SQS")}}, nil, 0},
		{"included metric", []Filter{{Namespace: configvalue.Set("AWS/SQS"), MetricNames: []configvalue.Value{configvalue.Set("ApproximateAgeOfOldestMessage")}}}, nil, 0},
		{"other metric only", []Filter{{Namespace: configvalue.Set("AWS/SQS"), MetricNames: []configvalue.Value{configvalue.Set("NumberOfMessagesSent")}}}, nil, 1},
		{"other namespace only", []Filter{{Namespace: configvalue.Set("AWS/EC2")}}, nil, 1},
		{"excluded namespace", nil, []Filter{{Namespace: configvalue.Set("AWS/SQS")}}, 1},
		{"unknown filter", []Filter{{Namespace: configvalue.Unknown()}}, nil, 0},
		{"metric names not known until apply", []Filter{{Namespace: configvalue.Set("AWS/SQS"), MetricNamesUnknown: true}}, nil, 0},
		{"other metric names not known until apply", nil, []Filter{{Namespace: configvalue.Set("AWS/SQS"), MetricNamesUnknown: true}}, 0},
	}
	for _, tc := range cases {
		s := base()
		s.IncludeFilters, s.ExcludeFilters, s.Statistics = tc.include, tc.exclude, stats
		ps := Validate(s)
		warnings := 0
		for _, p := range ps {
			if !p.Warning {
				t.Errorf("%s: unexpected error %v", tc.name, p)
			}
			if p.Path.String() == "statistics_configuration[0].include_metric[0]" && strings.Contains(p.Message, "not streamed") {
				warnings++
			}
		}
		if warnings != tc.warnings {
			t.Errorf("%s: %d warnings, want %d (%v)", tc.name, warnings, tc.warnings, ps)
		}
	}
}

func TestNamePrefixFromName(t *testing.T) {
	generated := UniqueName("keda-", time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC))
	for _, tc := range []struct {
		name, want string
		ok         bool
	}{
		{generated, "keda-", true},
		{"terraform-20240101120000123400000001", "terraform-", true}, // hashicorp/aws's generated names
		{"scaling-basic", "", false},
		{"20240101120000123400000001", "", false}, // a suffix alone has no prefix
		{"team-2024010112000012340000000g", "", false},
	} {
		got, ok := NamePrefixFromName(tc.name)
		if got != tc.want || ok != tc.ok {
			t.Errorf("NamePrefixFromName(%q) = %q, %v; want %q, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}
