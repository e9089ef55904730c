package k8sobj

import "testing"

// Pairs as kube-apiserver returns them (the conformance suite checks the
// function against k8s.io/apimachinery's resource.Quantity itself).
func TestCanonicalQuantity(t *testing.T) {
	for in, want := range map[string]string{
		"500m": "500m", "1": "1", "2.5": "2500m", "0.25": "250m", "4000m": "4", "1000m": "1",
		"1000": "1k", "1500": "1500", "20": "20", "0": "0", "0.0": "0",
		"512Mi": "512Mi", "1.5Gi": "1536Mi", "1024Mi": "1Gi", "2Gi": "2Gi", "0.5Ki": "512", "1Ki": "1Ki",
		"512M": "512M", "1.5G": "1500M", "1e3": "1e3", "1.5e3": "1500", "1E": "1E",
		"0.1n": "1n", "1.0000000001": "1000000001n", "+3": "3", "-2.5": "-2500m",
	} {
		got, ok := CanonicalQuantity(in)
		if !ok || got != want {
			t.Errorf("CanonicalQuantity(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "abc", "1Mb", "1e", "1.2.3", "--1"} {
		if got, ok := CanonicalQuantity(bad); ok || got != bad {
			t.Errorf("CanonicalQuantity(%q) = %q, %v; want it returned unchanged, not ok", bad, got, ok)
		}
	}
}
