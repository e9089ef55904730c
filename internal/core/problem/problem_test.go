package problem

import "testing"

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
