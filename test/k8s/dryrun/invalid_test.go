package dryrun

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

// Known-invalid objects: each renderer's, and this suite's cases from
// DOMAIN.md §2. Every file's first line is `# reason: ...`; at least one of
// its objects must be rejected by the server as invalid.
var invalidPatterns = []string{
	"internal/render/*/testdata/invalid/*.yaml",
	"test/k8s/testdata/invalid/*.yaml",
}

func TestInvalidObjectsRejected(t *testing.T) {
	root, files := fixtures(t, invalidPatterns...)
	if len(files) == 0 {
		t.Fatal("no invalid objects found")
	}
	c := cluster.Shared(t)
	a, err := c.NewApplier()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	rejected := 0
	for _, f := range files {
		t.Run(rel(root, f), func(t *testing.T) {
			why := reason(f)
			if why == "" {
				t.Error("first line must be `# reason: ...`")
			}
			objs, err := cluster.ReadObjects(f)
			if err != nil {
				t.Fatal(err)
			}
			var answers []string
			fileRejected := false
			for i, obj := range objs {
				outcome, err := a.DryRunApply(ctx, obj)
				name := fmt.Sprintf("#%d %s %s/%s", i+1, obj.GetKind(), obj.GetNamespace(), obj.GetName())
				switch outcome {
				case cluster.Rejected:
					fileRejected = true
					t.Logf("%s rejected (%s): %v", name, why, err)
				case cluster.Accepted:
					answers = append(answers, name+": accepted")
				default:
					t.Errorf("%s: neither accepted nor rejected as invalid: %v", name, err)
				}
			}
			if !fileRejected {
				t.Errorf("the server accepted every object, but %q: %s", why, strings.Join(answers, "; "))
				return
			}
			rejected++
		})
	}
	t.Logf("server-side dry run rejected %d of %d invalid files", rejected, len(files))
}
