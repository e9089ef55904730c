// Package problem is how pure renderers and models report bad input: each
// problem names the attribute path it is about and says the fix. The
// Terraform edge turns problems into attribute diagnostics at plan time.
package problem

import (
	"fmt"
	"strconv"
	"strings"
)

// Path addresses an attribute: string steps are attribute names, int steps
// are list indices. Path{"budgets", 1, "schedule"} is budgets[1].schedule.
type Path []any

// String renders the path as Terraform users write it.
func (p Path) String() string {
	var b strings.Builder
	for _, step := range p {
		switch s := step.(type) {
		case int:
			b.WriteString("[" + strconv.Itoa(s) + "]")
		default:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			fmt.Fprint(&b, s)
		}
	}
	return b.String()
}

// Child returns a new path one step below p.
func (p Path) Child(step any) Path {
	out := make(Path, len(p), len(p)+1)
	copy(out, p)
	return append(out, step)
}

// Problem is one thing wrong with the input.
type Problem struct {
	Path Path
	// Message says what is wrong and how to fix it.
	Message string
	// Warning marks a problem that does not stop the plan.
	Warning bool
}

func (p Problem) String() string {
	if len(p.Path) == 0 {
		return p.Message
	}
	return p.Path.String() + ": " + p.Message
}

// List collects problems.
type List []Problem

// Addf records an error at path.
func (l *List) Addf(path Path, format string, args ...any) {
	*l = append(*l, Problem{Path: path, Message: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at path.
func (l *List) Warnf(path Path, format string, args ...any) {
	*l = append(*l, Problem{Path: path, Message: fmt.Sprintf(format, args...), Warning: true})
}

// HasErrors reports whether any problem is an error (not a warning).
func (l List) HasErrors() bool {
	for _, p := range l {
		if !p.Warning {
			return true
		}
	}
	return false
}

// Err returns the errors joined as one error, or nil when there are none.
func (l List) Err() error {
	var msgs []string
	for _, p := range l {
		if !p.Warning {
			msgs = append(msgs, p.String())
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	return fmt.Errorf("%s", strings.Join(msgs, "; "))
}
