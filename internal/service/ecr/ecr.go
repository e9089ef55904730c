// Package ecr holds the ECR resources and data sources (Terraform edge):
// scaling_ecr_pull_through_cache_rule and scaling_ecr_pull_through_cache_rules.
package ecr

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Resources lists this package's resources for the provider.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{newPullThroughCacheRuleResource}
}

// DataSources lists this package's data sources for the provider.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{newPullThroughCacheRulesDataSource}
}
