// Package conns builds the AWS service clients the provider's resources use,
// from the provider configuration. It knows nothing of Terraform: the
// provider package translates its schema into a Config.
package conns

import (
	"context"
	"fmt"
	"net/url"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// TestAccessKey and TestSecretKey sign requests when UseTestCredentials is
// set: emulators and LocalStack accept any signature.
const (
	TestAccessKey = "test"
	TestSecretKey = "test"
)

// DefaultMaxRetries is how many times a failed, retryable call is retried.
const DefaultMaxRetries = 10

// Config is everything the provider block can say about AWS access.
type Config struct {
	Region                 string
	Profile                string
	SharedConfigFiles      []string
	SharedCredentialsFiles []string
	AccessKey              string
	SecretKey              string
	SessionToken           string
	AssumeRole             *AssumeRole
	MaxRetries             int
	// EndpointURL overrides every service's endpoint (LocalStack, emulator).
	EndpointURL string
	// Endpoints overrides one service's endpoint; keys: eks, ecr, cloudwatch, sts.
	Endpoints map[string]string
	// UseTestCredentials signs with fixed dummy keys; for emulators only.
	UseTestCredentials bool
}

// AssumeRole is the role the provider assumes before calling AWS.
type AssumeRole struct {
	RoleARN     string
	SessionName string
	ExternalID  string
}

// EndpointKeys are the services whose endpoint can be overridden.
var EndpointKeys = []string{"eks", "ecr", "cloudwatch", "sts"}

// AWSClient holds one client per service. Clients are cheap to build and make
// no call until used, so data sources that render offline never touch AWS.
type AWSClient struct {
	Region     string
	EKS        *eks.Client
	ECR        *ecr.Client
	CloudWatch *cloudwatch.Client
	STS        *sts.Client
	// Kubernetes is the provider's kubernetes block (not an AWS client: it
	// travels with the clients to the resources that need it).
	Kubernetes KubernetesConfig
	// Tags is the provider's default_tags and ignore_tags.
	Tags TagsConfig
}

// Validate reports configuration mistakes before any client is built.
func (c Config) Validate() error {
	if (c.AccessKey == "") != (c.SecretKey == "") {
		return fmt.Errorf("access_key and secret_key must be set together")
	}
	if c.MaxRetries < 0 {
		return fmt.Errorf("max_retries must be 0 or more, got %d", c.MaxRetries)
	}
	if c.EndpointURL != "" {
		if err := checkURL("endpoint_url", c.EndpointURL); err != nil {
			return err
		}
	}
	for k, v := range c.Endpoints {
		if v == "" {
			continue
		}
		if err := checkURL("endpoints."+k, v); err != nil {
			return err
		}
	}
	if c.AssumeRole != nil && c.AssumeRole.RoleARN == "" {
		return fmt.Errorf("assume_role.role_arn is required when assume_role is set")
	}
	return nil
}

func checkURL(attr, v string) error {
	u, err := url.Parse(v)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return fmt.Errorf("%s must be an absolute URL such as http://127.0.0.1:4566, got %q", attr, v)
	}
	return nil
}

// NewClient loads the SDK configuration (env vars, shared files, profile,
// AWS_ENDPOINT_URL_* included) and applies the provider's overrides on top.
func (c Config) NewClient(ctx context.Context) (*AWSClient, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	maxRetries := c.MaxRetries
	opts := []func(*awsconfig.LoadOptions) error{
		awsconfig.WithRetryer(func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) {
				o.MaxAttempts = maxRetries + 1
				// No client-side retry quota: a burst of throttles in a long
				// apply must not turn into "retry quota exceeded".
				o.RateLimiter = ratelimit.None
			})
		}),
	}
	if c.Region != "" {
		opts = append(opts, awsconfig.WithRegion(c.Region))
	}
	if c.Profile != "" {
		opts = append(opts, awsconfig.WithSharedConfigProfile(c.Profile))
	}
	if len(c.SharedConfigFiles) > 0 {
		opts = append(opts, awsconfig.WithSharedConfigFiles(c.SharedConfigFiles))
	}
	if len(c.SharedCredentialsFiles) > 0 {
		opts = append(opts, awsconfig.WithSharedCredentialsFiles(c.SharedCredentialsFiles))
	}
	switch {
	case c.AccessKey != "":
		opts = append(opts, awsconfig.WithCredentialsProvider(
			credentials.NewStaticCredentialsProvider(c.AccessKey, c.SecretKey, c.SessionToken)))
	case c.UseTestCredentials:
		opts = append(opts, awsconfig.WithCredentialsProvider(
			credentials.NewStaticCredentialsProvider(TestAccessKey, TestSecretKey, "")))
	}
	cfg, err := awsconfig.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, fmt.Errorf("loading AWS configuration: %w", err)
	}
	if cfg.Region == "" {
		// Offline renderers need no region; resources report it when they call AWS.
		cfg.Region = "us-east-1"
	}
	stsClient := sts.NewFromConfig(cfg, func(o *sts.Options) { c.override("sts", &o.BaseEndpoint) })
	if c.AssumeRole != nil {
		ar := *c.AssumeRole
		cfg.Credentials = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(stsClient, ar.RoleARN,
			func(o *stscreds.AssumeRoleOptions) {
				if ar.SessionName != "" {
					o.RoleSessionName = ar.SessionName
				}
				if ar.ExternalID != "" {
					o.ExternalID = aws.String(ar.ExternalID)
				}
			}))
	}
	return &AWSClient{
		Region:     cfg.Region,
		EKS:        eks.NewFromConfig(cfg, func(o *eks.Options) { c.override("eks", &o.BaseEndpoint) }),
		ECR:        ecr.NewFromConfig(cfg, func(o *ecr.Options) { c.override("ecr", &o.BaseEndpoint) }),
		CloudWatch: cloudwatch.NewFromConfig(cfg, func(o *cloudwatch.Options) { c.override("cloudwatch", &o.BaseEndpoint) }),
		STS:        stsClient,
	}, nil
}

// override sets a service's endpoint from the provider block; without one it
// keeps the SDK's own resolution (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>,
// shared config).
func (c Config) override(svc string, base **string) {
	if v := c.Endpoints[svc]; v != "" {
		*base = aws.String(v)
	} else if c.EndpointURL != "" {
		*base = aws.String(c.EndpointURL)
	}
}
