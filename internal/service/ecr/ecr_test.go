package ecr_test

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	tfecr "github.com/scalingkit/terraform-provider-scaling/internal/service/ecr"
)

// Every attribute and block is documented (the docs are generated from
// these) and every number a user sets is bounded.
func TestSchemas(t *testing.T) {
	acctest.CheckResourceSchemas(t, tfecr.Resources()...)
	acctest.CheckDataSourceSchemas(t, tfecr.DataSources()...)
}
