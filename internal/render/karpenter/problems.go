package karpenter

import "github.com/scalingkit/terraform-provider-scaling/internal/render/problem"

// problemsAt binds a problem list to one attribute path, so checks read as
// plain sentences.
type problemsAt struct {
	list *problem.List
	path problem.Path
}

func at(list *problem.List, path ...any) *problemsAt {
	return &problemsAt{list: list, path: problem.Path(path)}
}

func (p *problemsAt) add(format string, args ...any) { p.list.Addf(p.path, format, args...) }

func (p *problemsAt) warn(format string, args ...any) { p.list.Warnf(p.path, format, args...) }

func (p *problemsAt) child(steps ...any) *problemsAt {
	path := p.path
	for _, s := range steps {
		path = path.Child(s)
	}
	return &problemsAt{list: p.list, path: path}
}
