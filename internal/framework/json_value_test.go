package framework

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

func TestJSONDocumentSemanticEquality(t *testing.T) {
	ctx := context.Background()
	a := JSONDocumentValue(`{"rules":[{"rulePriority":1,"action":{"type":"expire"}}]}`)
	for _, tc := range []struct {
		b    string
		same bool
	}{
		{"{\n  \"rules\": [ { \"action\": {\"type\": \"expire\"}, \"rulePriority\": 1 } ]\n}", true},
		{`{"rules":[{"rulePriority":2,"action":{"type":"expire"}}]}`, false},
		{`{"rules":[]}`, false},
		{`not json`, false},
	} {
		got, diags := a.StringSemanticEquals(ctx, JSONDocumentValue(tc.b))
		if diags.HasError() || got != tc.same {
			t.Errorf("%s: same = %v (%v), want %v", tc.b, got, diags, tc.same)
		}
	}
}

func TestJSONDocumentRejectsWhatIsNotJSON(t *testing.T) {
	for in, want := range map[string]string{`{"a":1}`: "", `{"a":`: "must be a JSON document", `plain`: "must be a JSON document"} {
		resp := &xattr.ValidateAttributeResponse{}
		JSONDocumentValue(in).ValidateAttribute(context.Background(), xattr.ValidateAttributeRequest{Path: path.Root("policy")}, resp)
		switch {
		case want == "" && resp.Diagnostics.HasError():
			t.Errorf("%s: %v", in, resp.Diagnostics)
		case want != "" && (!resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), want)):
			t.Errorf("%s: %v, want %q", in, resp.Diagnostics, want)
		}
	}
	resp := &xattr.ValidateAttributeResponse{}
	JSONDocumentNull().ValidateAttribute(context.Background(), xattr.ValidateAttributeRequest{Path: path.Root("policy")}, resp)
	if resp.Diagnostics.HasError() {
		t.Error("null rejected")
	}
}
