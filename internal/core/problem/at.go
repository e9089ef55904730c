package problem

import "fmt"

// At binds a list to one attribute path, so checks read as plain
// sentences: problem.Under(&probs, "taint", "key").Addf("...").
type At struct {
	list *List
	path Path
}

// Under starts a cursor at path (attribute names and list indices).
func Under(list *List, path ...any) *At {
	return &At{list: list, path: Path(path)}
}

// Addf records an error at the cursor.
func (a *At) Addf(format string, args ...any) {
	a.list.Addf(a.path, "%s", fmt.Sprintf(format, args...))
}

// Warnf records a warning at the cursor.
func (a *At) Warnf(format string, args ...any) {
	a.list.Warnf(a.path, "%s", fmt.Sprintf(format, args...))
}

// Child moves the cursor down (attribute names and list indices).
func (a *At) Child(steps ...any) *At {
	path := a.path
	for _, s := range steps {
		path = path.Child(s)
	}
	return &At{list: a.list, path: path}
}

// Key addresses one entry of a map attribute: a string step that the
// Terraform edge, knowing the schema, turns into a map key.
func (a *At) Key(k string) *At { return a.Child(k) }
