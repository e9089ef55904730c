package cloudwatch

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	awstypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
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

	"github.com/scalingkit/terraform-provider-scaling/internal/conns"
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

const (
	// defaultNamePrefix names streams with neither name nor name_prefix.
	defaultNamePrefix = "terraform-"
	// The default timeout of each operation, as hashicorp/aws's metric stream has.
	defaultTimeout = 30 * time.Minute
)

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
	TagsAll                      types.Map         `tfsdk:"tags_all"`
	State                        types.String      `tfsdk:"state"`
	ARN                          types.String      `tfsdk:"arn"`
	CreationDate                 types.String      `tfsdk:"creation_date"`
	LastUpdateDate               types.String      `tfsdk:"last_update_date"`
	Timeouts                     timeouts.Value    `tfsdk:"timeouts"`
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

// Filter and statistics blocks are sets: the API keeps no order, so
// blocks written in another order are the same stream.
func filterBlock(what string) schema.SetNestedBlock {
	return schema.SetNestedBlock{
		MarkdownDescription: fmt.Sprintf("Metrics to %s, by namespace (and optionally metric names). Cannot be combined with the other filter kind. The order of the blocks does not matter.", what),
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

func (r *metricStreamResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A CloudWatch metric stream to Kinesis Data Firehose: metrics arrive within minutes instead of being " +
			"polled, a fast and cheap scaling signal (e.g. for KEDA). Every API limit is checked at plan time; `state` is managed " +
			"with Start/StopMetricStreams and drift (a stream stopped outside Terraform) is detected and corrected. A stream " +
			"that already exists under the name is never taken over (PutMetricStream would overwrite it): import it instead.",
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
				Optional: true, Computed: true,
				MarkdownDescription: fmt.Sprintf("Generate a unique name starting with this prefix (1-%d characters). Conflicts with `name`. "+
					"Changing it replaces the stream. When not set it is read from the name (as hashicorp/aws does), so a stream made "+
					"with a prefix imports without a replacement.", metricstream.MaxNamePrefixLength),
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
				MarkdownDescription: fmt.Sprintf("Tags (at most %d, with the provider's `default_tags`). Set at creation and changed later with TagResource/UntagResource, since PutMetricStream ignores tags of an existing stream.", metricstream.MaxTags),
			},
			"tags_all": framework.TagsAllAttribute("tags"),
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
			"statistics_configuration": schema.SetNestedBlock{
				MarkdownDescription: fmt.Sprintf("Additional statistics (e.g. percentiles) to stream for some metrics, besides Minimum, Maximum, Sum and SampleCount. At most %d blocks, in any order.", metricstream.MaxStatConfigs),
				Validators:          []validator.Set{setvalidator.SizeAtMost(metricstream.MaxStatConfigs)},
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"additional_statistics": schema.SetAttribute{
							Required: true, ElementType: types.StringType,
							MarkdownDescription: fmt.Sprintf("1-%d statistics: percentiles (`p99`, `p99.9`) for every format; with `json` also trimmed means (`tm99`, `TM(10%%:90%%)`), winsorized means (`wm99`), trimmed counts/sums (`tc99`, `ts99`), percentile ranks (`PR(:300)`), `IQM` and `Average`.", metricstream.MaxStatStatistics),
						},
					},
					Blocks: map[string]schema.Block{
						"include_metric": schema.SetNestedBlock{
							MarkdownDescription: fmt.Sprintf("1-%d metrics the statistics apply to, in any order. A metric the filters leave out gets no statistics (a plan-time warning says so).", metricstream.MaxStatMetrics),
							NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
								"namespace":   schema.StringAttribute{Required: true, MarkdownDescription: "Metric namespace, e.g. `AWS/SQS`."},
								"metric_name": schema.StringAttribute{Required: true, MarkdownDescription: "Metric name, e.g. `ApproximateAgeOfOldestMessage`."},
							}},
						},
					},
				},
			},
			"timeouts": framework.DescribedTimeoutsBlock(ctx, timeouts.Opts{Create: true, Update: true, Delete: true},
				fmt.Sprintf("creating, updating and deleting the stream (default %s each)", framework.DurationText(defaultTimeout))),
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
	framework.AddProblems(&resp.Diagnostics, atSetBlocks(metricstream.Validate(m.spec())))
}

// ModifyPlan computes tags_all and name_prefix, and keeps
// last_update_date when nothing PutMetricStream sends changes (only tags
// or state, which have their own APIs).
func (r *metricStreamResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	if all := framework.PlanTagsAll(ctx, framework.TagsConfig(r.Client), "tags", req, resp); len(all) > metricstream.MaxTags {
		resp.Diagnostics.AddAttributeError(path.Root("tags"), "Invalid tags",
			fmt.Sprintf("With the provider's default_tags the stream would have %d tags; a metric stream can have at most %d.", len(all), metricstream.MaxTags))
	}
	r.planNamePrefix(ctx, req, resp)
	if req.State.Raw.IsNull() {
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

// planNamePrefix plans name_prefix: the configured one, else the prefix
// the planned name was generated from (none for a name chosen by hand),
// else the default prefix a new name will get. A configured prefix the
// stream's name was not made from replaces the stream under a new name.
func (r *metricStreamResource) planNamePrefix(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var cfgName, cfgPrefix, planName, stateName types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("name"), &cfgName)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("name_prefix"), &cfgPrefix)...)
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("name"), &planName)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("name"), &stateName)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	prefix := cfgPrefix
	switch {
	case !cfgPrefix.IsNull():
		if !req.State.Raw.IsNull() && cfgName.IsNull() {
			made, ok := metricstream.NamePrefixFromName(stateName.ValueString())
			if cfgPrefix.IsUnknown() || !ok || made != cfgPrefix.ValueString() {
				resp.RequiresReplace = append(resp.RequiresReplace, path.Root("name_prefix"))
				resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("name"), types.StringUnknown())...)
				resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("id"), types.StringUnknown())...)
			}
		}
	case planName.IsUnknown() && cfgName.IsNull():
		prefix = types.StringValue(defaultNamePrefix)
	case planName.IsUnknown():
		prefix = types.StringUnknown()
	default:
		prefix = namePrefixOf(planName.ValueString())
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("name_prefix"), prefix)...)
}

// namePrefixOf is name_prefix as read from a stream's name.
func namePrefixOf(name string) types.String {
	if p, ok := metricstream.NamePrefixFromName(name); ok {
		return types.StringValue(p)
	}
	return types.StringNull()
}

func (r *metricStreamResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan metricStreamModel
	ctx, cancel, ok := framework.GetWithTimeout(ctx, req.Plan, &plan, &plan.Timeouts, timeouts.Value.Create, defaultTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	name := plan.Name.ValueString()
	if plan.Name.IsUnknown() || plan.Name.IsNull() {
		prefix := defaultNamePrefix
		if !plan.NamePrefix.IsNull() && !plan.NamePrefix.IsUnknown() {
			prefix = plan.NamePrefix.ValueString()
		}
		name = metricstream.UniqueName(prefix, time.Now())
	}
	// PutMetricStream overwrites a stream of the same name: refuse to take
	// over one that Terraform did not create.
	if _, err := findStream(ctx, r.Client.CloudWatch, name); err == nil {
		resp.Diagnostics.AddAttributeError(path.Root("name"), "The CloudWatch metric stream already exists",
			fmt.Sprintf("A metric stream named %q already exists in this account and Region, and creating it again would overwrite its "+
				"Firehose target, filters and tags. To manage it here, import it: `terraform import <address> %s` or an `import` block "+
				"with id = %q. Otherwise pick another name.", name, name, name))
		return
	} else if !tfresource.IsNotFound(err) {
		resp.Diagnostics.AddError("Creating the CloudWatch metric stream failed", err.Error())
		return
	}
	in := plan.putInput(name)
	all, _ := framework.KnownStringMap(plan.TagsAll)
	for _, k := range slices.Sorted(maps.Keys(all)) {
		in.Tags = append(in.Tags, awstypes.Tag{Key: aws.String(k), Value: aws.String(all[k])})
	}
	if _, err := r.Client.CloudWatch.PutMetricStream(ctx, in); err != nil {
		if tfresource.MayHaveTakenEffect(err) {
			// The stream may exist: record it, so the next refresh finds
			// it (or drops it) instead of it being left outside state.
			plan.recordIdentity(name)
			resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		}
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
		plan.recordIdentity(name)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// recordIdentity fills what a failed create knows: the stream's name;
// values it could not read stay null.
func (m *metricStreamModel) recordIdentity(name string) {
	m.ID, m.Name = types.StringValue(name), types.StringValue(name)
	if m.NamePrefix.IsUnknown() {
		m.NamePrefix = namePrefixOf(name)
	}
	for _, v := range []*types.String{&m.ARN, &m.CreationDate, &m.LastUpdateDate} {
		if v.IsUnknown() {
			*v = types.StringNull()
		}
	}
	if m.TagsAll.IsUnknown() {
		m.TagsAll = types.MapNull(types.StringType)
	}
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
	if resp.Diagnostics.Append(r.fillWithTags(ctx, &state, out)...); resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *metricStreamResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state metricStreamModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, ok := framework.GetWithTimeout(ctx, req.Plan, &plan, &plan.Timeouts, timeouts.Value.Update, defaultTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	name := state.ID.ValueString()
	if in := plan.putInput(name); !reflect.DeepEqual(in, state.putInput(name)) {
		if _, err := r.Client.CloudWatch.PutMetricStream(ctx, in); err != nil {
			resp.Diagnostics.AddError("Updating the CloudWatch metric stream failed", err.Error())
			return
		}
	}
	oldTags, _ := framework.KnownStringMap(state.TagsAll)
	if state.TagsAll.IsNull() {
		oldTags, _ = framework.KnownStringMap(state.Tags)
	}
	newTags, _ := framework.KnownStringMap(plan.TagsAll)
	if err := r.updateTags(ctx, state.ARN.ValueString(), oldTags, newTags); err != nil {
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
	ctx, cancel, ok := framework.GetWithTimeout(ctx, req.State, &state, &state.Timeouts, timeouts.Value.Delete, defaultTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
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
	return r.fillWithTags(ctx, m, out)
}

// fillWithTags copies the stream read by out, and its tags, into m.
func (r *metricStreamResource) fillWithTags(ctx context.Context, m *metricStreamModel, out *cloudwatch.GetMetricStreamOutput) diag.Diagnostics {
	var diags diag.Diagnostics
	tags, err := findTags(ctx, r.Client.CloudWatch, aws.ToString(out.Arn))
	if err != nil {
		diags.AddError("Reading the CloudWatch metric stream's tags failed", err.Error())
		return diags
	}
	m.fill(out)
	m.Tags, m.TagsAll = framework.TagsFromAPI(framework.TagsConfig(r.Client), tags, m.Tags)
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
	removed, set := conns.TagChanges(old, new)
	if len(removed) > 0 {
		if _, err := r.Client.CloudWatch.UntagResource(ctx, &cloudwatch.UntagResourceInput{ResourceARN: aws.String(arn), TagKeys: removed}); err != nil {
			return err
		}
	}
	if len(set) > 0 {
		tags := make([]awstypes.Tag, 0, len(set))
		for _, k := range set {
			tags = append(tags, awstypes.Tag{Key: aws.String(k), Value: aws.String(new[k])})
		}
		if _, err := r.Client.CloudWatch.TagResource(ctx, &cloudwatch.TagResourceInput{ResourceARN: aws.String(arn), Tags: tags}); err != nil {
			return err
		}
	}
	return nil
}
