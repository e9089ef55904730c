package eks_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
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
				ExpectError: regexp.MustCompile(`(?s)prices\["tier-xl"\]: must be a number between 0 and 1000, got -1`),
			},
			// Issue 16 item 10: a number no float64 holds is a validation
			// error naming the attribute, not a conversion error.
			{
				Config:      tiersConfig(t, `  prices = { "tier-xl" = 1e400 }`),
				ExpectError: regexp.MustCompile(`(?s)prices\["tier-xl"\]: must be a number between 0 and 1000, got 1e\+400`),
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

// Issue 16 item 13: each tier reports the advanced configuration's limits,
// the version's with the tier's overrides, compared with what
// DescribeClusterVersions says.
func TestAccControlPlaneTiersDataSource_componentConfigLimits(t *testing.T) {
	parallel(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: tiersConfig(t, `  kubernetes_version = "1.33"`),
			Check: resource.ComposeAggregateTestCheckFunc(
				checkComponentLimitsFromAPI(t, "1.33"),
				// The tier rule, as the API gives it: the HPA sync period
				// is 15s only on standard, 10s-15s on provisioned tiers.
				resource.TestCheckResourceAttr(dsAddr, "tiers.0.component_config_limits.horizontal_pod_autoscaler_sync_period.min", "15s"),
				resource.TestCheckResourceAttr(dsAddr, "tiers.1.component_config_limits.horizontal_pod_autoscaler_sync_period.min", "10s"),
				resource.TestCheckResourceAttr(dsAddr, "tiers.4.component_config_limits.horizontal_pod_autoscaler_sync_period.max", "15s"),
				resource.TestCheckResourceAttr(dsAddr, "tiers.2.component_config_limits.scoring_strategy.allowed.#", "2"),
				resource.TestCheckResourceAttr(dsAddr, "tiers.2.component_config_limits.resource_weights.default.cpu", "1"),
				resource.TestCheckResourceAttr(dsAddr, "tiers.3.component_config_limits.service_node_port_range.min_port.min", "10260"),
			),
		}},
	})
}

// checkComponentLimitsFromAPI compares every tier's HPA sync period and
// event TTL limits with DescribeClusterVersions: the tier's override where
// it gives one, else the version's.
func checkComponentLimitsFromAPI(t *testing.T, version string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		out, err := eksClient(t).DescribeClusterVersions(context.Background(), &eks.DescribeClusterVersionsInput{ClusterVersions: []string{version}})
		if err != nil {
			return err
		}
		v := out.ClusterVersions[0]
		base := v.ControlPlaneComponentConfig
		if base == nil {
			return fmt.Errorf("the API gives no component configuration for %s", version)
		}
		for i, name := range tiers.Names {
			hpa := base.KubeControllerManagerConfig.HorizontalPodAutoscalerControllerConfig.HorizontalPodAutoscalerSyncPeriod
			for _, ti := range v.ControlPlaneScalingTiers {
				if o := ti.ControlPlaneComponentConfigOverrides; aws.ToString(ti.TierName) == name && o != nil && o.KubeControllerManagerConfig != nil {
					hpa = o.KubeControllerManagerConfig.HorizontalPodAutoscalerControllerConfig.HorizontalPodAutoscalerSyncPeriod
				}
			}
			ttl := base.KubeApiServerConfig.EventTtl
			p := fmt.Sprintf("tiers.%d.component_config_limits.", i)
			if err := resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(dsAddr, fmt.Sprintf("tiers.%d.name", i), name),
				resource.TestCheckResourceAttr(dsAddr, p+"horizontal_pod_autoscaler_sync_period.default", aws.ToString(hpa.DefaultValue)),
				resource.TestCheckResourceAttr(dsAddr, p+"horizontal_pod_autoscaler_sync_period.min", aws.ToString(hpa.Constraints.Min)),
				resource.TestCheckResourceAttr(dsAddr, p+"horizontal_pod_autoscaler_sync_period.max", aws.ToString(hpa.Constraints.Max)),
				resource.TestCheckResourceAttr(dsAddr, p+"event_ttl.min", aws.ToString(ttl.Constraints.Min)),
				resource.TestCheckResourceAttr(dsAddr, p+"event_ttl.max", aws.ToString(ttl.Constraints.Max)),
				resource.TestCheckResourceAttr(dsAddr, p+"terminated_pod_gc_threshold.max",
					strconv.Itoa(int(aws.ToInt32(base.KubeControllerManagerConfig.PodGcControllerConfig.TerminatedPodGcThreshold.Constraints.Max)))),
			)(s); err != nil {
				return err
			}
		}
		return nil
	}
}
