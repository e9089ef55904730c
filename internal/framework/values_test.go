package framework

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Null and unknown inputs become nil (the renderer's default applies); an
// empty list stays empty, which renderers read as "no entries".
func TestConvertValues(t *testing.T) {
	ctx := context.Background()
	var diags diag.Diagnostics
	if StringList(ctx, types.ListNull(types.StringType), &diags) != nil {
		t.Error("null list should be nil")
	}
	if l := StringList(ctx, types.ListValueMust(types.StringType, []attr.Value{}), &diags); l == nil || len(l) != 0 {
		t.Errorf("empty list = %#v, want empty and not nil", l)
	}
	m := StringMap(ctx, types.MapValueMust(types.StringType, map[string]attr.Value{"cpu": types.StringValue("1")}), &diags)
	if m["cpu"] != "1" || StringMap(ctx, types.MapUnknown(types.StringType), &diags) != nil {
		t.Errorf("StringMap = %v", m)
	}
	if diags.HasError() {
		t.Fatal(diags)
	}
}

func TestQuoted(t *testing.T) {
	if got := Quoted([]string{"spot", "on-demand"}); got != "`spot`, `on-demand`" {
		t.Errorf("got %s", got)
	}
}
