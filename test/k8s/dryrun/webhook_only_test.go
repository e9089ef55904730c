package dryrun

import (
	"context"
	"fmt"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

// Objects only a controller's own webhook (Kueue's, istiod's,
// prometheus-operator's) or Prometheus' rule loader refuses, and forms
// Istio has deprecated: an API server with just the CRDs accepts them all,
// which is why the renderers refuse them at plan time.
var webhookOnlyPatterns = []string{
	"internal/core/render/*/testdata/webhook-invalid/*.yaml",
	"internal/core/render/*/testdata/istiod-invalid/*.yaml",
	"internal/core/render/*/testdata/loader-invalid/*.yaml",
	"internal/core/render/*/testdata/deprecated/*.yaml",
}

func TestWebhookOnlyFixturesPassTheCRDs(t *testing.T) {
	root, files := fixtures(t, webhookOnlyPatterns...)
	if len(files) < 10 {
		t.Fatalf("only %d webhook-only fixtures found", len(files))
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
			if err != nil || len(objs) == 0 {
				t.Fatalf("%v (%d objects)", err, len(objs))
			}
			for i, obj := range objs {
				name := fmt.Sprintf("#%d %s %s/%s", i+1, obj.GetKind(), obj.GetNamespace(), obj.GetName())
				if outcome, err := a.DryRunApply(ctx, obj); outcome != cluster.Accepted {
					t.Errorf("%s: the CRD alone already refuses it (move it to testdata/invalid): %v", name, err)
					continue
				}
				accepted++
			}
		})
	}
	t.Logf("server-side dry run accepted %d webhook-only objects from %d files (the plan-time checks are what refuse them)", accepted, len(files))
}
