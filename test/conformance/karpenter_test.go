package conformance

import (
	"sync"
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/test/conformance/crdvalidate"
)

var (
	karpenterOnce sync.Once
	karpenterSet  *crdvalidate.Set
	karpenterErr  error
)

// karpenterCRDs loads NodePool, NodeClaim and EC2NodeClass from the pinned
// karpenter-provider-aws module (its NodePool/NodeClaim carry the AWS rules).
func karpenterCRDs(t testing.TB) *crdvalidate.Set {
	t.Helper()
	karpenterOnce.Do(func() {
		karpenterSet = crdvalidate.NewSet()
		karpenterErr = karpenterSet.AddModuleFiles(crdvalidate.KarpenterAWS,
			"pkg/apis/crds/karpenter.sh_nodepools.yaml",
			"pkg/apis/crds/karpenter.sh_nodeclaims.yaml",
			"pkg/apis/crds/karpenter.k8s.aws_ec2nodeclasses.yaml",
		)
	})
	if karpenterErr != nil {
		t.Fatal(karpenterErr)
	}
	return karpenterSet
}

func TestKarpenterGoldenAndInvalidFiles(t *testing.T) {
	set := karpenterCRDs(t)
	c := crdvalidate.CheckDir(t, set,
		"../../internal/core/render/karpenterv1/testdata/golden/*.yaml",
		"../../internal/core/render/karpenterv1/testdata/invalid/*.yaml")
	if c.Valid < 8 || c.Invalid < 10 || c.Skipped > 0 {
		t.Errorf("checked too little: %+v", c)
	}
	t.Logf("karpenter: %d golden objects accepted, %d known-invalid objects rejected", c.Valid, c.Invalid)
}
