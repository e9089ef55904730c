package cloudwatch_test

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	tfcloudwatch "github.com/scalingkit/terraform-provider-scaling/internal/service/cloudwatch"
)

// Every attribute and block is documented (the docs are generated from
// these) and every number a user sets is bounded.
func TestSchemas(t *testing.T) {
	acctest.CheckResourceSchemas(t, tfcloudwatch.Resources()...)
}
