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
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

const addr = resourceType + ".test"

func TestAccControlPlaneTier_basic(t *testing.T) {
	parallel(t)
	cluster := testCluster(t, "standard")
	acctest.Test(t, checkDestroyReverted(t), []resource.TestStep{{
		Config: tierConfig(t, cluster, "tier-xl", ""),
		Check: resource.ComposeAggregateTestCheckFunc(
			checkClusterTier(t, cluster, "tier-xl"),
			resource.TestCheckResourceAttr(addr, "id", cluster),
			resource.TestCheckResourceAttr(addr, "tier", "tier-xl"),
			resource.TestCheckResourceAttr(addr, "revert_on_destroy", "true"),
			resource.TestCheckResourceAttrSet(addr, "previous_tier"),
			resource.TestCheckResourceAttrSet(addr, "last_update_id"),
			checkCapabilities(t, cluster, "tier-xl"),
		),
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
		},
	}})
}

// checkCapabilities compares the computed capabilities with what
// DescribeClusterVersions says for the cluster's version.
func checkCapabilities(t *testing.T, cluster, tier string) resource.TestCheckFunc {
	return shared.checkCapabilities(t, cluster, tier)
}

func (tg target) checkCapabilities(t *testing.T, cluster, tier string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		version := tg.clusterVersion(t, cluster)
		seats, pods, db := tg.tierCapabilities(t, version, tier)
		return resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(addr, "kubernetes_version", version),
			resource.TestCheckResourceAttr(addr, "api_request_concurrency", strconv.Itoa(int(seats))),
			resource.TestCheckResourceAttr(addr, "pod_scheduling_rate_per_second", strconv.Itoa(int(pods))),
			resource.TestCheckResourceAttr(addr, "cluster_database_size_gb", strconv.Itoa(int(db))),
		)(s)
	}
}

func TestAccControlPlaneTier_update(t *testing.T) {
	parallel(t)
	cluster := testCluster(t, "standard")
	acctest.Test(t, checkDestroyReverted(t), []resource.TestStep{
		{
			Config: tierConfig(t, cluster, "tier-xl", ""),
			Check:  checkClusterTier(t, cluster, "tier-xl"),
		},
		{
			Config: tierConfig(t, cluster, "tier-2xl", ""),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				checkClusterTier(t, cluster, "tier-2xl"),
				resource.TestCheckResourceAttr(addr, "tier", "tier-2xl"),
				resource.TestCheckResourceAttr(addr, "previous_tier", "tier-xl"),
				checkCapabilities(t, cluster, "tier-2xl"),
			),
		},
		{
			// Only revert_on_destroy changes: an in-place update with
			// no API call and no "known after apply" noise.
			Config: tierConfig(t, cluster, "tier-2xl", "  revert_on_destroy = true\n  timeouts {\n    update = \"10m\"\n  }"),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("last_update_id"), knownvalue.NotNull()),
				},
			},
			Check: checkUpdateCount(t, cluster, 2),
		},
	})
}

func checkUpdateCount(t *testing.T, cluster string, want int) resource.TestCheckFunc {
	return shared.checkUpdateCount(t, cluster, want)
}

func (tg target) checkUpdateCount(t *testing.T, cluster string, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if acctest.External() {
			return nil // a shared real cluster has its own history
		}
		if got := tg.tierUpdates(t, cluster); got != want {
			return fmt.Errorf("cluster %s has %d updates, want %d", cluster, got, want)
		}
		return nil
	}
}

func TestAccControlPlaneTier_sameTierMakesNoCall(t *testing.T) {
	acctest.SkipIfExternal(t)
	parallel(t)
	cluster := testCluster(t, "tier-xl")
	acctest.Test(t, checkDestroyReverted(t), []resource.TestStep{{
		Config: tierConfig(t, cluster, "tier-xl", ""),
		Check: resource.ComposeAggregateTestCheckFunc(
			checkUpdateCount(t, cluster, 0),
			resource.TestCheckResourceAttr(addr, "previous_tier", "tier-xl"),
			resource.TestCheckNoResourceAttr(addr, "last_update_id"),
		),
	}})
}

func TestAccControlPlaneTier_import(t *testing.T) {
	parallel(t)
	cluster := testCluster(t, "standard")
	acctest.Test(t, checkDestroyReverted(t), []resource.TestStep{
		{Config: tierConfig(t, cluster, "tier-xl", "")},
		acctest.ImportStep(addr, cluster),
		{
			ResourceName:  addr,
			ImportState:   true,
			ImportStateId: "not a cluster name",
			ExpectError:   regexp.MustCompile(`Import by EKS cluster name`),
		},
	})
}

func TestAccControlPlaneTier_disappears(t *testing.T) {
	acctest.SkipIfExternal(t) // it deletes the cluster
	parallel(t)
	cluster := testCluster(t, "standard")
	acctest.Test(t, checkDestroyReverted(t), []resource.TestStep{{
		Config: tierConfig(t, cluster, "tier-xl", ""),
		Check: func(*terraform.State) error {
			_, err := eksClient(t).DeleteCluster(context.Background(), &eks.DeleteClusterInput{Name: aws.String(cluster)})
			return err
		},
		// The refresh finds the cluster gone and drops the resource,
		// so the plan wants to create it again.
		ExpectNonEmptyPlan: true,
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate)},
		},
	}})
}

func TestAccControlPlaneTier_keepOnDestroy(t *testing.T) {
	acctest.SkipIfExternal(t) // it would leave a real cluster on a paid tier
	parallel(t)
	cluster := testCluster(t, "standard")
	acctest.Test(t, resource.ComposeAggregateTestCheckFunc(
		checkDestroyReverted(t),
		checkClusterTier(t, cluster, "tier-xl"),
	), []resource.TestStep{{
		Config: tierConfig(t, cluster, "tier-xl", "  revert_on_destroy = false"),
	}})
}

func TestAccControlPlaneTier_planTimeErrors(t *testing.T) {
	parallel(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      tierConfig(t, "some-cluster", "tier-3xl", ""),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Attribute tier value must be one of:.*"tier-xl".*got: "tier-3xl"`),
			},
			{
				Config:      tierConfig(t, "", "tier-xl", ""),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Attribute cluster_name string length must be between 1 and 100`),
			},
			{
				Config:      tierConfig(t, "-bad name", "tier-xl", ""),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)cluster_name.*must be an EKS cluster name`),
			},
			// Issue 16 item 10: a timeout of zero or less, or beyond a day,
			// is a plan-time error naming the attribute.
			{
				Config:      tierConfig(t, "some-cluster", "tier-xl", "  timeouts {\n    create = \"0s\"\n  }"),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Invalid timeout.*timeouts.create must be a duration more than 0.*got "0s"`),
			},
			{
				Config:      tierConfig(t, "some-cluster", "tier-xl", "  timeouts {\n    update = \"-5m\"\n  }"),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)timeouts.update must be a duration more than 0.*got "-5m"`),
			},
			{
				Config:      tierConfig(t, "some-cluster", "tier-xl", "  timeouts {\n    delete = \"48h\"\n  }"),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)timeouts.delete must be a duration more than 0 and at most 24h0m0s.*got "48h"`),
			},
		},
	})
}

func TestAccControlPlaneTier_missingCluster(t *testing.T) {
	acctest.SkipIfExternal(t)
	parallel(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      tierConfig(t, randomName("missing"), "tier-xl", ""),
			ExpectError: regexp.MustCompile(`(?s)EKS cluster not found.*nothing was written to state`),
		}},
	})
}
