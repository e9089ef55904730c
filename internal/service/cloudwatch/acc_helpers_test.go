package cloudwatch_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/scalingkit/terraform-provider-scaling/internal/acctest"
	tfcloudwatch "github.com/scalingkit/terraform-provider-scaling/internal/service/cloudwatch"
)

const (
	resourceType = "scaling_cloudwatch_metric_stream"
	address      = resourceType + ".test"
	// External runs need a real delivery stream and role, named by these.
	envFirehoseARN = "SCALING_ACC_FIREHOSE_ARN"
	envRoleARN     = "SCALING_ACC_METRIC_STREAM_ROLE_ARN"
)

var (
	firehoseARN = "arn:aws:firehose:us-east-1:123456789012:deliverystream/metrics"
	roleARN     = "arn:aws:iam::123456789012:role/metric-stream"
)

func TestMain(m *testing.M) {
	if !acctest.External() {
		tfcloudwatch.SetWaitTimings(20*time.Millisecond, 200*time.Millisecond, 3*time.Second)
	}
	os.Exit(m.Run())
}

// target is where a test runs (see acctest.Target), with the CloudWatch
// helpers.
type target struct{ acctest.Target }

// newTarget is acctest.NewTarget; a real endpoint also needs a real
// delivery stream and role.
func newTarget(t *testing.T, needsEmulator bool) target {
	t.Helper()
	tg := target{acctest.NewTarget(t, needsEmulator)}
	if tg.Emu == nil {
		if os.Getenv(envFirehoseARN) == "" || os.Getenv(envRoleARN) == "" {
			t.Skipf("set %s and %s to run against a real endpoint", envFirehoseARN, envRoleARN)
		}
		firehoseARN, roleARN = os.Getenv(envFirehoseARN), os.Getenv(envRoleARN)
	}
	return tg
}

func (tg target) client(t testing.TB) *cloudwatch.Client {
	return cloudwatch.NewFromConfig(tg.AWSConfig(t))
}

// checkDestroyed verifies against the API that every stream is gone.
func (tg target) checkDestroyed(t testing.TB) resource.TestCheckFunc {
	return acctest.CheckGone(resourceType, "ResourceNotFoundException", func(name string) error {
		_, err := tg.client(t).GetMetricStream(context.Background(), &cloudwatch.GetMetricStreamInput{Name: aws.String(name)})
		return err
	})
}

// checkAPI asserts the API's view of the stream named in state.
func (tg target) checkAPI(t testing.TB, check func(*cloudwatch.GetMetricStreamOutput, map[string]string) error) func(*terraform.State) error {
	return func(s *terraform.State) error {
		name := s.RootModule().Resources[address].Primary.ID
		c := tg.client(t)
		out, err := c.GetMetricStream(context.Background(), &cloudwatch.GetMetricStreamInput{Name: aws.String(name)})
		if err != nil {
			return err
		}
		tags, err := c.ListTagsForResource(context.Background(), &cloudwatch.ListTagsForResourceInput{ResourceARN: out.Arn})
		if err != nil {
			return err
		}
		m := map[string]string{}
		for _, tag := range tags.Tags {
			m[aws.ToString(tag.Key)] = aws.ToString(tag.Value)
		}
		return check(out, m)
	}
}

// streamConfig renders one stream; body holds the lines after the
// required arguments.
func streamConfig(name, format, body string) string {
	nameLine := ""
	if name != "" {
		nameLine = fmt.Sprintf("  name          = %q\n", name)
	}
	return fmt.Sprintf(`
resource %q "test" {
%s  firehose_arn  = %q
  role_arn      = %q
  output_format = %q
%s
}
`, resourceType, nameLine, firehoseARN, roleARN, format, body)
}
