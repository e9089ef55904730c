package framework

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/conns"
)

// AWSResource is embedded by the resources that call AWS: once the
// provider is configured, Client is its AWS client (nil before).
type AWSResource struct {
	Client *conns.AWSClient
}

func (r *AWSResource) Configure(ctx context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.Client = awsClientFrom(ctx, req.ProviderData, &resp.Diagnostics)
}

// AWSDataSource is AWSResource for data sources.
type AWSDataSource struct {
	Client *conns.AWSClient
}

func (d *AWSDataSource) Configure(ctx context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.Client = awsClientFrom(ctx, req.ProviderData, &resp.Diagnostics)
}

// ProviderConfigured is embedded by resources that need the provider's
// configuration but never call AWS (such as its kubernetes block): unlike
// AWSResource, it asks for no region and checks no credentials.
type ProviderConfigured struct {
	Client *conns.AWSClient
}

func (r *ProviderConfigured) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if req.ProviderData == nil {
		return
	}
	c, ok := req.ProviderData.(*conns.AWSClient)
	if !ok {
		resp.Diagnostics.AddError("Unexpected provider data", fmt.Sprintf("expected *conns.AWSClient, got %T", req.ProviderData))
	}
	r.Client = c
}

// awsClientFrom is the client the provider's Configure hands to resources
// and data sources. It is nil without a diagnostic when the provider is not
// configured yet (the framework calls Configure early with no data). Only
// the objects that call AWS get here, so a configuration without a region
// or credentials fails on them and nowhere else.
func awsClientFrom(ctx context.Context, providerData any, diags *diag.Diagnostics) *conns.AWSClient {
	if providerData == nil {
		return nil
	}
	c, ok := providerData.(*conns.AWSClient)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("expected *conns.AWSClient, got %T", providerData))
		return nil
	}
	if err := c.Ready(ctx); err != nil {
		var e *conns.Error
		if errors.As(err, &e) {
			diags.AddError(e.Summary, e.Detail)
		} else {
			diags.AddError("Cannot call AWS", err.Error())
		}
	}
	return c
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
