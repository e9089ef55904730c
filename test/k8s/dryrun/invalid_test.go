package dryrun

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/test/k8s/cluster"
)

// Known-invalid objects: each renderer's, and this suite's own cases of
// API rules that published scaling guides get wrong (a NodePool weight of
// 0, a budget schedule without a duration, the removed ttlSecondsAfterEmpty,
// a CronHPA kind that no API serves), as the upstream schemas define them:
// Karpenter's CRDs (sigs.k8s.io/karpenter pkg/apis/crds, documented at
// https://karpenter.sh/docs/concepts/nodepools/), KEDA's
// (github.com/kedacore/keda config/crd/bases) and the Kubernetes API
// reference for built-in kinds. Every file's first line is
// `# reason: ...`; at least one of its objects must be rejected by the
// server as invalid, and when the file has `# expect: ...` lines, the
// rejection must contain each of them.
var invalidPatterns = []string{
	"internal/core/render/*/testdata/invalid/*.yaml",
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
	rejected, withExpect := 0, 0
	for _, f := range files {
		t.Run(rel(root, f), func(t *testing.T) {
			why, expect := header(f)
			if why == "" {
				t.Error("first line must be `# reason: ...`")
			}
			objs, err := cluster.ReadObjects(f)
			if err != nil {
				t.Fatal(err)
			}
			var answers, messages []string
			fileRejected := false
			for i, obj := range objs {
				outcome, err := a.DryRunApply(ctx, obj)
				name := fmt.Sprintf("#%d %s %s/%s", i+1, obj.GetKind(), obj.GetNamespace(), obj.GetName())
				switch outcome {
				case cluster.Rejected:
					fileRejected = true
					messages = append(messages, err.Error())
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
			all := strings.Join(messages, "\n")
			for _, e := range expect {
				if !strings.Contains(all, e) {
					t.Errorf("rejected, but not for the expected reason: want %q in\n%s", e, all)
				}
			}
			if len(expect) > 0 {
				withExpect++
			}
			rejected++
		})
	}
	t.Logf("server-side dry run rejected %d of %d invalid files (%d checked against `# expect:` text)", rejected, len(files), withExpect)
}
