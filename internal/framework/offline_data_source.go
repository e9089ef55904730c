package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
)

// OfflineDataSource is embedded by the data sources that compute offline
// (the renderers and the estimates): unlike AWSDataSource they need no
// client, only their type name.
type OfflineDataSource struct {
	// TypeName follows the provider's name: "warm_pool" is the data
	// source scaling_warm_pool.
	TypeName string
}

func (d *OfflineDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.TypeName
}
