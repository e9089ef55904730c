package framework

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/conns"
)

// AWSResource is embedded by the resources that call AWS: it gives them
// their type name and, once the provider is configured, its AWS client.
type AWSResource struct {
	// TypeName follows the provider's name: "ecr_pull_through_cache_rule"
	// is the resource scaling_ecr_pull_through_cache_rule.
	TypeName string
	// Client is nil until the provider is configured.
	Client *conns.AWSClient
}

func (r *AWSResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.TypeName
}

func (r *AWSResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.Client = AWSClientFrom(req.ProviderData, &resp.Diagnostics)
}

// AWSDataSource is AWSResource for data sources.
type AWSDataSource struct {
	TypeName string
	Client   *conns.AWSClient
}

func (d *AWSDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.TypeName
}

func (d *AWSDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.Client = AWSClientFrom(req.ProviderData, &resp.Diagnostics)
}

// ImportID imports the object named by the import ID, which becomes the
// value of each of attributes (the resource's "id" and the argument it
// comes from). When valid is false it reports the ID as invalid instead:
// want says what a valid ID is. It returns whether the ID was imported.
func ImportID(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse, valid bool, want string, attributes ...string) bool {
	if !valid {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("%s; got %q.", want, req.ID))
		return false
	}
	for _, a := range attributes {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(a), req.ID)...)
	}
	return true
}
