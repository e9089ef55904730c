package ecr

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Every attribute is documented (the docs are generated from these).
func TestSchemaDescriptions(t *testing.T) {
	var rs resource.SchemaResponse
	newPullThroughCacheRuleResource().Schema(context.Background(), resource.SchemaRequest{}, &rs)
	if rs.Schema.MarkdownDescription == "" {
		t.Error("resource has no description")
	}
	for name, a := range rs.Schema.Attributes {
		if a.GetMarkdownDescription() == "" {
			t.Errorf("resource attribute %s has no description", name)
		}
	}
	var ds datasource.SchemaResponse
	newPullThroughCacheRulesDataSource().Schema(context.Background(), datasource.SchemaRequest{}, &ds)
	if ds.Schema.MarkdownDescription == "" {
		t.Error("data source has no description")
	}
	for name, a := range ds.Schema.Attributes {
		if a.GetMarkdownDescription() == "" {
			t.Errorf("data source attribute %s has no description", name)
		}
		if nested, ok := a.(dsschema.ListNestedAttribute); ok {
			for inner, ia := range nested.NestedObject.Attributes {
				if ia.GetMarkdownDescription() == "" {
					t.Errorf("data source attribute %s.%s has no description", name, inner)
				}
			}
		}
	}
}
