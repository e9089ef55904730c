package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// AddProblems reports a core's problems as diagnostics on the attributes
// they name, so Terraform points at the offending line of the
// configuration; a problem without a path is about the whole block.
func AddProblems(diags *diag.Diagnostics, problems problem.List) {
	addProblems(context.Background(), diags, nil, problems)
}

// schemaTypes is a schema (data source or resource): it tells a map
// attribute, whose string steps are keys, from a nested object.
type schemaTypes interface {
	TypeAtPath(context.Context, path.Path) (attr.Type, diag.Diagnostics)
}

// addProblems is AddProblems knowing the schema, so that a problem with
// a map entry (extended_resources.gpu) points at the entry.
func addProblems(ctx context.Context, diags *diag.Diagnostics, s schemaTypes, problems problem.List) {
	for _, p := range problems {
		summary, add, addAt := "Invalid ", diags.AddError, diags.AddAttributeError
		if p.Warning {
			summary, add, addAt = "Check ", diags.AddWarning, diags.AddAttributeWarning
		}
		if len(p.Path) == 0 {
			add(summary+"configuration", p.Message)
			continue
		}
		addAt(toPath(ctx, s, p.Path), summary+p.Path.String(), p.Message)
	}
}

// toPath turns a core's path into the framework's: ints are list indices,
// strings attribute names or, below a map attribute, its keys.
func toPath(ctx context.Context, s schemaTypes, p problem.Path) path.Path {
	var out path.Path
	for i, step := range p {
		switch st := step.(type) {
		case int:
			out = out.AtListIndex(st)
		case string:
			switch {
			case i == 0:
				out = path.Root(st)
			case s != nil && isMap(ctx, s, out):
				out = out.AtMapKey(st)
			default:
				out = out.AtName(st)
			}
		}
	}
	return out
}

func isMap(ctx context.Context, s schemaTypes, p path.Path) bool {
	t, diags := s.TypeAtPath(ctx, p)
	if diags.HasError() {
		return false
	}
	_, ok := t.(basetypes.MapTypable)
	return ok
}
