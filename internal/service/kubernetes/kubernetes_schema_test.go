package kubernetes_test

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	tfkubernetes "github.com/scalingkit/terraform-provider-scaling/internal/service/kubernetes"
)

// Every attribute and block is documented (the docs are generated from
// these), the timeouts block included.
func TestSchemas(t *testing.T) {
	acctest.CheckResourceSchemas(t, tfkubernetes.Resources()...)
}
