package ecr

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/ecr"
	awstypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/tfresource"
)

// Polling for a rule created moments ago: reads are eventually consistent.
var (
	pollDelays         = tfresource.Backoff{Min: 200 * time.Millisecond, Max: 5 * time.Second}
	propagationTimeout = 2 * time.Minute
)

// waitRuleFound describes the rule, treating NotFound as "not yet" for
// propagationTimeout.
func waitRuleFound(ctx context.Context, conn *ecr.Client, prefix string) (*awstypes.PullThroughCacheRule, error) {
	return tfresource.RetryWhenNotFound(ctx, propagationTimeout, pollDelays, func(ctx context.Context) (*awstypes.PullThroughCacheRule, error) {
		return findRule(ctx, conn, prefix)
	})
}

// waitTemplateFound describes the template, treating NotFound as "not
// yet" for propagationTimeout.
func waitTemplateFound(ctx context.Context, conn *ecr.Client, prefix string) (foundTemplate, error) {
	return tfresource.RetryWhenNotFound(ctx, propagationTimeout, pollDelays, func(ctx context.Context) (foundTemplate, error) {
		return findTemplate(ctx, conn, prefix)
	})
}
