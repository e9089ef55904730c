// Package estimate holds the cost and latency data sources and provider
// functions (Terraform edge over the pure models in internal/core/model).
package estimate

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

// DataSources lists this package's data sources for the provider.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		newLatencyEstimateDataSource,
		newCostEstimateDataSource,
		newStrategyDataSource,
	}
}

// Functions lists this package's provider functions.
func Functions() []func() function.Function {
	return []func() function.Function{
		newWarmPoolSizeFunction,
		newTierForFunction,
		newMonthlyCostFunction,
	}
}

// Bounds of the numbers the functions take (the data sources' are in
// their schemas).
var (
	replicasType     = framework.WholeNumberType{Min: 0, Max: 1_000_000}
	safetyFactorType = framework.RealNumberType{Min: 0, Max: 1}
)
