package provider_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
)

// Item 15: a LocalStack-style provider block copied from the aws provider
// works as it does there: the four skip switches and retry_mode are
// accepted, an AWS-like API's own region name passes with
// skip_region_validation, and no STS call is needed with
// skip_credentials_validation (the emulator has no STS).
func TestAccProvider_localStackStyleBlockFromTheAWSProvider(t *testing.T) {
	isolateAWS(t)
	tg := acctest.PrivateTarget(t, emulator.Options{})
	block := func(skipCredentials string) string {
		return `
provider "scaling" {
  region                      = "localstack-1"
  access_key                  = "mock_access_key"
  secret_key                  = "mock_secret_key"
  endpoint_url                = "` + tg.URL + `"
  retry_mode                  = "adaptive"
  max_retries                 = 3
  skip_credentials_validation = ` + skipCredentials + `
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}

data "scaling_control_plane_tiers" "this" {
  kubernetes_version = "1.33"
}
`
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: block("true"), Check: resource.TestCheckResourceAttrSet("data.scaling_control_plane_tiers.this", "tiers.#")},
			// Without the switch the credentials are checked with STS,
			// which this API does not have: the aws provider's behaviour.
			{Config: block("false"), ExpectError: acctest.ErrorRegexp(`AWS credentials check failed.*sts:GetCallerIdentity.*skip_credentials_validation = true`)},
		},
	})
}

// Items 10 and 15: bad values of the provider's own settings are plan-time
// errors naming the attribute, even in an offline configuration.
func TestAccProvider_badSettingsAreErrorsNamingTheAttribute(t *testing.T) {
	isolateAWS(t)
	for name, tc := range map[string]struct{ setting, want string }{
		"max_retries beyond the bound": {`max_retries = 1000000000000`, `max_retries .* between 0 and 100`},
		"max_retries negative":         {`max_retries = -1`, `max_retries .* between 0 and 100`},
		"max_retries fractional":       {`max_retries = 2.5`, `max_retries .* whole number between 0 and 100`},
		"unknown retry_mode":           {`retry_mode = "fast"`, `Invalid retry_mode .* "standard" or "adaptive", got "fast"`},
		"availability zone as region":  {`region = "us-east-1a"`, `Invalid region .* not an AWS region name .* skip_region_validation`},
		"relative endpoint_url":        {`endpoint_url = "localhost:4566"`, `Invalid endpoint_url .* absolute URL`},
	} {
		t.Run(name, func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      "provider \"scaling\" {\n  " + tc.setting + "\n}\n" + offlineObjects,
					PlanOnly:    true,
					ExpectError: acctest.ErrorRegexp(tc.want),
				}},
			})
		})
	}
}
