package framework

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// Problems land on the attribute they name: list indices, nested names,
// and keys of map attributes (which Terraform addresses as map elements).
func TestAddProblemsPaths(t *testing.T) {
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"limits": schema.MapAttribute{ElementType: types.StringType, Optional: true},
		"rules": schema.ListNestedAttribute{Optional: true, NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"period": schema.StringAttribute{Optional: true},
		}}},
	}}
	var diags diag.Diagnostics
	addProblems(context.Background(), &diags, s, problem.List{
		{Path: problem.Path{"limits", "nvidia.com/gpu"}, Message: "bad"},
		{Path: problem.Path{"rules", 1, "period"}, Message: "bad", Warning: true},
		{Message: "whole block"},
	})
	want := []struct{ path, summary string }{
		{`limits["nvidia.com/gpu"]`, "Invalid limits.nvidia.com/gpu"},
		{"rules[1].period", "Check rules[1].period"},
		{"", "Invalid configuration"},
	}
	if len(diags) != len(want) {
		t.Fatalf("got %v", diags)
	}
	for i, w := range want {
		got := ""
		if wp, ok := diags[i].(diag.DiagnosticWithPath); ok {
			got = wp.Path().String()
		}
		if got != w.path || diags[i].Summary() != w.summary {
			t.Errorf("%d: got %q %q, want %q %q", i, got, diags[i].Summary(), w.path, w.summary)
		}
	}
	if diags[1].Severity() != diag.SeverityWarning {
		t.Errorf("a warning became %v", diags[1].Severity())
	}
}
