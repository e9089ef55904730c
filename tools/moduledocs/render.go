package main

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-config-inspect/tfconfig"
)

const (
	beginMarker = "<!-- BEGIN_TF_DOCS -->"
	endMarker   = "<!-- END_TF_DOCS -->"
)

// loadModule reads a module's variables and outputs, failing on any
// diagnostic so that a broken module never yields a silently short table.
func loadModule(dir string) (*tfconfig.Module, error) {
	mod, diags := tfconfig.LoadModule(dir)
	if diags.HasErrors() {
		return nil, diags.Err()
	}
	if len(mod.Variables) == 0 && len(mod.Outputs) == 0 {
		return nil, errors.New("no variables or outputs found: is this a module directory?")
	}
	return mod, nil
}

// renderTables returns the "## Inputs" and "## Outputs" sections, rows in
// declaration order (file, then line), as a reader meets them in the source.
func renderTables(mod *tfconfig.Module) string {
	vars := make([]*tfconfig.Variable, 0, len(mod.Variables))
	for _, v := range mod.Variables {
		vars = append(vars, v)
	}
	sort.Slice(vars, func(i, j int) bool { return before(vars[i].Pos, vars[j].Pos) })
	outs := make([]*tfconfig.Output, 0, len(mod.Outputs))
	for _, o := range mod.Outputs {
		outs = append(outs, o)
	}
	sort.Slice(outs, func(i, j int) bool { return before(outs[i].Pos, outs[j].Pos) })

	var b strings.Builder
	b.WriteString("## Inputs\n\n")
	if len(vars) == 0 {
		b.WriteString("No inputs.\n")
	} else {
		b.WriteString("| name | description | type | default | required |\n|---|---|---|---|:---:|\n")
		for _, v := range vars {
			def, required := "", "yes"
			if !v.Required {
				def, required = code(hclValue(v.Default)), "no"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", code(v.Name), cell(v.Description), code(typeSummary(v.Type)), def, required)
		}
	}
	b.WriteString("\n## Outputs\n\n")
	if len(outs) == 0 {
		b.WriteString("No outputs.\n")
	} else {
		b.WriteString("| name | description |\n|---|---|\n")
		for _, o := range outs {
			fmt.Fprintf(&b, "| %s | %s |\n", code(o.Name), cell(o.Description))
		}
	}
	return b.String()
}

func before(a, b tfconfig.SourcePos) bool {
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	return a.Line < b.Line
}

// replaceBetweenMarkers puts body between the markers of readme.
func replaceBetweenMarkers(readme, body string) (string, error) {
	begin := strings.Index(readme, beginMarker)
	end := strings.Index(readme, endMarker)
	if begin < 0 || end < 0 || end < begin {
		return "", fmt.Errorf("needs the markers %s and %s (in that order) where the tables go", beginMarker, endMarker)
	}
	if strings.Count(readme, beginMarker) != 1 || strings.Count(readme, endMarker) != 1 {
		return "", errors.New("the markers must appear once each")
	}
	return readme[:begin+len(beginMarker)] + "\n" + body + readme[end:], nil
}

// typeSummary keeps one-line type constraints as written; a multi-line
// object type would break the table row, so it shows only its outer kind.
func typeSummary(t string) string {
	if t == "" {
		return "any"
	}
	if !strings.Contains(t, "\n") {
		return t
	}
	if i := strings.Index(t, "("); i > 0 {
		return t[:i] + "(...)"
	}
	return strings.Join(strings.Fields(t), " ")
}

// hclValue writes a default (as decoded from JSON) in HCL syntax.
func hclValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		return strconv.Quote(x)
	case []any:
		items := make([]string, len(x))
		for i, item := range x {
			items[i] = hclValue(item)
		}
		return "[" + strings.Join(items, ", ") + "]"
	case map[string]any:
		if len(x) == 0 {
			return "{}"
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		items := make([]string, len(keys))
		for i, k := range keys {
			items[i] = hclKey(k) + " = " + hclValue(x[k])
		}
		return "{ " + strings.Join(items, ", ") + " }"
	default:
		return fmt.Sprint(x)
	}
}

// hclKey quotes a map key unless it is a valid HCL identifier.
func hclKey(k string) string {
	if identifier.MatchString(k) {
		return k
	}
	return strconv.Quote(k)
}

var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

// code wraps s in a Markdown code span that survives a table cell.
func code(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	if strings.Contains(s, "`") {
		return "`` " + s + " ``"
	}
	return "`" + s + "`"
}

// cell makes free text fit one table cell: one line, pipes escaped.
func cell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(s, "|", `\|`)
}
