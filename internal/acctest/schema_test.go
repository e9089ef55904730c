package acctest

import (
	"fmt"
	"strings"
	"testing"

	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

// recorder keeps the errors a check reports instead of failing the test.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func TestSchemaChecksFindUndocumentedAndUnboundedInputs(t *testing.T) {
	bounded := framework.WholeNumberType{Min: 1, Max: 10}
	var ds, res recorder
	ds.TB, res.TB = t, t
	checkDataSourceAttributes(&ds, "scaling_x", map[string]dsschema.Attribute{
		"ok":        dsschema.NumberAttribute{Optional: true, CustomType: bounded, MarkdownDescription: "d"},
		"output":    dsschema.Int64Attribute{Computed: true, MarkdownDescription: "d"},
		"undoc":     dsschema.StringAttribute{Optional: true},
		"int_input": dsschema.Int64Attribute{Optional: true, MarkdownDescription: "d"},
		"nested": dsschema.ListNestedAttribute{Optional: true, MarkdownDescription: "d", NestedObject: dsschema.NestedAttributeObject{
			Attributes: map[string]dsschema.Attribute{"plain": dsschema.NumberAttribute{Required: true, MarkdownDescription: "d"}},
		}},
	})
	checkResourceAttributes(&res, "scaling_y", map[string]schema.Attribute{
		"ok":        schema.NumberAttribute{Optional: true, CustomType: bounded, MarkdownDescription: "d"},
		"empty":     schema.NumberAttribute{Required: true, CustomType: framework.RealNumberType{Min: 2, Max: 2}, MarkdownDescription: "d"},
		"float_set": schema.Float64Attribute{Required: true, MarkdownDescription: "d"},
	}, map[string]schema.Block{
		"block": schema.SetNestedBlock{MarkdownDescription: "d", NestedObject: schema.NestedBlockObject{
			Attributes: map[string]schema.Attribute{"undoc": schema.StringAttribute{Optional: true}},
		}},
	})
	for _, tc := range []struct {
		got  []string
		want []string
	}{
		{ds.errs, []string{"scaling_x.undoc: no description", "scaling_x.int_input: a number input must be", "scaling_x.nested.plain: a number input needs"}},
		{res.errs, []string{"scaling_y.empty: a number input needs", "scaling_y.float_set: a number input must be", "scaling_y.block.undoc: no description"}},
	} {
		if len(tc.got) != len(tc.want) {
			t.Errorf("got %d errors %q, want %d", len(tc.got), tc.got, len(tc.want))
			continue
		}
		for _, w := range tc.want {
			found := false
			for _, g := range tc.got {
				found = found || strings.HasPrefix(g, w)
			}
			if !found {
				t.Errorf("no error starting %q in %q", w, tc.got)
			}
		}
	}
}
