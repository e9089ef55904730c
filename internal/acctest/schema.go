package acctest

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/scalingkit/terraform-provider-scaling/internal/framework"
)

// CheckDataSourceSchemas checks what every offline data source's schema
// must hold: each attribute, nested ones included, is documented (the docs
// are generated from the descriptions), and each number a user sets is a
// framework.WholeNumberType or RealNumberType with bounds, so that no
// input can fail with the framework's conversion error.
func CheckDataSourceSchemas(t *testing.T, dataSources ...func() datasource.DataSource) {
	t.Helper()
	for _, newDS := range dataSources {
		ds := newDS()
		var meta datasource.MetadataResponse
		ds.Metadata(context.Background(), datasource.MetadataRequest{ProviderTypeName: "scaling"}, &meta)
		var resp datasource.SchemaResponse
		ds.Schema(context.Background(), datasource.SchemaRequest{}, &resp)
		if resp.Schema.MarkdownDescription == "" {
			t.Errorf("%s: no description", meta.TypeName)
		}
		checkDataSourceAttributes(t, meta.TypeName, resp.Schema.Attributes)
	}
}

func checkDataSourceAttributes(t testing.TB, at string, attrs map[string]dsschema.Attribute) {
	t.Helper()
	for name, a := range attrs {
		where := at + "." + name
		checkAttribute(t, where, a)
		switch n := a.(type) {
		case dsschema.SingleNestedAttribute:
			checkDataSourceAttributes(t, where, n.Attributes)
		case dsschema.ListNestedAttribute:
			checkDataSourceAttributes(t, where, n.NestedObject.Attributes)
		}
	}
}

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

func checkResourceAttributes(t testing.TB, at string, attrs map[string]schema.Attribute, blocks map[string]schema.Block) {
	t.Helper()
	for name, a := range attrs {
		where := at + "." + name
		checkAttribute(t, where, a)
		switch n := a.(type) {
		case schema.SingleNestedAttribute:
			checkResourceAttributes(t, where, n.Attributes, nil)
		case schema.ListNestedAttribute:
			checkResourceAttributes(t, where, n.NestedObject.Attributes, nil)
		case schema.SetNestedAttribute:
			checkResourceAttributes(t, where, n.NestedObject.Attributes, nil)
		case schema.MapNestedAttribute:
			checkResourceAttributes(t, where, n.NestedObject.Attributes, nil)
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

// attribute is what the checks read of an attribute of either schema
// package (data source or resource).
type attribute interface {
	GetMarkdownDescription() string
	GetDescription() string
	IsOptional() bool
	IsRequired() bool
	GetType() attr.Type
}

// checkAttribute checks one attribute: it is documented, and a number a
// user sets is bounded.
func checkAttribute(t testing.TB, where string, a attribute) {
	t.Helper()
	if a.GetMarkdownDescription() == "" && a.GetDescription() == "" {
		t.Errorf("%s: no description", where)
	}
	if !a.IsOptional() && !a.IsRequired() {
		return
	}
	switch typ := a.GetType().(type) {
	case basetypes.Int64Type, basetypes.Int32Type, basetypes.Float64Type, basetypes.Float32Type:
		t.Errorf("%s: a number input must be a schema.NumberAttribute with a framework.WholeNumberType or RealNumberType", where)
	case basetypes.NumberType, framework.WholeNumberType, framework.RealNumberType:
		if !bounded(typ) {
			t.Errorf("%s: a number input needs a framework.WholeNumberType or RealNumberType with Max above Min, got %v", where, typ)
		}
	}
}

// CheckFunctionParameters checks that each number parameter of the
// functions is bounded (as CheckDataSourceSchemas for attributes).
func CheckFunctionParameters(t *testing.T, functions ...func() function.Function) {
	t.Helper()
	for _, newFn := range functions {
		var resp function.DefinitionResponse
		newFn().Definition(context.Background(), function.DefinitionRequest{}, &resp)
		params := resp.Definition.Parameters
		if resp.Definition.VariadicParameter != nil {
			params = append(params, resp.Definition.VariadicParameter)
		}
		for _, p := range params {
			switch n := p.(type) {
			case function.Int64Parameter, function.Float64Parameter:
				t.Errorf("%s: a number parameter must be a function.NumberParameter with a framework.WholeNumberType or RealNumberType", n.GetName())
			case function.NumberParameter:
				if !bounded(n.CustomType) {
					t.Errorf("%s: a number parameter needs a framework.WholeNumberType or RealNumberType with Max above Min", n.Name)
				}
			}
		}
	}
}

func bounded(typ any) bool {
	switch b := typ.(type) {
	case framework.WholeNumberType:
		return b.Max > b.Min
	case framework.RealNumberType:
		return b.Max > b.Min
	}
	return false
}
