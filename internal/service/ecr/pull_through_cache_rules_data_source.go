package ecr

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/pullthroughcache"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var (
	_ datasource.DataSource              = (*pullThroughCacheRulesDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*pullThroughCacheRulesDataSource)(nil)
)

func newPullThroughCacheRulesDataSource() datasource.DataSource {
	return &pullThroughCacheRulesDataSource{}
}

// pullThroughCacheRulesDataSource lists the registry's rules, e.g. to find
// the prefixes to import.
type pullThroughCacheRulesDataSource struct {
	framework.AWSDataSource
}

func (d *pullThroughCacheRulesDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "scaling_ecr_pull_through_cache_rules"
}

type pullThroughCacheRulesModel struct {
	Rules []ruleSummaryModel `tfsdk:"rules"`
}

type ruleSummaryModel struct {
	EcrRepositoryPrefix      types.String `tfsdk:"ecr_repository_prefix"`
	UpstreamRegistryURL      types.String `tfsdk:"upstream_registry_url"`
	UpstreamRegistry         types.String `tfsdk:"upstream_registry"`
	UpstreamRepositoryPrefix types.String `tfsdk:"upstream_repository_prefix"`
	CredentialARN            types.String `tfsdk:"credential_arn"`
	CustomRoleARN            types.String `tfsdk:"custom_role_arn"`
	RegistryID               types.String `tfsdk:"registry_id"`
	NodeIAMPolicyJSON        types.String `tfsdk:"node_iam_policy_json"`
}

func (d *pullThroughCacheRulesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the registry's ECR pull-through cache rules (`DescribePullThroughCacheRules`), e.g. to find " +
			"the prefixes of rules to import into `scaling_ecr_pull_through_cache_rule`, or to build node policies for rules managed elsewhere.",
		Attributes: map[string]schema.Attribute{
			"rules": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "Every rule in the registry, sorted by prefix.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"ecr_repository_prefix":      computed("The rule's repository prefix (the import ID of `scaling_ecr_pull_through_cache_rule`)."),
					"upstream_registry_url":      computed("Host name of the upstream registry."),
					"upstream_registry":          computed("Upstream registry type (`docker-hub`, `quay`, `k8s`, `ecr`, ...)."),
					"upstream_repository_prefix": computed("Upstream repository prefix (`ROOT` when unset)."),
					"credential_arn":             computed("Secrets Manager secret with the upstream credentials, if any."),
					"custom_role_arn":            computed("IAM role for an ECR upstream, if any."),
					"registry_id":                computed("Account ID of the registry."),
					"node_iam_policy_json":       computed("Least-privilege IAM policy for nodes pulling through the rule (see the resource)."),
				}},
			},
		},
	}
}

func (d *pullThroughCacheRulesDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	m := pullThroughCacheRulesModel{Rules: []ruleSummaryModel{}}
	p := ecr.NewDescribePullThroughCacheRulesPaginator(d.Client.ECR, &ecr.DescribePullThroughCacheRulesInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			resp.Diagnostics.AddError("Listing ECR pull-through cache rules failed", err.Error())
			return
		}
		for _, r := range page.PullThroughCacheRules {
			prefix, registry := aws.ToString(r.EcrRepositoryPrefix), aws.ToString(r.RegistryId)
			m.Rules = append(m.Rules, ruleSummaryModel{
				EcrRepositoryPrefix:      types.StringValue(prefix),
				UpstreamRegistryURL:      types.StringValue(aws.ToString(r.UpstreamRegistryUrl)),
				UpstreamRegistry:         types.StringValue(string(r.UpstreamRegistry)),
				UpstreamRepositoryPrefix: types.StringValue(aws.ToString(r.UpstreamRepositoryPrefix)),
				CredentialARN:            types.StringPointerValue(r.CredentialArn),
				CustomRoleARN:            types.StringPointerValue(r.CustomRoleArn),
				RegistryID:               types.StringValue(registry),
				NodeIAMPolicyJSON:        types.StringValue(pullthroughcache.NodePolicyJSON(d.Client.Region, registry, prefix)),
			})
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
