package modules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// modulesDir is the repository's modules/ from this package's directory.
const modulesDir = "../../modules"

func moduleDirs(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(modulesDir)
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, e.Name())
		}
	}
	if len(dirs) == 0 {
		t.Fatalf("no modules under %s", modulesDir)
	}
	return dirs
}

// TestModuleSettingsCoverage: every input attribute of every data source and
// resource a module wraps can be set through the module's variables, with
// the provider's type, unless its README lists it under "Not exposed" with
// the reason. A data source that gains an attribute fails here until a
// module variable reaches it or the README says why not.
func TestModuleSettingsCoverage(t *testing.T) {
	inputs := providerInputs(t)
	for _, name := range moduleDirs(t) {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(modulesDir, name)
			versions, err := readFile(filepath.Join(dir, "versions.tf"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(versions, `"scalingkit/scaling"`) {
				t.Skip("wraps nothing of this provider")
			}
			readme, err := readFile(filepath.Join(dir, "README.md"))
			if err != nil {
				t.Fatal(err)
			}
			c, err := parseCoverage(readme)
			if err != nil {
				t.Fatalf("README.md: %v", err)
			}
			vars, err := moduleVariables(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range checkCoverage(inputs, vars, c) {
				t.Error(p)
			}
			used, err := wrappedTypes(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range undeclared(used, c) {
				t.Error(p)
			}
		})
	}
}

// TestUndeclaredWrapsAreReported makes sure a module cannot wrap a data
// source its README's coverage table leaves out: the coverage check would
// then never look at it.
func TestUndeclaredWrapsAreReported(t *testing.T) {
	dir := t.TempDir()
	err := os.WriteFile(filepath.Join(dir, "part_x.tf"), []byte(`
data "scaling_x" "this" {}
data "scaling_y" "this" {}
resource "scaling_z" "this" {}
resource "terraform_data" "this" {}
`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	used, err := wrappedTypes(dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := parseCoverage("\n## Settings coverage\n\n| wraps | through |\n|---|---|\n| `scaling_x` | `x` |\n\n" +
		"| uses | why |\n|---|---|\n| `scaling_y` | prices the tier |\n")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(undeclared(used, c), "\n")
	if !strings.Contains(got, "scaling_z is used") {
		t.Errorf("problems lack scaling_z:\n%s", got)
	}
	for _, not := range []string{"scaling_x", "scaling_y", "terraform_data"} {
		if strings.Contains(got, not) {
			t.Errorf("%s is declared or foreign, yet reported:\n%s", not, got)
		}
	}
}

// TestCoverageCheckFindsGaps makes sure the check above can fail: a
// variable missing attributes, a wrong type, a nested attribute the provider
// dropped, a stale and a needless exception are each reported.
func TestCoverageCheckFindsGaps(t *testing.T) {
	inputs := map[string]*shape{"scaling_x": {kind: "object", attrs: map[string]*shape{
		"name":   {kind: "string"},
		"size":   {kind: "number"},
		"labels": {kind: "map", elem: &shape{kind: "string"}},
		"taints": {kind: "list", elem: &shape{kind: "object", attrs: map[string]*shape{
			"key": {kind: "string"}, "effect": {kind: "string"},
		}}},
		"kubelet": {kind: "object", attrs: map[string]*shape{"max_pods": {kind: "number"}}},
	}}}
	dir := t.TempDir()
	err := os.WriteFile(filepath.Join(dir, "variables.tf"), []byte(`
variable "x" {
  type = object({
    name   = optional(string)
    size   = optional(string)
    taints = optional(list(object({ key = string })))
    kubelet = optional(object({ max_pods = optional(number), gone = optional(bool) }))
  })
}
`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	vars, err := moduleVariables(dir)
	if err != nil {
		t.Fatal(err)
	}
	c := coverage{
		rows: []coverageRow{{wraps: "scaling_x", through: []string{"x"}}},
		exceptions: []exception{
			{wraps: "scaling_x", attr: "gone", why: "removed"},
			{wraps: "scaling_x", attr: "name", why: "set by the module"},
		},
	}
	got := strings.Join(checkCoverage(inputs, vars, c), "\n")
	for _, want := range []string{
		"scaling_x.labels cannot be set through x",
		"scaling_x.size is string in the variable, number in the provider",
		"scaling_x.taints.effect cannot be set",
		"scaling_x.kubelet.gone is in the variable's object but the provider does not take it",
		"not exposed scaling_x.gone: scaling_x has no such input attribute",
		"not exposed scaling_x.name: it can be set after all",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}
