package ecr

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	awstypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/tfresource"
)

// findRule describes one pull-through cache rule by prefix.
func findRule(ctx context.Context, conn *ecr.Client, prefix string) (*awstypes.PullThroughCacheRule, error) {
	out, err := conn.DescribePullThroughCacheRules(ctx, &ecr.DescribePullThroughCacheRulesInput{EcrRepositoryPrefixes: []string{prefix}})
	if tfresource.IsA[*awstypes.PullThroughCacheRuleNotFoundException](err) {
		return nil, tfresource.NewNotFoundError(fmt.Sprintf("pull-through cache rule %q", prefix), err)
	}
	if err != nil {
		return nil, fmt.Errorf("reading pull-through cache rule %q: %w", prefix, err)
	}
	for i := range out.PullThroughCacheRules {
		if aws.ToString(out.PullThroughCacheRules[i].EcrRepositoryPrefix) == prefix {
			return &out.PullThroughCacheRules[i], nil
		}
	}
	return nil, tfresource.NewNotFoundError(fmt.Sprintf("pull-through cache rule %q", prefix), errors.New("empty response"))
}
