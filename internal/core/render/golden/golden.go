// Package golden holds the renderers' shared test checks: rendered YAML
// against testdata/golden/<case>.yaml, the known-invalid objects in
// testdata/invalid, and what every fuzzed input must hold (CheckRender). Paths are relative to the calling package's test
// directory. `go test ./internal/core/render/... -update` rewrites the golden
// files from the renderers; review the diff before committing it.
package golden

import (
	"flag"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the renderer")

// Check renders every case, in name order, and compares its YAML with
// testdata/golden/<name>.yaml. A case fails when it reports an error,
// renders nothing, or renders differently the second time; a golden file
// that no case renders fails too, so stale files do not linger.
func Check[C any](t *testing.T, cases map[string]C, render func(C) ([]k8sobj.Object, problem.List)) {
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(cases)) {
		t.Run(name, func(t *testing.T) {
			objs, probs := render(cases[name])
			if probs.HasErrors() || len(objs) == 0 {
				t.Fatalf("unexpected problems: %v", probs.Err())
			}
			got, err := k8sobj.MultiYAML(objs)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := render(cases[name])
			if g2, _ := k8sobj.MultiYAML(again); g2 != got {
				t.Fatal("rendering twice gave different output")
			}
			Compare(t, name, got)
		})
	}
	if n := FilesHaveCases(t, func(name string) bool { _, ok := cases[name]; return ok }); n != len(cases) {
		t.Errorf("%d golden files for %d cases", n, len(cases))
	}
}

// CheckRender checks one input the way the renderers' fuzz tests do:
// Render reports errors exactly when validation (the input's Validate())
// does, renders an object exactly when there are none, and renders the same
// YAML twice. It returns the object, nil for an invalid input.
func CheckRender(t *testing.T, validation problem.List, render func() (k8sobj.Object, problem.List)) k8sobj.Object {
	t.Helper()
	invalid := validation.HasErrors()
	obj, probs := render()
	if invalid != probs.HasErrors() {
		t.Fatalf("Validate (errors=%v) and Render (errors=%v) disagree", invalid, probs.HasErrors())
	}
	if invalid {
		if obj != nil {
			t.Fatal("rendered an object despite errors")
		}
		return nil
	}
	if obj == nil {
		t.Fatal("valid input rendered nothing")
	}
	y1, err := k8sobj.YAML(obj)
	if err != nil {
		t.Fatal(err)
	}
	obj2, _ := render()
	if y2, _ := k8sobj.YAML(obj2); y1 != y2 {
		t.Fatal("output is not deterministic")
	}
	return obj
}

// Compare checks got against testdata/golden/<name>.yaml (writing it first
// when -update is set).
func Compare(t *testing.T, name, got string) {
	t.Helper()
	CompareFile(t, filepath.Join("testdata", "golden", name+".yaml"), got)
}

// CompareFile checks got against any file under testdata (for outputs that
// are not Kubernetes objects, kept out of testdata/golden).
func CompareFile(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Fatalf("%s differs from the renderer's output (run go test -update and review the diff):\n%s", file, got)
	}
}

// FilesHaveCases reports golden files no case renders, so stale files do
// not linger; it returns how many golden files there are.
func FilesHaveCases(t *testing.T, hasCase func(name string) bool) int {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.yaml"))
	for _, f := range files {
		if !hasCase(strings.TrimSuffix(filepath.Base(f), ".yaml")) {
			t.Errorf("%s has no golden case", f)
		}
	}
	return len(files)
}

// InvalidFilesDocumentTheirReason checks the known-invalid objects: at
// least min of them, each one YAML object whose first line says why a real
// API server rejects it ("# reason: ...").
func InvalidFilesDocumentTheirReason(t *testing.T, min int) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "invalid", "*.yaml"))
	if len(files) < min {
		t.Fatalf("want at least %d known-invalid objects, got %d", min, len(files))
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(raw), "\n")
		if !strings.HasPrefix(first, "# reason: ") || len(first) < len("# reason: ")+10 {
			t.Errorf("%s: first line must be '# reason: ...', got %q", f, first)
		}
		var obj map[string]any
		if err := yaml.Unmarshal(raw, &obj); err != nil || obj["kind"] == nil {
			t.Errorf("%s: not one YAML object with a kind: %v", f, err)
		}
	}
}
