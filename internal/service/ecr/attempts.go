package ecr

import (
	"context"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/smithy-go/middleware"
)

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
