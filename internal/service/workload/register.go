// Package workload holds the workload data sources (Terraform edge over pure renderers).
package workload

import "github.com/hashicorp/terraform-plugin-framework/datasource"

// DataSources lists this package's data sources for the provider.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		newWarmPoolDataSource,
		newHPADataSource,
		newKEDADataSource,
	}
}
