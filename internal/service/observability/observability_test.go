package observability_test

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/service/observability"
)

func TestSchemas(t *testing.T) {
	acctest.CheckDataSourceSchemas(t, observability.DataSources()...)
}

// The published example plans and renders.
func TestExamplesPlan(t *testing.T) {
	t.Parallel()
	acctest.TestDataSourceExamplesRender(t, "scaling_alert_rules")
}
