package workload_test

import (
	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

const offlineProvider = acctest.OfflineProviderConfig

var factories = acctest.ProtoV6ProviderFactories
