package framework

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
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

func TestWholeListReportsEachBadEntry(t *testing.T) {
	b := problem.Bound{Min: 0, Max: 10, Whole: true, Unit: "pods", Why: "test"}
	vals := []types.Number{types.NumberValue(big.NewFloat(3)), types.NumberValue(big.NewFloat(2.5)), types.NumberValue(big.NewFloat(11)),
		types.NumberNull(), types.NumberValue(new(big.Float).SetMantExp(big.NewFloat(1), 1400))}
	got, ps := WholeList("bursts", vals, b)
	if len(got) != 1 || got[0] != 3 || len(ps) != 4 {
		t.Fatalf("got %v, problems %v", got, ps)
	}
	if ps[0].Path.String() != "bursts[1]" || !strings.Contains(ps[0].Message, "a whole number between 0 and 10 pods (test), got 2.5") {
		t.Errorf("first problem %v", ps[0])
	}
}
