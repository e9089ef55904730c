package cloudwatch

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

var _ resource.ResourceWithMoveState = (*metricStreamResource)(nil)

// MoveState lets a moved block take an aws_cloudwatch_metric_stream of
// hashicorp/aws over (Terraform 1.8+): the stream stays, only its manager changes.
func (r *metricStreamResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{framework.MoveFromAWS("aws_cloudwatch_metric_stream")}
}
