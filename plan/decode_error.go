package plan

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Errors of the workspace scan: where they are (offset, line and column,
// JSON path) and how they are worded — in JSON's terms, never Go's.

// scanError is a problem at a byte offset. path is collected innermost
// first while the scan unwinds, so the success path builds no paths.
type scanError struct {
	off  int
	path []string
	msg  string
}

// in records that the error happened inside field or item seg.
func (e *scanError) in(seg string) *scanError {
	e.path = append(e.path, seg)
	return e
}

// where renders the path as people[3].contacts[0].value.
func (e *scanError) where() string {
	var b strings.Builder
	for i := len(e.path) - 1; i >= 0; i-- {
		seg := e.path[i]
		if b.Len() > 0 && seg[0] != '[' {
			b.WriteByte('.')
		}
		b.WriteString(seg)
	}
	return b.String()
}

func (e *scanError) Error() string {
	if w := e.where(); w != "" {
		return w + ": " + e.msg
	}
	return e.msg
}

func (s *scanner) fail(off int, format string, args ...any) *scanError {
	return &scanError{off: off, msg: fmt.Sprintf(format, args...)}
}

func (s *scanner) syntax(format string, args ...any) *scanError {
	if s.pos >= len(s.data) {
		return s.truncated()
	}
	return s.fail(s.pos, "JSON syntax error: "+format, args...)
}

func (s *scanner) truncated() *scanError {
	return s.fail(len(s.data), "file ends before the workspace document is complete (truncated?)")
}

// found quotes what is at the scan position for a syntax error: a word, or
// one character.
func (s *scanner) found() string {
	rest := s.data[s.pos:]
	n := 0
	for n < len(rest) && n < 20 && (rest[n] >= 'a' && rest[n] <= 'z' || rest[n] >= 'A' && rest[n] <= 'Z' || rest[n] >= '0' && rest[n] <= '9') {
		n++
	}
	if n == 0 {
		_, n = utf8.DecodeRune(rest)
	}
	return strconv.Quote(string(rest[:n]))
}

// kindAt names the JSON value starting at the scan position in words.
func (s *scanner) kindAt() string {
	switch c := s.data[s.pos]; {
	case c == '{':
		return "an object"
	case c == '[':
		return "a list"
	case c == '"':
		return "text"
	case c == 't' || c == 'f':
		return "true or false"
	case c == 'n':
		return "null"
	}
	return "a number"
}

var kindWords = [...]string{
	kindObject: "an object",
	kindMap:    "an object",
	kindList:   "a list",
	kindText:   "text",
	kindBool:   "true or false",
	kindInt:    "a number",
	kindUint:   "a number",
	kindFloat:  "a number",
}

func (s *scanner) mismatch(sh *shape) *scanError {
	return s.fail(s.pos, "must be %s, not %s", kindWords[sh.kind], s.kindAt())
}

// keySegment writes a free key as a path segment: .name when it reads
// as a name, ["a b"] otherwise.
func keySegment(k string) string {
	plain := k != ""
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			plain = false
			break
		}
	}
	if plain {
		return k
	}
	return "[" + strconv.Quote(k) + "]"
}

func topLevelNoun(c byte) string {
	switch c {
	case 'n':
		return "JSON null"
	case 't':
		return "JSON true"
	case 'f':
		return "JSON false"
	case '[':
		return "a JSON list"
	case '"':
		return "JSON text"
	}
	return "a JSON number"
}

// located turns a scan error into a FileError at its line and column.
func (e *scanError) located(data []byte) *FileError {
	l, c := lineCol(data, e.off)
	return &FileError{Line: l, Col: c, Err: e}
}

// lineCol gives the 1-based line and column of a byte offset, counting
// columns in characters as editors do.
func lineCol(data []byte, off int) (line, col int) {
	off = min(off, len(data))
	before := data[:off]
	line = 1 + bytes.Count(before, []byte{'\n'})
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return line, 1 + utf8.RuneCount(before)
}

// jsonError words an error of json.Unmarshal, which the scan should have
// pre-empted, without Go type names.
func jsonError(err error) error {
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return &FileError{Err: fmt.Errorf("%s: must be %s, not JSON %s", typ.Field, kindWord(typ.Type), typ.Value)}
	}
	return &FileError{Err: err}
}

// kindWord names what a Go type holds in JSON terms.
func kindWord(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "a value of another kind"
}
