package tiers

import (
	"math"
	"testing"
)

func TestLaunchFigures(t *testing.T) {
	xl, err := Lookup(XL)
	if err != nil {
		t.Fatal(err)
	}
	if xl.APIRequestConcurrency != 1700 || xl.PodSchedulingRatePerSecond != 167 || xl.ClusterDatabaseSizeGB != 16 {
		t.Fatalf("tier-xl capabilities: %+v", xl)
	}
	if got := MonthlyUSD(xl.HourlyUSD); math.Abs(got-1204.5) > 1e-9 {
		t.Fatalf("tier-xl monthly = %v, want 1204.5", got)
	}
	if Defaults[XL8].HasPrice {
		t.Fatal("tier-8xl has no published price; it must not get one")
	}
}

func TestNamesAreOrderedAndValid(t *testing.T) {
	for i, n := range Names {
		if !Valid(n) || Rank(n) != i {
			t.Fatalf("%s: valid=%v rank=%d", n, Valid(n), Rank(n))
		}
	}
	if Valid("XL") || Rank("mode=PROVISIONED") != -1 {
		t.Fatal("only the API's spellings are tiers")
	}
}
