// Package estimate holds the cost and latency data sources and provider
// functions (Terraform edge over the pure model).
package estimate

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
)

// DataSources lists this package's data sources for the provider.
func DataSources() []func() datasource.DataSource { return nil }

// Functions lists this package's provider functions.
func Functions() []func() function.Function { return nil }
