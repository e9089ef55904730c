package kueue

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/kueue/fuzzcase"
)

// Whatever the Kueue renderer accepts, the CRDs and Kueue's webhook checks
// accept. Run longer with
//
//	go test -run '^$' -fuzz FuzzKueueAcceptedByCRDAndWebhook -fuzztime 5m
func FuzzKueueAcceptedByCRDAndWebhook(f *testing.F) {
	kueueCRDs(f)
	for _, s := range fuzzcase.Seeds {
		f.Add(s.S[0], s.S[1], s.S[2], s.S[3], s.S[4], s.S[5], s.S[6], s.S[7], s.N1, s.N2, s.Flags)
	}
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h, i string, n1, n2 int64, flags uint16) {
		spec := fuzzcase.Spec([fuzzcase.Strings]string{a, b, c, d, e, g, h, i}, n1, n2, flags)
		res, probs := spec.Render()
		if probs.HasErrors() {
			return
		}
		for _, obj := range res.Objects {
			norm, err := k8sobj.Normalize(obj)
			if err != nil {
				t.Fatal(err)
			}
			if err := kueueAccepts(t, norm.(map[string]any)); err != nil {
				y, _ := k8sobj.YAML(obj)
				t.Fatalf("renderer accepted, Kueue rejects: %v\n%s", err, y)
			}
		}
	})
}
