package conns

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
)

func TestMaxRetriesSetsAttempts(t *testing.T) {
	isolate(t)
	client := mustClient(t, Config{Region: "us-east-1", MaxRetries: intp(4), UseTestCredentials: true})
	if got := client.EKS.Options().Retryer.MaxAttempts(); got != 5 {
		t.Errorf("max attempts = %d, want 5", got)
	}
	client = mustClient(t, Config{Region: "us-east-1", UseTestCredentials: true})
	if got := client.EKS.Options().Retryer.MaxAttempts(); got != DefaultMaxRetries+1 {
		t.Errorf("default max attempts = %d, want %d", got, DefaultMaxRetries+1)
	}
}

// As in hashicorp/aws, AWS_MAX_ATTEMPTS applies when max_retries is unset.
func TestMaxAttemptsFromTheEnvironment(t *testing.T) {
	isolate(t)
	t.Setenv("AWS_MAX_ATTEMPTS", "3")
	if got := mustClient(t, Config{Region: "us-east-1", UseTestCredentials: true}).ECR.Options().Retryer.MaxAttempts(); got != 3 {
		t.Errorf("AWS_MAX_ATTEMPTS=3: max attempts = %d", got)
	}
	if got := mustClient(t, Config{Region: "us-east-1", MaxRetries: intp(0), UseTestCredentials: true}).ECR.Options().Retryer.MaxAttempts(); got != 1 {
		t.Errorf("max_retries = 0 must win: max attempts = %d", got)
	}
}

// retry_mode: standard by default, adaptive on request (with the same
// attempt count), AWS_RETRY_MODE when unset, the provider block first.
func TestRetryMode(t *testing.T) {
	isolate(t)
	mode := func(c Config) (any, int) {
		c.Region, c.UseTestCredentials = "us-east-1", true
		r := mustClient(t, c).CloudWatch.Options().Retryer
		return r, r.MaxAttempts()
	}
	if r, _ := mode(Config{}); !isStandard(r) {
		t.Errorf("default: %T, want standard", r)
	}
	if r, n := mode(Config{RetryMode: "adaptive", MaxRetries: intp(6)}); !isAdaptive(r) || n != 7 {
		t.Errorf("adaptive: %T with %d attempts, want adaptive with 7", r, n)
	}
	t.Setenv("AWS_RETRY_MODE", "adaptive")
	if r, _ := mode(Config{}); !isAdaptive(r) {
		t.Errorf("AWS_RETRY_MODE=adaptive: %T", r)
	}
	if r, _ := mode(Config{RetryMode: "standard"}); !isStandard(r) {
		t.Errorf("retry_mode = standard must win over AWS_RETRY_MODE: %T", r)
	}
}

func isStandard(r any) bool { _, ok := r.(*retry.Standard); return ok }
func isAdaptive(r any) bool { _, ok := r.(*retry.AdaptiveMode); return ok }
