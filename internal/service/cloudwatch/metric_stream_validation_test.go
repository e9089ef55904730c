package cloudwatch_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
)

func manyNames(n int) string {
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf("%q", fmt.Sprintf("m%d", i))
	}
	return "[" + strings.Join(names, ", ") + "]"
}

// Every plan-time error names the attribute and the fix, and no API call
// is made.
func TestAccMetricStream_planTimeErrors(t *testing.T) {
	tg := newTarget(t, true)
	t.Parallel()
	stats := func(stat string) string {
		return fmt.Sprintf(`
  statistics_configuration {
    additional_statistics = [%q]
    include_metric {
      namespace   = "AWS/SQS"
      metric_name = "ApproximateAgeOfOldestMessage"
    }
  }
`, stat)
	}
	cases := []struct{ name, format, body, want string }{
		{"has space", "json", "", "may only contain letters, digits"},
		{strings.Repeat("a", 256), "json", "", "it must be 1-255"},
		{"", "json", fmt.Sprintf("  name_prefix = %q", strings.Repeat("p", 230)), "it must be 1-229"},
		{"both", "json", `  name_prefix = "x"`, "cannot both be set"},
		{"fmt", "csv", "", "output_format"},
		{"state", "json", `  state = "paused"`, "state"},
		{"filters", "json", "  include_filter {\n    namespace = \"AWS/EC2\"\n  }\n  exclude_filter {\n    namespace = \"AWS/S3\"\n  }", "cannot be used together"},
		{"names", "json", "  include_filter {\n    namespace = \"AWS/EC2\"\n    metric_names = " + manyNames(1000) + "\n  }", "at most 1000"},
		{"otel", "opentelemetry0.7", stats("tm99"), "only percentiles"},
		{"stat", "json", stats("median"), "not a CloudWatch statistic"},
		{"sum", "json", stats("Sum"), "always streamed"},
		{"tag", "json", `  tags = { "aws:owner" = "me" }`, "reserved for AWS"},
		{"timeout-zero", "json", "  timeouts {\n    create = \"0s\"\n  }", "must be a duration more than 0"},
		{"timeout-negative", "json", "  timeouts {\n    update = \"-5m\"\n  }", "got \"-5m\""},
		{"timeout-huge", "json", "  timeouts {\n    delete = \"100h\"\n  }", "at most 24h0m0s"},
	}
	var steps []resource.TestStep
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{
			Config:      tg.ProviderConfig(t) + streamConfig(tc.name, tc.format, tc.body),
			PlanOnly:    true,
			ExpectError: acctest.MessageRegexp(tc.want),
		})
	}
	// Raw ARNs are checked too.
	steps = append(steps,
		resource.TestStep{
			Config: tg.ProviderConfig(t) + strings.Replace(streamConfig("arn", "json", ""), firehoseARN,
				"arn:aws:kinesis:us-east-1:123456789012:stream/x", 1),
			PlanOnly: true, ExpectError: acctest.MessageRegexp("is not a Firehose delivery stream ARN"),
		},
		resource.TestStep{
			Config:   tg.ProviderConfig(t) + strings.Replace(streamConfig("arn", "json", ""), roleARN, "arn:aws:iam::123456789012:user/x", 1),
			PlanOnly: true, ExpectError: acctest.MessageRegexp("is not an IAM role ARN"),
		},
	)
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories, Steps: steps})
	if n := tg.Calls("cloudwatch"); n != 0 {
		t.Fatalf("plan-time errors made %d CloudWatch calls: %v", n, tg.Emu.Calls.Counts())
	}
}

// Statistics computed by another resource are unknown at plan: the count
// check waits for apply instead of failing the plan with "got 0".
func TestAccMetricStream_statisticsKnownOnlyAtApply(t *testing.T) {
	tg := newTarget(t, false)
	t.Parallel()
	body := `
  statistics_configuration {
    additional_statistics = toset(terraform_data.stats.output)
    include_metric {
      namespace   = "AWS/SQS"
      metric_name = "ApproximateAgeOfOldestMessage"
    }
  }
`
	config := tg.ProviderConfig(t) + `
resource "terraform_data" "stats" {
  input = ["p99", "p50"]
}
` + streamConfig("scaling-unknown-stats", "json", body)
	acctest.Test(t, tg.checkDestroyed(t), []resource.TestStep{{
		Config: config,
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(address, "statistics_configuration.0.additional_statistics.#", "2"),
			tg.checkAPI(t, func(out *cloudwatch.GetMetricStreamOutput, _ map[string]string) error {
				if n := len(out.StatisticsConfigurations); n != 1 || len(out.StatisticsConfigurations[0].AdditionalStatistics) != 2 {
					return fmt.Errorf("API statistics configurations: %+v", out.StatisticsConfigurations)
				}
				return nil
			}),
		),
	}})
}
