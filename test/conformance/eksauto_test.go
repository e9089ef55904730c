package conformance

import (
	"sync"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/eksauto/fuzzcase"
	"github.com/scalingkit/terraform-provider-scaling/test/conformance/crdvalidate"
)

// EKS Auto Mode publishes no CRD: the NodeClass CRD in test/crds is
// written by hand from the EKS user guide (its header lists the pages), so
// these tests show that the renderer and the documented schema agree, not
// what the EKS-managed API server does. Auto Mode NodePools are checked
// against Karpenter's v1.14.1 NodePool CRD, the karpenter.sh/v1 API they use.
const autoNodeClassCRD = "../crds/eks-auto-mode/eks.amazonaws.com_nodeclasses.yaml"

var (
	autoOnce sync.Once
	autoSet  *crdvalidate.Set
	autoErr  error
)

func autoModeCRDs(t testing.TB) *crdvalidate.Set {
	t.Helper()
	autoOnce.Do(func() {
		autoSet = crdvalidate.NewSet()
		if autoErr = autoSet.AddFile(autoNodeClassCRD); autoErr != nil {
			return
		}
		autoErr = autoSet.AddModuleFiles(crdvalidate.KarpenterAWS, "pkg/apis/crds/karpenter.sh_nodepools.yaml")
	})
	if autoErr != nil {
		t.Fatal(autoErr)
	}
	return autoSet
}

func TestEKSAutoGoldenAndInvalidFiles(t *testing.T) {
	set := autoModeCRDs(t)
	c := crdvalidate.CheckDir(t, set, "../../internal/core/render/eksauto/testdata/golden/*.yaml", "")
	invalid := checkInvalidFiles(t, set, "../../internal/core/render/eksauto/testdata/invalid/*.yaml")
	if c.Valid < 4 || invalid < 10 || c.Skipped > 0 {
		t.Errorf("checked too little: %+v, %d invalid", c, invalid)
	}
	t.Logf("EKS Auto Mode: %d golden objects accepted, %d known-invalid objects rejected", c.Valid, invalid)
}

// Whatever the renderer's validator accepts, the documented schema accepts.
func FuzzEKSAutoNodeClassAcceptedByCRD(f *testing.F) {
	set := autoModeCRDs(f)
	for _, s := range fuzzcase.Seeds {
		f.Add(s.S[0], s.S[1], s.S[2], s.S[3], s.S[4], s.S[5], s.S[6], s.S[7], s.N1, s.N2, s.Flags)
	}
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h, i string, n1, n2 int64, flags uint16) {
		nc := fuzzcase.NodeClass([fuzzcase.Strings]string{a, b, c, d, e, g, h, i}, n1, n2, flags)
		checkAcceptedByCRD(t, set, nc.Render)
	})
}
