package ecr

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var _ resource.ResourceWithMoveState = (*pullThroughCacheRuleResource)(nil)

// MoveState lets a moved block take an aws_ecr_pull_through_cache_rule of
// hashicorp/aws over (Terraform 1.8+): the rule stays, only its manager changes.
func (r *pullThroughCacheRuleResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{framework.MoveFromAWS("aws_ecr_pull_through_cache_rule")}
}
