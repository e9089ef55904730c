package provider_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
)

// offlineObjects are a renderer, an estimate and a function: none calls AWS.
const offlineObjects = `
data "scaling_strategy" "this" {
  predictable_traffic = false
  requests_can_wait   = false
  baseline_can_rise   = false
  baseline_replicas   = 20
  peak_replicas       = 120
  target_p95_seconds  = 60
}

data "scaling_horizontal_pod_autoscaler" "this" {
  namespace        = "shop"
  scale_target_ref = { name = "checkout" }
  max_replicas     = 10
}

output "tier" {
  value = provider::scaling::tier_for(200, 0) # 200 pods/s: tier-2xl
}
`

// Item 9: with no region anywhere and an empty provider block, the offline
// renderers, estimates and functions still plan and apply.
func TestAccProvider_emptyProviderBlockWorksOffline(t *testing.T) {
	isolateAWS(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `provider "scaling" {}` + offlineObjects,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttrSet("data.scaling_strategy.this", "strategy"),
				resource.TestCheckResourceAttrSet("data.scaling_horizontal_pod_autoscaler.this", "yaml"),
				resource.TestCheckOutput("tier", "tier-2xl"),
			),
		}},
	})
}

// Item 9: a resource or data source that calls AWS, with no region in the
// configuration, the environment or the profile, is an error naming the
// three places; it used to run against us-east-1. The offline objects of
// the same configuration are not what fails.
func TestAccProvider_noRegionIsAnErrorForAWSObjects(t *testing.T) {
	isolateAWS(t)
	tg := acctest.PrivateTarget(t, emulator.Options{})
	provider := `
provider "scaling" {
  endpoint_url         = "` + tg.URL + `"
  use_test_credentials = true
}
`
	noRegion := regexp.MustCompile(`(?s)No AWS region.*region.*provider "scaling".*block.*AWS_REGION.*AWS_DEFAULT_REGION.*profile "default"`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: provider + offlineObjects + `
data "scaling_control_plane_tiers" "this" {
  kubernetes_version = "1.33"
}
`,
				ExpectError: noRegion,
			},
			{
				Config: provider + offlineObjects + `
resource "scaling_ecr_pull_through_cache_rule" "this" {
  ecr_repository_prefix = "k8s"
  upstream_registry_url = "registry.k8s.io"
}
`,
				ExpectError: noRegion,
			},
		},
	})
	if n := tg.Calls("ecr") + tg.Calls("eks"); n != 0 {
		t.Errorf("the emulator saw %d calls; without a region none may be made", n)
	}
}

// The region may come from the environment instead of the provider block.
func TestAccProvider_regionFromTheEnvironment(t *testing.T) {
	isolateAWS(t)
	t.Setenv("AWS_REGION", "eu-west-1")
	tg := acctest.PrivateTarget(t, emulator.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "scaling" {
  endpoint_url         = "` + tg.URL + `"
  use_test_credentials = true
}

data "scaling_control_plane_tiers" "this" {
  kubernetes_version = "1.33"
}
`,
			Check: resource.TestCheckResourceAttrSet("data.scaling_control_plane_tiers.this", "tiers.#"),
		}},
	})
}

// A region known only after apply (from a resource of the same run) is not
// "no region" and not the environment's: the AWS objects fail naming it,
// the offline ones still plan.
func TestAccProvider_regionUnknownUntilApply(t *testing.T) {
	isolateAWS(t)
	t.Setenv("AWS_REGION", "eu-west-1")
	tg := acctest.PrivateTarget(t, emulator.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "region" {
  input = "us-east-1"
}

provider "scaling" {
  region               = terraform_data.region.output
  endpoint_url         = "` + tg.URL + `"
  use_test_credentials = true
}
` + offlineObjects + `
resource "scaling_ecr_pull_through_cache_rule" "this" {
  ecr_repository_prefix = "k8s"
  upstream_registry_url = "registry.k8s.io"
}
`,
			ExpectError: regexp.MustCompile(`(?s)Provider configuration not known until apply.*arguments region depend`),
		}},
	})
	if n := tg.Calls("ecr"); n != 0 {
		t.Errorf("the emulator saw %d ECR calls with a region not known yet", n)
	}
}

// scaling_kubernetes_objects talks to a cluster, never to AWS: it plans
// with a kubernetes block and no region, no AWS credentials anywhere.
func TestAccProvider_kubernetesObjectsNeedNoAWSRegion(t *testing.T) {
	isolateAWS(t)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "scaling" {
  kubernetes {
    host  = "https://127.0.0.1:1"
    token = "test"
  }
}

resource "scaling_kubernetes_objects" "this" {
  yaml = <<-YAML
    apiVersion: v1
    kind: Namespace
    metadata:
      name: shop
  YAML
}
`,
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
		}},
	})
}

// Mistakes in the kubernetes block that need neither a kubeconfig nor the
// cluster fail the plan, at the attribute, instead of the apply.
func TestAccProvider_kubernetesBlockMistakesFailThePlan(t *testing.T) {
	isolateAWS(t)
	objects := `
resource "scaling_kubernetes_objects" "this" {
  yaml = "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n"
}
`
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `
provider "scaling" {
  kubernetes {
    host               = "https://127.0.0.1:1"
    client_certificate = "-----BEGIN CERTIFICATE-----"
  }
}
` + objects,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Invalid kubernetes\.client_key.*must\s+be\s+set\s+together:\s+set\s+client_key\s+too`),
			},
			{
				Config: `
provider "scaling" {
  kubernetes {
    host = "https://127.0.0.1:1"
    exec {
      api_version = "client.authentication.k8s.io/v1beta1"
    }
  }
}
` + objects,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Invalid kubernetes\.exec\.command.*kubernetes\.exec\s+needs\s+api_version.*and\s+command`),
			},
		},
	})
}
