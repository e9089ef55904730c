package conformance

import (
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
	c := crdvalidate.CheckDir(t, workloadCRDs(t),
		"../../internal/core/render/warmpool/testdata/golden/*.yaml",
		"../../internal/core/render/warmpool/testdata/invalid/*.yaml")
	if c.Valid < 4 || c.Invalid < 5 {
		t.Fatalf("too few CRD objects checked: %+v", c)
	}
	t.Logf("CRD kinds: %d valid, %d invalid checked; %d built-in skipped here", c.Valid, c.Invalid, c.Skipped)
}

func TestAutoscalingCRDObjects(t *testing.T) {
	c := crdvalidate.CheckDir(t, workloadCRDs(t),
		"../../internal/core/render/autoscaling/testdata/golden/*.yaml",
		"../../internal/core/render/autoscaling/testdata/invalid/*.yaml")
	if c.Valid < 4 || c.Invalid < 5 {
		t.Fatalf("too few CRD objects checked: %+v", c)
	}
	t.Logf("CRD kinds: %d valid, %d invalid checked; %d built-in skipped here", c.Valid, c.Invalid, c.Skipped)
}
