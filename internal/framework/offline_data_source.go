package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
)

// OfflineDataSource is embedded by an offline data source whose model is
// M: it gives the data source its ValidateConfig and Read (the package's
// ValidateConfig and Read over M), so each data source writes only its
// Metadata, model, Schema and Compute.
type OfflineDataSource[M any, PM interface {
	*M
	ComputedModel
}] struct{}

func (OfflineDataSource[M, PM]) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	ValidateConfig[M, PM](ctx, req, resp)
}

func (OfflineDataSource[M, PM]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	Read[M, PM](ctx, req, resp)
}
