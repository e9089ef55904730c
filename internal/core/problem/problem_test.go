package problem

import (
	"math"
	"strings"
	"testing"
)

func TestPathString(t *testing.T) {
	p := Path{"disruption", "budgets", 1, "schedule"}
	if got := p.String(); got != "disruption.budgets[1].schedule" {
		t.Fatalf("got %q", got)
	}
}

func TestListErrIgnoresWarnings(t *testing.T) {
	var l List
	l.Warnf(Path{"a"}, "just saying")
	if l.HasErrors() || l.Err() != nil {
		t.Fatal("a warning is not an error")
	}
	l.Addf(Path{"weight"}, "must be 1-100, got %d", 0)
	if !l.HasErrors() || l.Err().Error() != "weight: must be 1-100, got 0" {
		t.Fatalf("got %v", l.Err())
	}
}

func TestBoundRejectsWhatIsNotPhysical(t *testing.T) {
	b := Bound{Min: 1, Max: 150000, Whole: true, Unit: "pods", Why: "Kubernetes' 150,000-pod limit"}
	for _, v := range []float64{0, 150001, 10.5, math.NaN(), math.Inf(1), 9e18} {
		var l List
		if l.Check(Path{"burst_pods"}, v, b) || len(l) != 1 {
			t.Errorf("%v accepted", v)
		} else if !strings.Contains(l[0].Message, "a whole number between 1 and 150000 pods") || !strings.Contains(l[0].Message, "150,000-pod") {
			t.Errorf("message %q", l[0].Message)
		}
	}
	var l List
	if !l.Check(Path{"burst_pods"}, 150000, b) || len(l) != 0 {
		t.Errorf("150000 rejected: %v", l)
	}
	open := Bound{Min: 0, MinOpen: true, Max: 3600, Unit: "seconds"}
	if open.Contains(0) || !open.Contains(0.5) || open.Describe() != "above 0 and at most 3600 seconds" {
		t.Errorf("open bound: %s", open.Describe())
	}
}
