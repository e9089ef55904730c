package estimate

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Model results as Terraform values: nil becomes null. (Inputs go through
// internal/framework's conversions: unknown and null both mean "use the
// model's default"; at validate time unknown values are not checked yet.)

func boolValue(p *bool) types.Bool {
	if p == nil {
		return types.BoolNull()
	}
	return types.BoolValue(*p)
}

// oneOf renders allowed values for a description: `a`, `b` or `c`.
func oneOf(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`" + v + "`"
	}
	if len(quoted) < 2 {
		return strings.Join(quoted, "")
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1]
}
