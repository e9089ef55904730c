package crdvalidate

import (
	"path/filepath"
	"testing"
)

// Counts says how many documents a check looked at.
type Counts struct {
	Valid, Invalid, Skipped int
}

// CheckDir validates every document of the files matching goldenGlob (each
// must be accepted) and of those matching invalidGlob (each file must carry a
// "# reason:" first line and every document in it must be rejected).
// Documents whose kind the set does not know are counted as skipped.
func CheckDir(t testing.TB, set *Set, goldenGlob, invalidGlob string) Counts {
	t.Helper()
	var c Counts
	golden, _ := filepath.Glob(goldenGlob)
	for _, f := range golden {
		docs, err := ReadFile(f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		for _, d := range docs {
			if !set.Knows(d.Object) {
				c.Skipped++
				continue
			}
			c.Valid++
			if errs := set.Validate(d.Object); len(errs) > 0 {
				t.Errorf("%s: the API server would reject this golden object: %v", d.Source, errs.ToAggregate())
			}
		}
	}
	if invalidGlob == "" {
		return c
	}
	invalid, _ := filepath.Glob(invalidGlob)
	for _, f := range invalid {
		docs, err := ReadFile(f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		for _, d := range docs {
			if d.Reason == "" {
				t.Errorf("%s: known-invalid files start with a '# reason: ...' line", d.Source)
			}
			if !set.Knows(d.Object) {
				c.Skipped++
				continue
			}
			c.Invalid++
			if errs := set.Validate(d.Object); len(errs) == 0 {
				t.Errorf("%s: accepted, but should be rejected (%s)", d.Source, d.Reason)
			}
		}
	}
	return c
}
