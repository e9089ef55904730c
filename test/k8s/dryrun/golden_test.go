package dryrun

import (
	"context"
	"fmt"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

// Where valid objects live: every renderer's golden files, rendered examples,
// and this suite's own baseline fixtures.
var validPatterns = []string{
	"internal/core/render/*/testdata/golden/*.yaml",
	"internal/core/render/*/testdata/golden/*/*.yaml",
	"examples/*/*/*.yaml",
	"test/k8s/testdata/valid/*.yaml",
}

func TestGoldenObjectsAccepted(t *testing.T) {
	root, files := fixtures(t, validPatterns...)
	if len(files) == 0 {
		t.Fatal("no valid objects found")
	}
	c := cluster.Shared(t)
	a, err := c.NewApplier()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	accepted := 0
	for _, f := range files {
		t.Run(rel(root, f), func(t *testing.T) {
			objs, err := cluster.ReadObjects(f)
			if err != nil {
				t.Fatal(err)
			}
			if len(objs) == 0 {
				t.Fatal("no objects in file")
			}
			for i, obj := range objs {
				name := fmt.Sprintf("#%d %s %s/%s", i+1, obj.GetKind(), obj.GetNamespace(), obj.GetName())
				outcome, err := a.DryRunApply(ctx, obj)
				if outcome != cluster.Accepted {
					t.Errorf("%s: the server did not accept it: %v", name, err)
					continue
				}
				accepted++
			}
		})
	}
	t.Logf("server-side dry run accepted %d objects from %d files", accepted, len(files))
}
