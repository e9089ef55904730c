package ecr

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/pullthroughcache"
)

// requiresReplaceOnRemoval replaces the rule when a credential or role is
// removed: UpdatePullThroughCacheRule can change them but not clear them.
func requiresReplaceOnRemoval() planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(
		func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
			resp.RequiresReplace = pullthroughcache.RequiresReplaceOnRemoval(ruleValue(req.StateValue), ruleValue(req.PlanValue))
		},
		"Removing it replaces the rule: the API cannot clear it.",
		"Removing it replaces the rule: the API cannot clear it.",
	)
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }
