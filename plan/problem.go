package plan

import (
	"fmt"
	"strconv"
	"strings"
)

// Level is how serious a validation problem is.
type Level int

// Problem levels: errors make the plan unusable for exercises (a dangling
// reference, an impossible value); warnings are probably mistakes.
const (
	Warning Level = iota
	Error
)

func (l Level) String() string {
	if l == Error {
		return "error"
	}
	return "warning"
}

// Problem is one validation finding, located by a path into the workspace
// such as `escalationRules[2].escalateTo`.
type Problem struct {
	Path    string
	Level   Level
	Message string
}

func (p Problem) String() string { return p.Path + ": " + p.Message }

// Problems is the result of Validate.
type Problems []Problem

// Errors counts the error-level problems.
func (ps Problems) Errors() int {
	n := 0
	for _, p := range ps {
		if p.Level == Error {
			n++
		}
	}
	return n
}

// At returns the problems whose path is p or lies under p (e.g. "people[3]"
// matches "people[3].deputy"); the GUI uses it to show problems beside fields.
func (ps Problems) At(p string) Problems {
	var out Problems
	for _, x := range ps {
		if x.Path == p || strings.HasPrefix(x.Path, p+".") || strings.HasPrefix(x.Path, p+"[") {
			out = append(out, x)
		}
	}
	return out
}

// collector accumulates problems during validation.
type collector struct{ list Problems }

func (c *collector) errorf(path, format string, a ...any) {
	c.list = append(c.list, Problem{Path: path, Level: Error, Message: fmt.Sprintf(format, a...)})
}

func (c *collector) warnf(path, format string, a ...any) {
	c.list = append(c.list, Problem{Path: path, Level: Warning, Message: fmt.Sprintf(format, a...)})
}

// at builds a path such as "playbooks[3].steps". Validate calls it for
// every item of a large plan on each keystroke, so it concatenates in one
// allocation instead of going through fmt.
func at(base string, i int, field string) string {
	var num [20]byte
	n := strconv.AppendInt(num[:0], int64(i), 10)
	b := make([]byte, 0, len(base)+len(n)+len(field)+3)
	b = append(append(append(append(b, base...), '['), n...), ']')
	if field != "" {
		b = append(append(b, '.'), field...)
	}
	return string(b)
}
