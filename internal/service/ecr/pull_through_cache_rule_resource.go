package ecr

import (
	"context"
	"fmt"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	awstypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
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

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/configvalue"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/pullthroughcache"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
	"github.com/scalingkit/terraform-provider-scaling/internal/tfresource"
)

var (
	_ resource.Resource                   = (*pullThroughCacheRuleResource)(nil)
	_ resource.ResourceWithConfigure      = (*pullThroughCacheRuleResource)(nil)
	_ resource.ResourceWithImportState    = (*pullThroughCacheRuleResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*pullThroughCacheRuleResource)(nil)
	_ resource.ResourceWithValidateConfig = (*pullThroughCacheRuleResource)(nil)
)

// Severities for a rule that fails ValidatePullThroughCacheRule.
const (
	severityError   = "error"
	severityWarning = "warning"
)

func newPullThroughCacheRuleResource() resource.Resource {
	return &pullThroughCacheRuleResource{}
}

type pullThroughCacheRuleResource struct {
	framework.AWSResource
}

func (r *pullThroughCacheRuleResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "scaling_ecr_pull_through_cache_rule"
}

type pullThroughCacheRuleModel struct {
	ID                       types.String   `tfsdk:"id"`
	EcrRepositoryPrefix      types.String   `tfsdk:"ecr_repository_prefix"`
	UpstreamRegistryURL      types.String   `tfsdk:"upstream_registry_url"`
	UpstreamRepositoryPrefix types.String   `tfsdk:"upstream_repository_prefix"`
	CredentialARN            types.String   `tfsdk:"credential_arn"`
	CustomRoleARN            types.String   `tfsdk:"custom_role_arn"`
	RegistryID               types.String   `tfsdk:"registry_id"`
	UpstreamRegistry         types.String   `tfsdk:"upstream_registry"`
	CreatedAt                types.String   `tfsdk:"created_at"`
	UpdatedAt                types.String   `tfsdk:"updated_at"`
	ValidateAfterApply       types.Bool     `tfsdk:"validate_after_apply"`
	ValidationSeverity       types.String   `tfsdk:"validation_severity"`
	ValidationFailure        types.String   `tfsdk:"validation_failure"`
	NodeIAMPolicyJSON        types.String   `tfsdk:"node_iam_policy_json"`
	Timeouts                 timeouts.Value `tfsdk:"timeouts"`
}

func (r *pullThroughCacheRuleResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An ECR pull-through cache rule: the registry caches images from an upstream registry " +
			"(Docker Hub, Quay, registry.k8s.io, GitHub, GitLab, Azure, Chainguard, ECR Public or another ECR registry) " +
			"under `ecr_repository_prefix`, so nodes pull from ECR in their own Region. Every API rule (prefix shape, which " +
			"upstreams need a credential or role, the `" + pullthroughcache.SecretNamePrefix + "` secret name) is checked at plan time. " +
			"After apply the rule is tested with `ValidatePullThroughCacheRule`, and `node_iam_policy_json` gives the " +
			"least-privilege policy nodes need to pull through it.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "The ECR repository prefix (the import ID).",
			},
			"ecr_repository_prefix": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Repository name prefix in your registry for images cached through this rule: 2-30 lowercase characters " +
					"(letters, digits, single `.`, `_`, `-` or `/` between them), or `ROOT` to match every repository. " +
					"Images are pulled as `<account>.dkr.ecr.<region>.amazonaws.com/<prefix>/<upstream repository>:<tag>`. Changing it replaces the rule.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"upstream_registry_url": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Host name of the upstream registry: `registry-1.docker.io`, `public.ecr.aws`, `quay.io`, `registry.k8s.io`, " +
					"`ghcr.io`, `registry.gitlab.com`, `cgr.dev`, `<name>.azurecr.io` or `<account>.dkr.ecr.<region>.amazonaws.com`. " +
					"Changing it replaces the rule (the API cannot update it).",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"upstream_repository_prefix": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Repository prefix in the upstream registry to match, same format as `ecr_repository_prefix`; the API uses `ROOT` when unset. Changing it replaces the rule.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
			},
			"credential_arn": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "ARN of the Secrets Manager secret with the upstream credentials (`{\"username\": ..., \"accessToken\": ...}`). " +
					"Required for Docker Hub, GitHub, GitLab and Azure, optional for Quay and Chainguard, not allowed otherwise. " +
					"The secret's name must start with `" + pullthroughcache.SecretNamePrefix + "`. Changing it updates the rule in place; removing it replaces the rule.",
				PlanModifiers: []planmodifier.String{requiresReplaceOnRemoval()},
			},
			"custom_role_arn": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "ARN of the IAM role ECR assumes to read an upstream ECR registry; required for ECR-to-ECR rules and " +
					"not allowed for other upstreams. Changing it updates the rule in place; removing it replaces the rule.",
				PlanModifiers: []planmodifier.String{requiresReplaceOnRemoval()},
			},
			"registry_id": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "The AWS account ID of the registry that holds the rule.",
			},
			"upstream_registry": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "The upstream registry type the API derived from the URL (`docker-hub`, `quay`, `k8s`, `ecr`, ...).",
			},
			"created_at": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "When the rule was created (RFC 3339).",
			},
			"updated_at": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the rule's credential or role last changed (RFC 3339).",
			},
			"validate_after_apply": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				MarkdownDescription: "When true (the default), apply calls `ValidatePullThroughCacheRule` and reports a rule that cannot " +
					"reach its upstream (missing secret, refused credentials) with `validation_severity`.",
			},
			"validation_severity": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(severityError),
				MarkdownDescription: "How a failed validation is reported: `error` (the default) or `warning`. With `error`, a new rule " +
					"is saved but marked tainted, so the next apply recreates it; a changed credential or role is set back to the previous " +
					"one, so pulls keep working and the next plan shows the change again (when it cannot be set back, `validation_failure` " +
					"stays set and every plan validates the rule again until it passes).",
				Validators: []validator.String{stringvalidator.OneOf(severityError, severityWarning)},
			},
			"validation_failure": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "Why the last `ValidatePullThroughCacheRule` of this rule failed (ECR's words), or null when it " +
					"passed or did not run. With `validation_severity = \"error\"` a set value makes the next plan validate again.",
			},
			"node_iam_policy_json": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "Least-privilege IAM policy (JSON) for nodes pulling through this rule: `ecr:GetAuthorizationToken`, " +
					"and the pull actions plus `ecr:BatchImportUpstreamImage` and `ecr:CreateRepository` on the rule's repositories only " +
					"(`repository/<prefix>/*`). Attach it to the node role, e.g. with `aws_iam_role_policy`.",
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": framework.DescribedTimeoutsBlock(ctx, timeouts.Opts{Create: true, Update: true, Delete: true},
				fmt.Sprintf("creating (with the wait for the rule to be visible and its validation), updating and deleting the rule (default %s each)", framework.DurationText(defaultTimeout))),
		},
	}
}

// requiresReplaceOnRemoval replaces the rule when a credential or role is
// removed: UpdatePullThroughCacheRule can change them but not clear them.
func requiresReplaceOnRemoval() planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(
		func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
			resp.RequiresReplace = pullthroughcache.RequiresReplaceOnRemoval(framework.ConfigValue(req.StateValue), framework.ConfigValue(req.PlanValue))
		},
		"Removing it replaces the rule: the API cannot clear it.",
		"Removing it replaces the rule: the API cannot clear it.",
	)
}

func (r *pullThroughCacheRuleResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m pullThroughCacheRuleModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	framework.AddProblems(&resp.Diagnostics, pullthroughcache.Validate(pullthroughcache.Spec{
		EcrRepositoryPrefix:      framework.ConfigValue(m.EcrRepositoryPrefix),
		UpstreamRegistryURL:      framework.ConfigValue(m.UpstreamRegistryURL),
		UpstreamRepositoryPrefix: framework.ConfigValue(m.UpstreamRepositoryPrefix),
		CredentialARN:            framework.ConfigValue(m.CredentialARN),
		CustomRoleARN:            framework.ConfigValue(m.CustomRoleARN),
	}))
}

// ModifyPlan checks the secret's Region against the provider's, keeps
// updated_at when neither credential nor role changes, and plans
// validation_failure: known from state unless the apply validates again.
func (r *pullThroughCacheRuleResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan pullThroughCacheRuleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if r.Client != nil {
		framework.AddProblems(&resp.Diagnostics, pullthroughcache.CheckSecretRegion(framework.ConfigValue(plan.CredentialARN), r.Client.Region))
	}
	if req.State.Raw.IsNull() {
		return
	}
	var state pullThroughCacheRuleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	changed := !plan.CredentialARN.Equal(state.CredentialARN) || !plan.CustomRoleARN.Equal(state.CustomRoleARN)
	if !changed {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("updated_at"), state.UpdatedAt)...)
	}
	failure := state.ValidationFailure
	switch {
	case !plan.ValidateAfterApply.ValueBool():
		failure = types.StringNull()
	case changed || !state.ValidateAfterApply.ValueBool():
		failure = types.StringUnknown()
	case !state.ValidationFailure.IsNull() && plan.ValidationSeverity.ValueString() == severityError:
		failure = types.StringUnknown()
		resp.Diagnostics.AddWarning("The ECR pull-through cache rule failed its last validation",
			fmt.Sprintf("ECR said the rule %q cannot reach its upstream: %s\nThis apply validates it again and fails while it still cannot.",
				state.ID.ValueString(), state.ValidationFailure.ValueString()))
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("validation_failure"), failure)...)
}

func (r *pullThroughCacheRuleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan pullThroughCacheRuleModel
	ctx, cancel, ok := framework.GetWithTimeout(ctx, req.Plan, &plan, &plan.Timeouts, timeouts.Value.Create, defaultTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	prefix := plan.EcrRepositoryPrefix.ValueString()
	in := &ecr.CreatePullThroughCacheRuleInput{
		EcrRepositoryPrefix: aws.String(prefix),
		UpstreamRegistryUrl: plan.UpstreamRegistryURL.ValueStringPointer(),
		CredentialArn:       plan.CredentialARN.ValueStringPointer(),
		CustomRoleArn:       plan.CustomRoleARN.ValueStringPointer(),
	}
	if !plan.UpstreamRepositoryPrefix.IsUnknown() && !plan.UpstreamRepositoryPrefix.IsNull() {
		in.UpstreamRepositoryPrefix = plan.UpstreamRepositoryPrefix.ValueStringPointer()
	}
	var attempts atomic.Int32
	if _, err := r.Client.ECR.CreatePullThroughCacheRule(ctx, in, countAttempts(&attempts)); err != nil && !r.createdByRetry(ctx, err, attempts.Load(), in) {
		if tfresource.MayHaveTakenEffect(err) {
			// No answer, or 5xx: the rule may exist. Record it, so the next
			// refresh finds it (or drops it) instead of it being left outside
			// state, where every later apply fails with AlreadyExists.
			plan.recordIdentity(prefix)
			resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		}
		resp.Diagnostics.AddError("Creating the ECR pull-through cache rule failed", createFailure(prefix, err))
		return
	}
	// The rule exists: record it before anything else can fail.
	plan.recordIdentity(prefix)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	rule, err := waitRuleFound(ctx, r.Client.ECR, prefix)
	if err != nil {
		resp.Diagnostics.AddError("Reading the new ECR pull-through cache rule failed",
			fmt.Sprintf("The rule %q was created but could not be read back: %v. It is recorded in state, so the next apply reads it again (and replaces it, as the failed create marked it tainted).", prefix, err))
		return
	}
	r.fill(&plan, rule)
	v := r.validate(ctx, plan)
	plan.ValidationFailure = v.failure
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(v.report(plan)...)
}

// recordIdentity fills what a create knows before it can read the rule:
// its prefix; values not read yet stay null.
func (m *pullThroughCacheRuleModel) recordIdentity(prefix string) {
	m.ID = types.StringValue(prefix)
	for _, v := range []*types.String{&m.UpstreamRepositoryPrefix, &m.RegistryID, &m.UpstreamRegistry, &m.CreatedAt, &m.UpdatedAt, &m.ValidationFailure, &m.NodeIAMPolicyJSON} {
		if v.IsUnknown() {
			*v = types.StringNull()
		}
	}
}

// createdByRetry: AlreadyExists on a retried create, for a rule exactly as
// requested, is this create's own earlier attempt (its reply was lost).
func (r *pullThroughCacheRuleResource) createdByRetry(ctx context.Context, err error, attempts int32, in *ecr.CreatePullThroughCacheRuleInput) bool {
	if attempts < 2 || !tfresource.IsA[*awstypes.PullThroughCacheRuleAlreadyExistsException](err) {
		return false
	}
	rule, ferr := findRule(ctx, r.Client.ECR, aws.ToString(in.EcrRepositoryPrefix))
	if ferr != nil {
		return false
	}
	upstreamPrefix := aws.ToString(in.UpstreamRepositoryPrefix)
	if upstreamPrefix == "" {
		upstreamPrefix = pullthroughcache.Root
	}
	return aws.ToString(rule.UpstreamRegistryUrl) == aws.ToString(in.UpstreamRegistryUrl) &&
		aws.ToString(rule.UpstreamRepositoryPrefix) == upstreamPrefix &&
		aws.ToString(rule.CredentialArn) == aws.ToString(in.CredentialArn) &&
		aws.ToString(rule.CustomRoleArn) == aws.ToString(in.CustomRoleArn)
}

func createFailure(prefix string, err error) string {
	switch {
	case tfresource.IsA[*awstypes.PullThroughCacheRuleAlreadyExistsException](err):
		return fmt.Sprintf("A rule with prefix %q already exists in this registry: import it with `terraform import <address> %s`, or pick another ecr_repository_prefix. (%v)", prefix, prefix, err)
	case tfresource.IsA[*awstypes.SecretNotFoundException](err):
		return fmt.Sprintf("ECR cannot find the secret in credential_arn. Create it in Secrets Manager in the same Region as the rule, named %s<name>. (%v)", pullthroughcache.SecretNamePrefix, err)
	}
	return err.Error()
}

func (r *pullThroughCacheRuleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state pullThroughCacheRuleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	rule, err := findRule(ctx, r.Client.ECR, state.ID.ValueString())
	if tfresource.IsNotFound(err) {
		// Deleted outside Terraform: gone, so the next plan recreates it.
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Reading the ECR pull-through cache rule failed", err.Error())
		return
	}
	r.fill(&state, rule)
	if state.ValidateAfterApply.IsNull() {
		state.ValidateAfterApply = types.BoolValue(true)
	}
	if state.ValidationSeverity.IsNull() {
		state.ValidationSeverity = types.StringValue(severityError)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *pullThroughCacheRuleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state pullThroughCacheRuleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, ok := framework.GetWithTimeout(ctx, req.Plan, &plan, &plan.Timeouts, timeouts.Value.Update, defaultTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	// Until the change is confirmed, the state is what ECR held before: a
	// failure below must not record the planned credential as applied.
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	prefix := state.ID.ValueString()
	changed := !plan.CredentialARN.Equal(state.CredentialARN) || !plan.CustomRoleARN.Equal(state.CustomRoleARN)
	if changed {
		if err := r.setCredentials(ctx, prefix, plan.CredentialARN, plan.CustomRoleARN); err != nil {
			resp.Diagnostics.AddError("Updating the ECR pull-through cache rule failed", createFailure(prefix, err))
			return
		}
	}
	rule, err := waitRuleFound(ctx, r.Client.ECR, prefix)
	if err != nil {
		resp.Diagnostics.AddError("Reading the ECR pull-through cache rule failed", err.Error())
		return
	}
	r.fill(&plan, rule)
	if !plan.ValidationFailure.IsUnknown() {
		// The plan keeps the last verdict: nothing to validate again.
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		return
	}
	v := r.validate(ctx, plan)
	plan.ValidationFailure = v.failure
	if !v.refused() || !changed || plan.ValidationSeverity.ValueString() != severityError {
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		resp.Diagnostics.Append(v.report(plan)...)
		return
	}
	// The upstream refuses the new credential or role: set the rule back to
	// the one that worked, so pulls go on, and keep it in state, so the next
	// plan shows the change again.
	diags := v.report(plan)
	if err := r.setCredentials(ctx, prefix, state.CredentialARN, state.CustomRoleARN); err != nil {
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		resp.Diagnostics.Append(diags...)
		resp.Diagnostics.AddError("The ECR pull-through cache rule could not be set back",
			fmt.Sprintf("The rule %q keeps the refused credential or role (%v). validation_failure records it, so every plan validates the rule again until it passes: fix the secret or role, or go back to one that works.", prefix, err))
		return
	}
	if rule, err := findRule(ctx, r.Client.ECR, prefix); err == nil {
		r.fill(&state, rule)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.AddError("The ECR pull-through cache rule was set back to its previous credential",
		fmt.Sprintf("The rule %q was set back to its previous credential and role, which pass validation, so pulls keep working. The next plan shows the change again.", prefix))
}

// setCredentials points the rule at a credential and role.
func (r *pullThroughCacheRuleResource) setCredentials(ctx context.Context, prefix string, credential, role types.String) error {
	_, err := r.Client.ECR.UpdatePullThroughCacheRule(ctx, &ecr.UpdatePullThroughCacheRuleInput{
		EcrRepositoryPrefix: aws.String(prefix),
		CredentialArn:       credential.ValueStringPointer(),
		CustomRoleArn:       role.ValueStringPointer(),
	})
	return err
}

func (r *pullThroughCacheRuleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state pullThroughCacheRuleModel
	ctx, cancel, ok := framework.GetWithTimeout(ctx, req.State, &state, &state.Timeouts, timeouts.Value.Delete, defaultTimeout, &resp.Diagnostics)
	defer cancel()
	if !ok {
		return
	}
	_, err := r.Client.ECR.DeletePullThroughCacheRule(ctx, &ecr.DeletePullThroughCacheRuleInput{EcrRepositoryPrefix: state.ID.ValueStringPointer()})
	if err != nil && !tfresource.IsA[*awstypes.PullThroughCacheRuleNotFoundException](err) {
		resp.Diagnostics.AddError("Deleting the ECR pull-through cache rule failed", err.Error())
	}
}

func (r *pullThroughCacheRuleResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	valid := len(pullthroughcache.Validate(pullthroughcache.Spec{EcrRepositoryPrefix: configvalue.Set(req.ID)})) == 0
	framework.ImportID(ctx, req, resp, valid, "The import ID is the rule's ecr_repository_prefix (2-30 lowercase characters, or ROOT)",
		"id", "ecr_repository_prefix")
}

// fill copies the API's view of the rule into the model.
func (r *pullThroughCacheRuleResource) fill(m *pullThroughCacheRuleModel, rule *awstypes.PullThroughCacheRule) {
	prefix := aws.ToString(rule.EcrRepositoryPrefix)
	m.ID = types.StringValue(prefix)
	m.EcrRepositoryPrefix = types.StringValue(prefix)
	m.UpstreamRegistryURL = types.StringValue(aws.ToString(rule.UpstreamRegistryUrl))
	m.UpstreamRepositoryPrefix = types.StringValue(aws.ToString(rule.UpstreamRepositoryPrefix))
	if m.UpstreamRepositoryPrefix.ValueString() == "" {
		m.UpstreamRepositoryPrefix = types.StringValue(pullthroughcache.Root)
	}
	m.CredentialARN = types.StringPointerValue(rule.CredentialArn)
	m.CustomRoleARN = types.StringPointerValue(rule.CustomRoleArn)
	m.RegistryID = types.StringValue(aws.ToString(rule.RegistryId))
	m.UpstreamRegistry = types.StringValue(string(rule.UpstreamRegistry))
	m.CreatedAt = framework.TimeValue(rule.CreatedAt)
	m.UpdatedAt = framework.TimeValue(rule.UpdatedAt)
	if m.UpdatedAt.IsNull() {
		m.UpdatedAt = m.CreatedAt
	}
	m.NodeIAMPolicyJSON = types.StringValue(pullthroughcache.NodePolicyJSON(r.Client.Region, m.RegistryID.ValueString(), prefix))
}

// validation is the verdict of ValidatePullThroughCacheRule.
type validation struct {
	// failure is ECR's reason when the rule cannot reach its upstream,
	// "validation did not run: ..." when the call itself failed, null when
	// it can or validation is off.
	failure types.String
	// err is the call's own failure.
	err error
}

// refused reports a verdict that the rule cannot reach its upstream (not
// a failed call).
func (v validation) refused() bool {
	return v.err == nil && !v.failure.IsNull()
}

// validate asks ECR whether the rule can reach its upstream.
func (r *pullThroughCacheRuleResource) validate(ctx context.Context, m pullThroughCacheRuleModel) validation {
	if !m.ValidateAfterApply.ValueBool() {
		return validation{failure: types.StringNull()}
	}
	out, err := r.Client.ECR.ValidatePullThroughCacheRule(ctx, &ecr.ValidatePullThroughCacheRuleInput{EcrRepositoryPrefix: m.ID.ValueStringPointer()})
	switch {
	case err != nil:
		// Not a verdict: the next plan validates again.
		return validation{failure: types.StringValue("validation did not run: " + err.Error()), err: err}
	case !out.IsValid:
		return validation{failure: types.StringValue(aws.ToString(out.Failure))}
	}
	return validation{failure: types.StringNull()}
}

// report says what a failed validation means, as the user chose.
func (v validation) report(m pullThroughCacheRuleModel) diag.Diagnostics {
	var diags diag.Diagnostics
	summary, detail := "The ECR pull-through cache rule cannot reach its upstream", ""
	switch {
	case v.err != nil:
		summary, detail = "Validating the ECR pull-through cache rule failed", v.err.Error()
	case v.refused():
		detail = fmt.Sprintf("ValidatePullThroughCacheRule for %q (%s) says: %s\nCheck the secret in credential_arn (it must exist in this Region, be named %s<name> and hold valid {\"username\", \"accessToken\"}) or the role in custom_role_arn. Set validation_severity = \"warning\" to keep the rule anyway.",
			m.ID.ValueString(), m.UpstreamRegistryURL.ValueString(), v.failure.ValueString(), pullthroughcache.SecretNamePrefix)
	default:
		return diags
	}
	if m.ValidationSeverity.ValueString() == severityWarning {
		diags.AddWarning(summary, detail)
	} else {
		diags.AddError(summary, detail)
	}
	return diags
}
