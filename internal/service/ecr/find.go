package ecr

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	awstypes "github.com/aws/aws-sdk-go-v2/service/ecr/types"
)

// errNotFound marks a rule the API says does not exist.
var errNotFound = errors.New("not found")

func isNotFound(err error) bool { return errors.Is(err, errNotFound) }

func isRuleNotFound(err error) bool {
	var e *awstypes.PullThroughCacheRuleNotFoundException
	return errors.As(err, &e)
}

// findRule describes one pull-through cache rule by prefix.
func findRule(ctx context.Context, conn *ecr.Client, prefix string) (*awstypes.PullThroughCacheRule, error) {
	out, err := conn.DescribePullThroughCacheRules(ctx, &ecr.DescribePullThroughCacheRulesInput{EcrRepositoryPrefixes: []string{prefix}})
	if isRuleNotFound(err) {
		return nil, fmt.Errorf("pull-through cache rule %q: %w (%v)", prefix, errNotFound, err)
	}
	if err != nil {
		return nil, fmt.Errorf("reading pull-through cache rule %q: %w", prefix, err)
	}
	for i := range out.PullThroughCacheRules {
		if aws.ToString(out.PullThroughCacheRules[i].EcrRepositoryPrefix) == prefix {
			return &out.PullThroughCacheRules[i], nil
		}
	}
	return nil, fmt.Errorf("pull-through cache rule %q: %w (empty response)", prefix, errNotFound)
}

// Polling for a rule created moments ago: reads are eventually consistent.
var (
	pollMinDelay       = 200 * time.Millisecond
	pollMaxDelay       = 5 * time.Second
	propagationTimeout = 2 * time.Minute
)

// waitRuleFound treats NotFound as "not yet" for propagationTimeout.
func waitRuleFound(ctx context.Context, conn *ecr.Client, prefix string) (*awstypes.PullThroughCacheRule, error) {
	deadline := time.Now().Add(propagationTimeout)
	delay := pollMinDelay
	for {
		r, err := findRule(ctx, conn, prefix)
		if err == nil || !isNotFound(err) || time.Now().After(deadline) {
			return r, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(delay):
		}
		delay = min(2*delay, pollMaxDelay)
	}
}
