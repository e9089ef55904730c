// Package configvalue is one configuration value as the pure cores see it,
// without Terraform's types: set, unset (null), or not known yet (it comes
// from another resource and is known only at apply). Cores check what is
// present and leave unknown values for the next plan, when they are known.
package configvalue

// Value is one string configuration value. Known is false while Terraform
// does not know it yet; Null is true when it is unset.
type Value struct {
	V     string
	Null  bool
	Known bool
}

// Set is a known, non-null value.
func Set(v string) Value { return Value{V: v, Known: true} }

// Unset is a known null value.
func Unset() Value { return Value{Null: true, Known: true} }

// Unknown is a value Terraform does not know yet.
func Unknown() Value { return Value{} }

// Present reports whether the value is known and set, so it can be checked.
func (v Value) Present() bool { return v.Known && !v.Null }
