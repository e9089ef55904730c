package cloudwatch

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	awstypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/tfresource"
)

// findStream gets one metric stream by name.
func findStream(ctx context.Context, conn *cloudwatch.Client, name string) (*cloudwatch.GetMetricStreamOutput, error) {
	out, err := conn.GetMetricStream(ctx, &cloudwatch.GetMetricStreamInput{Name: aws.String(name)})
	if tfresource.IsA[*awstypes.ResourceNotFoundException](err) {
		return nil, tfresource.NewNotFoundError(fmt.Sprintf("metric stream %q", name), err)
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
