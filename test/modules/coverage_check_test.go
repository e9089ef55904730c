package modules

import (
	"fmt"
	"sort"
	"strings"
)

// checkCoverage lists every way the module falls short of its README's
// coverage declaration: an input attribute of a wrapped data source or
// resource that no variable path reaches (or reaches with another type),
// and exceptions that are stale (no such attribute) or needless (the
// attribute is reachable after all).
func checkCoverage(inputs, vars map[string]*shape, c coverage) []string {
	var problems []string
	excepted := map[string][]string{}
	for _, e := range c.exceptions {
		excepted[e.wraps] = append(excepted[e.wraps], e.attr)
	}
	reachable := map[string]map[string]int{} // wraps -> exception attr -> rows reaching it
	rows := map[string]int{}
	for _, r := range c.rows {
		ds, ok := inputs[r.wraps]
		if !ok {
			problems = append(problems, fmt.Sprintf("%s: the provider has no data source or resource of that name", r.wraps))
			continue
		}
		rows[r.wraps]++
		var targets []*shape
		for _, p := range r.through {
			s, err := resolve(vars, p)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s through %s: %v", r.wraps, p, err))
				continue
			}
			targets = append(targets, s)
		}
		if len(targets) == 0 {
			continue
		}
		via := strings.Join(r.through, ", ")
		for _, name := range sortedAttrs(ds) {
			ts := make([]*shape, 0, len(targets))
			for _, t := range targets {
				if t.kind == "object" && t.attrs[name] != nil {
					ts = append(ts, t.attrs[name])
				}
			}
			if isExcepted(excepted[r.wraps], name) {
				if len(ts) > 0 && len(compare(ds.attrs[name], ts[0], name, nil)) == 0 {
					if reachable[r.wraps] == nil {
						reachable[r.wraps] = map[string]int{}
					}
					reachable[r.wraps][name]++
				}
				continue
			}
			if len(ts) == 0 {
				problems = append(problems, fmt.Sprintf("%s.%s cannot be set through %s", r.wraps, name, via))
				continue
			}
			for _, p := range compare(ds.attrs[name], ts[0], name, excepted[r.wraps]) {
				problems = append(problems, fmt.Sprintf("%s.%s through %s", r.wraps, p, via))
			}
		}
	}
	for _, e := range c.exceptions {
		ds, ok := inputs[e.wraps]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("not exposed %s.%s: the provider has no %s", e.wraps, e.attr, e.wraps))
		case !hasPath(ds, e.attr):
			problems = append(problems, fmt.Sprintf("not exposed %s.%s: %s has no such input attribute; remove the line", e.wraps, e.attr, e.wraps))
		case rows[e.wraps] > 0 && reachable[e.wraps][e.attr] == rows[e.wraps]:
			problems = append(problems, fmt.Sprintf("not exposed %s.%s: it can be set after all (same name and type); remove the line", e.wraps, e.attr))
		}
	}
	return problems
}

// compare reports where module shape m cannot take what data source shape
// d accepts, or holds what d does not take, as attribute paths below path.
func compare(d, m *shape, path string, excepted []string) []string {
	if d.kind == "dynamic" || m.kind == "dynamic" {
		return nil
	}
	listLike := func(k string) bool { return k == "list" || k == "set" }
	switch {
	case d.kind == "object" && m.kind == "object":
		var out []string
		// The module passes this object to the provider whole: an attribute
		// the provider does not take fails every plan that sets the object.
		for _, name := range sortedAttrs(m) {
			if d.attrs[name] == nil {
				out = append(out, path+"."+name+" is in the variable's object but the provider does not take it (remove it)")
			}
		}
		for _, name := range sortedAttrs(d) {
			p := path + "." + name
			if isExcepted(excepted, p) {
				continue
			}
			if m.attrs[name] == nil {
				out = append(out, p+" cannot be set (the variable's object has no "+name+")")
				continue
			}
			out = append(out, compare(d.attrs[name], m.attrs[name], p, excepted)...)
		}
		return out
	case listLike(d.kind) && listLike(m.kind), d.kind == "map" && m.kind == "map":
		return compare(d.elem, m.elem, path, excepted)
	case d.kind == m.kind && d.elem == nil && d.attrs == nil:
		return nil
	}
	return []string{fmt.Sprintf("%s is %s in the variable, %s in the provider", path, m, d)}
}

func isExcepted(excepted []string, path string) bool {
	for _, e := range excepted {
		if path == e || strings.HasPrefix(path, e+".") {
			return true
		}
	}
	return false
}

func hasPath(s *shape, path string) bool {
	for _, name := range strings.Split(path, ".") {
		for s.elem != nil {
			s = s.elem
		}
		if s.kind != "object" || s.attrs[name] == nil {
			return false
		}
		s = s.attrs[name]
	}
	return true
}

func sortedAttrs(s *shape) []string {
	names := make([]string, 0, len(s.attrs))
	for n := range s.attrs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
