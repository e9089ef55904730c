package conns

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
)

// DefaultMaxRetries is how many times a failed, retryable call is retried.
const DefaultMaxRetries = 10

// MaxRetriesLimit bounds max_retries: with the SDK's backoff capped at
// 20 s, 100 retries keep one call retrying for over half an hour, longer
// than any apply should wait on a call that keeps failing.
const MaxRetriesLimit = 100

func validRetryMode(m aws.RetryMode) bool {
	return m == aws.RetryModeStandard || m == aws.RetryModeAdaptive
}

// retryer is the provider's retry policy: max_retries (else the profile's
// or AWS_MAX_ATTEMPTS' max_attempts, else DefaultMaxRetries) and
// retry_mode (else AWS_RETRY_MODE or the profile's, else standard), as
// hashicorp/aws resolves them. loaded is the SDK's configuration, which
// holds what the environment and the profile say.
func (c Config) retryer(loaded aws.Config) func() aws.Retryer {
	maxRetries := DefaultMaxRetries
	switch {
	case c.MaxRetries != nil:
		maxRetries = *c.MaxRetries
	case loaded.RetryMaxAttempts > 0:
		maxRetries = min(loaded.RetryMaxAttempts-1, MaxRetriesLimit)
	}
	mode := c.RetryMode
	if mode == "" {
		mode = loaded.RetryMode
	}
	standard := func(o *retry.StandardOptions) {
		o.MaxAttempts = maxRetries + 1
		// No client-side retry quota: a burst of throttles in a long
		// apply must not turn into "retry quota exceeded".
		o.RateLimiter = ratelimit.None
	}
	if mode == aws.RetryModeAdaptive {
		return func() aws.Retryer {
			return retry.NewAdaptiveMode(func(o *retry.AdaptiveModeOptions) {
				o.StandardOptions = append(o.StandardOptions, standard)
			})
		}
	}
	return func() aws.Retryer { return retry.NewStandard(standard) }
}
