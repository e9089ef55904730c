package framework

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/scalingkit/terraform-provider-scaling/internal/conns"
)

// AWSClientFrom is the client the provider's Configure hands to resources
// and data sources. It is nil without a diagnostic when the provider is not
// configured yet (the framework calls Configure early with no data).
func AWSClientFrom(providerData any, diags *diag.Diagnostics) *conns.AWSClient {
	if providerData == nil {
		return nil
	}
	c, ok := providerData.(*conns.AWSClient)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("expected *conns.AWSClient, got %T", providerData))
	}
	return c
}
