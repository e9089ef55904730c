package karpenter

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
	for name, render := range goldenCases {
		t.Run(name, func(t *testing.T) {
			objs, probs := render()
			if probs.HasErrors() || len(objs) == 0 {
				t.Fatalf("unexpected problems: %v", probs.Err())
			}
			got, err := k8sobj.MultiYAML(objs)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := render()
			if g2, _ := k8sobj.MultiYAML(again); g2 != got {
				t.Fatal("rendering twice gave different output")
			}
			file := filepath.Join("testdata", "golden", name+".yaml")
			if *update {
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
		})
	}
}

func TestGoldenFilesHaveCases(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.yaml"))
	if len(files) != len(goldenCases) {
		t.Errorf("%d golden files for %d cases", len(files), len(goldenCases))
	}
	for _, f := range files {
		if _, ok := goldenCases[strings.TrimSuffix(filepath.Base(f), ".yaml")]; !ok {
			t.Errorf("%s has no case in goldenCases", f)
		}
	}
}

// Known-invalid objects: each file says why a real API server rejects it
// (test/conformance checks that the CRDs really do).
func TestInvalidFilesDocumentTheirReason(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "invalid", "*.yaml"))
	if len(files) < 10 {
		t.Fatalf("want at least 10 known-invalid objects, got %d", len(files))
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
