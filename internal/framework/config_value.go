package framework

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/configvalue"
)

// ConfigValue is v as the pure cores take it: set, null or not yet known.
func ConfigValue(v types.String) configvalue.Value {
	if v.IsUnknown() {
		return configvalue.Unknown()
	}
	if v.IsNull() {
		return configvalue.Unset()
	}
	return configvalue.Set(v.ValueString())
}
