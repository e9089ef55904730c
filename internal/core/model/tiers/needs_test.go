package tiers

import (
	"strings"
	"testing"
)

func TestSmallestFor(t *testing.T) {
	for _, c := range []struct {
		rate, seats float64
		want        string
	}{
		{0, 0, Standard}, {50, 600, Standard}, {51, 0, XL}, {0, 601, XL}, {167, 1700, XL},
		{168, 0, XL2}, {100, 3000, XL2}, {400, 6800, XL4}, {300, 100, XL4},
	} {
		got, err := SmallestFor(c.rate, c.seats)
		if err != nil || got != c.want {
			t.Errorf("SmallestFor(%v, %v) = %q, %v; want %q", c.rate, c.seats, got, err, c.want)
		}
	}
	if _, err := SmallestFor(401, 0); err == nil || !strings.Contains(err.Error(), XL8) {
		t.Errorf("beyond 4xl should fail naming %s: %v", XL8, err)
	}
	if _, err := SmallestFor(-1, 0); err == nil {
		t.Errorf("negative needs should fail")
	}
}
