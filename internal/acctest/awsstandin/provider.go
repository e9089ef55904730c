// Package awsstandin stands in for hashicorp/aws in migration tests, so
// that moving an object from it to this provider is tested end to end
// without building hashicorp/aws here. It has the resource types this
// provider can take over, with hashicorp/aws's attribute names and shapes
// (its plugin SDK schemas as of v6, with v6's per-resource region), calls
// the same APIs through the AWS SDK, and writes state as the plugin SDK
// does: "" for an unset string, id set to the API's name of the object.
// Tests serve it as "aws" (registry.terraform.io/hashicorp/aws).
package awsstandin

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov5"
)

// Factory serves the stand-in over protocol 5, as hashicorp/aws is served.
func Factory() (tfprotov5.ProviderServer, error) {
	return providerserver.NewProtocol5WithError(&standIn{})()
}

type standIn struct{}

// config is the part of hashicorp/aws's provider block the tests use.
type config struct {
	Region                    types.String `tfsdk:"region"`
	AccessKey                 types.String `tfsdk:"access_key"`
	SecretKey                 types.String `tfsdk:"secret_key"`
	SkipCredentialsValidation types.Bool   `tfsdk:"skip_credentials_validation"`
	SkipRequestingAccountID   types.Bool   `tfsdk:"skip_requesting_account_id"`
	SkipMetadataAPICheck      types.Bool   `tfsdk:"skip_metadata_api_check"`
	Endpoints                 *endpoints   `tfsdk:"endpoints"`
}

type endpoints struct {
	ECR        types.String `tfsdk:"ecr"`
	CloudWatch types.String `tfsdk:"cloudwatch"`
}

// clients is what the resources get: the SDK configuration per service.
type clients struct {
	region     string
	ecr        aws.Config
	cloudwatch aws.Config
}

func (p *standIn) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "aws"
}

func (p *standIn) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	opt := func() schema.StringAttribute { return schema.StringAttribute{Optional: true} }
	resp.Schema = schema.Schema{
		Attributes: map[string]schema.Attribute{
			"region":                      opt(),
			"access_key":                  opt(),
			"secret_key":                  opt(),
			"skip_credentials_validation": schema.BoolAttribute{Optional: true},
			"skip_requesting_account_id":  schema.BoolAttribute{Optional: true},
			"skip_metadata_api_check":     schema.BoolAttribute{Optional: true},
		},
		Blocks: map[string]schema.Block{
			"endpoints": schema.SingleNestedBlock{Attributes: map[string]schema.Attribute{"ecr": opt(), "cloudwatch": opt()}},
		},
	}
}

func (p *standIn) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var c config
	resp.Diagnostics.Append(req.Config.Get(ctx, &c)...)
	if resp.Diagnostics.HasError() {
		return
	}
	base := aws.Config{
		Region:      c.Region.ValueString(),
		Credentials: credentials.NewStaticCredentialsProvider(c.AccessKey.ValueString(), c.SecretKey.ValueString(), ""),
	}
	cl := &clients{region: base.Region, ecr: base.Copy(), cloudwatch: base.Copy()}
	if e := c.Endpoints; e != nil {
		cl.ecr.BaseEndpoint = e.ECR.ValueStringPointer()
		cl.cloudwatch.BaseEndpoint = e.CloudWatch.ValueStringPointer()
	}
	resp.ResourceData = cl
}

func (p *standIn) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		func() resource.Resource { return &pullThroughCacheRule{} },
		func() resource.Resource { return &metricStream{} },
	}
}

func (p *standIn) DataSources(context.Context) []func() datasource.DataSource { return nil }

// configured is embedded by the resources: the clients, and the parts of
// a resource that only creates, reads and deletes.
type configured struct{ c *clients }

func (r *configured) Configure(_ context.Context, req resource.ConfigureRequest, _ *resource.ConfigureResponse) {
	if c, ok := req.ProviderData.(*clients); ok {
		r.c = c
	}
}

func (r *configured) Update(_ context.Context, _ resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.Diagnostics.AddError("not supported", "the stand-in only creates, reads and deletes")
}

// readState is a stand-in's Read: read refreshes the model from the API
// (false when the object is gone, or when it failed and said so).
func readState[M any](ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse, read func(context.Context, *M, func(string, string)) bool) {
	var m M
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if !read(ctx, &m, resp.Diagnostics.AddError) {
		if !resp.Diagnostics.HasError() {
			resp.State.RemoveResource(ctx)
		}
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// sdkString is the plugin SDK's view of an optional string: "" when unset.
func sdkString(s *string) types.String { return types.StringValue(aws.ToString(s)) }
