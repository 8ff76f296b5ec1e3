package scenarios

import (
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// Scenario files are decoded from the YAML library's node tree rather
// than by its struct decoder, so every problem is placed by the node it
// concerns: the library reports unknown fields and type errors only as
// text. The walk is strict as KnownFields is (unknown and repeated keys
// are errors) and leaves each single value to the library, so scalars
// mean what they always meant.

// maxNodeVisits bounds the walk: aliases can make a small file expand
// exponentially ("billion laughs"). Real scenarios visit a few hundred.
const maxNodeVisits = 1 << 20

// maxDecodeErrors keeps a badly broken file from producing pages of errors.
const maxDecodeErrors = 50

type nodeDecoder struct {
	file     string
	errs     Errors
	visits   int
	expanded map[*yaml.Node]bool // aliases being expanded, to refuse cycles
}

// decodeNode fills v (a pointer to a struct) from a parsed document.
func decodeNode(file string, doc *yaml.Node, v any) Errors {
	d := &nodeDecoder{file: file, expanded: map[*yaml.Node]bool{}}
	n := doc
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	d.value(n, reflect.ValueOf(v).Elem(), nil)
	return d.errs
}

// exhausted counts a visit and reports whether the budget is spent.
func (d *nodeDecoder) exhausted(n *yaml.Node, path fieldPath) bool {
	d.visits++
	if d.visits == maxNodeVisits+1 {
		d.fail(n, path, "the file expands to too much data (aliases referring to aliases)")
	}
	return d.visits > maxNodeVisits
}

// enter marks an alias (or merged mapping) as being expanded; false if it
// already is, which means it contains itself.
func (d *nodeDecoder) enter(n *yaml.Node, path fieldPath) bool {
	if d.expanded[n] {
		d.fail(n, path, "*%s contains itself", n.Value)
		return false
	}
	d.expanded[n] = true
	return true
}

func (d *nodeDecoder) fail(n *yaml.Node, path fieldPath, format string, a ...any) {
	switch {
	case len(d.errs) < maxDecodeErrors:
		d.errs = append(d.errs, &Error{File: d.file, Line: n.Line, Column: n.Column, Path: path.String(), at: path, Msg: fmt.Sprintf(format, a...)})
	case len(d.errs) == maxDecodeErrors:
		d.errs = append(d.errs, &Error{File: d.file, Msg: "too many errors; fix these first"})
	}
}

var (
	yamlUnmarshaler = reflect.TypeFor[yaml.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// value decodes node n into v, whose path in the document is path.
func (d *nodeDecoder) value(n *yaml.Node, v reflect.Value, path fieldPath) {
	if d.exhausted(n, path) {
		return
	}
	if n.Kind == yaml.AliasNode {
		if d.enter(n, path) {
			d.value(n.Alias, v, path)
			delete(d.expanded, n)
		}
		return
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		v.SetZero()
		return
	}
	t := v.Type()
	switch {
	case reflect.PointerTo(t).Implements(yamlUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler):
		d.leaf(n, v, path)
	case t.Kind() == reflect.Struct:
		d.mapping(n, v, path)
	case t.Kind() == reflect.Slice:
		d.sequence(n, v, path)
	default:
		d.leaf(n, v, path)
	}
}

// leaf decodes a single value with the library. Its own type errors are
// text naming the line; the node already knows the line, so the message
// is written here from what was expected.
func (d *nodeDecoder) leaf(n *yaml.Node, v reflect.Value, path fieldPath) {
	if n.Kind != yaml.ScalarNode {
		d.fail(n, path, "expected %s, found %s", expected(v.Type()), found(n))
		return
	}
	err := n.Decode(v.Addr().Interface())
	var te *yaml.TypeError
	switch {
	case errors.As(err, &te):
		d.fail(n, path, "%q is not %s", n.Value, expected(v.Type()))
	case err != nil:
		d.fail(n, path, "%v", err) // the type's own message (offsets, durations)
	}
}

func (d *nodeDecoder) sequence(n *yaml.Node, v reflect.Value, path fieldPath) {
	if n.Kind != yaml.SequenceNode {
		d.fail(n, path, "expected a list, found %s", found(n))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		d.value(item, s.Index(i), path.at(i))
	}
	v.Set(s)
}

// mapping decodes a YAML mapping into a struct by the fields' yaml tags.
// Merge keys (<<: *defaults) are applied first; the mapping's own keys
// override them, as in the library.
func (d *nodeDecoder) mapping(n *yaml.Node, v reflect.Value, path fieldPath) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, "expected %s, found %s", expected(v.Type()), found(n))
		return
	}
	fields := yamlFields(v.Type())
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		if key.Kind == yaml.ScalarNode && key.ShortTag() == "!!merge" {
			d.merge(val, v, path)
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		if key.Kind == yaml.ScalarNode && key.ShortTag() == "!!merge" {
			continue
		}
		if key.Kind != yaml.ScalarNode {
			d.fail(key, path, "a field name must be plain text, not %s", found(key))
			continue
		}
		name := key.Value
		if first, dup := seen[name]; dup {
			d.fail(key, path.key(name), "repeated field %q (first on line %d)", name, first.Line)
			continue
		}
		seen[name] = key
		f, ok := fields[name]
		if !ok {
			d.fail(key, path, "%s", unknownField(name, fields))
			continue
		}
		d.value(val, v.Field(f), path.key(name))
	}
}

// merge applies the mapping (or list of mappings) of a merge key.
func (d *nodeDecoder) merge(n *yaml.Node, v reflect.Value, path fieldPath) {
	if d.exhausted(n, path) {
		return
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		if d.enter(n, path) {
			d.merge(n.Alias, v, path)
			delete(d.expanded, n)
		}
		return
	}
	if n.Kind == yaml.SequenceNode {
		for _, m := range n.Content {
			d.merge(m, v, path)
		}
		return
	}
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, "a merge (<<) needs a mapping or a list of mappings, found %s", found(n))
		return
	}
	d.mapping(n, v, path)
}

func unknownField(name string, fields map[string]int) string {
	for known := range fields {
		if strings.EqualFold(known, name) {
			return fmt.Sprintf("unknown field %q (field names are case-sensitive: write %q)", name, known)
		}
	}
	return fmt.Sprintf("unknown field %q", name)
}

var fieldCache sync.Map // reflect.Type → map[string]int

// yamlFields maps a struct's YAML field names to field indexes, as the
// library names them: the tag's name, or the lower-cased Go name. Inline
// fields are not modelled; a test keeps the scenario types free of them.
func yamlFields(t reflect.Type) map[string]int {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]int)
	}
	m := map[string]int{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		if !f.IsExported() || tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		m[name] = i
	}
	v, _ := fieldCache.LoadOrStore(t, m)
	return v.(map[string]int)
}

// expected says in words what a Go type accepts.
func expected(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[Offset]():
		return "a time like T+05:00"
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return "a single value"
	}
	switch t.Kind() {
	case reflect.Struct:
		return "a mapping (name: value lines)"
	case reflect.Slice:
		return "a list"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	}
	return "text"
}

// found names the kind of a node for messages.
func found(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.DocumentNode:
		return "a document"
	}
	return fmt.Sprintf("%q", n.Value)
}
