package host

import (
	"drillbook/plan"
)

// ProblemIndex answers ProblemLevel: the worst problem of each item,
// built once per validation, so drawing list rows never scans the
// problem list.
type ProblemIndex struct{ level map[string]plan.Level }

// Level is the worst of ps at or under the item itemPath.
func (x *ProblemIndex) Level(ps plan.Problems, itemPath string) (plan.Level, bool) {
	if x.level == nil {
		x.level = map[string]plan.Level{}
		for _, p := range ps {
			// Every prefix ending in "]" is an item holding the problem.
			for i := 0; i < len(p.Path); i++ {
				if p.Path[i] != ']' {
					continue
				}
				k := p.Path[:i+1]
				if l, ok := x.level[k]; !ok || p.Level > l {
					x.level[k] = p.Level
				}
			}
		}
	}
	l, ok := x.level[itemPath]
	return l, ok
}

// Reset forgets the index after the problems changed.
func (x *ProblemIndex) Reset() { x.level = nil }
