package scenarios

import (
	"strconv"
	"strings"
)

// fieldPath is a location in a scenario document, such as
// injects[2].expect[0].within. It is built as the decoder and Validate walk
// the scenario and kept with each Error, so the error can be placed in the
// file (positionOf) or in an imported sheet (melError) without parsing its
// text back.
type fieldPath []pathSeg

type pathSeg struct {
	key   string
	index int // -1 for a key
}

// field is the path of a top-level field.
func field(name string) fieldPath { return fieldPath{{key: name, index: -1}} }

// key is the path of a field of p. It never shares p's backing array, so
// sibling paths built from one parent stay apart.
func (p fieldPath) key(name string) fieldPath {
	return append(p[:len(p):len(p)], pathSeg{key: name, index: -1})
}

// at is the path of item i of the list at p.
func (p fieldPath) at(i int) fieldPath { return append(p[:len(p):len(p)], pathSeg{index: i}) }

func (p fieldPath) String() string {
	var b strings.Builder
	for _, s := range p {
		switch {
		case s.index >= 0:
			b.WriteString("[" + strconv.Itoa(s.index) + "]")
		case b.Len() > 0:
			b.WriteString("." + s.key)
		default:
			b.WriteString(s.key)
		}
	}
	return b.String()
}
