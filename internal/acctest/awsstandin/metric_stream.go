package awsstandin

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// metricStream is aws_cloudwatch_metric_stream (schema version 0): its
// filters and statistics configurations are sets of blocks, tags_all is
// computed, timeouts is a block.
type metricStream struct{ configured }

type streamModel struct {
	ID                           types.String `tfsdk:"id"`
	Region                       types.String `tfsdk:"region"`
	ARN                          types.String `tfsdk:"arn"`
	CreationDate                 types.String `tfsdk:"creation_date"`
	LastUpdateDate               types.String `tfsdk:"last_update_date"`
	Name                         types.String `tfsdk:"name"`
	NamePrefix                   types.String `tfsdk:"name_prefix"`
	FirehoseARN                  types.String `tfsdk:"firehose_arn"`
	RoleARN                      types.String `tfsdk:"role_arn"`
	OutputFormat                 types.String `tfsdk:"output_format"`
	State                        types.String `tfsdk:"state"`
	IncludeLinkedAccountsMetrics types.Bool   `tfsdk:"include_linked_accounts_metrics"`
	IncludeFilter                types.Set    `tfsdk:"include_filter"`
	ExcludeFilter                types.Set    `tfsdk:"exclude_filter"`
	StatisticsConfiguration      types.Set    `tfsdk:"statistics_configuration"`
	Tags                         types.Map    `tfsdk:"tags"`
	TagsAll                      types.Map    `tfsdk:"tags_all"`
	Timeouts                     types.Object `tfsdk:"timeouts"`
}

var (
	filterType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"namespace": types.StringType, "metric_names": types.SetType{ElemType: types.StringType},
	}}
	metricType = types.ObjectType{AttrTypes: map[string]attr.Type{"namespace": types.StringType, "metric_name": types.StringType}}
	statsType  = types.ObjectType{AttrTypes: map[string]attr.Type{
		"additional_statistics": types.SetType{ElemType: types.StringType}, "include_metric": types.SetType{ElemType: metricType},
	}}
)

func (r *metricStream) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "aws_cloudwatch_metric_stream"
}

func (r *metricStream) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	computed := func() schema.StringAttribute { return schema.StringAttribute{Computed: true} }
	oc := func() schema.StringAttribute { return schema.StringAttribute{Optional: true, Computed: true} }
	filter := schema.SetNestedBlock{NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
		"namespace":    schema.StringAttribute{Required: true},
		"metric_names": schema.SetAttribute{Optional: true, ElementType: types.StringType},
	}}}
	resp.Schema = schema.Schema{
		Attributes: map[string]schema.Attribute{
			"id":                              computed(),
			"region":                          oc(),
			"arn":                             computed(),
			"creation_date":                   computed(),
			"last_update_date":                computed(),
			"name":                            oc(),
			"name_prefix":                     oc(),
			"firehose_arn":                    schema.StringAttribute{Required: true},
			"role_arn":                        schema.StringAttribute{Required: true},
			"output_format":                   schema.StringAttribute{Required: true},
			"state":                           computed(),
			"include_linked_accounts_metrics": schema.BoolAttribute{Optional: true, Computed: true},
			"tags":                            schema.MapAttribute{Optional: true, ElementType: types.StringType},
			"tags_all":                        schema.MapAttribute{Computed: true, ElementType: types.StringType},
		},
		Blocks: map[string]schema.Block{
			"include_filter": filter,
			"exclude_filter": filter,
			"statistics_configuration": schema.SetNestedBlock{NestedObject: schema.NestedBlockObject{
				Attributes: map[string]schema.Attribute{
					"additional_statistics": schema.SetAttribute{Required: true, ElementType: types.StringType},
				},
				Blocks: map[string]schema.Block{
					"include_metric": schema.SetNestedBlock{NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
						"namespace":   schema.StringAttribute{Required: true},
						"metric_name": schema.StringAttribute{Required: true},
					}}},
				},
			}},
			"timeouts": schema.SingleNestedBlock{Attributes: map[string]schema.Attribute{
				"create": schema.StringAttribute{Optional: true},
				"update": schema.StringAttribute{Optional: true},
				"delete": schema.StringAttribute{Optional: true},
			}},
		},
	}
}

func (r *metricStream) conn() *cloudwatch.Client { return cloudwatch.NewFromConfig(r.c.cloudwatch) }

type filterModel struct {
	Namespace   string   `tfsdk:"namespace"`
	MetricNames []string `tfsdk:"metric_names"`
}

type statsModel struct {
	AdditionalStatistics []string      `tfsdk:"additional_statistics"`
	IncludeMetric        []metricModel `tfsdk:"include_metric"`
}

type metricModel struct {
	Namespace  string `tfsdk:"namespace"`
	MetricName string `tfsdk:"metric_name"`
}

func (r *metricStream) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m streamModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	var include, exclude []filterModel
	var stats []statsModel
	var tags map[string]string
	resp.Diagnostics.Append(m.IncludeFilter.ElementsAs(ctx, &include, false)...)
	resp.Diagnostics.Append(m.ExcludeFilter.ElementsAs(ctx, &exclude, false)...)
	resp.Diagnostics.Append(m.StatisticsConfiguration.ElementsAs(ctx, &stats, false)...)
	if !m.Tags.IsNull() {
		resp.Diagnostics.Append(m.Tags.ElementsAs(ctx, &tags, false)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	in := &cloudwatch.PutMetricStreamInput{
		Name:                         m.Name.ValueStringPointer(),
		FirehoseArn:                  m.FirehoseARN.ValueStringPointer(),
		RoleArn:                      m.RoleARN.ValueStringPointer(),
		OutputFormat:                 cwtypes.MetricStreamOutputFormat(m.OutputFormat.ValueString()),
		IncludeLinkedAccountsMetrics: aws.Bool(m.IncludeLinkedAccountsMetrics.ValueBool()),
	}
	for _, f := range include {
		in.IncludeFilters = append(in.IncludeFilters, cwtypes.MetricStreamFilter{Namespace: aws.String(f.Namespace), MetricNames: f.MetricNames})
	}
	for _, f := range exclude {
		in.ExcludeFilters = append(in.ExcludeFilters, cwtypes.MetricStreamFilter{Namespace: aws.String(f.Namespace), MetricNames: f.MetricNames})
	}
	for _, s := range stats {
		c := cwtypes.MetricStreamStatisticsConfiguration{AdditionalStatistics: s.AdditionalStatistics}
		for _, im := range s.IncludeMetric {
			c.IncludeMetrics = append(c.IncludeMetrics, cwtypes.MetricStreamStatisticsMetric{Namespace: aws.String(im.Namespace), MetricName: aws.String(im.MetricName)})
		}
		in.StatisticsConfigurations = append(in.StatisticsConfigurations, c)
	}
	for k, v := range tags {
		in.Tags = append(in.Tags, cwtypes.Tag{Key: aws.String(k), Value: aws.String(v)})
	}
	if _, err := r.conn().PutMetricStream(ctx, in); err != nil {
		resp.Diagnostics.AddError("creating CloudWatch Metric Stream", err.Error())
		return
	}
	m.ID = m.Name
	if r.read(ctx, &m, resp.Diagnostics.AddError) {
		resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	}
}

// read refreshes m as hashicorp/aws's Read does (last_update_date is its
// creation date there too); false when the stream is gone.
func (r *metricStream) read(ctx context.Context, m *streamModel, fail func(string, string)) bool {
	out, err := r.conn().GetMetricStream(ctx, &cloudwatch.GetMetricStreamInput{Name: m.ID.ValueStringPointer()})
	if err != nil {
		if !isNotFound(err) {
			fail("reading CloudWatch Metric Stream", err.Error())
		}
		return false
	}
	tags, err := r.conn().ListTagsForResource(ctx, &cloudwatch.ListTagsForResourceInput{ResourceARN: out.Arn})
	if err != nil {
		fail("listing tags of CloudWatch Metric Stream", err.Error())
		return false
	}
	m.Region = types.StringValue(r.c.region)
	m.ARN = sdkString(out.Arn)
	m.CreationDate = types.StringValue(aws.ToTime(out.CreationDate).Format(time.RFC3339))
	m.LastUpdateDate = m.CreationDate
	m.Name = sdkString(out.Name)
	m.NamePrefix = types.StringValue("") // the name has no generated suffix
	m.FirehoseARN = sdkString(out.FirehoseArn)
	m.RoleARN = sdkString(out.RoleArn)
	m.OutputFormat = types.StringValue(string(out.OutputFormat))
	m.State = sdkString(out.State)
	m.IncludeLinkedAccountsMetrics = types.BoolValue(aws.ToBool(out.IncludeLinkedAccountsMetrics))
	m.IncludeFilter = filters(out.IncludeFilters)
	m.ExcludeFilter = filters(out.ExcludeFilters)
	m.StatisticsConfiguration = statistics(out.StatisticsConfigurations)
	all := map[string]attr.Value{}
	for _, t := range tags.Tags {
		all[aws.ToString(t.Key)] = types.StringValue(aws.ToString(t.Value))
	}
	m.TagsAll = types.MapValueMust(types.StringType, all)
	if !m.Tags.IsNull() {
		m.Tags = m.TagsAll
	}
	return true
}

func filters(in []cwtypes.MetricStreamFilter) types.Set {
	var elems []attr.Value
	for _, f := range in {
		var names []attr.Value
		for _, n := range f.MetricNames {
			names = append(names, types.StringValue(n))
		}
		mn := types.SetNull(types.StringType)
		if len(names) > 0 {
			mn = types.SetValueMust(types.StringType, names)
		}
		elems = append(elems, types.ObjectValueMust(filterType.AttrTypes, map[string]attr.Value{"namespace": sdkString(f.Namespace), "metric_names": mn}))
	}
	return types.SetValueMust(filterType, elems)
}

func statistics(in []cwtypes.MetricStreamStatisticsConfiguration) types.Set {
	var elems []attr.Value
	for _, c := range in {
		var stats, metrics []attr.Value
		for _, s := range c.AdditionalStatistics {
			stats = append(stats, types.StringValue(s))
		}
		for _, im := range c.IncludeMetrics {
			metrics = append(metrics, types.ObjectValueMust(metricType.AttrTypes, map[string]attr.Value{
				"namespace": sdkString(im.Namespace), "metric_name": sdkString(im.MetricName),
			}))
		}
		elems = append(elems, types.ObjectValueMust(statsType.AttrTypes, map[string]attr.Value{
			"additional_statistics": types.SetValueMust(types.StringType, stats),
			"include_metric":        types.SetValueMust(metricType, metrics),
		}))
	}
	return types.SetValueMust(statsType, elems)
}

func (r *metricStream) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readState(ctx, req, resp, r.read)
}

func (r *metricStream) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var m streamModel
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if _, err := r.conn().DeleteMetricStream(ctx, &cloudwatch.DeleteMetricStreamInput{Name: m.ID.ValueStringPointer()}); err != nil && !isNotFound(err) {
		resp.Diagnostics.AddError("deleting CloudWatch Metric Stream", err.Error())
	}
}
