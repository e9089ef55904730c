package modules

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
)

// wrappedTypes lists the scaling_* data sources and resources a module's
// .tf files declare blocks of.
func wrappedTypes(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.tf"))
	if err != nil {
		return nil, err
	}
	parser := hclparse.NewParser()
	schema := &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
		{Type: "data", LabelNames: []string{"type", "name"}},
		{Type: "resource", LabelNames: []string{"type", "name"}},
	}}
	seen := map[string]bool{}
	for _, f := range files {
		file, diags := parser.ParseHCLFile(f)
		if diags.HasErrors() {
			return nil, diags
		}
		content, _, diags := file.Body.PartialContent(schema)
		if diags.HasErrors() {
			return nil, diags
		}
		for _, b := range content.Blocks {
			if strings.HasPrefix(b.Labels[0], "scaling_") {
				seen[b.Labels[0]] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for name := range seen {
		out = append(out, name)
	}
	sort.Strings(out)
	return out, nil
}

// undeclared reports the wrapped types the coverage section declares
// neither as wrapped (a row of its coverage table) nor as only used.
func undeclared(used []string, c coverage) []string {
	declared := map[string]bool{}
	for _, r := range c.rows {
		declared[r.wraps] = true
	}
	for _, u := range c.uses {
		declared[u.wraps] = true
	}
	var problems []string
	for _, name := range used {
		if !declared[name] {
			problems = append(problems, fmt.Sprintf("%s is used in the module but has no row in its README's coverage table: add | `%s` | <variable paths> | (or, read only for a figure of the module's own, a | uses | why | row)", name, name))
		}
	}
	return problems
}
