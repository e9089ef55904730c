package provider

import (
	"context"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/conns"
	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var _ provider.ProviderWithValidateConfig = (*scalingProvider)(nil)

type providerModel struct {
	Region                    types.String          `tfsdk:"region"`
	Profile                   types.String          `tfsdk:"profile"`
	SharedConfigFiles         types.List            `tfsdk:"shared_config_files"`
	SharedCredentialsFiles    types.List            `tfsdk:"shared_credentials_files"`
	AccessKey                 types.String          `tfsdk:"access_key"`
	SecretKey                 types.String          `tfsdk:"secret_key"`
	Token                     types.String          `tfsdk:"token"`
	MaxRetries                framework.WholeNumber `tfsdk:"max_retries"`
	RetryMode                 types.String          `tfsdk:"retry_mode"`
	EndpointURL               types.String          `tfsdk:"endpoint_url"`
	UseTestCredentials        types.Bool            `tfsdk:"use_test_credentials"`
	SkipCredentialsValidation types.Bool            `tfsdk:"skip_credentials_validation"`
	SkipRequestingAccountID   types.Bool            `tfsdk:"skip_requesting_account_id"`
	SkipMetadataAPICheck      types.Bool            `tfsdk:"skip_metadata_api_check"`
	SkipRegionValidation      types.Bool            `tfsdk:"skip_region_validation"`
	AssumeRole                *assumeRoleModel      `tfsdk:"assume_role"`
	Endpoints                 *endpointsModel       `tfsdk:"endpoints"`
	Kubernetes                types.Object          `tfsdk:"kubernetes"`
	providerTagsModel
}

type endpointsModel struct {
	EKS        types.String `tfsdk:"eks"`
	ECR        types.String `tfsdk:"ecr"`
	CloudWatch types.String `tfsdk:"cloudwatch"`
	STS        types.String `tfsdk:"sts"`
}

func (p *scalingProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	endpoint := func(svc, env string) schema.StringAttribute {
		return schema.StringAttribute{
			Optional:    true,
			Description: "Endpoint URL for " + svc + " calls. Overrides `endpoint_url` and the `" + env + "` / `AWS_ENDPOINT_URL` environment variables.",
		}
	}
	resp.Schema = schema.Schema{
		Description: "Fast, cheap, predictable scale-out on Amazon EKS: the AWS parts as resources, " +
			"the Kubernetes objects rendered offline at plan time, and plan-time cost and latency estimates. " +
			"Data sources that only render objects or estimates never call AWS, so the provider block may be empty for them.",
		Attributes: map[string]schema.Attribute{
			"region": schema.StringAttribute{
				Optional: true,
				Description: "AWS region. Defaults to `AWS_REGION` / `AWS_DEFAULT_REGION`, then the profile's region. With none of the three, " +
					"the resources and data sources that call AWS fail with an error naming them (there is no default region); " +
					"the offline ones do not need a region.",
			},
			"profile": schema.StringAttribute{
				Optional:    true,
				Description: "Named profile from the shared config and credentials files. Defaults to `AWS_PROFILE`.",
			},
			"shared_config_files": schema.ListAttribute{
				ElementType: types.StringType,
				Optional:    true,
				Description: "Paths to shared config files. Defaults to `AWS_CONFIG_FILE`, then `~/.aws/config`.",
			},
			"shared_credentials_files": schema.ListAttribute{
				ElementType: types.StringType,
				Optional:    true,
				Description: "Paths to shared credentials files. Defaults to `AWS_SHARED_CREDENTIALS_FILE`, then `~/.aws/credentials`.",
			},
			"access_key": schema.StringAttribute{
				Optional:    true,
				Sensitive:   true,
				Description: "Static access key. Prefer a profile, environment variables or an assumed role.",
			},
			"secret_key": schema.StringAttribute{
				Optional:    true,
				Sensitive:   true,
				Description: "Static secret key; required with `access_key`.",
			},
			"token": schema.StringAttribute{
				Optional:    true,
				Sensitive:   true,
				Description: "Session token for temporary static credentials.",
			},
			"max_retries": schema.NumberAttribute{
				Optional:   true,
				CustomType: framework.WholeNumberType{Min: 0, Max: conns.MaxRetriesLimit},
				Description: "How many times a throttled or failed retryable call is retried, with exponential backoff " +
					"and jitter: 0 to 100. Defaults to `AWS_MAX_ATTEMPTS` minus one, or the profile's `max_attempts` minus one, then 10.",
			},
			"retry_mode": schema.StringAttribute{
				Optional: true,
				Description: "How retries are paced, as in the AWS SDKs: `standard` (exponential backoff with jitter) or " +
					"`adaptive` (also slows the client down while it is being throttled). Defaults to `AWS_RETRY_MODE`, " +
					"then the profile's `retry_mode`, then `standard`.",
			},
			"endpoint_url": schema.StringAttribute{
				Optional: true,
				Description: "One endpoint URL for every service, as for LocalStack or this project's emulator " +
					"(`terraform-provider-scaling emulator`). Per-service `endpoints` win over it.",
			},
			"use_test_credentials": schema.BoolAttribute{
				Optional: true,
				Description: "Sign requests with fixed dummy credentials (`test`/`test`) instead of looking for real ones, " +
					"and skip their validation with STS. Only for emulators and LocalStack, which accept any signature.",
			},
			"skip_credentials_validation": schema.BoolAttribute{
				Optional: true,
				Description: "Skip checking the credentials with `sts:GetCallerIdentity`, which the provider otherwise does once, " +
					"before the first AWS call of a run (never for configurations that make none). As in the aws provider: " +
					"for AWS-like APIs without STS, such as LocalStack or an emulator.",
			},
			"skip_requesting_account_id": schema.BoolAttribute{
				Optional: true,
				Description: "Accepted as in the aws provider, so its provider blocks can be copied. This provider never " +
					"requests the account ID (every ARN it needs comes from the API's answers), so the switch changes nothing.",
			},
			"skip_metadata_api_check": schema.BoolAttribute{
				Optional: true,
				Description: "Never ask the EC2 instance metadata service (IMDS), for credentials or anything else. As in the aws provider: " +
					"for machines and AWS-like APIs without one, where looking for it only adds delay. `AWS_EC2_METADATA_DISABLED=true` does the same.",
			},
			"skip_region_validation": schema.BoolAttribute{
				Optional: true,
				Description: "Accept any region name. By default a region must follow the AWS partitions' naming (`us-east-1`, " +
					"`cn-north-1`, `us-gov-west-1`, ...), which catches typos and availability zones. As in the aws provider: " +
					"for AWS-like APIs with region names of their own.",
			},
		},
		Blocks: map[string]schema.Block{
			"assume_role": assumeRoleBlock(),
			"endpoints": schema.SingleNestedBlock{
				Description: "Per-service endpoint overrides.",
				Attributes: map[string]schema.Attribute{
					"eks":        endpoint("EKS", "AWS_ENDPOINT_URL_EKS"),
					"ecr":        endpoint("ECR", "AWS_ENDPOINT_URL_ECR"),
					"cloudwatch": endpoint("CloudWatch", "AWS_ENDPOINT_URL_CLOUDWATCH"),
					"sts":        endpoint("STS", "AWS_ENDPOINT_URL_STS"),
				},
			},
			"kubernetes": kubernetesBlock(),
		},
	}
	maps.Copy(resp.Schema.Blocks, tagsBlocks())
}

// ValidateConfig reports the provider block's mistakes at plan time, at
// the attribute they are about; values not known yet are left alone.
func (p *scalingProvider) ValidateConfig(ctx context.Context, req provider.ValidateConfigRequest, resp *provider.ValidateConfigResponse) {
	var m providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	cfg, diags := m.awsConfig(ctx)
	resp.Diagnostics.Append(diags...)
	framework.AddProblems(&resp.Diagnostics, cfg.Validate())
	k8s, diags := kubernetesConfig(ctx, m.Kubernetes)
	resp.Diagnostics.Append(diags...)
	framework.AddProblems(&resp.Diagnostics, k8s.Validate())
}

func (p *scalingProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var m providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	cfg, diags := m.awsConfig(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	k8s, diags := kubernetesConfig(ctx, m.Kubernetes)
	resp.Diagnostics.Append(diags...)
	tags, d := m.tagsConfig(ctx)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, err := cfg.NewClient(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Invalid provider configuration", err.Error())
		return
	}
	client.Kubernetes = k8s
	client.Tags = tags
	resp.ResourceData = client
	resp.DataSourceData = client
}
