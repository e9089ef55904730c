package cloudwatch_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

const basicBody = `
  include_filter {
    namespace    = "AWS/SQS"
    metric_names = ["ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage"]
  }
  include_filter {
    namespace = "Custom/Queue"
  }
  statistics_configuration {
    additional_statistics = ["p99", "p90"]
    include_metric {
      namespace   = "AWS/SQS"
      metric_name = "ApproximateAgeOfOldestMessage"
    }
  }
  tags = { team = "platform" }
`

func TestAccMetricStream_basic(t *testing.T) {
	tg := newTarget(t, false)
	t.Parallel()
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{
			Config: tg.ProviderConfig(t) + streamConfig("scaling-basic", "opentelemetry1.0", basicBody),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(address, "id", "scaling-basic"),
				resource.TestCheckResourceAttr(address, "state", "running"),
				resource.TestMatchResourceAttr(address, "arn", regexp.MustCompile(`^arn:aws:cloudwatch:us-east-1:[0-9]{12}:metric-stream/scaling-basic$`)),
				resource.TestCheckResourceAttrSet(address, "creation_date"),
				resource.TestCheckResourceAttrSet(address, "last_update_date"),
				resource.TestCheckResourceAttr(address, "include_filter.#", "2"),
				resource.TestCheckResourceAttr(address, "include_filter.0.metric_names.#", "2"),
				resource.TestCheckResourceAttr(address, "statistics_configuration.0.additional_statistics.#", "2"),
				resource.TestCheckResourceAttr(address, "include_linked_accounts_metrics", "false"),
				resource.TestCheckResourceAttr(address, "tags.team", "platform"),
				tg.checkAPI(t, func(out *cloudwatch.GetMetricStreamOutput, tags map[string]string) error {
					if aws.ToString(out.State) != "running" || len(out.IncludeFilters) != 2 || tags["team"] != "platform" {
						return fmt.Errorf("API state %s, %d filters, tags %v", aws.ToString(out.State), len(out.IncludeFilters), tags)
					}
					return nil
				}),
			),
		},
		acctest.ImportStep(address, "scaling-basic"),
	})
}

// updatedBody is the stream updateInPlace changes to; its steps differ
// only in tags.
func updatedBody(tags string) string {
	return `
  exclude_filter {
    namespace = "AWS/EC2"
  }
  statistics_configuration {
    additional_statistics = ["tm99"]
    include_metric {
      namespace   = "AWS/SQS"
      metric_name = "ApproximateAgeOfOldestMessage"
    }
  }
  include_linked_accounts_metrics = true
  tags = { ` + tags + ` }
`
}

func TestAccMetricStream_updateInPlace(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	var created string
	update := resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate)}}
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{
			Config: tg.ProviderConfig(t) + streamConfig("scaling-update", "opentelemetry1.0", basicBody),
			Check: func(s *terraform.State) error {
				created = s.RootModule().Resources[address].Primary.Attributes["creation_date"]
				return nil
			},
		},
		{
			// Stream settings change: one PutMetricStream, same stream.
			Config:           tg.ProviderConfig(t) + streamConfig("scaling-update", "json", updatedBody(`team = "platform"`)),
			ConfigPlanChecks: update,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttrWith(address, "creation_date", func(v string) error {
					if v != created {
						return fmt.Errorf("creation_date changed from %s to %s: the stream was recreated", created, v)
					}
					return nil
				}),
				resource.TestCheckResourceAttr(address, "output_format", "json"),
				resource.TestCheckResourceAttr(address, "include_filter.#", "0"),
				resource.TestCheckResourceAttr(address, "exclude_filter.#", "1"),
				tg.checkAPI(t, func(out *cloudwatch.GetMetricStreamOutput, _ map[string]string) error {
					if out.OutputFormat != "json" || len(out.ExcludeFilters) != 1 || !aws.ToBool(out.IncludeLinkedAccountsMetrics) || aws.ToString(out.State) != "running" {
						return fmt.Errorf("API after update: %+v", out)
					}
					return nil
				}),
			),
		},
		{
			// Tags only: Tag/UntagResource, no PutMetricStream.
			PreConfig:        func() { tg.Emu.Calls.Clear() },
			Config:           tg.ProviderConfig(t) + streamConfig("scaling-update", "json", updatedBody(`env = "prod"`)),
			ConfigPlanChecks: update,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(address, "tags.%", "1"),
				resource.TestCheckResourceAttr(address, "tags.env", "prod"),
				tg.checkAPI(t, func(_ *cloudwatch.GetMetricStreamOutput, tags map[string]string) error {
					if len(tags) != 1 || tags["env"] != "prod" {
						return fmt.Errorf("API tags %v", tags)
					}
					return nil
				}),
				func(*terraform.State) error {
					if n := tg.Emu.Calls.Count("cloudwatch", "PutMetricStream"); n != 0 {
						return fmt.Errorf("a tags-only change called PutMetricStream %d times", n)
					}
					if tg.Emu.Calls.Count("cloudwatch", "TagResource") != 1 || tg.Emu.Calls.Count("cloudwatch", "UntagResource") != 1 {
						return fmt.Errorf("calls %v", tg.Emu.Calls.Counts())
					}
					return nil
				},
			),
		},
	})
}

func TestAccMetricStream_stateAndDrift(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	stopped := tg.ProviderConfig(t) + streamConfig("scaling-state", "json", `  state = "stopped"`)
	checkAPIState := func(want string) resource.TestCheckFunc {
		return tg.checkAPI(t, func(out *cloudwatch.GetMetricStreamOutput, _ map[string]string) error {
			if aws.ToString(out.State) != want {
				return fmt.Errorf("API state %s, want %s", aws.ToString(out.State), want)
			}
			return nil
		})
	}
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{Config: stopped, Check: resource.ComposeAggregateTestCheckFunc(resource.TestCheckResourceAttr(address, "state", "stopped"), checkAPIState("stopped"))},
		{
			// Started outside Terraform: the plan shows it and apply stops it again.
			PreConfig: func() { tg.Emu.CloudWatch().SetStreamState("scaling-state", "running") },
			Config:    stopped,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
			}},
			Check: checkAPIState("stopped"),
		},
		{
			Config: tg.ProviderConfig(t) + streamConfig("scaling-state", "json", ""),
			Check:  resource.ComposeAggregateTestCheckFunc(resource.TestCheckResourceAttr(address, "state", "running"), checkAPIState("running")),
		},
	})
	if n := tg.Emu.Calls.Count("cloudwatch", "PutMetricStream"); n != 1 {
		t.Fatalf("state changes called PutMetricStream: %d calls", n)
	}
}

func TestAccMetricStream_replace(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{Config: tg.ProviderConfig(t) + streamConfig("scaling-a", "json", "")},
		{
			Config: tg.ProviderConfig(t) + streamConfig("scaling-b", "json", ""),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(address, plancheck.ResourceActionDestroyBeforeCreate),
			}},
			Check: func(*terraform.State) error {
				if _, ok := tg.Emu.CloudWatch().Stream("scaling-a"); ok {
					return fmt.Errorf("old stream scaling-a still exists")
				}
				if _, ok := tg.Emu.CloudWatch().Stream("scaling-b"); !ok {
					return fmt.Errorf("new stream scaling-b missing")
				}
				return nil
			},
		},
	})
}

func TestAccMetricStream_namePrefix(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{
			Config: tg.ProviderConfig(t) + streamConfig("", "json", `  name_prefix = "keda-"`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestMatchResourceAttr(address, "name", regexp.MustCompile(`^keda-[0-9a-f]{26}$`)),
				resource.TestCheckResourceAttr(address, "name_prefix", "keda-"),
			),
		},
		{Config: tg.ProviderConfig(t) + streamConfig("", "json", "")},
	})
}

func TestAccMetricStream_disappears(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		acctest.DisappearsStep(tg.ProviderConfig(t)+streamConfig("scaling-gone", "json", ""), "stream",
			func() bool { return tg.Emu.CloudWatch().DeleteStream("scaling-gone") }),
	})
}
