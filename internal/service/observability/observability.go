// Package observability holds the monitoring data sources: the scale-out
// KPI alert rules, rendered offline by internal/core/render/alerts.
package observability

import "github.com/hashicorp/terraform-plugin-framework/datasource"

// DataSources lists this package's data sources for the provider.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		newAlertRulesDataSource,
	}
}
