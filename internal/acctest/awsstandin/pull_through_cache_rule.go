package awsstandin

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// pullThroughCacheRule is aws_ecr_pull_through_cache_rule (schema version 0).
type pullThroughCacheRule struct{ configured }

type ruleModel struct {
	ID                       types.String `tfsdk:"id"`
	Region                   types.String `tfsdk:"region"`
	CredentialARN            types.String `tfsdk:"credential_arn"`
	CustomRoleARN            types.String `tfsdk:"custom_role_arn"`
	EcrRepositoryPrefix      types.String `tfsdk:"ecr_repository_prefix"`
	RegistryID               types.String `tfsdk:"registry_id"`
	UpstreamRegistryURL      types.String `tfsdk:"upstream_registry_url"`
	UpstreamRepositoryPrefix types.String `tfsdk:"upstream_repository_prefix"`
}

func (r *pullThroughCacheRule) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "aws_ecr_pull_through_cache_rule"
}

func (r *pullThroughCacheRule) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	// Optional attributes the API fills are Optional+Computed here: the
	// plugin SDK tolerates a read-back value the plan did not have, the
	// framework does not. The state's shape is the same.
	oc := func() schema.StringAttribute { return schema.StringAttribute{Optional: true, Computed: true} }
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"id":                         schema.StringAttribute{Computed: true},
		"region":                     oc(),
		"credential_arn":             oc(),
		"custom_role_arn":            oc(),
		"ecr_repository_prefix":      schema.StringAttribute{Required: true},
		"registry_id":                schema.StringAttribute{Computed: true},
		"upstream_registry_url":      schema.StringAttribute{Required: true},
		"upstream_repository_prefix": oc(),
	}}
}

func (r *pullThroughCacheRule) conn() *ecr.Client { return ecr.NewFromConfig(r.c.ecr) }

func (r *pullThroughCacheRule) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m ruleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	in := &ecr.CreatePullThroughCacheRuleInput{
		EcrRepositoryPrefix: m.EcrRepositoryPrefix.ValueStringPointer(),
		UpstreamRegistryUrl: m.UpstreamRegistryURL.ValueStringPointer(),
	}
	if v := m.CredentialARN.ValueString(); v != "" {
		in.CredentialArn = aws.String(v)
	}
	if v := m.CustomRoleARN.ValueString(); v != "" {
		in.CustomRoleArn = aws.String(v)
	}
	if v := m.UpstreamRepositoryPrefix.ValueString(); v != "" {
		in.UpstreamRepositoryPrefix = aws.String(v)
	}
	if _, err := r.conn().CreatePullThroughCacheRule(ctx, in); err != nil {
		resp.Diagnostics.AddError("creating ECR Pull Through Cache Rule", err.Error())
		return
	}
	m.ID = m.EcrRepositoryPrefix
	if found := r.read(ctx, &m, resp.Diagnostics.AddError); found {
		resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
	}
}

// read refreshes m from the API as hashicorp/aws's Read does; false when gone.
func (r *pullThroughCacheRule) read(ctx context.Context, m *ruleModel, fail func(string, string)) bool {
	out, err := r.conn().DescribePullThroughCacheRules(ctx, &ecr.DescribePullThroughCacheRulesInput{EcrRepositoryPrefixes: []string{m.ID.ValueString()}})
	if err != nil || len(out.PullThroughCacheRules) == 0 {
		if err != nil && !isNotFound(err) {
			fail("reading ECR Pull Through Cache Rule", err.Error())
		}
		return false
	}
	rule := out.PullThroughCacheRules[0]
	m.Region = types.StringValue(r.c.region)
	m.CredentialARN = sdkString(rule.CredentialArn)
	m.CustomRoleARN = sdkString(rule.CustomRoleArn)
	m.EcrRepositoryPrefix = sdkString(rule.EcrRepositoryPrefix)
	m.RegistryID = sdkString(rule.RegistryId)
	m.UpstreamRegistryURL = sdkString(rule.UpstreamRegistryUrl)
	m.UpstreamRepositoryPrefix = sdkString(rule.UpstreamRepositoryPrefix)
	return true
}

func (r *pullThroughCacheRule) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readState(ctx, req, resp, r.read)
}

func (r *pullThroughCacheRule) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var m ruleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	_, err := r.conn().DeletePullThroughCacheRule(ctx, &ecr.DeletePullThroughCacheRuleInput{EcrRepositoryPrefix: m.ID.ValueStringPointer()})
	if err != nil && !isNotFound(err) {
		resp.Diagnostics.AddError("deleting ECR Pull Through Cache Rule", err.Error())
	}
}
