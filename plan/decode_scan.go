package plan

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The scan is one pass over a workspace document before json.Unmarshal
// sees it. It checks what encoding/json lets through: a key repeated in
// one object (encoding/json keeps the last), a key differing only in case
// from a field (encoding/json matches it anyway), a key that is no field
// of the object it is in (dropped, then lost on the next save), invalid
// UTF-8 (turned into U+FFFD for good), and values of the wrong kind or
// that dates and durations refuse — each with the byte offset and the
// path, which encoding/json does not give. After a clean scan
// json.Unmarshal only has exact, known keys to decode.

// maxDepth bounds nesting as encoding/json does, so a file of millions of
// '[' cannot exhaust the stack.
const maxDepth = 10000

type scanner struct {
	data  []byte
	pos   int
	depth int
	// checkValues runs the UnmarshalJSON of dates, durations and times
	// on their values. Decode leaves that to json.Unmarshal and scans
	// again with it only to place an error json.Unmarshal reported.
	checkValues bool
	// versionAt is where the top-level schemaVersion value starts, found
	// while scanning a document the types do not describe; set it to -1
	// before the scan to tell "none".
	versionAt int
}

func (s *scanner) space() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// value scans one value that sh must accept. null is accepted anywhere,
// as encoding/json leaves the field as it was.
func (s *scanner) value(sh *shape) *scanError {
	s.space()
	if s.pos >= len(s.data) {
		return s.truncated()
	}
	if sh.kind == kindCustom {
		start := s.pos
		if err := s.value(anyShape); err != nil {
			return err
		}
		if !s.checkValues {
			return nil
		}
		if err := sh.check(s.data[start:s.pos]); err != nil {
			return s.fail(start, "%s", err.Error())
		}
		return nil
	}
	switch c := s.data[s.pos]; c {
	case '{':
		switch sh.kind {
		case kindObject:
			return s.object(sh)
		case kindMap, kindAny:
			return s.anyObject(sh.elem)
		}
	case '[':
		if sh.kind == kindList || sh.kind == kindAny {
			return s.list(sh.elem)
		}
	case '"':
		if sh.kind == kindText || sh.kind == kindAny {
			_, err := s.text()
			return err
		}
	case 't', 'f':
		at := s.pos
		if err := s.literal(); err != nil || sh.kind == kindBool || sh.kind == kindAny {
			return err
		}
		s.pos = at // for the mismatch message
	case 'n':
		return s.literal()
	default:
		if c != '-' && (c < '0' || c > '9') {
			return s.syntax("expected a value, found %s", s.found())
		}
		switch sh.kind {
		case kindInt, kindUint, kindFloat, kindAny:
			return s.number(sh)
		}
	}
	return s.mismatch(sh)
}

// members scans an object or a list from its opening bracket, calling
// member for each of its members.
func (s *scanner) members(close byte, what string, member func() *scanError) *scanError {
	s.depth++
	if s.depth > maxDepth {
		return s.fail(s.pos, "nested too deeply (more than %d levels)", maxDepth)
	}
	s.pos++ // the opening '{' or '['
	for more, err := s.firstMember(close); more; more, err = s.nextMember(close, what) {
		if err != nil {
			return err
		}
		if err := member(); err != nil {
			return err
		}
	}
	s.depth--
	return nil
}

// fields scans an object, calling field with each key and where it is.
func (s *scanner) fields(field func(key []byte, at int) *scanError) *scanError {
	return s.members('}', "a field", func() *scanError {
		key, keyAt, err := s.key()
		if err != nil {
			return err
		}
		return field(key, keyAt)
	})
}

// object scans a struct's object: known, exact-case, unrepeated keys.
func (s *scanner) object(sh *shape) *scanError {
	var seen uint64
	return s.fields(func(key []byte, keyAt int) *scanError {
		i, ok := sh.index[string(key)]
		if !ok {
			return s.unknownField(sh, keyAt, key)
		}
		if seen&(1<<i) != 0 {
			return s.fail(keyAt, "duplicate field %q (each field may appear once)", key)
		}
		seen |= 1 << i
		if err := s.value(sh.fields[i]); err != nil {
			return err.in(sh.names[i])
		}
		return nil
	})
}

func (s *scanner) unknownField(sh *shape, at int, key []byte) *scanError {
	for _, name := range sh.names {
		if strings.EqualFold(name, string(key)) {
			return s.fail(at, "field names are case-sensitive: %q should be %q", key, name)
		}
	}
	return s.fail(at, "unknown field %q", key)
}

// anyObject scans an object with free keys (a map, or any object before
// migration): only repeated keys are errors.
func (s *scanner) anyObject(elem *shape) *scanError {
	var seen map[string]bool
	return s.fields(func(key []byte, keyAt int) *scanError {
		if seen == nil {
			seen = map[string]bool{}
		}
		if seen[string(key)] {
			return s.fail(keyAt, "duplicate field %q (each field may appear once)", key)
		}
		seen[string(key)] = true
		if s.depth == 1 && strings.EqualFold(string(key), "schemaVersion") {
			if string(key) != "schemaVersion" {
				return s.fail(keyAt, "field names are case-sensitive: %q should be %q", key, "schemaVersion")
			}
			s.space()
			s.versionAt = s.pos
		}
		if err := s.value(elem); err != nil {
			return err.in(keySegment(string(key)))
		}
		return nil
	})
}

func (s *scanner) list(elem *shape) *scanError {
	i := 0
	return s.members(']', "a list item", func() *scanError {
		if err := s.value(elem); err != nil {
			return err.in("[" + strconv.Itoa(i) + "]")
		}
		i++
		return nil
	})
}

// firstMember is called after an opening bracket: it reports whether a
// member follows, consuming close if not.
func (s *scanner) firstMember(close byte) (bool, *scanError) {
	s.space()
	if s.pos < len(s.data) && s.data[s.pos] == close {
		s.pos++
		return false, nil
	}
	return true, nil
}

// nextMember is called after a member: a comma means another follows.
func (s *scanner) nextMember(close byte, what string) (bool, *scanError) {
	s.space()
	if s.pos >= len(s.data) {
		return true, s.truncated()
	}
	switch s.data[s.pos] {
	case ',':
		s.pos++
		return true, nil
	case close:
		s.pos++
		return false, nil
	}
	return true, s.syntax("expected \",\" or \"%c\" after %s, found %s", close, what, s.found())
}

// key scans an object key and its colon, and returns the key unescaped
// (usually a slice of the document: no allocation) and where it starts.
func (s *scanner) key() (key []byte, at int, err *scanError) {
	s.space()
	at = s.pos
	if s.pos >= len(s.data) || s.data[s.pos] != '"' {
		return nil, at, s.syntax("expected a field name in double quotes, found %s", s.found())
	}
	escaped, err := s.text()
	if err != nil {
		return nil, at, err
	}
	key = s.data[at+1 : s.pos-1]
	if escaped {
		var k string
		if json.Unmarshal(s.data[at:s.pos], &k) != nil {
			return nil, at, s.fail(at, "JSON syntax error: invalid field name")
		}
		key = []byte(k)
	}
	s.space()
	if s.pos >= len(s.data) || s.data[s.pos] != ':' {
		return nil, at, s.syntax("expected \":\" after the field name, found %s", s.found())
	}
	s.pos++
	return key, at, nil
}

// plainText marks the bytes that need no attention inside a JSON string.
var plainText = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// text scans a JSON string and reports whether it holds escapes.
func (s *scanner) text() (escaped bool, err *scanError) {
	s.pos++ // the opening quote
	data := s.data
	for s.pos < len(data) {
		c := data[s.pos]
		if plainText[c] {
			s.pos++
			continue
		}
		switch {
		case c == '"':
			s.pos++
			return escaped, nil
		case c == '\\':
			escaped = true
			if err := s.escape(); err != nil {
				return escaped, err
			}
		case c < 0x20:
			return escaped, s.fail(s.pos, "JSON syntax error: control character U+%04X inside text (write a tab as \\t, a line break as \\n)", c)
		default:
			r, size := utf8.DecodeRune(data[s.pos:])
			if r == utf8.RuneError && size == 1 {
				return escaped, s.fail(s.pos, "the text is not valid UTF-8 (was the file saved in another encoding, such as Latin-1?); save it as UTF-8")
			}
			s.pos += size
		}
	}
	return escaped, s.truncated()
}

func (s *scanner) escape() *scanError {
	at := s.pos
	s.pos++ // the backslash
	if s.pos >= len(s.data) {
		return s.truncated()
	}
	switch s.data[s.pos] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		s.pos++
		return nil
	case 'u':
		s.pos++
		for range 4 {
			if s.pos >= len(s.data) {
				return s.truncated()
			}
			if c := s.data[s.pos]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
				return s.fail(at, "JSON syntax error: \\u must be followed by four hexadecimal digits")
			}
			s.pos++
		}
		return nil
	}
	_, n := utf8.DecodeRune(s.data[s.pos:])
	return s.fail(at, "JSON syntax error: invalid escape \"%s\" in text", s.data[at:s.pos+n])
}

func (s *scanner) literal() *scanError {
	for _, word := range [...]string{"true", "false", "null"} {
		rest := s.data[s.pos:]
		if len(rest) >= len(word) && string(rest[:len(word)]) == word {
			s.pos += len(word)
			return nil
		}
		if len(rest) < len(word) && string(rest) == word[:len(rest)] {
			return s.truncated()
		}
	}
	return s.syntax("expected a value, found %s", s.found())
}

// number scans a JSON number and checks it fits the Go type of sh.
func (s *scanner) number(sh *shape) *scanError {
	start := s.pos
	if s.data[s.pos] == '-' {
		s.pos++
	}
	whole := true
	switch {
	case s.pos < len(s.data) && s.data[s.pos] == '0':
		s.pos++
	case !s.digits():
		return s.syntax("expected a digit, found %s", s.found())
	}
	if s.pos < len(s.data) && s.data[s.pos] == '.' {
		s.pos++
		whole = false
		if !s.digits() {
			return s.syntax("expected a digit after the decimal point, found %s", s.found())
		}
	}
	if s.pos < len(s.data) && (s.data[s.pos] == 'e' || s.data[s.pos] == 'E') {
		s.pos++
		whole = false
		if s.pos < len(s.data) && (s.data[s.pos] == '+' || s.data[s.pos] == '-') {
			s.pos++
		}
		if !s.digits() {
			return s.syntax("expected a digit in the exponent, found %s", s.found())
		}
	}
	if sh.kind == kindAny {
		return nil
	}
	num := string(s.data[start:s.pos])
	var err error
	switch sh.kind {
	case kindInt, kindUint:
		if !whole || sh.kind == kindUint && num[0] == '-' {
			return s.fail(start, "must be a whole number (digits only), not %s", num)
		}
		if sh.kind == kindInt {
			_, err = strconv.ParseInt(num, 10, sh.bits)
		} else {
			_, err = strconv.ParseUint(num, 10, sh.bits)
		}
	case kindFloat:
		_, err = strconv.ParseFloat(num, sh.bits)
	}
	if err != nil {
		return s.fail(start, "%s is out of range", num)
	}
	return nil
}

func (s *scanner) digits() bool {
	start := s.pos
	for s.pos < len(s.data) && s.data[s.pos] >= '0' && s.data[s.pos] <= '9' {
		s.pos++
	}
	return s.pos > start
}
