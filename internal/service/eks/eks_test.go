package eks_test

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	tfeks "github.com/scalingkit/terraform-provider-scaling/internal/service/eks"
)

// Every attribute and block is documented (the docs are generated from
// these) and every number a user sets is bounded.
func TestSchemas(t *testing.T) {
	acctest.CheckResourceSchemas(t, tfeks.Resources()...)
	acctest.CheckDataSourceSchemas(t, tfeks.DataSources()...)
}
