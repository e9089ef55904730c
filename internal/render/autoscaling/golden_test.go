package autoscaling

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/scalingkit/terraform-provider-scaling/internal/render/k8sobj"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the renderer")

func TestGolden(t *testing.T) {
	for _, name := range caseNames() {
		t.Run(name, func(t *testing.T) {
			objs, probs := renderCase(name)
			if probs.HasErrors() {
				t.Fatalf("unexpected problems: %v", probs.Err())
			}
			got, err := k8sobj.MultiYAML(objs)
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join("testdata", "golden", name+".yaml")
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
				t.Fatalf("%v (run with -update)", err)
			}
			if got != string(want) {
				t.Fatalf("%s differs from the renderer's output (run go test -update and review the diff):\n%s", file, got)
			}
		})
	}
}

// Every golden file has a case, so stale files do not linger.
func TestGoldenFilesHaveCases(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.yaml"))
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		_, hpa := hpaCases[name]
		_, so := scaledObjectCases[name]
		if !hpa && !so {
			t.Errorf("%s has no case in goldenCases", f)
		}
	}
}

// Known-invalid objects: each file says why a real API server rejects it.
func TestInvalidFilesDocumentTheirReason(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "invalid", "*.yaml"))
	if len(files) == 0 {
		t.Fatal("no known-invalid objects")
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
