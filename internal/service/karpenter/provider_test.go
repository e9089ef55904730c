package karpenter_test

import (
	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

// offlineProvider configures the provider without any AWS call: these data
// sources render offline.
const offlineProvider = `
provider "scaling" {
  region               = "us-east-1"
  use_test_credentials = true
}
`

var factories = acctest.ProtoV6ProviderFactories
