// Package cloudwatch holds the CloudWatch resources (Terraform edge):
// scaling_cloudwatch_metric_stream.
package cloudwatch

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Resources lists this package's resources for the provider.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{newMetricStreamResource}
}

// DataSources lists this package's data sources for the provider.
func DataSources() []func() datasource.DataSource { return nil }
