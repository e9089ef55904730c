package conformance

import (
	"math"
	"path/filepath"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/test/conformance/crdvalidate"
)

// crdSet loads every CRD the warm pool and autoscaling renderers emit:
// CapacityBuffer (sigs.k8s.io/karpenter), NodePool (karpenter-provider-aws),
// ScaledObject and TriggerAuthentication (KEDA), at the pins in
// crdvalidate/modules.go.
func workloadCRDs(t *testing.T) *crdvalidate.Set {
	t.Helper()
	set := crdvalidate.NewSet()
	if err := set.AddModuleFiles(crdvalidate.KarpenterCore, "pkg/apis/crds/autoscaling.x-k8s.io_capacitybuffers.yaml"); err != nil {
		t.Fatal(err)
	}
	if err := set.AddModuleFiles(crdvalidate.KarpenterAWS, "pkg/apis/crds/karpenter.sh_nodepools.yaml"); err != nil {
		t.Fatal(err)
	}
	if err := set.AddModuleFiles(crdvalidate.KEDA,
		"config/crd/bases/keda.sh_scaledobjects.yaml",
		"config/crd/bases/keda.sh_triggerauthentications.yaml"); err != nil {
		t.Fatal(err)
	}
	return set
}

// Golden warm pool objects of CRD kinds are accepted; known-invalid ones
// are rejected.
func TestWarmPoolCRDObjects(t *testing.T) {
	c := checkCRDObjects(t, workloadCRDs(t), "../../internal/render/warmpool/testdata")
	if c.Valid < 4 || c.Invalid < 5 {
		t.Fatalf("too few CRD objects checked: %+v", c)
	}
	t.Logf("CRD kinds: %d valid, %d invalid checked; %d built-in skipped here", c.Valid, c.Invalid, c.Skipped)
}

func TestAutoscalingCRDObjects(t *testing.T) {
	c := checkCRDObjects(t, workloadCRDs(t), "../../internal/render/autoscaling/testdata")
	if c.Valid < 4 || c.Invalid < 5 {
		t.Fatalf("too few CRD objects checked: %+v", c)
	}
	t.Logf("CRD kinds: %d valid, %d invalid checked; %d built-in skipped here", c.Valid, c.Invalid, c.Skipped)
}

// checkCRDObjects is crdvalidate.CheckDir with integers decoded as the API
// server decodes them (int64, not float64): CEL rules comparing integers,
// such as KEDA's minReplicaCount <= maxReplicaCount, fail on float64.
func checkCRDObjects(t *testing.T, set *crdvalidate.Set, testdata string) crdvalidate.Counts {
	t.Helper()
	var c crdvalidate.Counts
	for _, kind := range []string{"golden", "invalid"} {
		files, _ := filepath.Glob(filepath.Join(testdata, kind, "*.yaml"))
		for _, f := range files {
			docs, err := crdvalidate.ReadFile(f)
			if err != nil {
				t.Errorf("%s: %v", f, err)
				continue
			}
			for _, d := range docs {
				if kind == "invalid" && d.Reason == "" {
					t.Errorf("%s: known-invalid files start with a '# reason: ...' line", d.Source)
				}
				if !set.Knows(d.Object) {
					c.Skipped++
					continue
				}
				errs := set.Validate(apiServerNumbers(d.Object).(map[string]any))
				switch {
				case kind == "golden":
					c.Valid++
					if len(errs) > 0 {
						t.Errorf("%s: the API server would reject this golden object: %v", d.Source, errs.ToAggregate())
					}
				default:
					c.Invalid++
					if len(errs) == 0 {
						t.Errorf("%s: accepted, but should be rejected (%s)", d.Source, d.Reason)
					} else {
						t.Logf("%s rejected as expected: %v", d.Source, errs.ToAggregate())
					}
				}
			}
		}
	}
	return c
}

// apiServerNumbers turns whole float64 numbers into int64, as the API
// server's JSON decoding does.
func apiServerNumbers(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			t[k] = apiServerNumbers(e)
		}
	case []any:
		for i, e := range t {
			t[i] = apiServerNumbers(e)
		}
	case float64:
		if t == math.Trunc(t) && math.Abs(t) < 1<<53 {
			return int64(t)
		}
	}
	return v
}
