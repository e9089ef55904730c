package estimate_test

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/service/estimate"
)

func TestSchemas(t *testing.T) {
	acctest.CheckDataSourceSchemas(t, estimate.DataSources()...)
	acctest.CheckFunctionParameters(t, estimate.Functions()...)
}
