package provider_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

// Item 8: an assume_role block that names no role is an error at plan
// time, at assume_role.role_arn, whether role_arn is missing or comes from
// a variable that is null. It used to be ignored: the provider ran as the
// base identity. The configuration is offline on purpose: the mistake is
// reported even when nothing would call AWS.
func TestAccProvider_assumeRoleWithoutRoleARNIsAnError(t *testing.T) {
	isolateAWS(t)
	want := acctest.ErrorRegexp(`Invalid assume_role.role_arn .* role_arn is required in the assume_role block`)
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `
provider "scaling" {
  region = "us-east-1"
  assume_role {
    session_name = "terraform"
  }
}
` + offlineObjects,
				PlanOnly:    true,
				ExpectError: want,
			},
			{
				Config: `
variable "role_arn" {
  type    = string
  default = null
}

provider "scaling" {
  region = "us-east-1"
  assume_role {
    role_arn = var.role_arn
  }
}
` + offlineObjects,
				PlanOnly:    true,
				ExpectError: want,
			},
		},
	})
}

// Item 15: the aws provider's assume_role fields are accepted and checked
// at plan time like the rest.
func TestAccProvider_assumeRoleFields(t *testing.T) {
	isolateAWS(t)
	block := func(extra string) string {
		return `
provider "scaling" {
  region = "us-east-1"
  assume_role {
    role_arn            = "arn:aws:iam::123456789012:role/tier-manager"
    session_name        = "terraform"
    external_id         = "ext-123"
    policy              = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "eks:*", Resource = "*" }] })
    policy_arns         = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
    tags                = { team = "platform" }
    transitive_tag_keys = ["team"]
    source_identity     = "alice"
` + extra + `
  }
}
` + offlineObjects
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: block(`duration = "1h"`), PlanOnly: true, ExpectNonEmptyPlan: true},
			{Config: block(`duration = "13h"`), PlanOnly: true, ExpectError: acctest.ErrorRegexp(`Invalid assume_role.duration .* outside the 15m to 12h`)},
			{Config: block(`duration = "0s"`), PlanOnly: true, ExpectError: acctest.ErrorRegexp(`Invalid assume_role.duration .* outside the 15m to 12h`)},
		},
	})
}
