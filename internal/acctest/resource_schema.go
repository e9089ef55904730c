package acctest

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// CheckResourceSchemas is CheckDataSourceSchemas for resources: every
// attribute and block, nested ones included, is documented, and every
// number a user sets is a bounded framework.WholeNumberType or
// RealNumberType.
func CheckResourceSchemas(t *testing.T, resources ...func() resource.Resource) {
	t.Helper()
	for _, newRes := range resources {
		r := newRes()
		var meta resource.MetadataResponse
		r.Metadata(context.Background(), resource.MetadataRequest{ProviderTypeName: "scaling"}, &meta)
		var resp resource.SchemaResponse
		r.Schema(context.Background(), resource.SchemaRequest{}, &resp)
		if resp.Diagnostics.HasError() {
			t.Errorf("%s: schema diagnostics %v", meta.TypeName, resp.Diagnostics)
		}
		if resp.Schema.MarkdownDescription == "" {
			t.Errorf("%s: no description", meta.TypeName)
		}
		checkResourceAttributes(t, meta.TypeName, resp.Schema.Attributes, resp.Schema.Blocks)
	}
}

func checkResourceAttributes(t *testing.T, at string, attrs map[string]schema.Attribute, blocks map[string]schema.Block) {
	t.Helper()
	for name, a := range attrs {
		where := at + "." + name
		if a.GetMarkdownDescription() == "" && a.GetDescription() == "" {
			t.Errorf("%s: no description", where)
		}
		input := a.IsOptional() || a.IsRequired()
		switch n := a.(type) {
		case schema.SingleNestedAttribute:
			checkResourceAttributes(t, where, n.Attributes, nil)
		case schema.ListNestedAttribute:
			checkResourceAttributes(t, where, n.NestedObject.Attributes, nil)
		case schema.SetNestedAttribute:
			checkResourceAttributes(t, where, n.NestedObject.Attributes, nil)
		case schema.MapNestedAttribute:
			checkResourceAttributes(t, where, n.NestedObject.Attributes, nil)
		case schema.Int64Attribute, schema.Int32Attribute, schema.Float64Attribute, schema.Float32Attribute:
			if input {
				t.Errorf("%s: a number input must be a schema.NumberAttribute with a framework.WholeNumberType or RealNumberType", where)
			}
		case schema.NumberAttribute:
			if input && !bounded(n.CustomType) {
				t.Errorf("%s: a number input needs a framework.WholeNumberType or RealNumberType with Max above Min, got %v", where, n.CustomType)
			}
		}
	}
	for name, b := range blocks {
		where := at + "." + name
		if b.GetMarkdownDescription() == "" && b.GetDescription() == "" {
			t.Errorf("%s: no description", where)
		}
		nested := b.GetNestedObject()
		inner := map[string]schema.Attribute{}
		for k, v := range nested.GetAttributes() {
			inner[k] = v.(schema.Attribute)
		}
		innerBlocks := map[string]schema.Block{}
		for k, v := range nested.GetBlocks() {
			innerBlocks[k] = v.(schema.Block)
		}
		checkResourceAttributes(t, where, inner, innerBlocks)
	}
}
