package cloudwatch_test

import (
	"context"
	"errors"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator"
	"github.com/scalingkit/terraform-provider-scaling/internal/emulator/emulatortest"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/aws/smithy-go"
)

// These tests decode every reply with the real service/cloudwatch client
// (Smithy RPC v2 CBOR, awsQuery-compatible errors).

const (
	testFirehose = "arn:aws:firehose:us-east-1:123456789012:deliverystream/metrics"
	testCWRole   = "arn:aws:iam::123456789012:role/metric-stream"
)

var cwTestTime = emulatortest.Epoch

func startCloudWatch(t *testing.T) (*emulator.Emulator, *cloudwatch.Client, *emulatortest.Clock) {
	t.Helper()
	e, clock := emulatortest.Start(t, emulator.Options{})
	o := emulatortest.ClientFor(e)
	return e, cloudwatch.New(cloudwatch.Options{Region: o.Region, BaseEndpoint: o.BaseEndpoint, Credentials: o.Credentials, Retryer: o.Retryer}), clock
}

func putStream(name string) *cloudwatch.PutMetricStreamInput {
	return &cloudwatch.PutMetricStreamInput{
		Name: aws.String(name), FirehoseArn: aws.String(testFirehose), RoleArn: aws.String(testCWRole),
		OutputFormat: types.MetricStreamOutputFormatOpenTelemetry10,
	}
}

func TestCloudWatchMetricStreamLifecycle(t *testing.T) {
	_, c, clock := startCloudWatch(t)
	ctx := context.Background()
	in := putStream("scaling")
	in.IncludeFilters = []types.MetricStreamFilter{{Namespace: aws.String("AWS/SQS"), MetricNames: []string{"ApproximateNumberOfMessagesVisible"}}}
	in.StatisticsConfigurations = []types.MetricStreamStatisticsConfiguration{{
		IncludeMetrics:       []types.MetricStreamStatisticsMetric{{Namespace: aws.String("AWS/SQS"), MetricName: aws.String("ApproximateAgeOfOldestMessage")}},
		AdditionalStatistics: []string{"p99", "p99.9"},
	}}
	in.Tags = []types.Tag{{Key: aws.String("team"), Value: aws.String("platform")}}
	put, err := c.PutMetricStream(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	wantARN := "arn:aws:cloudwatch:us-east-1:123456789012:metric-stream/scaling"
	if aws.ToString(put.Arn) != wantARN {
		t.Fatalf("arn %q", aws.ToString(put.Arn))
	}

	get, err := c.GetMetricStream(ctx, &cloudwatch.GetMetricStreamInput{Name: aws.String("scaling")})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(get.State) != "running" || get.OutputFormat != types.MetricStreamOutputFormatOpenTelemetry10 ||
		!get.CreationDate.Equal(cwTestTime) || len(get.IncludeFilters) != 1 || get.IncludeFilters[0].MetricNames[0] != "ApproximateNumberOfMessagesVisible" ||
		len(get.StatisticsConfigurations) != 1 || get.StatisticsConfigurations[0].AdditionalStatistics[1] != "p99.9" ||
		aws.ToBool(get.IncludeLinkedAccountsMetrics) {
		t.Fatalf("get: %+v", get)
	}

	if _, err := c.StopMetricStreams(ctx, &cloudwatch.StopMetricStreamsInput{Names: []string{"scaling"}}); err != nil {
		t.Fatal(err)
	}
	// Put on an existing stream keeps its state and ignores Tags.
	clock.Advance(time.Minute)
	in2 := putStream("scaling")
	in2.OutputFormat = types.MetricStreamOutputFormatJson
	in2.Tags = []types.Tag{{Key: aws.String("ignored"), Value: aws.String("yes")}}
	if _, err := c.PutMetricStream(ctx, in2); err != nil {
		t.Fatal(err)
	}
	get, err = c.GetMetricStream(ctx, &cloudwatch.GetMetricStreamInput{Name: aws.String("scaling")})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(get.State) != "stopped" || get.OutputFormat != types.MetricStreamOutputFormatJson ||
		!get.CreationDate.Equal(cwTestTime) || !get.LastUpdateDate.Equal(cwTestTime.Add(time.Minute)) || len(get.IncludeFilters) != 0 {
		t.Fatalf("after second put: %+v", get)
	}
	tags, err := c.ListTagsForResource(ctx, &cloudwatch.ListTagsForResourceInput{ResourceARN: aws.String(wantARN)})
	if err != nil || len(tags.Tags) != 1 || aws.ToString(tags.Tags[0].Key) != "team" {
		t.Fatalf("tags after put: %+v %v", tags, err)
	}
	if _, err := c.TagResource(ctx, &cloudwatch.TagResourceInput{ResourceARN: aws.String(wantARN), Tags: []types.Tag{{Key: aws.String("env"), Value: aws.String("prod")}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.UntagResource(ctx, &cloudwatch.UntagResourceInput{ResourceARN: aws.String(wantARN), TagKeys: []string{"team"}}); err != nil {
		t.Fatal(err)
	}
	tags, err = c.ListTagsForResource(ctx, &cloudwatch.ListTagsForResourceInput{ResourceARN: aws.String(wantARN)})
	if err != nil || len(tags.Tags) != 1 || aws.ToString(tags.Tags[0].Key) != "env" {
		t.Fatalf("tags after tag/untag: %+v %v", tags, err)
	}
	if _, err := c.StartMetricStreams(ctx, &cloudwatch.StartMetricStreamsInput{Names: []string{"scaling"}}); err != nil {
		t.Fatal(err)
	}
	list, err := c.ListMetricStreams(ctx, &cloudwatch.ListMetricStreamsInput{})
	if err != nil || len(list.Entries) != 1 || aws.ToString(list.Entries[0].State) != "running" || !list.Entries[0].CreationDate.Equal(cwTestTime) {
		t.Fatalf("list: %+v %v", list, err)
	}

	if _, err := c.DeleteMetricStream(ctx, &cloudwatch.DeleteMetricStreamInput{Name: aws.String("scaling")}); err != nil {
		t.Fatal(err)
	}
	_, err = c.GetMetricStream(ctx, &cloudwatch.GetMetricStreamInput{Name: aws.String("scaling")})
	if !emulatortest.ErrIs[*types.ResourceNotFoundException](err) {
		t.Fatalf("get after delete: %v", err)
	}
	if ae, _ := asAPIError(err); ae == nil || ae.ErrorMessage() == "" {
		t.Fatalf("ResourceNotFoundException lost its message: %v", err)
	}
	if _, err := c.DeleteMetricStream(ctx, &cloudwatch.DeleteMetricStreamInput{Name: aws.String("scaling")}); err != nil {
		t.Fatalf("delete of a missing stream succeeds: %v", err)
	}
	if _, err := c.ListTagsForResource(ctx, &cloudwatch.ListTagsForResourceInput{ResourceARN: aws.String(wantARN)}); !emulatortest.ErrIs[*types.ResourceNotFoundException](err) {
		t.Fatalf("tags of a deleted stream: %v", err)
	}
}

func asAPIError(err error) (smithy.APIError, bool) {
	var ae smithy.APIError
	ok := errors.As(err, &ae)
	return ae, ok
}

func TestCloudWatchPutValidation(t *testing.T) {
	e, c, _ := startCloudWatch(t)
	ctx := context.Background()
	both := putStream("both")
	both.IncludeFilters = []types.MetricStreamFilter{{Namespace: aws.String("AWS/EC2")}}
	both.ExcludeFilters = []types.MetricStreamFilter{{Namespace: aws.String("AWS/S3")}}
	badName := putStream("has space")
	otelSum := putStream("otel")
	otelSum.StatisticsConfigurations = []types.MetricStreamStatisticsConfiguration{{
		IncludeMetrics:       []types.MetricStreamStatisticsMetric{{Namespace: aws.String("AWS/EC2"), MetricName: aws.String("CPUUtilization")}},
		AdditionalStatistics: []string{"tm99"},
	}}
	tooMany := putStream("many")
	names := make([]string, 1000)
	for i := range names {
		names[i] = "m" + time.Duration(i).String()
	}
	tooMany.IncludeFilters = []types.MetricStreamFilter{{Namespace: aws.String("AWS/EC2"), MetricNames: names}}
	noRole := putStream("norole")
	noRole.RoleArn = aws.String("") // nil is caught by the SDK before sending

	cases := []struct {
		name, code, message string
		in                  *cloudwatch.PutMetricStreamInput
	}{
		{"include and exclude", "InvalidParameterCombination", "both", both},
		{"bad name", "InvalidParameterValue", "Name", badName},
		{"otel non-percentile", "InvalidParameterValue", "tm99", otelSum},
		{"1001 names", "InvalidParameterValue", "1000", tooMany},
		{"missing role", "MissingParameter", "RoleArn", noRole},
	}
	for _, tc := range cases {
		_, err := c.PutMetricStream(ctx, tc.in)
		ae, ok := asAPIError(err)
		if !ok {
			t.Errorf("%s: want API error, got %v", tc.name, err)
			continue
		}
		if ae.ErrorCode() != tc.code || !strings.Contains(ae.ErrorMessage(), tc.message) || ae.ErrorFault() != smithy.FaultClient {
			t.Errorf("%s: got code %q message %q fault %v", tc.name, ae.ErrorCode(), ae.ErrorMessage(), ae.ErrorFault())
		}
	}
	if !emulatortest.ErrIs[*types.InvalidParameterCombinationException](func() error { _, err := c.PutMetricStream(ctx, both); return err }()) {
		t.Error("include+exclude does not decode as InvalidParameterCombinationException")
	}
	if n := len(e.CloudWatch().Streams()); n != 0 {
		t.Fatalf("rejected puts left %d streams", n)
	}
}

func TestCloudWatchWireDetails(t *testing.T) {
	e, _, _ := startCloudWatch(t)
	req, _ := http.NewRequest(http.MethodPost, e.URL()+"/service/GraniteServiceVersion20100801/operation/GetMetricStream", nil)
	req.Header.Set("Smithy-Protocol", "rpc-v2-cbor")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 400 || resp.Header.Get("Smithy-Protocol") != "rpc-v2-cbor" ||
		resp.Header.Get("X-Amzn-Query-Error") != "MissingParameter;Sender" || resp.Header.Get("Content-Type") != "application/cbor" {
		t.Fatalf("status %d headers %v", resp.StatusCode, resp.Header)
	}
}

func TestCloudWatchFaults(t *testing.T) {
	e, c, _ := startCloudWatch(t)
	ctx := context.Background()
	if _, err := c.PutMetricStream(ctx, putStream("s")); err != nil {
		t.Fatal(err)
	}
	for _, kind := range []emulator.FaultKind{emulator.FaultThrottle, emulator.FaultServerError, emulator.FaultUnavailable} {
		if err := e.Faults.Inject(emulator.Fault{Service: "cloudwatch", Operation: "GetMetricStream", Kind: kind, Count: 1}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.GetMetricStream(ctx, &cloudwatch.GetMetricStreamInput{Name: aws.String("s")}); err != nil {
		t.Fatalf("throttle, 500 and 503 are retried: %v", err)
	}
	if got := e.Calls.Count("cloudwatch", "GetMetricStream"); got != 4 {
		t.Fatalf("GetMetricStream calls %d, want 4", got)
	}
	if err := e.Faults.Inject(emulator.Fault{Service: "cloudwatch", Operation: "GetMetricStream", Kind: emulator.FaultNotFound, Count: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetMetricStream(ctx, &cloudwatch.GetMetricStreamInput{Name: aws.String("s")}); !emulatortest.ErrIs[*types.ResourceNotFoundException](err) {
		t.Fatalf("not-found fault: %v", err)
	}
}
