// Package golden holds the renderers' golden-file checks: rendered YAML
// against testdata/golden/<case>.yaml, and the known-invalid objects in
// testdata/invalid. Paths are relative to the calling package's test
// directory. `go test ./internal/core/render/... -update` rewrites the golden
// files from the renderers; review the diff before committing it.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the renderer")

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
