package plan

import (
	"fmt"
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
		if Within(x.Path, p) {
			out = append(out, x)
		}
	}
	return out
}

// collector accumulates problems during validation.
type collector struct{ list Problems }

func (c *collector) errorf(path Path, format string, a ...any) {
	c.list = append(c.list, Problem{Path: path.String(), Level: Error, Message: fmt.Sprintf(format, a...)})
}

func (c *collector) warnf(path Path, format string, a ...any) {
	c.list = append(c.list, Problem{Path: path.String(), Level: Warning, Message: fmt.Sprintf(format, a...)})
}
