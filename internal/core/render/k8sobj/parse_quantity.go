package k8sobj

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// quantityPattern is the Kubernetes quantity grammar, as the CRDs state it.
var quantityPattern = regexp.MustCompile(`^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$`)

var quantitySuffixes = map[string]float64{
	"": 1, "n": 1e-9, "u": 1e-6, "m": 1e-3, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18,
	"Ki": 1 << 10, "Mi": 1 << 20, "Gi": 1 << 30, "Ti": 1 << 40, "Pi": 1 << 50, "Ei": 1 << 60,
}

// ParseQuantity reads a Kubernetes quantity ("500m", "1Gi", "2") as a float:
// exact enough for shares and sums, and it rejects what the API rejects.
func ParseQuantity(s string) (float64, error) {
	if !quantityPattern.MatchString(s) {
		return 0, fmt.Errorf("%q is not a Kubernetes quantity (e.g. 500m, 2, 1Gi)", s)
	}
	num, suffix := s, ""
	for _, suf := range []string{"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"} {
		if strings.HasSuffix(s, suf) {
			num, suffix = strings.TrimSuffix(s, suf), suf
		}
	}
	if suffix == "" && !strings.ContainsAny(s, "eE") {
		if last := s[len(s)-1:]; strings.ContainsAny(last, "numkMGTPE") {
			num, suffix = s[:len(s)-1], last
		}
	}
	// A bare "E" is exa; "1e3" is an exponent, which ParseFloat reads.
	if suffix == "" && strings.HasSuffix(s, "E") {
		num, suffix = s[:len(s)-1], "E"
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, fmt.Errorf("%q is not a Kubernetes quantity (e.g. 500m, 2, 1Gi)", s)
	}
	return v * quantitySuffixes[suffix], nil
}
