package k8sobj

import (
	"math"
	"testing"
)

func TestParseQuantity(t *testing.T) {
	good := map[string]float64{"500m": 0.5, "2": 2, "1Gi": 1 << 30, "1.5": 1.5, "1e3": 1000, "1E": 1e18, "2k": 2000, "512Mi": 512 << 20}
	for in, want := range good {
		if v, err := ParseQuantity(in); err != nil || math.Abs(v-want) > 1e-9*math.Max(1, math.Abs(want)) {
			t.Errorf("%s = %v (%v), want %v", in, v, err, want)
		}
	}
	for _, in := range []string{"", "one", "1GB", "1e", "1.2.3", "--1"} {
		if _, err := ParseQuantity(in); err == nil {
			t.Errorf("%q: want an error", in)
		}
	}
}
