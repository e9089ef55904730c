// Package conns builds the AWS service clients the provider's resources use,
// from the provider configuration. It knows nothing of Terraform: the
// provider package translates its schema into a Config.
package conns

import (
	"context"
	"net/url"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/feature/ec2/imds"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// TestAccessKey and TestSecretKey sign requests when UseTestCredentials is
// set: emulators and LocalStack accept any signature.
const (
	TestAccessKey = "test"
	TestSecretKey = "test"
)

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
	// MaxRetries is nil when unset: the profile's or AWS_MAX_ATTEMPTS'
	// max_attempts minus one, else DefaultMaxRetries.
	MaxRetries *int
	// RetryMode is "" when unset: AWS_RETRY_MODE or the profile's
	// retry_mode, else standard.
	RetryMode aws.RetryMode
	// EndpointURL overrides every service's endpoint (LocalStack, emulator).
	EndpointURL string
	// Endpoints overrides one service's endpoint; keys: eks, ecr, cloudwatch, sts.
	Endpoints map[string]string
	// UseTestCredentials signs with fixed dummy keys; for emulators only.
	// It implies SkipCredentialsValidation: dummy keys prove nothing.
	UseTestCredentials bool

	// The switches of hashicorp/aws, with its meaning.
	SkipCredentialsValidation bool // no sts:GetCallerIdentity before the first AWS call
	SkipRequestingAccountID   bool // this provider never needs the account ID
	SkipMetadataAPICheck      bool // no credentials (or anything) from the EC2 instance metadata service
	SkipRegionValidation      bool // any region name, for AWS-like APIs with their own

	// Unknown names the attributes whose values Terraform learns only
	// during apply: no AWS call can be made with them while planning.
	Unknown []string
}

// EndpointKeys are the services whose endpoint can be overridden.
var EndpointKeys = []string{"eks", "ecr", "cloudwatch", "sts"}

// Validate reports configuration mistakes, each at the attribute it is
// about, before any client is built. Attributes named in Unknown are not
// checked: their values come later.
func (c Config) Validate() problem.List {
	var probs problem.List
	known := func(attr string) bool {
		for _, u := range c.Unknown {
			if u == attr {
				return false
			}
		}
		return true
	}
	if known("access_key") && known("secret_key") && (c.AccessKey == "") != (c.SecretKey == "") {
		missing := "secret_key"
		if c.AccessKey == "" {
			missing = "access_key"
		}
		probs.Addf(problem.Path{missing}, "access_key and secret_key must be set together: set %s too, or remove both and use a profile, environment variables or assume_role.", missing)
	}
	if c.MaxRetries != nil && (*c.MaxRetries < 0 || *c.MaxRetries > MaxRetriesLimit) {
		probs.Addf(problem.Path{"max_retries"}, "max_retries must be between 0 and %d, got %d.", MaxRetriesLimit, *c.MaxRetries)
	}
	if c.RetryMode != "" && !validRetryMode(c.RetryMode) {
		probs.Addf(problem.Path{"retry_mode"}, "retry_mode must be %q or %q, got %q.", aws.RetryModeStandard, aws.RetryModeAdaptive, c.RetryMode)
	}
	if c.EndpointURL != "" && known("endpoint_url") {
		checkURL(&probs, problem.Path{"endpoint_url"}, c.EndpointURL)
	}
	for _, k := range EndpointKeys {
		if v := c.Endpoints[k]; v != "" && known("endpoints."+k) {
			checkURL(&probs, problem.Path{"endpoints", k}, v)
		}
	}
	if c.Region != "" && known("region") && !c.SkipRegionValidation {
		if msg := checkRegion(c.Region); msg != "" {
			probs.Addf(problem.Path{"region"}, "%s", msg)
		}
	}
	if c.AssumeRole != nil {
		probs = append(probs, c.AssumeRole.validate(known)...)
	}
	return probs
}

func checkURL(probs *problem.List, p problem.Path, v string) {
	u, err := url.Parse(v)
	if err != nil || u.Scheme == "" || u.Host == "" {
		probs.Addf(p, "%s must be an absolute URL such as http://127.0.0.1:4566, got %q.", p, v)
	}
}

// NewClient loads the SDK configuration (env vars, shared files, profile,
// AWS_ENDPOINT_URL_* included) and applies the provider's overrides on top.
// It fails only on the configuration's own mistakes (Validate). What keeps
// the provider from calling AWS (no region, a profile that cannot be
// loaded, values known only after apply, refused credentials) is reported
// by the client's Ready, to the resources and data sources that need AWS:
// configurations that only render objects and estimates work without it.
func (c Config) NewClient(ctx context.Context) (*AWSClient, error) {
	if probs := c.Validate(); probs.HasErrors() {
		return nil, probs.Err()
	}
	if len(c.Unknown) > 0 {
		return &AWSClient{unusable: unknownConfigError(c.Unknown)}, nil
	}
	cfg, err := awsconfig.LoadDefaultConfig(ctx, c.loadOptions()...)
	if err != nil {
		return &AWSClient{unusable: loadError(err)}, nil
	}
	client := &AWSClient{
		Region:              cfg.Region,
		validateCredentials: !c.SkipCredentialsValidation && !c.UseTestCredentials,
	}
	switch {
	case cfg.Region == "":
		client.unusable = c.noRegionError()
	case !c.SkipRegionValidation:
		if msg := checkRegion(cfg.Region); msg != "" {
			client.unusable = &Error{
				Summary: "Invalid AWS region",
				Detail: msg + " The region came from the AWS_REGION or AWS_DEFAULT_REGION environment variable or the AWS profile; " +
					"set `region` in the provider block, or `skip_region_validation = true` for an AWS-like API with region names of its own.",
			}
		}
	}
	cfg.Retryer = c.retryer(cfg)
	// The retryer above already counts the attempts; a second
	// AWS_MAX_ATTEMPTS wrapper in each client would override it.
	cfg.RetryMaxAttempts = 0

	baseSTS := sts.NewFromConfig(cfg, func(o *sts.Options) { c.override("sts", &o.BaseEndpoint) })
	if c.AssumeRole != nil {
		cfg.Credentials = aws.NewCredentialsCache(c.AssumeRole.provider(baseSTS))
	}
	client.EKS = eks.NewFromConfig(cfg, func(o *eks.Options) { c.override("eks", &o.BaseEndpoint) })
	client.ECR = ecr.NewFromConfig(cfg, func(o *ecr.Options) { c.override("ecr", &o.BaseEndpoint) })
	client.CloudWatch = cloudwatch.NewFromConfig(cfg, func(o *cloudwatch.Options) { c.override("cloudwatch", &o.BaseEndpoint) })
	client.STS = sts.NewFromConfig(cfg, func(o *sts.Options) { c.override("sts", &o.BaseEndpoint) })
	return client, nil
}

func (c Config) loadOptions() []func(*awsconfig.LoadOptions) error {
	var opts []func(*awsconfig.LoadOptions) error
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
	if c.SkipMetadataAPICheck {
		opts = append(opts, awsconfig.WithEC2IMDSClientEnableState(imds.ClientDisabled))
	}
	switch {
	case c.AccessKey != "":
		opts = append(opts, awsconfig.WithCredentialsProvider(
			credentials.NewStaticCredentialsProvider(c.AccessKey, c.SecretKey, c.SessionToken)))
	case c.UseTestCredentials:
		opts = append(opts, awsconfig.WithCredentialsProvider(
			credentials.NewStaticCredentialsProvider(TestAccessKey, TestSecretKey, "")))
	}
	return opts
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
