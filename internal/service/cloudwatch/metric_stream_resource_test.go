package cloudwatch_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	awstypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
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
		{
			// A new prefix is a new stream with a new name.
			Config: tg.ProviderConfig(t) + streamConfig("", "json", `  name_prefix = "hpa-"`),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(address, plancheck.ResourceActionDestroyBeforeCreate),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestMatchResourceAttr(address, "name", regexp.MustCompile(`^hpa-[0-9a-f]{26}$`)),
				resource.TestCheckResourceAttr(address, "name_prefix", "hpa-"),
			),
		},
		{
			// Dropping name_prefix keeps the stream: the prefix is read
			// from its name.
			Config: tg.ProviderConfig(t) + streamConfig("", "json", ""),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectEmptyPlan(),
			}},
		},
		{
			// A fixed name has no prefix.
			Config: tg.ProviderConfig(t) + streamConfig("scaling-fixed", "json", ""),
			Check:  resource.TestCheckNoResourceAttr(address, "name_prefix"),
		},
	})
}

// With neither name nor name_prefix the name is generated with the
// default prefix, which name_prefix then shows.
func TestAccMetricStream_generatedName(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{{
		Config: tg.ProviderConfig(t) + streamConfig("", "json", ""),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestMatchResourceAttr(address, "name", regexp.MustCompile(`^terraform-[0-9a-f]{26}$`)),
			resource.TestCheckResourceAttr(address, "name_prefix", "terraform-"),
		),
	}})
}

func TestAccMetricStream_disappears(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		acctest.DisappearsStep(tg.ProviderConfig(t)+streamConfig("scaling-gone", "json", ""), "stream",
			func() bool { return tg.Emu.CloudWatch().DeleteStream("scaling-gone") }),
	})
}

// PutMetricStream is an upsert: a create must not take over another
// team's stream of the same name (its Firehose target and tags), and a
// later destroy must not delete it.
func TestAccMetricStream_alreadyExists(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	const theirs = "arn:aws:firehose:us-east-1:123456789012:deliverystream/their-metrics"
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{{
		PreConfig: func() {
			if _, err := tg.client(t).PutMetricStream(t.Context(), &cloudwatch.PutMetricStreamInput{
				Name: aws.String("scaling-taken"), FirehoseArn: aws.String(theirs), RoleArn: aws.String(roleARN),
				OutputFormat: "json", Tags: []awstypes.Tag{{Key: aws.String("team"), Value: aws.String("theirs")}},
			}); err != nil {
				t.Fatal(err)
			}
		},
		Config:      tg.ProviderConfig(t) + streamConfig("scaling-taken", "opentelemetry1.0", `  tags = { team = "ours" }`),
		ExpectError: acctest.MessageRegexp("import it"),
	}})
	st, ok := tg.Emu.CloudWatch().Stream("scaling-taken")
	if !ok || st.FirehoseARN != theirs || st.Tags["team"] != "theirs" || st.OutputFormat != "json" {
		t.Fatalf("the existing stream was changed or deleted: %+v (exists %v)", st, ok)
	}
	if n := tg.Emu.Calls.Count("cloudwatch", "PutMetricStream"); n != 1 {
		t.Fatalf("PutMetricStream called %d times, want only the seeding call", n)
	}
}

// A stream made with name_prefix imports with that name_prefix: the
// import plan is a no-op, not a replacement.
func TestAccMetricStream_importNamePrefix(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	cfg := tg.ProviderConfig(t) + streamConfig("", "json", `  name_prefix = "keda-"`)
	var name string
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{
			Config: cfg,
			Check: func(s *terraform.State) error {
				name = s.RootModule().Resources[address].Primary.ID
				return nil
			},
		},
		{
			Config: cfg, ResourceName: address, ImportState: true, ImportStateVerify: true,
			ImportStateVerifyIgnore: []string{"timeouts"},
		},
		{
			Config: cfg, ResourceName: address, ImportState: true, ImportStateKind: resource.ImportBlockWithID,
			ImportStateIdFunc: func(*terraform.State) (string, error) { return name, nil },
		},
	})
}

// Filters and statistics configurations are sets: the same blocks in
// another order plan no change.
func TestAccMetricStream_reorderedBlocksNoDiff(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	stats := func(stat, metric string) string {
		return fmt.Sprintf(`
  statistics_configuration {
    additional_statistics = [%q]
    include_metric {
      namespace   = "AWS/SQS"
      metric_name = %q
    }
    include_metric {
      namespace   = "Custom/Queue"
      metric_name = %q
    }
  }
`, stat, metric, metric)
	}
	filter := func(ns string) string { return fmt.Sprintf("  include_filter {\n    namespace = %q\n  }\n", ns) }
	first := filter("AWS/SQS") + filter("Custom/Queue") + stats("p99", "Age") + stats("p50", "Depth")
	reordered := stats("p50", "Depth") + filter("Custom/Queue") + stats("p99", "Age") + filter("AWS/SQS")
	reordered = strings.Replace(reordered, `namespace   = "AWS/SQS"
      metric_name = "Depth"
    }
    include_metric {
      namespace   = "Custom/Queue"
      metric_name = "Depth"`, `namespace   = "Custom/Queue"
      metric_name = "Depth"
    }
    include_metric {
      namespace   = "AWS/SQS"
      metric_name = "Depth"`, 1)
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{
		{Config: tg.ProviderConfig(t) + streamConfig("scaling-sets", "json", first)},
		{Config: tg.ProviderConfig(t) + streamConfig("scaling-sets", "json", reordered), PlanOnly: true},
	})
}
