package modules

import (
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/model/tiers"
)

// TestTierTableMatchesProvider: the control-plane part looks the recommended
// tier up in its own copy of provider::scaling::tier_for's table (a function
// call would cost a provider process per plan), so the copy must list the
// same tiers, smallest first, with the figures tiers.SmallestFor uses.
func TestTierTableMatchesProvider(t *testing.T) {
	type tier struct {
		name        string
		rate, seats int64
	}
	var want []tier
	for _, name := range tiers.Names {
		if rate, seats, ok := tiers.Capabilities(name); ok {
			want = append(want, tier{name, rate, seats})
		}
	}

	body := parseBody(t, filepath.Join(modulesDir, stack, "part_control_plane.tf"))
	var expr hclsyntax.Expression
	for _, b := range body.Blocks {
		if a, ok := b.Body.Attributes["control_plane_tier_capabilities"]; b.Type == "locals" && ok {
			expr = a.Expr
		}
	}
	if expr == nil {
		t.Fatal("no local control_plane_tier_capabilities in part_control_plane.tf")
	}
	v, diags := expr.Value(nil)
	if diags.HasErrors() {
		t.Fatalf("control_plane_tier_capabilities is not a literal: %v", diags)
	}
	var got []tier
	for _, e := range v.AsValueSlice() {
		rate, _ := e.GetAttr("pods_per_second").AsBigFloat().Int64()
		seats, _ := e.GetAttr("seats").AsBigFloat().Int64()
		got = append(got, tier{e.GetAttr("name").AsString(), rate, seats})
	}
	if len(got) != len(want) {
		t.Fatalf("control_plane_tier_capabilities = %v, want %v (tiers.Names with tiers.Capabilities)", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("control_plane_tier_capabilities[%d] = %v, want %v", i, got[i], want[i])
		}
	}
}
