package cloudwatch

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	awstypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
)

// errNotFound marks a stream the API says does not exist.
var errNotFound = errors.New("not found")

func isNotFound(err error) bool { return errors.Is(err, errNotFound) }

// findStream gets one metric stream by name.
func findStream(ctx context.Context, conn *cloudwatch.Client, name string) (*cloudwatch.GetMetricStreamOutput, error) {
	out, err := conn.GetMetricStream(ctx, &cloudwatch.GetMetricStreamInput{Name: aws.String(name)})
	var nf *awstypes.ResourceNotFoundException
	if errors.As(err, &nf) {
		return nil, fmt.Errorf("metric stream %q: %w (%v)", name, errNotFound, err)
	}
	if err != nil {
		return nil, fmt.Errorf("reading metric stream %q: %w", name, err)
	}
	return out, nil
}

// findTags lists a stream's tags.
func findTags(ctx context.Context, conn *cloudwatch.Client, arn string) (map[string]string, error) {
	out, err := conn.ListTagsForResource(ctx, &cloudwatch.ListTagsForResourceInput{ResourceARN: aws.String(arn)})
	if err != nil {
		return nil, fmt.Errorf("listing tags of metric stream %s: %w", arn, err)
	}
	tags := map[string]string{}
	for _, t := range out.Tags {
		tags[aws.ToString(t.Key)] = aws.ToString(t.Value)
	}
	return tags, nil
}

// Polling for a stream created moments ago: reads are eventually consistent.
var (
	pollMinDelay       = 200 * time.Millisecond
	pollMaxDelay       = 5 * time.Second
	propagationTimeout = 2 * time.Minute
)

// waitStreamFound treats NotFound as "not yet" for propagationTimeout.
func waitStreamFound(ctx context.Context, conn *cloudwatch.Client, name string) (*cloudwatch.GetMetricStreamOutput, error) {
	deadline := time.Now().Add(propagationTimeout)
	delay := pollMinDelay
	for {
		s, err := findStream(ctx, conn, name)
		if err == nil || !isNotFound(err) || time.Now().After(deadline) {
			return s, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(delay):
		}
		delay = min(2*delay, pollMaxDelay)
	}
}
