// Package ecr holds the ECR resources and data sources (Terraform edge):
// scaling_ecr_pull_through_cache_rule, scaling_ecr_repository_creation_template
// and scaling_ecr_pull_through_cache_rules.
package ecr

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/smithy-go/middleware"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// defaultTimeout bounds each ECR resource operation: the calls are quick,
// but a create waits up to propagationTimeout for the object to be visible.
const defaultTimeout = 10 * time.Minute

// Resources lists this package's resources for the provider.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{newPullThroughCacheRuleResource, newRepositoryCreationTemplateResource}
}

// DataSources lists this package's data sources for the provider.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{newPullThroughCacheRulesDataSource}
}

// countAttempts counts the HTTP attempts of one SDK call (it runs after the
// retry middleware, so once per attempt). A create that fails with
// AlreadyExists on a retry most likely succeeded on an attempt whose reply
// was lost.
func countAttempts(n *atomic.Int32) func(*ecr.Options) {
	return func(o *ecr.Options) {
		o.APIOptions = append(o.APIOptions, func(stack *middleware.Stack) error {
			return stack.Finalize.Insert(middleware.FinalizeMiddlewareFunc("scalingCountAttempts",
				func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
					n.Add(1)
					return next.HandleFinalize(ctx, in)
				}), "Retry", middleware.After)
		})
	}
}
