package framework

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// AddProblems reports renderer problems as attribute diagnostics, so
// Terraform points at the offending attribute in the configuration.
func AddProblems(diags *diag.Diagnostics, problems problem.List) {
	for _, p := range problems {
		at := toPath(p.Path)
		summary := "Invalid " + p.Path.String()
		if len(p.Path) == 0 {
			summary = "Invalid configuration"
		}
		if p.Warning {
			summary = "Check " + p.Path.String()
			if len(p.Path) == 0 {
				summary = "Check configuration"
			}
			if len(p.Path) == 0 {
				diags.AddWarning(summary, p.Message)
			} else {
				diags.AddAttributeWarning(at, summary, p.Message)
			}
			continue
		}
		if len(p.Path) == 0 {
			diags.AddError(summary, p.Message)
		} else {
			diags.AddAttributeError(at, summary, p.Message)
		}
	}
}

func toPath(p problem.Path) path.Path {
	var out path.Path
	for i, step := range p {
		switch s := step.(type) {
		case int:
			out = out.AtListIndex(s)
		case string:
			if i == 0 {
				out = path.Root(s)
			} else {
				out = out.AtName(s)
			}
		}
	}
	return out
}
