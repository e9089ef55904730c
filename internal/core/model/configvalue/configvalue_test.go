package configvalue

import "testing"

func TestOnlyKnownSetValuesArePresent(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    Value
		want bool
	}{
		{"set", Set("x"), true},
		{"set to empty", Set(""), true},
		{"unset", Unset(), false},
		{"unknown", Unknown(), false},
	} {
		if got := tc.v.Present(); got != tc.want {
			t.Errorf("%s: Present() = %v, want %v", tc.name, got, tc.want)
		}
	}
	if u := Unset(); !u.Known || !u.Null {
		t.Errorf("Unset() = %+v, want known and null", u)
	}
}
