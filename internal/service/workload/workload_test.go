package workload_test

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/service/workload"
)

func TestSchemas(t *testing.T) {
	acctest.CheckDataSourceSchemas(t, workload.DataSources()...)
}
