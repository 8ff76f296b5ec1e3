package plan

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
)

// Encode renders the workspace as indented JSON with schemaVersion first.
func Encode(ws *Workspace) ([]byte, error) {
	var buf bytes.Buffer
	if err := EncodeTo(&buf, ws); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// EncodeTo writes what Encode returns to w, byte for byte, item by item:
// json.Encoder holds the whole document twice (compact, then indented)
// before writing it, so the large workspace would cost several times its
// size; here the extra memory is about the largest single item (a run or a
// playbook with its revisions). On an error w may hold part of the
// document. It reads ws only: callers on another goroutine than the
// editor's must pass a copy nobody changes meanwhile.
func EncodeTo(w io.Writer, ws *Workspace) error {
	out := *ws
	out.SchemaVersion = SchemaVersion
	e := &streamEncoder{w: bufio.NewWriterSize(w, 64<<10)}
	e.enc = json.NewEncoder(&e.item)
	e.enc.SetEscapeHTML(false) // keep "<" and "&" readable in playbook text
	v := reflect.ValueOf(out)
	t := v.Type()
	e.write("{")
	first := true
	for i := range t.NumField() {
		name, omit, ok, err := jsonField(t.Field(i))
		if err != nil {
			return err
		}
		f := v.Field(i)
		if !ok || omit(f) {
			continue
		}
		if !first {
			e.write(",")
		}
		first = false
		e.write("\n  ")
		e.value(name, "")
		e.write(": ")
		if f.Kind() == reflect.Slice && !f.IsNil() {
			e.slice(f)
		} else {
			e.value(f.Interface(), "  ")
		}
	}
	if !first {
		e.write("\n")
	}
	e.write("}\n")
	if e.err != nil {
		return e.err
	}
	return e.w.Flush()
}

// streamEncoder writes a document in pieces, keeping the first error.
type streamEncoder struct {
	w    *bufio.Writer
	item bytes.Buffer // one item's encoding, reused
	enc  *json.Encoder
	err  error
}

func (e *streamEncoder) write(s string) {
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

// value writes v indented as it would be at the nesting prefix gives.
func (e *streamEncoder) value(v any, prefix string) {
	if e.err != nil {
		return
	}
	e.item.Reset()
	e.enc.SetIndent(prefix, "  ")
	if e.err = e.enc.Encode(v); e.err != nil {
		return
	}
	_, e.err = e.w.Write(bytes.TrimSuffix(e.item.Bytes(), []byte("\n")))
}

// slice writes a top-level array one element at a time.
func (e *streamEncoder) slice(f reflect.Value) {
	if f.Len() == 0 {
		e.write("[]")
		return
	}
	e.write("[")
	for j := range f.Len() {
		if j > 0 {
			e.write(",")
		}
		e.write("\n    ")
		e.value(f.Index(j).Interface(), "    ")
	}
	e.write("\n  ]")
}

// jsonField reads a Workspace field's JSON name and whether its value is
// left out (omitempty, omitzero) the way encoding/json does; ok is false
// for a field encoding/json never writes. Other options are refused, so a
// new field cannot be written differently from encoding/json unnoticed.
func jsonField(f reflect.StructField) (name string, omit func(reflect.Value) bool, ok bool, err error) {
	tag := f.Tag.Get("json")
	if !f.IsExported() || tag == "-" {
		return "", nil, false, nil
	}
	name, opts, _ := strings.Cut(tag, ",")
	if name == "" {
		name = f.Name
	}
	var tests []func(reflect.Value) bool
	for opts != "" {
		var opt string
		opt, opts, _ = strings.Cut(opts, ",")
		switch opt {
		case "omitempty":
			tests = append(tests, emptyValue)
		case "omitzero":
			tests = append(tests, zeroValue)
		default:
			return "", nil, false, fmt.Errorf("encoding workspace: json option %q of field %s is not supported", opt, f.Name)
		}
	}
	return name, func(v reflect.Value) bool {
		return slices.ContainsFunc(tests, func(t func(reflect.Value) bool) bool { return t(v) })
	}, true, nil
}

// emptyValue is encoding/json's test for omitempty.
func emptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// zeroValue is encoding/json's test for omitzero: the type's own IsZero
// method where it has one (plan.Date does), otherwise the zero value.
func zeroValue(v reflect.Value) bool {
	if z, ok := v.Interface().(interface{ IsZero() bool }); ok {
		return z.IsZero()
	}
	return v.IsZero()
}
