package conformance

import (
	"path/filepath"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
	"github.com/scalingkit/terraform-provider-scaling/test/conformance/crdvalidate"
)

// readDocs reads every document of the files matching glob.
func readDocs(t testing.TB, glob string) []crdvalidate.Document {
	t.Helper()
	files, _ := filepath.Glob(glob)
	if len(files) == 0 {
		t.Fatalf("no files match %s", glob)
	}
	var out []crdvalidate.Document
	for _, f := range files {
		docs, err := crdvalidate.ReadFile(f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, docs...)
	}
	return out
}

func k8sYAML(t testing.TB, obj map[string]any) string {
	t.Helper()
	y, err := k8sobj.YAML(obj)
	if err != nil {
		t.Fatal(err)
	}
	return y
}

// crdAccepts validates a rendered custom resource against set.
func crdAccepts(set *crdvalidate.Set, obj k8sobj.Object) error {
	if errs := set.Validate(obj); len(errs) > 0 {
		return errs.ToAggregate()
	}
	return nil
}
