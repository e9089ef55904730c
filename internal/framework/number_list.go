package framework

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// WholeList reads a list of whole numbers (a list attribute or parameter of
// plain Terraform numbers, so that a fraction or 1e400 is reported here at
// its index, not as a conversion error), each within b.
func WholeList(attr string, values []types.Number, b problem.Bound) ([]int64, problem.List) {
	if values == nil {
		return nil, nil
	}
	var ps problem.List
	out := make([]int64, 0, len(values))
	for i, v := range values {
		f := v.ValueBigFloat()
		if v.IsNull() || v.IsUnknown() || f == nil {
			ps.Addf(problem.Path{attr, i}, "%s[%d] must be a number, not null", attr, i)
			continue
		}
		x, _ := f.Float64()
		if !f.IsInt() || !b.Contains(x) {
			ps.Addf(problem.Path{attr, i}, "%s[%d] must be %s (%s), got %s", attr, i, b.Describe(), b.Why, f.Text('g', 15))
			continue
		}
		out = append(out, int64(x))
	}
	return out, ps
}
