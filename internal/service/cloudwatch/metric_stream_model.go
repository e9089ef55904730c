package cloudwatch

import (
	"context"
	"sort"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	awstypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/metricstream"
)

// Conversions between the resource model, the pure validation spec and
// the API's shapes.

type metricStreamModel struct {
	ID                           types.String      `tfsdk:"id"`
	Name                         types.String      `tfsdk:"name"`
	NamePrefix                   types.String      `tfsdk:"name_prefix"`
	FirehoseARN                  types.String      `tfsdk:"firehose_arn"`
	RoleARN                      types.String      `tfsdk:"role_arn"`
	OutputFormat                 types.String      `tfsdk:"output_format"`
	IncludeFilter                []filterModel     `tfsdk:"include_filter"`
	ExcludeFilter                []filterModel     `tfsdk:"exclude_filter"`
	StatisticsConfiguration      []statisticsModel `tfsdk:"statistics_configuration"`
	IncludeLinkedAccountsMetrics types.Bool        `tfsdk:"include_linked_accounts_metrics"`
	Tags                         types.Map         `tfsdk:"tags"`
	State                        types.String      `tfsdk:"state"`
	ARN                          types.String      `tfsdk:"arn"`
	CreationDate                 types.String      `tfsdk:"creation_date"`
	LastUpdateDate               types.String      `tfsdk:"last_update_date"`
}

type filterModel struct {
	Namespace   types.String `tfsdk:"namespace"`
	MetricNames types.Set    `tfsdk:"metric_names"`
}

type statisticsModel struct {
	AdditionalStatistics types.Set     `tfsdk:"additional_statistics"`
	IncludeMetric        []metricModel `tfsdk:"include_metric"`
}

type metricModel struct {
	Namespace  types.String `tfsdk:"namespace"`
	MetricName types.String `tfsdk:"metric_name"`
}

func specValue(v types.String) metricstream.Value {
	return metricstream.Value{V: v.ValueString(), Null: v.IsNull(), Known: !v.IsUnknown()}
}

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

func specValues(s types.Set) []metricstream.Value {
	var out []metricstream.Value
	for _, v := range setValues(s) {
		out = append(out, specValue(v))
	}
	return out
}

func (m *metricStreamModel) spec() metricstream.Spec {
	s := metricstream.Spec{
		Name: specValue(m.Name), NamePrefix: specValue(m.NamePrefix), FirehoseARN: specValue(m.FirehoseARN),
		RoleARN: specValue(m.RoleARN), OutputFormat: specValue(m.OutputFormat),
	}
	filters := func(fs []filterModel) []metricstream.Filter {
		var out []metricstream.Filter
		for _, f := range fs {
			out = append(out, metricstream.Filter{Namespace: specValue(f.Namespace), MetricNames: specValues(f.MetricNames), MetricNamesUnknown: f.MetricNames.IsUnknown()})
		}
		return out
	}
	s.IncludeFilters, s.ExcludeFilters = filters(m.IncludeFilter), filters(m.ExcludeFilter)
	for _, c := range m.StatisticsConfiguration {
		st := metricstream.Statistics{AdditionalStatistics: specValues(c.AdditionalStatistics), AdditionalStatisticsUnknown: c.AdditionalStatistics.IsUnknown()}
		for _, im := range c.IncludeMetric {
			st.IncludeMetrics = append(st.IncludeMetrics, metricstream.MetricRef{Namespace: specValue(im.Namespace), MetricName: specValue(im.MetricName)})
		}
		s.Statistics = append(s.Statistics, st)
	}
	if !m.Tags.IsNull() && !m.Tags.IsUnknown() {
		s.Tags = map[string]metricstream.Value{}
		for k, v := range m.Tags.Elements() {
			if sv, ok := v.(types.String); ok {
				s.Tags[k] = specValue(sv)
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
		in.StatisticsConfigurations = append(in.StatisticsConfigurations, sc)
	}
	return in
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

// fill copies the API's view of the stream into the model.
func (m *metricStreamModel) fill(ctx context.Context, out *cloudwatch.GetMetricStreamOutput, tags map[string]string) {
	name := aws.ToString(out.Name)
	m.ID, m.Name = types.StringValue(name), types.StringValue(name)
	m.ARN = types.StringValue(aws.ToString(out.Arn))
	m.FirehoseARN = types.StringValue(aws.ToString(out.FirehoseArn))
	m.RoleARN = types.StringValue(aws.ToString(out.RoleArn))
	m.OutputFormat = types.StringValue(string(out.OutputFormat))
	m.State = types.StringValue(aws.ToString(out.State))
	m.IncludeLinkedAccountsMetrics = types.BoolValue(aws.ToBool(out.IncludeLinkedAccountsMetrics))
	m.CreationDate = timeValue(out.CreationDate)
	m.LastUpdateDate = timeValue(out.LastUpdateDate)
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
	if len(tags) == 0 && m.Tags.IsNull() {
		return
	}
	m.Tags, _ = types.MapValueFrom(ctx, types.StringType, tags)
}

func timeValue(t *time.Time) types.String {
	if t == nil {
		return types.StringNull()
	}
	return types.StringValue(t.UTC().Format(time.RFC3339))
}

// tagsOf reads the model's tags.
func tagsOf(m types.Map) map[string]string {
	out := map[string]string{}
	if m.IsNull() || m.IsUnknown() {
		return out
	}
	for k, v := range m.Elements() {
		if s, ok := v.(types.String); ok {
			out[k] = s.ValueString()
		}
	}
	return out
}
