package conformance

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
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

// expectLines reads a fixture's "# expect: ..." lines: text the rejection
// must contain (test/k8s checks the same text against a real API server).
func expectLines(t testing.TB, file string) []string {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(raw), "\n") {
		if e, ok := strings.CutPrefix(line, "# expect: "); ok {
			out = append(out, e)
		}
	}
	return out
}

// checkInvalidFiles requires every document of the files matching glob to
// be rejected by set, for the reasons its "# expect:" lines name. A document
// of a kind no CRD in set serves counts as rejected (the server answers
// that it serves no such kind). It returns how many documents it checked.
func checkInvalidFiles(t *testing.T, set *crdvalidate.Set, glob string) int {
	t.Helper()
	files, _ := filepath.Glob(glob)
	n := 0
	for _, f := range files {
		expect := expectLines(t, f)
		for _, d := range readDocs(t, f) {
			n++
			if !set.Knows(d.Object) {
				t.Logf("%s: no CRD serves %v (%s)", d.Source, d.Object["apiVersion"], d.Reason)
				continue
			}
			errs := set.Validate(d.Object)
			if len(errs) == 0 {
				t.Errorf("%s: accepted, but should be rejected (%s)", d.Source, d.Reason)
				continue
			}
			msg := errs.ToAggregate().Error()
			for _, e := range expect {
				if !strings.Contains(msg, e) {
					t.Errorf("%s: rejected, but not for the expected reason: want %q in %s", d.Source, e, msg)
				}
			}
		}
	}
	return n
}

// checkAcceptedByCRD is the property every renderer's fuzz test checks
// here: whatever its validator accepts (render reports no error), the CRDs
// in set accept.
func checkAcceptedByCRD(t *testing.T, set *crdvalidate.Set, render func() (k8sobj.Object, problem.List)) {
	t.Helper()
	obj, probs := render()
	if probs.HasErrors() {
		return
	}
	if err := crdAccepts(set, obj); err != nil {
		y, _ := k8sobj.YAML(obj)
		t.Fatalf("validator accepted, CRD rejected: %v\n%s", err, y)
	}
}
