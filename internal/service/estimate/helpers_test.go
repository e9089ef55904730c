package estimate_test

import (
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

// The estimate data sources and functions never call AWS: an empty provider
// block is enough, and the tests run without TF_ACC (resource.UnitTest).
const providerBlock = "provider \"scaling\" {}\n"

var factories = acctest.ProtoV6ProviderFactories

// functionVersions: provider functions need Terraform 1.8+.
var functionVersions = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)}
