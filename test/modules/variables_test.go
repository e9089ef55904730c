package modules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/zclconf/go-cty/cty"
)

// moduleVariables reads the type constraint of every variable declared in
// the module's .tf files, as a shape.
func moduleVariables(dir string) (map[string]*shape, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.tf"))
	if err != nil {
		return nil, err
	}
	parser := hclparse.NewParser()
	vars := map[string]*shape{}
	schema := &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "variable", LabelNames: []string{"name"}}}}
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
			attrs, _ := b.Body.JustAttributes()
			typ := cty.DynamicPseudoType
			if a, ok := attrs["type"]; ok {
				var diags hcl.Diagnostics
				typ, _, diags = typeexpr.TypeConstraintWithDefaults(a.Expr)
				if diags.HasErrors() {
					return nil, fmt.Errorf("%s: variable %s: %s", f, b.Labels[0], diags.Error())
				}
			}
			vars[b.Labels[0]] = ctyShape(typ)
		}
	}
	return vars, nil
}

func ctyShape(t cty.Type) *shape {
	switch {
	case t == cty.String:
		return &shape{kind: "string"}
	case t == cty.Number:
		return &shape{kind: "number"}
	case t == cty.Bool:
		return &shape{kind: "bool"}
	case t.IsListType():
		return &shape{kind: "list", elem: ctyShape(t.ElementType())}
	case t.IsSetType():
		return &shape{kind: "set", elem: ctyShape(t.ElementType())}
	case t.IsMapType():
		return &shape{kind: "map", elem: ctyShape(t.ElementType())}
	case t.IsObjectType():
		obj := &shape{kind: "object", attrs: map[string]*shape{}}
		for n, at := range t.AttributeTypes() {
			obj.attrs[n] = ctyShape(at)
		}
		return obj
	}
	return &shape{kind: "dynamic"}
}

// resolve follows a path such as "node_pools.extra_node_pools[*]" from the
// module's variables: names step into variables and object attributes,
// "[*]" into the elements of a list, set or map.
func resolve(vars map[string]*shape, path string) (*shape, error) {
	parts := strings.Split(path, ".")
	cur, ok := vars[strings.TrimSuffix(parts[0], "[*]")]
	if !ok {
		return nil, fmt.Errorf("no variable %q", strings.TrimSuffix(parts[0], "[*]"))
	}
	for i, p := range parts {
		name, elem := strings.CutSuffix(p, "[*]")
		if i > 0 {
			if cur.kind != "object" || cur.attrs[name] == nil {
				return nil, fmt.Errorf("%s has no attribute %q", strings.Join(parts[:i], "."), name)
			}
			cur = cur.attrs[name]
		}
		if elem {
			if cur.elem == nil {
				return nil, fmt.Errorf("%s is %s, not a collection", strings.Join(parts[:i+1], "."), cur)
			}
			cur = cur.elem
		}
	}
	return cur, nil
}

func readFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	return string(b), err
}
