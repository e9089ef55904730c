package ecr

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	awstypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/conns"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/configvalue"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/repositorytemplate"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
	"github.com/scalingkit/terraform-provider-scaling/internal/tfresource"
)

var (
	_ resource.Resource                   = (*repositoryCreationTemplateResource)(nil)
	_ resource.ResourceWithConfigure      = (*repositoryCreationTemplateResource)(nil)
	_ resource.ResourceWithImportState    = (*repositoryCreationTemplateResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*repositoryCreationTemplateResource)(nil)
	_ resource.ResourceWithValidateConfig = (*repositoryCreationTemplateResource)(nil)
)

func newRepositoryCreationTemplateResource() resource.Resource {
	return &repositoryCreationTemplateResource{}
}

type repositoryCreationTemplateResource struct {
	framework.AWSResource
}

func (r *repositoryCreationTemplateResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "scaling_ecr_repository_creation_template"
}

type repositoryCreationTemplateModel struct {
	ID                                types.String              `tfsdk:"id"`
	Prefix                            types.String              `tfsdk:"prefix"`
	AppliedFor                        types.Set                 `tfsdk:"applied_for"`
	CustomRoleARN                     types.String              `tfsdk:"custom_role_arn"`
	Description                       types.String              `tfsdk:"description"`
	EncryptionConfiguration           []templateEncryptionModel `tfsdk:"encryption_configuration"`
	ImageTagMutability                types.String              `tfsdk:"image_tag_mutability"`
	ImageTagMutabilityExclusionFilter []exclusionFilterModel    `tfsdk:"image_tag_mutability_exclusion_filter"`
	LifecyclePolicy                   framework.JSONDocument    `tfsdk:"lifecycle_policy"`
	RepositoryPolicy                  framework.JSONDocument    `tfsdk:"repository_policy"`
	ResourceTags                      types.Map                 `tfsdk:"resource_tags"`
	TagsAll                           types.Map                 `tfsdk:"tags_all"`
	RegistryID                        types.String              `tfsdk:"registry_id"`
	Timeouts                          timeouts.Value            `tfsdk:"timeouts"`
}

type templateEncryptionModel struct {
	EncryptionType types.String `tfsdk:"encryption_type"`
	KMSKey         types.String `tfsdk:"kms_key"`
}

type exclusionFilterModel struct {
	Filter     types.String `tfsdk:"filter"`
	FilterType types.String `tfsdk:"filter_type"`
}

func (r *repositoryCreationTemplateResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	replaceOnRemoval := []planmodifier.String{stringplanmodifier.RequiresReplaceIf(
		func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
			resp.RequiresReplace = !req.StateValue.IsNull() && req.PlanValue.IsNull()
		},
		"Removing it replaces the template: the update API cannot clear it.",
		"Removing it replaces the template: the update API cannot clear it.",
	)}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An ECR repository creation template: the settings ECR gives the repositories it creates itself, " +
			"through a pull-through cache rule (`applied_for = [\"PULL_THROUGH_CACHE\"]`), replication or create-on-push. " +
			"Without one, every image pulled through a cache gets a repository of its own that keeps every image forever; a " +
			"`lifecycle_policy` here expires them. Every API rule (prefix shape, encryption, tag mutability, the lifecycle " +
			"policy's rules) is checked at plan time. The same arguments as hashicorp/aws's `aws_ecr_repository_creation_template`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "The template's prefix (the import ID).",
			},
			"prefix": schema.StringAttribute{
				Required: true,
				MarkdownDescription: fmt.Sprintf("Repository name prefix the template applies to: %d-%d lowercase characters (letters, digits, single "+
					"`.`, `_`, `-` or `/` between them), or `ROOT` for every repository without a template of its own. For a pull-through "+
					"cache rule use the rule's `ecr_repository_prefix`. Changing it replaces the template.", repositorytemplate.MinPrefixLength, repositorytemplate.MaxPrefixLength),
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"applied_for": schema.SetAttribute{
				Required: true, ElementType: types.StringType,
				MarkdownDescription: "When ECR uses the template: `PULL_THROUGH_CACHE` (repositories a pull-through cache rule creates), `REPLICATION`, `CREATE_ON_PUSH`.",
				Validators:          []validator.Set{setvalidator.SizeAtLeast(1)},
			},
			"custom_role_arn": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "IAM role (in the registry's account) ECR assumes to create the repositories; without it ECR uses its " +
					"service-linked role. ECR needs it to apply `resource_tags` or KMS encryption, and the provider's `default_tags` only " +
					"apply to a template that has one.",
			},
			"description": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: fmt.Sprintf("Description (at most %d characters).", repositorytemplate.MaxDescription),
			},
			"image_tag_mutability": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(repositorytemplate.MutabilityMutable),
				MarkdownDescription: "Tag mutability of the repositories: `MUTABLE` (the default), `IMMUTABLE`, or `IMMUTABLE_WITH_EXCLUSION` / " +
					"`MUTABLE_WITH_EXCLUSION` with `image_tag_mutability_exclusion_filter` blocks.",
			},
			"lifecycle_policy": schema.StringAttribute{
				Optional: true, CustomType: framework.JSONDocumentType{},
				MarkdownDescription: "Lifecycle policy (JSON) of the repositories, e.g. expire untagged images after a few days and keep the newest " +
					"N: what stops a pull-through cache growing without limit. Its rules (priorities, selection, whole numbers) are checked at " +
					"plan time. The API's own formatting of the stored policy shows no diff; removing it replaces the template.",
				PlanModifiers: replaceOnRemoval,
			},
			"repository_policy": schema.StringAttribute{
				Optional: true, CustomType: framework.JSONDocumentType{},
				MarkdownDescription: fmt.Sprintf("Repository policy (JSON, at most %d characters) of the repositories. The API's own formatting of the stored policy shows no diff; removing it replaces the template.", repositorytemplate.MaxRepositoryPolicy),
				PlanModifiers:       replaceOnRemoval,
			},
			"resource_tags": schema.MapAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: fmt.Sprintf("Tags ECR puts on the repositories it creates (at most %d, with the provider's `default_tags` when `custom_role_arn` is set). The template itself cannot be tagged.", repositorytemplate.MaxResourceTags),
			},
			"tags_all": schema.MapAttribute{
				Computed: true, ElementType: types.StringType,
				MarkdownDescription: "Every tag the repositories get: `resource_tags` over the provider's `default_tags` (only with a `custom_role_arn`, " +
					"which ECR needs to tag them), without the keys the provider's `ignore_tags` names.",
			},
			"registry_id": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "The AWS account ID of the registry that holds the template.",
			},
		},
		Blocks: map[string]schema.Block{
			"encryption_configuration": schema.ListNestedBlock{
				MarkdownDescription: "Encryption of the repositories (at most one block); without it `AES256`.",
				Validators:          []validator.List{listvalidator.SizeAtMost(1)},
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"encryption_type": schema.StringAttribute{
						Optional: true, Computed: true, Default: stringdefault.StaticString(repositorytemplate.EncryptionAES256),
						MarkdownDescription: "`AES256` (the default), `KMS` or `KMS_DSSE`.",
					},
					"kms_key": schema.StringAttribute{
						Optional: true, Computed: true, PlanModifiers: keep,
						MarkdownDescription: "Full ARN of the KMS key, in the provider's Region (checked at plan), with `KMS` or `KMS_DSSE`; without it ECR uses its AWS managed key.",
					},
				}},
			},
			"image_tag_mutability_exclusion_filter": schema.ListNestedBlock{
				MarkdownDescription: fmt.Sprintf("Tags exempt from `image_tag_mutability` (at most %d), with `IMMUTABLE_WITH_EXCLUSION` or `MUTABLE_WITH_EXCLUSION`.", repositorytemplate.MaxExclusionFilters),
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"filter": schema.StringAttribute{
						Required:            true,
						MarkdownDescription: fmt.Sprintf("Tag filter: 1-%d letters, digits, `.`, `_`, `-` and `*` wildcards, e.g. `latest` or `dev-*`.", repositorytemplate.MaxExclusionFilter),
					},
					"filter_type": schema.StringAttribute{
						Optional: true, Computed: true, Default: stringdefault.StaticString(repositorytemplate.ExclusionTypeWildcard),
						MarkdownDescription: "`WILDCARD` (the default and only type).",
					},
				}},
			},
			"timeouts": framework.DescribedTimeoutsBlock(ctx, timeouts.Opts{Create: true, Update: true, Delete: true},
				fmt.Sprintf("creating, updating and deleting the template (default %s each)", framework.DurationText(defaultTimeout))),
		},
	}
}

func (r *repositoryCreationTemplateResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m repositoryCreationTemplateModel
	// Blocks generated from values not yet known cannot be read; they are
	// checked again once known.
	if d := req.Config.Get(ctx, &m); d.HasError() {
		return
	}
	framework.AddProblems(&resp.Diagnostics, repositorytemplate.Validate(m.spec()))
}

// ModifyPlan plans tags_all, and checks what needs the provider's
// configuration: the KMS key's Region, the tag count with default_tags,
// and a custom role for tags and KMS.
func (r *repositoryCreationTemplateResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan repositoryCreationTemplateModel
	if d := req.Plan.Get(ctx, &plan); d.HasError() {
		return
	}
	all := framework.PlanTagsAll(ctx, r.tagsConfig(plan.CustomRoleARN), "resource_tags", req, resp)
	if len(all) > repositorytemplate.MaxResourceTags {
		resp.Diagnostics.AddAttributeError(path.Root("resource_tags"), "Invalid resource_tags",
			fmt.Sprintf("With the provider's default_tags the repositories would get %d tags; a template can give at most %d.", len(all), repositorytemplate.MaxResourceTags))
	}
	spec := plan.spec()
	own, _ := framework.KnownStringMap(plan.ResourceTags)
	framework.AddProblems(&resp.Diagnostics, repositorytemplate.NeedsCustomRole(spec.CustomRoleARN, len(own) > 0, spec.EncryptionType))
	if r.Client != nil {
		framework.AddProblems(&resp.Diagnostics, repositorytemplate.CheckKMSKeyRegion(spec.KMSKey, r.Client.Region))
	}
}

// tagsConfig is how the provider's tags apply to a template with this
// custom role: default_tags only with a role (ECR needs one to tag the
// repositories), ignore_tags always; nil while the role is unknown or the
// provider is not configured.
func (r *repositoryCreationTemplateResource) tagsConfig(customRole types.String) *conns.TagsConfig {
	cfg := framework.TagsConfig(r.Client)
	if cfg == nil || customRole.IsUnknown() {
		return nil
	}
	if customRole.IsNull() {
		return &conns.TagsConfig{IgnoreKeys: cfg.IgnoreKeys, IgnoreKeyPrefixes: cfg.IgnoreKeyPrefixes, Unknown: cfg.Unknown}
	}
	return cfg
}

func (r *repositoryCreationTemplateResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan repositoryCreationTemplateModel
	ctx, cancel, ok := framework.GetWithTimeout(ctx, req.Plan, &plan, &plan.Timeouts, timeouts.Value.Create, defaultTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	prefix := plan.Prefix.ValueString()
	f := plan.fields(r.tagsConfig(plan.CustomRoleARN))
	in := &ecr.CreateRepositoryCreationTemplateInput{
		Prefix: aws.String(prefix), AppliedFor: f.appliedFor, CustomRoleArn: f.customRole, Description: f.description,
		EncryptionConfiguration: f.encryption, ImageTagMutability: f.mutability, ImageTagMutabilityExclusionFilters: f.exclusionFilters,
		LifecyclePolicy: f.lifecyclePolicy, RepositoryPolicy: f.repositoryPolicy, ResourceTags: f.tags,
	}
	var attempts atomic.Int32
	out, err := r.Client.ECR.CreateRepositoryCreationTemplate(ctx, in, countAttempts(&attempts))
	var tmpl *awstypes.RepositoryCreationTemplate
	var registryID string
	switch {
	case err == nil:
		tmpl, registryID = out.RepositoryCreationTemplate, aws.ToString(out.RegistryId)
	case attempts.Load() > 1 && tfresource.IsA[*awstypes.TemplateAlreadyExistsException](err) && r.ownTemplate(ctx, in):
		// An earlier attempt of this create made it; its reply was lost.
	default:
		if tfresource.MayHaveTakenEffect(err) {
			// No answer, or 5xx: the template may exist. Record it, so the
			// next refresh finds it (or drops it).
			plan.recordIdentity(prefix)
			resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		}
		resp.Diagnostics.AddError("Creating the ECR repository creation template failed", templateFailure(prefix, err))
		return
	}
	// The template exists: record it before anything else can fail.
	plan.recordIdentity(prefix)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	if tmpl == nil {
		found, err := waitTemplateFound(ctx, r.Client.ECR, prefix)
		if err != nil {
			resp.Diagnostics.AddError("Reading the new ECR repository creation template failed",
				fmt.Sprintf("The template %q was created but could not be read back: %v. It is recorded in state, so the next apply reads it again.", prefix, err))
			return
		}
		tmpl, registryID = found.Template, found.RegistryID
	}
	r.fill(&plan, tmpl, registryID)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// ownTemplate: a template as this create requested it, found after a
// retried create met TemplateAlreadyExists, is this create's own.
func (r *repositoryCreationTemplateResource) ownTemplate(ctx context.Context, in *ecr.CreateRepositoryCreationTemplateInput) bool {
	found, err := findTemplate(ctx, r.Client.ECR, aws.ToString(in.Prefix))
	if err != nil {
		return false
	}
	t := found.Template
	sameSet := func(a, b []awstypes.RCTAppliedFor) bool {
		a, b = slices.Clone(a), slices.Clone(b)
		slices.Sort(a)
		slices.Sort(b)
		return slices.Equal(a, b)
	}
	return sameSet(t.AppliedFor, in.AppliedFor) && aws.ToString(t.Description) == aws.ToString(in.Description) &&
		framework.SameJSON(aws.ToString(t.LifecyclePolicy), aws.ToString(in.LifecyclePolicy))
}

func templateFailure(prefix string, err error) string {
	if tfresource.IsA[*awstypes.TemplateAlreadyExistsException](err) {
		return fmt.Sprintf("A repository creation template with prefix %q already exists in this registry: import it with "+
			"`terraform import <address> %s` (or an import block with id = %q), or pick another prefix. (%v)", prefix, prefix, prefix, err)
	}
	return err.Error()
}

// recordIdentity fills what a create knows before it can read the
// template: its prefix; values not read yet stay null.
func (m *repositoryCreationTemplateModel) recordIdentity(prefix string) {
	m.ID = types.StringValue(prefix)
	if m.RegistryID.IsUnknown() {
		m.RegistryID = types.StringNull()
	}
	if m.TagsAll.IsUnknown() {
		m.TagsAll = types.MapNull(types.StringType)
	}
	for i := range m.EncryptionConfiguration {
		if m.EncryptionConfiguration[i].KMSKey.IsUnknown() {
			m.EncryptionConfiguration[i].KMSKey = types.StringNull()
		}
	}
}

func (r *repositoryCreationTemplateResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state repositoryCreationTemplateModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	found, err := findTemplate(ctx, r.Client.ECR, state.ID.ValueString())
	if tfresource.IsNotFound(err) {
		// Deleted outside Terraform: gone, so the next plan recreates it.
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Reading the ECR repository creation template failed", err.Error())
		return
	}
	r.fill(&state, found.Template, found.RegistryID)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *repositoryCreationTemplateResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state repositoryCreationTemplateModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, ok := framework.GetWithTimeout(ctx, req.Plan, &plan, &plan.Timeouts, timeouts.Value.Update, defaultTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	// Until the change is confirmed the state is the prior one; the next
	// refresh reads what a call that got no answer did.
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	prefix := state.ID.ValueString()
	f := plan.fields(r.tagsConfig(plan.CustomRoleARN))
	if f.encryption == nil {
		// No block: back to the default.
		f.encryption = &awstypes.EncryptionConfigurationForRepositoryCreationTemplate{EncryptionType: awstypes.EncryptionTypeAes256}
	}
	if f.tags == nil {
		f.tags = []awstypes.Tag{} // an empty list clears them; an omitted one keeps them
	}
	out, err := r.Client.ECR.UpdateRepositoryCreationTemplate(ctx, &ecr.UpdateRepositoryCreationTemplateInput{
		Prefix: aws.String(prefix), AppliedFor: f.appliedFor, CustomRoleArn: orEmpty(f.customRole), Description: orEmpty(f.description),
		EncryptionConfiguration: f.encryption, ImageTagMutability: f.mutability, ImageTagMutabilityExclusionFilters: f.exclusionFilters,
		LifecyclePolicy: f.lifecyclePolicy, RepositoryPolicy: f.repositoryPolicy, ResourceTags: f.tags,
	})
	if err != nil {
		resp.Diagnostics.AddError("Updating the ECR repository creation template failed", err.Error())
		return
	}
	r.fill(&plan, out.RepositoryCreationTemplate, aws.ToString(out.RegistryId))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// orEmpty sends "" for an unset member, which the update API takes as
// "clear it" (an omitted member keeps its value).
func orEmpty(s *string) *string {
	if s == nil {
		return aws.String("")
	}
	return s
}

func (r *repositoryCreationTemplateResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state repositoryCreationTemplateModel
	ctx, cancel, ok := framework.GetWithTimeout(ctx, req.State, &state, &state.Timeouts, timeouts.Value.Delete, defaultTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	_, err := r.Client.ECR.DeleteRepositoryCreationTemplate(ctx, &ecr.DeleteRepositoryCreationTemplateInput{Prefix: state.ID.ValueStringPointer()})
	if err != nil && !tfresource.IsA[*awstypes.TemplateNotFoundException](err) {
		resp.Diagnostics.AddError("Deleting the ECR repository creation template failed", err.Error())
	}
}

func (r *repositoryCreationTemplateResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	valid := len(repositorytemplate.CheckPrefix(req.ID)) == 0
	framework.ImportID(ctx, req, resp, valid, "The import ID is the template's prefix (2-256 lowercase characters, or ROOT)", "id", "prefix")
}

// templateFields are the members Create and Update send.
type templateFields struct {
	appliedFor                        []awstypes.RCTAppliedFor
	customRole, description           *string
	encryption                        *awstypes.EncryptionConfigurationForRepositoryCreationTemplate
	mutability                        awstypes.ImageTagMutability
	exclusionFilters                  []awstypes.ImageTagMutabilityExclusionFilter
	lifecyclePolicy, repositoryPolicy *string
	tags                              []awstypes.Tag
}

// fields is the request for the planned template; tags is how the
// provider's tags apply to it.
func (m *repositoryCreationTemplateModel) fields(tags *conns.TagsConfig) templateFields {
	f := templateFields{
		customRole:       m.CustomRoleARN.ValueStringPointer(),
		description:      m.Description.ValueStringPointer(),
		mutability:       awstypes.ImageTagMutability(m.ImageTagMutability.ValueString()),
		lifecyclePolicy:  m.LifecyclePolicy.ValueStringPointer(),
		repositoryPolicy: m.RepositoryPolicy.ValueStringPointer(),
	}
	for _, e := range m.AppliedFor.Elements() {
		if s, ok := e.(types.String); ok {
			f.appliedFor = append(f.appliedFor, awstypes.RCTAppliedFor(s.ValueString()))
		}
	}
	slices.Sort(f.appliedFor)
	for _, e := range m.EncryptionConfiguration {
		f.encryption = &awstypes.EncryptionConfigurationForRepositoryCreationTemplate{EncryptionType: awstypes.EncryptionType(e.EncryptionType.ValueString())}
		if !e.KMSKey.IsNull() && !e.KMSKey.IsUnknown() {
			f.encryption.KmsKey = e.KMSKey.ValueStringPointer()
		}
	}
	for _, x := range m.ImageTagMutabilityExclusionFilter {
		f.exclusionFilters = append(f.exclusionFilters, awstypes.ImageTagMutabilityExclusionFilter{
			Filter: x.Filter.ValueStringPointer(), FilterType: awstypes.ImageTagMutabilityExclusionFilterType(x.FilterType.ValueString()),
		})
	}
	all, known := framework.KnownStringMap(m.TagsAll)
	if (!known || m.TagsAll.IsNull()) && tags != nil {
		own, _ := framework.KnownStringMap(m.ResourceTags)
		all = tags.All(own)
	}
	for _, k := range slices.Sorted(maps.Keys(all)) {
		f.tags = append(f.tags, awstypes.Tag{Key: aws.String(k), Value: aws.String(all[k])})
	}
	return f
}

// fill copies the API's view of the template into the model.
func (r *repositoryCreationTemplateResource) fill(m *repositoryCreationTemplateModel, t *awstypes.RepositoryCreationTemplate, registryID string) {
	prefix := aws.ToString(t.Prefix)
	m.ID, m.Prefix = types.StringValue(prefix), types.StringValue(prefix)
	applied := make([]attr.Value, 0, len(t.AppliedFor))
	for _, a := range t.AppliedFor {
		applied = append(applied, types.StringValue(string(a)))
	}
	m.AppliedFor = types.SetValueMust(types.StringType, applied)
	m.CustomRoleARN = optionalString(t.CustomRoleArn)
	m.Description = optionalString(t.Description)
	enc := t.EncryptionConfiguration
	switch {
	case enc == nil, len(m.EncryptionConfiguration) == 0 && enc.EncryptionType == awstypes.EncryptionTypeAes256 && enc.KmsKey == nil:
		// The default, and not configured: no block.
		m.EncryptionConfiguration = []templateEncryptionModel{}
	default:
		m.EncryptionConfiguration = []templateEncryptionModel{{EncryptionType: types.StringValue(string(enc.EncryptionType)), KMSKey: optionalString(enc.KmsKey)}}
	}
	m.ImageTagMutability = types.StringValue(string(t.ImageTagMutability))
	m.ImageTagMutabilityExclusionFilter = []exclusionFilterModel{}
	for _, x := range t.ImageTagMutabilityExclusionFilters {
		m.ImageTagMutabilityExclusionFilter = append(m.ImageTagMutabilityExclusionFilter, exclusionFilterModel{
			Filter: types.StringValue(aws.ToString(x.Filter)), FilterType: types.StringValue(string(x.FilterType)),
		})
	}
	m.LifecyclePolicy = jsonDocument(t.LifecyclePolicy)
	m.RepositoryPolicy = jsonDocument(t.RepositoryPolicy)
	api := map[string]string{}
	for _, tag := range t.ResourceTags {
		api[aws.ToString(tag.Key)] = aws.ToString(tag.Value)
	}
	m.ResourceTags, m.TagsAll = framework.TagsFromAPI(r.tagsConfig(m.CustomRoleARN), api, m.ResourceTags)
	m.RegistryID = optionalString(&registryID)
}

// spec is the template as the pure checks take it.
func (m *repositoryCreationTemplateModel) spec() repositorytemplate.Spec {
	s := repositorytemplate.Spec{
		Prefix: framework.ConfigValue(m.Prefix), CustomRoleARN: framework.ConfigValue(m.CustomRoleARN),
		Description: framework.ConfigValue(m.Description), ImageTagMutability: framework.ConfigValue(m.ImageTagMutability),
		LifecyclePolicy: framework.ConfigValue(m.LifecyclePolicy.StringValue), RepositoryPolicy: framework.ConfigValue(m.RepositoryPolicy.StringValue),
		EncryptionType: configvalue.Unset(), KMSKey: configvalue.Unset(),
	}
	for _, e := range m.AppliedFor.Elements() {
		if v, ok := e.(types.String); ok {
			s.AppliedFor = append(s.AppliedFor, framework.ConfigValue(v))
		}
	}
	for _, e := range m.EncryptionConfiguration {
		s.EncryptionType, s.KMSKey = framework.ConfigValue(e.EncryptionType), framework.ConfigValue(e.KMSKey)
	}
	for _, x := range m.ImageTagMutabilityExclusionFilter {
		s.ExclusionFilters = append(s.ExclusionFilters, repositorytemplate.ExclusionFilter{Filter: framework.ConfigValue(x.Filter), FilterType: framework.ConfigValue(x.FilterType)})
	}
	if !m.ResourceTags.IsNull() && !m.ResourceTags.IsUnknown() {
		s.ResourceTags = map[string]configvalue.Value{}
		for k, v := range m.ResourceTags.Elements() {
			if sv, ok := v.(types.String); ok {
				s.ResourceTags[k] = framework.ConfigValue(sv)
			}
		}
	}
	return s
}

func optionalString(s *string) types.String {
	if aws.ToString(s) == "" {
		return types.StringNull()
	}
	return types.StringValue(*s)
}

func jsonDocument(s *string) framework.JSONDocument {
	if aws.ToString(s) == "" {
		return framework.JSONDocumentNull()
	}
	return framework.JSONDocumentValue(*s)
}
