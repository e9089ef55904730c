package cloudwatch

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// Every attribute and block is documented (the docs are generated from these).
func TestMetricStreamSchemaDescriptions(t *testing.T) {
	var resp resource.SchemaResponse
	newMetricStreamResource().Schema(context.Background(), resource.SchemaRequest{}, &resp)
	if resp.Schema.MarkdownDescription == "" {
		t.Error("resource has no description")
	}
	checkDescribed(t, "", resp.Schema.Attributes, resp.Schema.Blocks)
}

func checkDescribed(t *testing.T, at string, attrs map[string]schema.Attribute, blocks map[string]schema.Block) {
	t.Helper()
	for name, a := range attrs {
		if a.GetMarkdownDescription() == "" {
			t.Errorf("attribute %s%s has no description", at, name)
		}
	}
	for name, b := range blocks {
		if b.GetMarkdownDescription() == "" {
			t.Errorf("block %s%s has no description", at, name)
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
		checkDescribed(t, at+name+".", inner, innerBlocks)
	}
}
