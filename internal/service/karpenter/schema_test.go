package karpenter

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

// Every attribute, nested ones included, is documented (the docs are
// generated from these descriptions).
func TestEveryAttributeHasADescription(t *testing.T) {
	for _, newDS := range DataSources() {
		ds := newDS()
		var meta datasource.MetadataResponse
		ds.Metadata(context.Background(), datasource.MetadataRequest{ProviderTypeName: "scaling"}, &meta)
		var resp datasource.SchemaResponse
		ds.Schema(context.Background(), datasource.SchemaRequest{}, &resp)
		if resp.Schema.MarkdownDescription == "" {
			t.Errorf("%s: no description", meta.TypeName)
		}
		checkDescribed(t, meta.TypeName, resp.Schema.Attributes)
	}
}

func checkDescribed(t *testing.T, at string, attrs map[string]schema.Attribute) {
	t.Helper()
	for name, a := range attrs {
		if a.GetMarkdownDescription() == "" && a.GetDescription() == "" {
			t.Errorf("%s.%s: no description", at, name)
		}
		switch n := a.(type) {
		case schema.SingleNestedAttribute:
			checkDescribed(t, at+"."+name, n.Attributes)
		case schema.ListNestedAttribute:
			checkDescribed(t, at+"."+name, n.NestedObject.Attributes)
		}
	}
}
