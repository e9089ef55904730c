package circuitbreaker

import (
	"testing"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/circuitbreaker/fuzzcase"
	"github.com/scalingkit/terraform-provider-scaling/internal/core/render/k8sobj"
)

// Whatever the DestinationRule renderer accepts (its derivation and the
// user's overrides), the CRD accepts, Istio's types decode strictly, and
// nothing deprecated is set. Run longer with
//
//	go test -run '^$' -fuzz FuzzDestinationRuleAcceptedByCRDAndIstioTypes -fuzztime 5m
func FuzzDestinationRuleAcceptedByCRDAndIstioTypes(f *testing.F) {
	istioCRD(f)
	for _, s := range fuzzcase.Seeds {
		f.Add(s.Host, s.V1, s.V2, s.RPS, s.Seconds, s.Ready, s.N, s.Snippet, s.Flags)
	}
	f.Fuzz(func(t *testing.T, host, v1, v2 string, rps, seconds, ready float64, n int64, snippet uint8, flags uint16) {
		spec := fuzzcase.Spec(host, v1, v2, rps, seconds, ready, n, snippet, flags)
		res, probs := spec.Render()
		if probs.HasErrors() {
			return
		}
		norm, err := k8sobj.Normalize(res.Object)
		if err != nil {
			t.Fatal(err)
		}
		if err := istioAccepts(t, norm.(map[string]any)); err != nil {
			y, _ := k8sobj.YAML(res.Object)
			t.Fatalf("renderer accepted, Istio rejects: %v\n%s", err, y)
		}
	})
}
