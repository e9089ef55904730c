package cloudwatch

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	awstypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/configvalue"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/metricstream"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
	"github.com/scalingkit/terraform-provider-scaling/internal/tfresource"
)

var (
	_ resource.Resource                   = (*metricStreamResource)(nil)
	_ resource.ResourceWithConfigure      = (*metricStreamResource)(nil)
	_ resource.ResourceWithImportState    = (*metricStreamResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*metricStreamResource)(nil)
	_ resource.ResourceWithValidateConfig = (*metricStreamResource)(nil)
)

// defaultNamePrefix names streams with neither name nor name_prefix.
const defaultNamePrefix = "terraform-"

func newMetricStreamResource() resource.Resource {
	return &metricStreamResource{}
}

type metricStreamResource struct {
	framework.AWSResource
}

func (r *metricStreamResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "scaling_cloudwatch_metric_stream"
}

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

func filterBlock(what string) schema.ListNestedBlock {
	return schema.ListNestedBlock{
		MarkdownDescription: fmt.Sprintf("Metrics to %s, by namespace (and optionally metric names). Cannot be combined with the other filter kind.", what),
		NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
			"namespace": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Metric namespace, e.g. `AWS/SQS` or a custom namespace (1-255 characters).",
			},
			"metric_names": schema.SetAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: fmt.Sprintf("Metric names in the namespace to %s; omit for every metric of the namespace. Namespaces and metric names count together toward the API's limit of %d.", what, metricstream.MaxFilterNames),
				Validators:          []validator.Set{setvalidator.SizeAtLeast(1)},
			},
		}},
	}
}

func (r *metricStreamResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A CloudWatch metric stream to Kinesis Data Firehose: metrics arrive within minutes instead of being " +
			"polled, a fast and cheap scaling signal (e.g. for KEDA). Every API limit is checked at plan time; `state` is managed " +
			"with Start/StopMetricStreams and drift (a stream stopped outside Terraform) is detected and corrected.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "The stream name (the import ID).",
			},
			"name": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Stream name: 1-255 letters, digits, `-` and `_`. Conflicts with `name_prefix`; when neither is set a unique name starting with `terraform-` is generated. Changing it replaces the stream.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
			},
			"name_prefix": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: fmt.Sprintf("Generate a unique name starting with this prefix (1-%d characters). Conflicts with `name`. Changing it replaces the stream.", metricstream.MaxNamePrefixLength),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"firehose_arn": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "ARN of the Kinesis Data Firehose delivery stream the metrics go to. Updated in place.",
			},
			"role_arn": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "ARN of the IAM role CloudWatch assumes to write to the delivery stream (`firehose:PutRecord`, `firehose:PutRecordBatch`). Updated in place.",
			},
			"output_format": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "`json`, `opentelemetry0.7` or `opentelemetry1.0`. OpenTelemetry formats only take percentiles as additional statistics. Updated in place.",
				Validators:          []validator.String{stringvalidator.OneOf(metricstream.OutputFormats...)},
			},
			"include_linked_accounts_metrics": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "In a monitoring account, also stream the metrics of linked source accounts. Default false.",
			},
			"tags": schema.MapAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: fmt.Sprintf("Tags (at most %d). Set at creation and changed later with TagResource/UntagResource, since PutMetricStream ignores tags of an existing stream.", metricstream.MaxTags),
			},
			"state": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(metricstream.StateRunning),
				MarkdownDescription: "`running` (the default) or `stopped`. A stream started or stopped outside Terraform shows as a change and is set back.",
				Validators:          []validator.String{stringvalidator.OneOf(metricstream.States...)},
			},
			"arn": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "The stream's ARN.",
			},
			"creation_date": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "When the stream was created (RFC 3339).",
			},
			"last_update_date": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the stream's configuration last changed (RFC 3339).",
			},
		},
		Blocks: map[string]schema.Block{
			"include_filter": filterBlock("stream"),
			"exclude_filter": filterBlock("leave out"),
			"statistics_configuration": schema.ListNestedBlock{
				MarkdownDescription: fmt.Sprintf("Additional statistics (e.g. percentiles) to stream for some metrics, besides Minimum, Maximum, Sum and SampleCount. At most %d blocks.", metricstream.MaxStatConfigs),
				Validators:          []validator.List{listvalidator.SizeAtMost(metricstream.MaxStatConfigs)},
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"additional_statistics": schema.SetAttribute{
							Required: true, ElementType: types.StringType,
							MarkdownDescription: fmt.Sprintf("1-%d statistics: percentiles (`p99`, `p99.9`) for every format; with `json` also trimmed means (`tm99`, `TM(10%%:90%%)`), winsorized means (`wm99`), trimmed counts/sums (`tc99`, `ts99`), percentile ranks (`PR(:300)`), `IQM` and `Average`.", metricstream.MaxStatStatistics),
						},
					},
					Blocks: map[string]schema.Block{
						"include_metric": schema.ListNestedBlock{
							MarkdownDescription: fmt.Sprintf("1-%d metrics the statistics apply to. A metric the filters leave out gets no statistics (a plan-time warning says so).", metricstream.MaxStatMetrics),
							NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
								"namespace":   schema.StringAttribute{Required: true, MarkdownDescription: "Metric namespace, e.g. `AWS/SQS`."},
								"metric_name": schema.StringAttribute{Required: true, MarkdownDescription: "Metric name, e.g. `ApproximateAgeOfOldestMessage`."},
							}},
						},
					},
				},
			},
		},
	}
}

func (r *metricStreamResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m metricStreamModel
	// Blocks generated from values not yet known cannot be read; they are
	// checked again once known.
	if d := req.Config.Get(ctx, &m); d.HasError() {
		return
	}
	framework.AddProblems(&resp.Diagnostics, metricstream.Validate(m.spec()))
}

// ModifyPlan keeps last_update_date when nothing PutMetricStream sends
// changes (only tags or state, which have their own APIs).
func (r *metricStreamResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var plan, state metricStreamModel
	if d := req.Plan.Get(ctx, &plan); d.HasError() {
		return
	}
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !plan.streamKnown() {
		return
	}
	if reflect.DeepEqual(plan.putInput(""), state.putInput("")) {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("last_update_date"), state.LastUpdateDate)...)
	}
}

func (r *metricStreamResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan metricStreamModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := plan.Name.ValueString()
	if plan.Name.IsUnknown() || plan.Name.IsNull() {
		prefix := defaultNamePrefix
		if !plan.NamePrefix.IsNull() {
			prefix = plan.NamePrefix.ValueString()
		}
		name = metricstream.UniqueName(prefix, time.Now())
	}
	in := plan.putInput(name)
	tags := tagsOf(plan.Tags)
	for _, k := range sortedKeys(tags) {
		in.Tags = append(in.Tags, awstypes.Tag{Key: aws.String(k), Value: aws.String(tags[k])})
	}
	if _, err := r.Client.CloudWatch.PutMetricStream(ctx, in); err != nil {
		resp.Diagnostics.AddError("Creating the CloudWatch metric stream failed", err.Error())
		return
	}
	// A new stream starts running.
	if plan.State.ValueString() == metricstream.StateStopped {
		if err := r.setState(ctx, name, metricstream.StateStopped); err != nil {
			resp.Diagnostics.AddError("Stopping the new CloudWatch metric stream failed", err.Error())
		}
	}
	resp.Diagnostics.Append(r.refresh(ctx, &plan, name, true)...)
	if resp.Diagnostics.HasError() {
		// Record the stream so it is not orphaned; the next plan repairs it.
		plan.ID, plan.Name = types.StringValue(name), types.StringValue(name)
		for _, v := range []*types.String{&plan.ARN, &plan.CreationDate, &plan.LastUpdateDate} {
			if v.IsUnknown() {
				*v = types.StringNull()
			}
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *metricStreamResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state metricStreamModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	out, err := findStream(ctx, r.Client.CloudWatch, state.ID.ValueString())
	if tfresource.IsNotFound(err) {
		// Deleted outside Terraform: gone, so the next plan recreates it.
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Reading the CloudWatch metric stream failed", err.Error())
		return
	}
	tags, err := findTags(ctx, r.Client.CloudWatch, aws.ToString(out.Arn))
	if err != nil {
		resp.Diagnostics.AddError("Reading the CloudWatch metric stream's tags failed", err.Error())
		return
	}
	state.fill(ctx, out, tags)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *metricStreamResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state metricStreamModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.ID.ValueString()
	if in := plan.putInput(name); !reflect.DeepEqual(in, state.putInput(name)) {
		if _, err := r.Client.CloudWatch.PutMetricStream(ctx, in); err != nil {
			resp.Diagnostics.AddError("Updating the CloudWatch metric stream failed", err.Error())
			return
		}
	}
	if err := r.updateTags(ctx, state.ARN.ValueString(), tagsOf(state.Tags), tagsOf(plan.Tags)); err != nil {
		resp.Diagnostics.AddError("Updating the CloudWatch metric stream's tags failed", err.Error())
		return
	}
	// state.State is what the last refresh saw, so drift is corrected here.
	if want := plan.State.ValueString(); want != state.State.ValueString() {
		if err := r.setState(ctx, name, want); err != nil {
			resp.Diagnostics.AddError("Changing the CloudWatch metric stream's state failed", err.Error())
			return
		}
	}
	resp.Diagnostics.Append(r.refresh(ctx, &plan, name, false)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *metricStreamResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state metricStreamModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// DeleteMetricStream succeeds for a stream that is already gone.
	if _, err := r.Client.CloudWatch.DeleteMetricStream(ctx, &cloudwatch.DeleteMetricStreamInput{Name: state.ID.ValueStringPointer()}); err != nil {
		resp.Diagnostics.AddError("Deleting the CloudWatch metric stream failed", err.Error())
	}
}

func (r *metricStreamResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	valid := len(metricstream.Validate(metricstream.Spec{Name: configvalue.Set(req.ID)})) == 0
	framework.ImportID(ctx, req, resp, valid, "The import ID is the metric stream's name (1-255 letters, digits, - and _)", "id", "name")
}

// refresh reads the stream and its tags into m; wait tolerates the
// eventual consistency of a stream created moments ago.
func (r *metricStreamResource) refresh(ctx context.Context, m *metricStreamModel, name string, wait bool) diag.Diagnostics {
	var diags diag.Diagnostics
	find := findStream
	if wait {
		find = waitStreamFound
	}
	out, err := find(ctx, r.Client.CloudWatch, name)
	if err != nil {
		diags.AddError("Reading the CloudWatch metric stream failed", err.Error())
		return diags
	}
	tags, err := findTags(ctx, r.Client.CloudWatch, aws.ToString(out.Arn))
	if err != nil {
		diags.AddError("Reading the CloudWatch metric stream's tags failed", err.Error())
		return diags
	}
	m.fill(ctx, out, tags)
	return diags
}

func (r *metricStreamResource) setState(ctx context.Context, name, state string) error {
	var err error
	if state == metricstream.StateStopped {
		_, err = r.Client.CloudWatch.StopMetricStreams(ctx, &cloudwatch.StopMetricStreamsInput{Names: []string{name}})
	} else {
		_, err = r.Client.CloudWatch.StartMetricStreams(ctx, &cloudwatch.StartMetricStreamsInput{Names: []string{name}})
	}
	return err
}

// updateTags applies the difference between two tag sets.
func (r *metricStreamResource) updateTags(ctx context.Context, arn string, old, new map[string]string) error {
	var removed []string
	for k := range old {
		if _, ok := new[k]; !ok {
			removed = append(removed, k)
		}
	}
	sort.Strings(removed)
	if len(removed) > 0 {
		if _, err := r.Client.CloudWatch.UntagResource(ctx, &cloudwatch.UntagResourceInput{ResourceARN: aws.String(arn), TagKeys: removed}); err != nil {
			return err
		}
	}
	var changed []awstypes.Tag
	for _, k := range sortedKeys(new) {
		if v, ok := old[k]; !ok || v != new[k] {
			changed = append(changed, awstypes.Tag{Key: aws.String(k), Value: aws.String(new[k])})
		}
	}
	if len(changed) > 0 {
		if _, err := r.Client.CloudWatch.TagResource(ctx, &cloudwatch.TagResourceInput{ResourceARN: aws.String(arn), Tags: changed}); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

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
	if len(tags) == 0 && m.Tags.IsNull() {
		return
	}
	m.Tags, _ = types.MapValueFrom(ctx, types.StringType, tags)
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
