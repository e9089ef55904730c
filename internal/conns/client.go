package conns

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/eks"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// AWSClient holds one client per service. Clients are cheap to build and make
// no call until used, so data sources that render offline never touch AWS.
// Resources and data sources that call AWS ask Ready first.
type AWSClient struct {
	Region     string
	EKS        *eks.Client
	ECR        *ecr.Client
	CloudWatch *cloudwatch.Client
	// STS signs with the provider's effective identity (the assumed role
	// when assume_role is set).
	STS *sts.Client
	// Kubernetes is the provider's kubernetes block (not an AWS client: it
	// travels with the clients to the resources that need it).
	Kubernetes KubernetesConfig
	// Tags is the provider's default_tags and ignore_tags.
	Tags TagsConfig

	// unusable is why no AWS call can be made at all (no region, ...).
	unusable error
	// validateCredentials asks STS who the credentials belong to once,
	// before the first AWS call, as hashicorp/aws does at configuration.
	validateCredentials bool

	mu        sync.Mutex
	validated bool
	invalid   error
}

// Error is why the provider cannot call AWS: Summary titles the
// diagnostic, Detail says what to change.
type Error struct {
	Summary string
	Detail  string
}

func (e *Error) Error() string { return e.Summary + ": " + e.Detail }

// Ready reports whether the client can call AWS: an *Error when the
// configuration leaves no region, names values Terraform does not know
// yet, cannot be loaded, or its credentials are refused by STS. The
// credentials are checked once per provider instance; a canceled check is
// tried again next time.
func (c *AWSClient) Ready(ctx context.Context) error {
	if c.unusable != nil {
		return c.unusable
	}
	if !c.validateCredentials {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.validated {
		return c.invalid
	}
	_, err := c.STS.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil && ctx.Err() != nil {
		return err
	}
	c.validated = true
	if err != nil {
		c.invalid = &Error{
			Summary: "AWS credentials check failed",
			Detail: fmt.Sprintf("Before its first AWS call the provider checks the credentials it found with sts:GetCallerIdentity, "+
				"and the check failed: %v. Check the profile, environment variables, static keys or assume_role of the provider block. "+
				"For an AWS-like API without STS (LocalStack, an emulator) set skip_credentials_validation = true.", err),
		}
	}
	return c.invalid
}

// noRegionError names the three places a region can come from, with the
// profile and files the SDK read.
func (c Config) noRegionError() error {
	profile := c.Profile
	if profile == "" {
		profile = envOr("AWS_PROFILE", envOr("AWS_DEFAULT_PROFILE", "default"))
	}
	files := strings.Join(c.SharedConfigFiles, ", ")
	if files == "" {
		files = envOr("AWS_CONFIG_FILE", "~/.aws/config")
	}
	return &Error{
		Summary: "No AWS region",
		Detail: "This resource or data source calls AWS, and no region is configured. Set one in any of these three places:\n" +
			"  1. `region` in the provider \"scaling\" block;\n" +
			"  2. the AWS_REGION (or AWS_DEFAULT_REGION) environment variable;\n" +
			fmt.Sprintf("  3. `region` in the AWS profile %q of the shared config file (%s).\n", profile, files) +
			"The provider does not guess one: calls to the wrong region would miss or create objects there.",
	}
}

func unknownConfigError(attrs []string) error {
	return &Error{
		Summary: "Provider configuration not known until apply",
		Detail: fmt.Sprintf("The provider \"scaling\" arguments %s depend on values Terraform learns only during apply, "+
			"so the provider cannot call AWS while planning. Set them from values known at plan time (variables, data sources), "+
			"or create what they depend on first (terraform apply -target=...).", strings.Join(attrs, ", ")),
	}
}

func loadError(err error) error {
	return &Error{
		Summary: "Cannot load the AWS configuration",
		Detail:  fmt.Sprintf("%v. Check the profile, shared_config_files, shared_credentials_files and the AWS_* environment variables.", err),
	}
}
