package provider_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	ekstypes "github.com/aws/aws-sdk-go-v2/service/eks/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov5"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	"github.com/scalingkit/terraform-provider-scaling/internal/acctest/awsstandin"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
)

// The migration guide's examples (examples/guides/migrating-from-aws),
// applied as they are: first the aws provider's resource (served by a
// stand-in with hashicorp/aws's schema and state), then the guide's
// "after" configuration. The object is neither deleted nor created again,
// and the plan after the migration shows no changes.

func TestAccMigration_ecrPullThroughCacheRuleMoved(t *testing.T) {
	testMigration(t, "ecr-before.tf", "ecr-moved.tf", "scaling_ecr_pull_through_cache_rule.k8s", "ecr", "PullThroughCacheRule")
}

func TestAccMigration_ecrPullThroughCacheRuleRemovedAndImported(t *testing.T) {
	testMigration(t, "ecr-before.tf", "ecr-removed-import.tf", "scaling_ecr_pull_through_cache_rule.k8s", "ecr", "PullThroughCacheRule")
}

func TestAccMigration_cloudWatchMetricStreamMoved(t *testing.T) {
	testMigration(t, "metric-stream-before.tf", "metric-stream-moved.tf", "scaling_cloudwatch_metric_stream.signals", "cloudwatch", "MetricStream")
}

func TestAccMigration_cloudWatchMetricStreamRemovedAndImported(t *testing.T) {
	testMigration(t, "metric-stream-before.tf", "metric-stream-removed-import.tf", "scaling_cloudwatch_metric_stream.signals", "cloudwatch", "MetricStream")
}

// The tier of a cluster aws_eks_cluster keeps: imported with the tier the
// cluster has, no update is made and the plan after it is empty.
func TestAccMigration_eksClusterTierImported(t *testing.T) {
	tg := acctest.PrivateTarget(t, emulator.Options{UpdateDelay: acctest.UpdateDelay})
	_, err := eks.NewFromConfig(tg.AWSConfig(t)).CreateCluster(context.Background(), &eks.CreateClusterInput{
		Name:                      aws.String("prod"),
		Version:                   aws.String("1.33"),
		RoleArn:                   aws.String("arn:aws:iam::123456789012:role/eks-cluster"),
		ResourcesVpcConfig:        &ekstypes.VpcConfigRequest{SubnetIds: []string{"subnet-a", "subnet-b"}},
		ControlPlaneScalingConfig: &ekstypes.ControlPlaneScalingConfig{Tier: ekstypes.ProvisionedControlPlaneTierTierXl},
	})
	if err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: tg.ProviderConfig(t) + guideExample(t, "eks-import.tf"),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction("scaling_control_plane_tier.prod", plancheck.ResourceActionNoop)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("scaling_control_plane_tier.prod", "tier", "tier-xl"),
				func(*terraform.State) error {
					if n := tg.Emu.Calls.Count("eks", "UpdateClusterConfig"); n != 0 {
						return fmt.Errorf("the import made %d tier updates, want none", n)
					}
					return nil
				},
			),
		}},
	})
}

// testMigration applies before, then after, and checks that the object
// (service's Create/Put<object> and Delete<object> operations) was created
// once and never deleted.
func testMigration(t *testing.T, before, after, address, service, object string) {
	tg := acctest.PrivateTarget(t, emulator.Options{})
	providers := `
provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true

  endpoints {
    ecr        = "` + tg.URL + `"
    cloudwatch = "` + tg.URL + `"
  }
}
` + tg.ProviderConfig(t)
	create := "Create" + object
	if service == "cloudwatch" {
		create = "Put" + object
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		ProtoV5ProviderFactories: map[string]func() (tfprotov5.ProviderServer, error){"aws": awsstandin.Factory},
		Steps: []resource.TestStep{
			{Config: providers + guideExample(t, before)},
			{
				Config: providers + guideExample(t, after),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(address, plancheck.ResourceActionNoop)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					if n := tg.Emu.Calls.Count(service, create); n != 1 {
						return fmt.Errorf("%s:%s called %d times, want once (by the aws provider only)", service, create, n)
					}
					if n := tg.Emu.Calls.Count(service, "Delete"+object); n != 0 {
						return fmt.Errorf("%s:Delete%s called %d times during the migration, want none", service, object, n)
					}
					return nil
				},
			},
		},
	})
}

func guideExample(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "guides", "migrating-from-aws", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
