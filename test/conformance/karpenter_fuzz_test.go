package conformance

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/karpenterv1/fuzzcase"
)

// The property the renderer promises: whatever its validator accepts, the
// API server accepts. Run longer with
//
//	go test -run '^$' -fuzz FuzzNodePoolAcceptedByCRD -fuzztime 5m
func FuzzNodePoolAcceptedByCRD(f *testing.F) {
	set := karpenterCRDs(f)
	for _, s := range fuzzcase.NodePoolSeeds {
		f.Add(s.S[0], s.S[1], s.S[2], s.S[3], s.S[4], s.S[5], s.S[6], s.S[7], s.N1, s.N2, s.Flags)
	}
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h, i string, n1, n2 int64, flags uint16) {
		np := fuzzcase.NodePool([fuzzcase.Strings]string{a, b, c, d, e, g, h, i}, n1, n2, flags)
		checkAcceptedByCRD(t, set, np.Render)
	})
}

func FuzzEC2NodeClassAcceptedByCRD(f *testing.F) {
	set := karpenterCRDs(f)
	for _, s := range fuzzcase.EC2NodeClassSeeds {
		f.Add(s.S[0], s.S[1], s.S[2], s.S[3], s.S[4], s.S[5], s.S[6], s.S[7], s.N1, s.N2, s.Flags)
	}
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h, i string, n1, n2 int64, flags uint16) {
		nc := fuzzcase.EC2NodeClass([fuzzcase.Strings]string{a, b, c, d, e, g, h, i}, n1, n2, flags)
		checkAcceptedByCRD(t, set, nc.Render)
	})
}

func FuzzAutoModeNodePoolAcceptedByCRD(f *testing.F) {
	set := karpenterCRDs(f)
	for _, s := range fuzzcase.AutoModeNodePoolSeeds {
		f.Add(s.S[0], s.S[1], s.S[2], s.S[3], s.S[4], s.S[5], s.S[6], s.S[7], s.N1, s.N2, s.Flags)
	}
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h, i string, n1, n2 int64, flags uint16) {
		np := fuzzcase.AutoModeNodePool([fuzzcase.Strings]string{a, b, c, d, e, g, h, i}, n1, n2, flags)
		checkAcceptedByCRD(t, set, np.Render)
	})
}

func FuzzEC2NodeClassExtrasAcceptedByCRD(f *testing.F) {
	set := karpenterCRDs(f)
	for _, s := range fuzzcase.EC2NodeClassExtrasSeeds {
		f.Add(s.S[0], s.S[1], s.S[2], s.S[3], s.S[4], s.S[5], s.S[6], s.S[7], s.N1, s.N2, s.Flags)
	}
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h, i string, n1, n2 int64, flags uint16) {
		nc := fuzzcase.EC2NodeClassExtras([fuzzcase.Strings]string{a, b, c, d, e, g, h, i}, n1, n2, flags)
		checkAcceptedByCRD(t, set, nc.Render)
	})
}
