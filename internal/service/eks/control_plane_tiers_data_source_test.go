package eks_test

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
)

const dsAddr = "data.scaling_control_plane_tiers.test"

func tiersConfig(t *testing.T, body string) string {
	return acctest.ProviderConfig(t) + fmt.Sprintf(`
data "scaling_control_plane_tiers" "test" {
%s
}
`, body)
}

// checkTierFromAPI compares each tier's capabilities with DescribeClusterVersions.
func checkTierFromAPI(t *testing.T, version string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for i, name := range tiers.Names {
			seats, pods, db := tierCapabilities(t, version, name)
			p := fmt.Sprintf("tiers.%d.", i)
			if err := resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(dsAddr, p+"name", name),
				resource.TestCheckResourceAttr(dsAddr, p+"api_request_concurrency", strconv.Itoa(int(seats))),
				resource.TestCheckResourceAttr(dsAddr, p+"pod_scheduling_rate_per_second", strconv.Itoa(int(pods))),
				resource.TestCheckResourceAttr(dsAddr, p+"cluster_database_size_gb", strconv.Itoa(int(db))),
			)(s); err != nil {
				return err
			}
		}
		return nil
	}
}

func price(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func TestAccControlPlaneTiersDataSource_basic(t *testing.T) {
	parallel(t)
	xl := tiers.Defaults[tiers.XL]
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: tiersConfig(t, `  kubernetes_version = "1.33"`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(dsAddr, "kubernetes_version", "1.33"),
				resource.TestCheckResourceAttr(dsAddr, "hours_per_month", "730"),
				resource.TestCheckResourceAttr(dsAddr, "tiers.#", strconv.Itoa(len(tiers.Names))),
				checkTierFromAPI(t, "1.33"),
				resource.TestCheckResourceAttr(dsAddr, "tiers.0.hourly_price_usd", price(tiers.StandardClusterHourly)),
				resource.TestCheckResourceAttr(dsAddr, "tiers.1.hourly_price_usd", price(xl.HourlyUSD)),
				resource.TestCheckResourceAttr(dsAddr, "tiers.1.monthly_price_usd", price(xl.HourlyUSD*tiers.HoursPerMonth)),
				resource.TestCheckResourceAttr(dsAddr, "tiers.1.price_source", xl.Source),
				// 8XL: no published price, so none is invented.
				resource.TestCheckNoResourceAttr(dsAddr, "tiers.4.hourly_price_usd"),
				resource.TestCheckNoResourceAttr(dsAddr, "tiers.4.monthly_price_usd"),
				resource.TestMatchResourceAttr(dsAddr, "tiers.4.note", regexp.MustCompile(`No published price for tier-8xl: set prices\["tier-8xl"\]`)),
			),
		}},
	})
}

func TestAccControlPlaneTiersDataSource_prices(t *testing.T) {
	parallel(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: tiersConfig(t, `  prices = { "tier-8xl" = 14.5, "tier-xl" = 1.5 }`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttrSet(dsAddr, "kubernetes_version"),
				resource.TestCheckResourceAttr(dsAddr, "tiers.1.hourly_price_usd", "1.5"),
				resource.TestCheckResourceAttr(dsAddr, "tiers.1.monthly_price_usd", price(1.5*tiers.HoursPerMonth)),
				resource.TestCheckResourceAttr(dsAddr, "tiers.1.price_source", "prices input"),
				resource.TestCheckResourceAttr(dsAddr, "tiers.4.hourly_price_usd", "14.5"),
				resource.TestCheckResourceAttr(dsAddr, "tiers.4.monthly_price_usd", price(14.5*tiers.HoursPerMonth)),
				resource.TestCheckNoResourceAttr(dsAddr, "tiers.4.note"),
				// Tiers without an override keep their default.
				resource.TestCheckResourceAttr(dsAddr, "tiers.2.hourly_price_usd", price(tiers.Defaults[tiers.XL2].HourlyUSD)),
			),
		}},
	})
}

func TestAccControlPlaneTiersDataSource_badInput(t *testing.T) {
	parallel(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      tiersConfig(t, `  prices = { "tier-16xl" = 30 }`),
				ExpectError: regexp.MustCompile(`(?s)prices.*value must be one of`),
			},
			{
				Config:      tiersConfig(t, `  prices = { "tier-xl" = -1 }`),
				ExpectError: regexp.MustCompile(`(?s)prices.*must be at least 0`),
			},
			{
				Config:      tiersConfig(t, `  kubernetes_version = "v1.33"`),
				ExpectError: regexp.MustCompile(`(?s)kubernetes_version.*Kubernetes minor version such as 1.33`),
			},
			{
				Config:      tiersConfig(t, `  kubernetes_version = "1.99"`),
				ExpectError: regexp.MustCompile(`(?s)Kubernetes version not offered by EKS`),
			},
		},
	})
}
