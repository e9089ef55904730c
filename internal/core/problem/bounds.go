package problem

import (
	"fmt"
	"math"
)

// Bound is the physical range of one number input: what makes sense, and
// why. Models check every number against its Bound at plan time, so no input
// can make them loop, allocate without limit or overflow.
type Bound struct {
	Min, Max float64
	// MinOpen excludes Min itself (an interval that must be above 0).
	MinOpen bool
	// Whole requires a whole number (replica counts, probe periods).
	Whole bool
	// Unit is printed after the numbers ("seconds", "pods").
	Unit string
	// Why says where the limits come from.
	Why string
}

// Contains reports whether v is a finite number inside the bound.
func (b Bound) Contains(v float64) bool {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return false
	}
	if v < b.Min || (b.MinOpen && v == b.Min) || v > b.Max {
		return false
	}
	return !b.Whole || v == math.Trunc(v)
}

// Describe renders the range for a message: "between 1 and 150000 pods".
func (b Bound) Describe() string {
	s := fmt.Sprintf("between %s and %s", num(b.Min), num(b.Max))
	if b.MinOpen {
		s = fmt.Sprintf("above %s and at most %s", num(b.Min), num(b.Max))
	}
	if b.Unit != "" {
		s += " " + b.Unit
	}
	if b.Whole {
		s = "a whole number " + s
	}
	return s
}

func num(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%g", v)
}

// Check records an error at path when v is outside the bound.
func (l *List) Check(path Path, v float64, b Bound) bool {
	if b.Contains(v) {
		return true
	}
	msg := fmt.Sprintf("%s must be %s, got %v", path, b.Describe(), v)
	if b.Why != "" {
		msg += " (" + b.Why + ")"
	}
	l.Addf(path, "%s", msg)
	return false
}

// CheckPtr is Check for an optional input: nil (unset) is fine.
func (l *List) CheckPtr(path Path, v *float64, b Bound) bool {
	if v == nil {
		return true
	}
	return l.Check(path, *v, b)
}

// CheckInt is Check for a whole-number input.
func (l *List) CheckInt(path Path, v int64, b Bound) bool {
	return l.Check(path, float64(v), b)
}

// CheckIntPtr is CheckInt for an optional input.
func (l *List) CheckIntPtr(path Path, v *int64, b Bound) bool {
	if v == nil {
		return true
	}
	return l.CheckInt(path, *v, b)
}
