package karpenterv1_test

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/golden"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/karpenterv1"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/karpenterv1/fuzzcase"
)

// The renderers never panic, and whatever Validate accepts renders to an
// object with deterministic YAML. (test/conformance fuzzes the same inputs
// against the real CRDs.)
func FuzzNodePool(f *testing.F) {
	for _, s := range fuzzcase.NodePoolSeeds {
		f.Add(s.S[0], s.S[1], s.S[2], s.S[3], s.S[4], s.S[5], s.S[6], s.S[7], s.N1, s.N2, s.Flags)
	}
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h, i string, n1, n2 int64, flags uint16) {
		s := [fuzzcase.Strings]string{a, b, c, d, e, g, h, i}
		np := fuzzcase.NodePool(s, n1, n2, flags)
		golden.CheckRender(t, np.Validate(), np.Render)
		fb := karpenterv1.Fallback{Pool: np, SpotWeight: &n2, OnDemandWeight: &n1}
		fb.Pool.Weight, fb.Pool.Requirements.CapacityTypes = nil, nil
		objs, probs := fb.Render()
		if fb.Validate().HasErrors() != probs.HasErrors() || (!probs.HasErrors() && len(objs) != 2) {
			t.Fatalf("fallback: validate and render disagree: %v", probs)
		}
	})
}

func FuzzEC2NodeClass(f *testing.F) {
	for _, s := range fuzzcase.EC2NodeClassSeeds {
		f.Add(s.S[0], s.S[1], s.S[2], s.S[3], s.S[4], s.S[5], s.S[6], s.S[7], s.N1, s.N2, s.Flags)
	}
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h, i string, n1, n2 int64, flags uint16) {
		s := [fuzzcase.Strings]string{a, b, c, d, e, g, h, i}
		nc := fuzzcase.EC2NodeClass(s, n1, n2, flags)
		golden.CheckRender(t, nc.Validate(), nc.Render)
	})
}

func FuzzAutoModeNodePool(f *testing.F) {
	for _, s := range fuzzcase.AutoModeNodePoolSeeds {
		f.Add(s.S[0], s.S[1], s.S[2], s.S[3], s.S[4], s.S[5], s.S[6], s.S[7], s.N1, s.N2, s.Flags)
	}
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h, i string, n1, n2 int64, flags uint16) {
		np := fuzzcase.AutoModeNodePool([fuzzcase.Strings]string{a, b, c, d, e, g, h, i}, n1, n2, flags)
		golden.CheckRender(t, np.Validate(), np.Render)
	})
}

func FuzzEC2NodeClassExtras(f *testing.F) {
	for _, s := range fuzzcase.EC2NodeClassExtrasSeeds {
		f.Add(s.S[0], s.S[1], s.S[2], s.S[3], s.S[4], s.S[5], s.S[6], s.S[7], s.N1, s.N2, s.Flags)
	}
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h, i string, n1, n2 int64, flags uint16) {
		nc := fuzzcase.EC2NodeClassExtras([fuzzcase.Strings]string{a, b, c, d, e, g, h, i}, n1, n2, flags)
		golden.CheckRender(t, nc.Validate(), nc.Render)
	})
}
