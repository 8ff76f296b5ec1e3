package host

import (
	"strconv"
	"strings"

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

// Under reports whether path is p or lies inside it.
func Under(path, p string) bool {
	return path == p || strings.HasPrefix(path, p+".") || strings.HasPrefix(path, p+"[")
}

// SplitIndex parses "[3].name" into 3 and "name".
func SplitIndex(rest string) (int, string, bool) {
	if !strings.HasPrefix(rest, "[") {
		return 0, "", false
	}
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return 0, "", false
	}
	i, err := strconv.Atoi(rest[1:end])
	if err != nil || i < 0 {
		return 0, "", false
	}
	return i, strings.TrimPrefix(rest[end+1:], "."), true
}
