package provider_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// The Terraform versions the docs state come from the features the
// modules use: this test reads every module's configuration and test
// suites, finds the newest Terraform feature in them, and checks the
// index page's table and each module's required_version against it.

// minor is a Terraform 1.x minor version.
type minor int

func (m minor) String() string { return fmt.Sprintf("1.%d", int(m)) }

// Functions by the Terraform version that added them.
var functionVersions = map[string]minor{
	"startswith": 3, "endswith": 3, "timecmp": 3,
	"strcontains": 5, "plantimestamp": 5,
	"issensitive":     8,
	"templatestring":  9,
	"ephemeralasnull": 10,
}

// Blocks by the Terraform version that added them.
var blockVersions = map[string]minor{
	"moved": 1, "check": 5, "import": 5, "removed": 7, "ephemeral": 10,
	// terraform test files
	"run": 6, "mock_provider": 7, "override_resource": 7, "override_data": 7, "override_module": 7,
}

// features maps each feature found to the version it needs.
type features map[string]minor

func (f features) add(name string, v minor) { f[name] = v }

func (f features) max() (minor, []string) {
	var top minor
	for _, v := range f {
		top = max(top, v)
	}
	var names []string
	for n, v := range f {
		if v == top {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return top, names
}

// scanTerraform finds the versioned features of the files matching glob.
func scanTerraform(t *testing.T, glob string) features {
	t.Helper()
	found := features{}
	paths, err := filepath.Glob(glob)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		file, diags := hclsyntax.ParseConfig(src, p, hcl.Pos{Line: 1, Column: 1})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		body := file.Body.(*hclsyntax.Body)
		scanBody(body, found)
		_ = hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
			call, ok := n.(*hclsyntax.FunctionCallExpr)
			switch {
			case !ok:
			case strings.HasPrefix(call.Name, "provider::"):
				found.add("provider-defined functions ("+call.Name+")", 8)
			case call.Name == "optional" && len(call.Args) == 2:
				found.add("optional() attributes with defaults", 3)
			case functionVersions[call.Name] > 0:
				found.add(call.Name+"()", functionVersions[call.Name])
			}
			return nil
		})
	}
	return found
}

// scanBody finds versioned blocks, and variable validations that refer
// to other variables (1.9).
func scanBody(body *hclsyntax.Body, found features) {
	for _, b := range body.Blocks {
		if v := blockVersions[b.Type]; v > 0 {
			found.add(b.Type+" blocks", v)
		}
		if b.Type == "resource" && len(b.Labels) > 0 && b.Labels[0] == "terraform_data" {
			found.add("terraform_data", 4)
		}
		if b.Type != "variable" || len(b.Labels) == 0 {
			continue
		}
		for _, v := range b.Body.Blocks {
			if v.Type != "validation" {
				continue
			}
			for _, attr := range v.Body.Attributes {
				for _, tr := range attr.Expr.Variables() {
					if tr.RootName() != "var" || len(tr) < 2 {
						continue
					}
					if a, ok := tr[1].(hcl.TraverseAttr); ok && a.Name != b.Labels[0] {
						found.add("variable validations that refer to other variables", 9)
					}
				}
			}
		}
		if _, ok := b.Body.Attributes["ephemeral"]; ok {
			found.add("ephemeral variables", 10)
		}
	}
}

var (
	requiredVersion = regexp.MustCompile(`required_version\s*=\s*">=\s*1\.(\d+)`)
	versionsRow     = regexp.MustCompile(`^\| (.+?) \| (1\.\d+) \| (.*) \|$`)
)

// docRows are the rows of the index page's versions table, by their first cell.
func docRows(t *testing.T) map[string][2]string {
	t.Helper()
	src, err := os.ReadFile("../../templates/index.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(src), "## Terraform versions")
	if !ok {
		t.Fatal("templates/index.md.tmpl has no \"## Terraform versions\" section")
	}
	rows := map[string][2]string{}
	for _, line := range strings.Split(section, "\n") {
		if m := versionsRow.FindStringSubmatch(line); m != nil {
			rows[m[1]] = [2]string{m[2], m[3]}
		}
	}
	return rows
}

func TestTerraformVersionsMatchTheFeaturesUsed(t *testing.T) {
	modules, err := filepath.Glob("../../modules/*/versions.tf")
	if err != nil || len(modules) == 0 {
		t.Fatalf("no modules found: %v", err)
	}
	all, tests := features{}, features{}
	for _, versions := range modules {
		dir := filepath.Dir(versions)
		own := scanTerraform(t, filepath.Join(dir, "*.tf"))
		need, why := own.max()
		src, _ := os.ReadFile(versions)
		m := requiredVersion.FindSubmatch(src)
		if m == nil {
			t.Errorf("%s: no required_version \">= 1.x\"", versions)
			continue
		}
		if declared, _ := strconv.Atoi(string(m[1])); minor(declared) < need {
			t.Errorf("%s: required_version >= 1.%d, but the module uses %s (Terraform %s)", versions, declared, strings.Join(why, ", "), need)
		}
		for k, v := range own {
			all.add(k, v)
		}
		for k, v := range scanTerraform(t, filepath.Join(dir, "tests", "*.tftest.hcl")) {
			tests.add(k, v)
		}
	}
	rows := docRows(t)
	for _, tc := range []struct {
		row   string
		found features
	}{
		{"the modules under `modules/`", all},
		{"the modules' `terraform test` suites", tests},
	} {
		need, why := tc.found.max()
		got, ok := rows[tc.row]
		switch {
		case !ok:
			t.Errorf("the versions table has no row %q", tc.row)
		case got[0] != need.String():
			t.Errorf("row %q says %s; the code needs %s for %s", tc.row, got[0], need, strings.Join(why, ", "))
		default:
			for _, w := range why {
				if name, _, _ := strings.Cut(w, " ("); !strings.Contains(got[1], name) {
					t.Errorf("row %q does not name %q, which needs %s", tc.row, name, need)
				}
			}
		}
	}
	if got := rows["provider functions (`provider::scaling::...`)"]; got[0] != "1.8" {
		t.Errorf("the functions row says %q; provider-defined functions need 1.8", got[0])
	}
}
