package karpenterv1

import (
	"fmt"

	"github.com/scalingkit/terraform-provider-scaling/internal/core/problem"
)

// problemsAt binds a problem list to one attribute path, so checks read as
// plain sentences.
type problemsAt struct {
	list   *problem.List
	path   problem.Path
	prefix string
}

func at(list *problem.List, path ...any) *problemsAt {
	return &problemsAt{list: list, path: problem.Path(path)}
}

func (p *problemsAt) add(format string, args ...any) {
	p.list.Addf(p.path, "%s", p.prefix+fmt.Sprintf(format, args...))
}

func (p *problemsAt) warn(format string, args ...any) {
	p.list.Warnf(p.path, "%s", p.prefix+fmt.Sprintf(format, args...))
}

// key addresses one entry of a map attribute. Terraform paths cannot
// point inside a map reliably, so the path stays at the map and the
// message names the key.
func (p *problemsAt) key(k string) *problemsAt {
	return &problemsAt{list: p.list, path: p.path, prefix: p.prefix + fmt.Sprintf("[%q] ", k)}
}

func (p *problemsAt) child(steps ...any) *problemsAt {
	path := p.path
	for _, s := range steps {
		path = path.Child(s)
	}
	return &problemsAt{list: p.list, path: path, prefix: p.prefix}
}
