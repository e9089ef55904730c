package framework

import (
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// TimeValue is an API timestamp as the RFC 3339 string in state (UTC),
// null when the API gives none.
func TimeValue(t *time.Time) types.String {
	if t == nil {
		return types.StringNull()
	}
	return types.StringValue(t.UTC().Format(time.RFC3339))
}
