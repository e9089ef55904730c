package cloudwatch

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"

	"github.com/scalingkit/terraform-provider-scaling/internal/tfresource"
)

// Polling for a stream created moments ago: reads are eventually consistent.
var (
	pollDelays         = tfresource.Backoff{Min: 200 * time.Millisecond, Max: 5 * time.Second}
	propagationTimeout = 2 * time.Minute
)

// waitStreamFound gets the stream, treating NotFound as "not yet" for
// propagationTimeout.
func waitStreamFound(ctx context.Context, conn *cloudwatch.Client, name string) (*cloudwatch.GetMetricStreamOutput, error) {
	return tfresource.RetryWhenNotFound(ctx, propagationTimeout, pollDelays, func(ctx context.Context) (*cloudwatch.GetMetricStreamOutput, error) {
		return findStream(ctx, conn, name)
	})
}
