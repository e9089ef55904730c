// Package core_test holds the rule that keeps the pure cores pure: nothing
// under internal/core knows Terraform or the provider's edge, and imports only
// run downwards (render -> model -> problem).
package core_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/scalingkit/terraform-provider-scaling/internal/"

// forbidden lists, per layer (a directory under internal/core), the import
// prefixes it must not use.
var forbidden = map[string][]string{
	"problem": {module, "github.com/hashicorp/"},
	"model":   {module + "core/render", module + "service", module + "framework", module + "provider", module + "conns", module + "emulator", "github.com/hashicorp/terraform"},
	"render":  {module + "service", module + "framework", module + "provider", module + "conns", module + "emulator", "github.com/hashicorp/terraform"},
}

func TestCoreImportsRunDownwards(t *testing.T) {
	checked := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || path == "layering_test.go" {
			return err
		}
		layer := strings.SplitN(filepath.ToSlash(path), "/", 2)[0]
		rules, ok := forbidden[layer]
		if !ok {
			t.Errorf("%s: internal/core/%s is not a known layer; add it to forbidden", path, layer)
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			for _, bad := range rules {
				if strings.HasPrefix(p, bad) && (layer != "problem" || p != module+"core/problem") {
					t.Errorf("%s imports %s: internal/core/%s must not depend on %s", path, p, layer, bad)
				}
			}
		}
		checked++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("checked only %d files; is the walk rooted at internal/core?", checked)
	}
}
