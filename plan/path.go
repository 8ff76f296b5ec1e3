package plan

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Path names a place in a workspace the way validation problems, assessment
// findings and the GUI's links spell it: field names joined by dots, list
// positions in brackets, as in "people[3].deputy" or
// "coverage.rota.shifts[0].members[1]". It is built here and parsed here,
// so nobody formats or scans the syntax by hand.
//
// A Path is a value: building on one never changes it, so a base can be
// shared ("playbooks[2]" for each of its fields).
type Path struct{ s string }

// Root starts a path at a field of the workspace ("people"). The name may
// also be a path in its string form written by code ("coverage.rota.shifts"):
// names come from the program, so they are not checked.
func Root(name string) Path { return Path{name} }

// Field is the path of a field of the value at p ("people[3]" →
// "people[3].deputy"). On the zero Path it is Root.
func (p Path) Field(name string) Path {
	if p.s == "" {
		return Path{name}
	}
	return Path{p.s + "." + name}
}

// Index is the path of item i (≥ 0) of the list at p ("people" →
// "people[3]").
func (p Path) Index(i int) Path { return p.At(i, "") }

// At is p.Index(i).Field(field), or p.Index(i) when field is "", in one
// allocation: validation builds a path for every field of a large plan on
// each keystroke.
func (p Path) At(i int, field string) Path {
	var num [20]byte
	n := strconv.AppendInt(num[:0], int64(i), 10)
	b := make([]byte, 0, len(p.s)+len(n)+len(field)+3)
	b = append(append(append(append(b, p.s...), '['), n...), ']')
	if field != "" {
		b = append(append(b, '.'), field...)
	}
	return Path{string(b)}
}

// String is the path as written: "people[3].deputy".
func (p Path) String() string { return p.s }

// IsZero reports whether p is the zero Path, which names nothing.
func (p Path) IsZero() bool { return p.s == "" }

// Cut splits a path that starts with field[index]: Cut("runs") of
// "runs[3].tasks[5]" gives 3 and the path "tasks[5]". ok is false when p
// does not start with field followed by an index; rest is zero when nothing
// follows the index.
func (p Path) Cut(field string) (index int, rest Path, ok bool) {
	s, found := strings.CutPrefix(p.s, field+"[")
	if !found {
		return 0, Path{}, false
	}
	num, after, found := strings.Cut(s, "]")
	if !found {
		return 0, Path{}, false
	}
	i, err := pathIndex(num)
	if err != nil {
		return 0, Path{}, false
	}
	switch {
	case after == "":
		return i, Path{}, true
	case after[0] == '.':
		return i, Path{after[1:]}, true
	case after[0] == '[':
		return i, Path{after}, true // a list of lists: the next index
	}
	return 0, Path{}, false
}

// pathElem is one step of a path: a field name, or a list index when
// isIndex is set.
type pathElem struct {
	field   string
	index   int
	isIndex bool
}

// ParsePath reads a path in its string form. The error names what is wrong
// and where, e.g. `path "people[x]": index "x" at byte 7 is not a number`.
func ParsePath(s string) (Path, error) {
	if _, err := splitPath(s); err != nil {
		return Path{}, fmt.Errorf("path %q: %w", s, err)
	}
	return Path{s}, nil
}

// splitPath splits s into its steps, failing on anything ParsePath refuses:
// an empty path or field, an index that is not a plain non-negative whole
// number, a path that starts with an index, or text straight after an
// index.
func splitPath(s string) ([]pathElem, error) {
	if s == "" {
		return nil, errors.New("empty path")
	}
	var out []pathElem
	for i := 0; i < len(s); {
		switch {
		case s[i] == '[':
			if len(out) == 0 {
				return out, errors.New("starts with an index, not a field")
			}
			end := strings.IndexByte(s[i:], ']')
			if end < 0 {
				return out, fmt.Errorf("index at byte %d has no closing ']'", i)
			}
			n, err := pathIndex(s[i+1 : i+end])
			if err != nil {
				return out, fmt.Errorf("index %q at byte %d %w", s[i+1:i+end], i+1, err)
			}
			out = append(out, pathElem{index: n, isIndex: true})
			i += end + 1
			if i < len(s) && s[i] != '.' && s[i] != '[' {
				return out, fmt.Errorf("byte %d: want '.' or '[' after an index, not %q", i, s[i])
			}
		case s[i] == '.':
			if len(out) == 0 || i+1 == len(s) || s[i+1] == '.' || s[i+1] == '[' {
				return out, fmt.Errorf("byte %d: a '.' must come between two field names", i)
			}
			i++
		case s[i] == ']':
			return out, fmt.Errorf("byte %d: ']' without '['", i)
		default:
			end := strings.IndexAny(s[i:], ".[]")
			if end < 0 {
				end = len(s) - i
			}
			out = append(out, pathElem{field: s[i : i+end]})
			i += end
		}
	}
	return out, nil
}

// pathIndex reads a list index as Index writes it: digits without a sign
// or leading zeros, so a path reads back to the same string.
func pathIndex(s string) (int, error) {
	if s == "" || s[0] < '0' || s[0] > '9' || (len(s) > 1 && s[0] == '0') {
		return 0, errors.New("is not a whole number without leading zeros")
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, errors.New("is not a whole number that fits an int")
	}
	return n, nil
}

// Within reports whether path is base or lies inside it: "people[3].deputy"
// is within "people" and "people[3]"; "peoples" is not within "people".
// Paths travel as strings (problems, findings, links, undo steps), so this
// reads their string form.
func Within(path, base string) bool {
	rest, ok := strings.CutPrefix(path, base)
	return ok && (rest == "" || rest[0] == '.' || rest[0] == '[')
}

// CutIndex is Path.Cut on a path in its string form: CutIndex of
// "playbooks[3].revisions[1]" and "playbooks" gives 3 and "revisions[1]".
func CutIndex(path, field string) (index int, rest string, ok bool) {
	i, r, ok := Path{path}.Cut(field)
	return i, r.s, ok
}
