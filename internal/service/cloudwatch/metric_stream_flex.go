package cloudwatch

import (
	"slices"
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	awstypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/configvalue"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/metricstream"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

// Conversions between the resource model, the pure validation spec and
// the API's shapes.

// setValues reads a set of strings; an unknown set yields nil.
func setValues(s types.Set) []types.String {
	if s.IsNull() || s.IsUnknown() {
		return nil
	}
	out := make([]types.String, 0, len(s.Elements()))
	for _, e := range s.Elements() {
		if v, ok := e.(types.String); ok {
			out = append(out, v)
		}
	}
	return out
}

func specValues(s types.Set) []configvalue.Value {
	var out []configvalue.Value
	for _, v := range setValues(s) {
		out = append(out, framework.ConfigValue(v))
	}
	return out
}

func (m *metricStreamModel) spec() metricstream.Spec {
	s := metricstream.Spec{
		Name: framework.ConfigValue(m.Name), NamePrefix: framework.ConfigValue(m.NamePrefix), FirehoseARN: framework.ConfigValue(m.FirehoseARN),
		RoleARN: framework.ConfigValue(m.RoleARN), OutputFormat: framework.ConfigValue(m.OutputFormat),
	}
	filters := func(fs []filterModel) []metricstream.Filter {
		var out []metricstream.Filter
		for _, f := range fs {
			out = append(out, metricstream.Filter{Namespace: framework.ConfigValue(f.Namespace), MetricNames: specValues(f.MetricNames), MetricNamesUnknown: f.MetricNames.IsUnknown()})
		}
		return out
	}
	s.IncludeFilters, s.ExcludeFilters = filters(m.IncludeFilter), filters(m.ExcludeFilter)
	for _, c := range m.StatisticsConfiguration {
		st := metricstream.Statistics{AdditionalStatistics: specValues(c.AdditionalStatistics), AdditionalStatisticsUnknown: c.AdditionalStatistics.IsUnknown()}
		for _, im := range c.IncludeMetric {
			st.IncludeMetrics = append(st.IncludeMetrics, metricstream.MetricRef{Namespace: framework.ConfigValue(im.Namespace), MetricName: framework.ConfigValue(im.MetricName)})
		}
		s.Statistics = append(s.Statistics, st)
	}
	if !m.Tags.IsNull() && !m.Tags.IsUnknown() {
		s.Tags = map[string]configvalue.Value{}
		for k, v := range m.Tags.Elements() {
			if sv, ok := v.(types.String); ok {
				s.Tags[k] = framework.ConfigValue(sv)
			}
		}
	}
	return s
}

func sortedStrings(s types.Set) []string {
	var out []string
	for _, v := range setValues(s) {
		out = append(out, v.ValueString())
	}
	sort.Strings(out)
	return out
}

// putInput is the PutMetricStream request for the model (without tags,
// which only count at creation).
func (m *metricStreamModel) putInput(name string) *cloudwatch.PutMetricStreamInput {
	in := &cloudwatch.PutMetricStreamInput{
		Name:                         aws.String(name),
		FirehoseArn:                  m.FirehoseARN.ValueStringPointer(),
		RoleArn:                      m.RoleARN.ValueStringPointer(),
		OutputFormat:                 awstypes.MetricStreamOutputFormat(m.OutputFormat.ValueString()),
		IncludeLinkedAccountsMetrics: aws.Bool(m.IncludeLinkedAccountsMetrics.ValueBool()),
	}
	filters := func(fs []filterModel) []awstypes.MetricStreamFilter {
		var out []awstypes.MetricStreamFilter
		for _, f := range fs {
			out = append(out, awstypes.MetricStreamFilter{Namespace: f.Namespace.ValueStringPointer(), MetricNames: sortedStrings(f.MetricNames)})
		}
		return out
	}
	in.IncludeFilters, in.ExcludeFilters = filters(m.IncludeFilter), filters(m.ExcludeFilter)
	for _, c := range m.StatisticsConfiguration {
		sc := awstypes.MetricStreamStatisticsConfiguration{AdditionalStatistics: sortedStrings(c.AdditionalStatistics)}
		for _, im := range c.IncludeMetric {
			sc.IncludeMetrics = append(sc.IncludeMetrics, awstypes.MetricStreamStatisticsMetric{Namespace: im.Namespace.ValueStringPointer(), MetricName: im.MetricName.ValueStringPointer()})
		}
		slices.SortFunc(sc.IncludeMetrics, func(a, b awstypes.MetricStreamStatisticsMetric) int {
			return strings.Compare(metricKey(a), metricKey(b))
		})
		in.StatisticsConfigurations = append(in.StatisticsConfigurations, sc)
	}
	// The blocks are sets: one order for the request, so equal sets give
	// equal requests.
	for _, fs := range [][]awstypes.MetricStreamFilter{in.IncludeFilters, in.ExcludeFilters} {
		slices.SortFunc(fs, func(a, b awstypes.MetricStreamFilter) int {
			return strings.Compare(aws.ToString(a.Namespace)+"\x00"+strings.Join(a.MetricNames, "\x00"), aws.ToString(b.Namespace)+"\x00"+strings.Join(b.MetricNames, "\x00"))
		})
	}
	slices.SortFunc(in.StatisticsConfigurations, func(a, b awstypes.MetricStreamStatisticsConfiguration) int {
		return strings.Compare(statisticsKey(a), statisticsKey(b))
	})
	return in
}

func metricKey(m awstypes.MetricStreamStatisticsMetric) string {
	return aws.ToString(m.Namespace) + "\x00" + aws.ToString(m.MetricName)
}

func statisticsKey(c awstypes.MetricStreamStatisticsConfiguration) string {
	keys := make([]string, 0, len(c.IncludeMetrics))
	for _, m := range c.IncludeMetrics {
		keys = append(keys, metricKey(m))
	}
	return strings.Join(c.AdditionalStatistics, "\x00") + "\x01" + strings.Join(keys, "\x01")
}

// streamKnown reports whether every value PutMetricStream takes is known.
func (m *metricStreamModel) streamKnown() bool {
	for _, v := range []attr.Value{m.FirehoseARN, m.RoleARN, m.OutputFormat, m.IncludeLinkedAccountsMetrics} {
		if v.IsUnknown() {
			return false
		}
	}
	for _, fs := range [][]filterModel{m.IncludeFilter, m.ExcludeFilter} {
		for _, f := range fs {
			if f.Namespace.IsUnknown() || f.MetricNames.IsUnknown() {
				return false
			}
		}
	}
	for _, c := range m.StatisticsConfiguration {
		if c.AdditionalStatistics.IsUnknown() {
			return false
		}
		for _, im := range c.IncludeMetric {
			if im.Namespace.IsUnknown() || im.MetricName.IsUnknown() {
				return false
			}
		}
	}
	return true
}

func stringSet(vs []string) types.Set {
	if len(vs) == 0 {
		return types.SetNull(types.StringType)
	}
	elems := make([]attr.Value, len(vs))
	for i, v := range vs {
		elems[i] = types.StringValue(v)
	}
	return types.SetValueMust(types.StringType, elems)
}

// fill copies the API's view of the stream into the model (tags apart).
func (m *metricStreamModel) fill(out *cloudwatch.GetMetricStreamOutput) {
	name := aws.ToString(out.Name)
	m.ID, m.Name = types.StringValue(name), types.StringValue(name)
	m.NamePrefix = namePrefixOf(name)
	m.ARN = types.StringValue(aws.ToString(out.Arn))
	m.FirehoseARN = types.StringValue(aws.ToString(out.FirehoseArn))
	m.RoleARN = types.StringValue(aws.ToString(out.RoleArn))
	m.OutputFormat = types.StringValue(string(out.OutputFormat))
	m.State = types.StringValue(aws.ToString(out.State))
	m.IncludeLinkedAccountsMetrics = types.BoolValue(aws.ToBool(out.IncludeLinkedAccountsMetrics))
	m.CreationDate = framework.TimeValue(out.CreationDate)
	m.LastUpdateDate = framework.TimeValue(out.LastUpdateDate)
	filters := func(fs []awstypes.MetricStreamFilter) []filterModel {
		out := []filterModel{}
		for _, f := range fs {
			out = append(out, filterModel{Namespace: types.StringValue(aws.ToString(f.Namespace)), MetricNames: stringSet(f.MetricNames)})
		}
		return out
	}
	m.IncludeFilter, m.ExcludeFilter = filters(out.IncludeFilters), filters(out.ExcludeFilters)
	m.StatisticsConfiguration = []statisticsModel{}
	for _, sc := range out.StatisticsConfigurations {
		st := statisticsModel{AdditionalStatistics: stringSet(sc.AdditionalStatistics), IncludeMetric: []metricModel{}}
		for _, im := range sc.IncludeMetrics {
			st.IncludeMetric = append(st.IncludeMetric, metricModel{Namespace: types.StringValue(aws.ToString(im.Namespace)), MetricName: types.StringValue(aws.ToString(im.MetricName))})
		}
		m.StatisticsConfiguration = append(m.StatisticsConfiguration, st)
	}
}

// atSetBlocks points problems inside the set blocks at the block: set
// elements have no index to point at.
func atSetBlocks(ps problem.List) problem.List {
	for i, p := range ps {
		if len(p.Path) > 1 {
			if _, indexed := p.Path[1].(int); indexed {
				ps[i].Path = p.Path[:1]
			}
		}
	}
	return ps
}
