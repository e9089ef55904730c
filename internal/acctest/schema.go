package acctest

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/function"

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
		checkAttributes(t, meta.TypeName, resp.Schema.Attributes)
	}
}

func checkAttributes(t *testing.T, at string, attrs map[string]schema.Attribute) {
	t.Helper()
	for name, a := range attrs {
		where := at + "." + name
		if a.GetMarkdownDescription() == "" && a.GetDescription() == "" {
			t.Errorf("%s: no description", where)
		}
		input := a.IsOptional() || a.IsRequired()
		switch n := a.(type) {
		case schema.SingleNestedAttribute:
			checkAttributes(t, where, n.Attributes)
		case schema.ListNestedAttribute:
			checkAttributes(t, where, n.NestedObject.Attributes)
		case schema.Int64Attribute, schema.Float64Attribute:
			if input {
				t.Errorf("%s: a number input must be a schema.NumberAttribute with a framework.WholeNumberType or RealNumberType", where)
			}
		case schema.NumberAttribute:
			if input && !bounded(n.CustomType) {
				t.Errorf("%s: a number input needs a framework.WholeNumberType or RealNumberType with Max above Min, got %v", where, n.CustomType)
			}
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
