// Package karpenter holds the karpenter data sources (Terraform edge over pure renderers).
package karpenter

import "github.com/hashicorp/terraform-plugin-framework/datasource"

// DataSources lists this package's data sources for the provider.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		newNodePoolDataSource,
		newEC2NodeClassDataSource,
		newFallbackDataSource,
	}
}
