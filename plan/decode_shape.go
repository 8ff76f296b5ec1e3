package plan

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"
)

// A shape is what the Go type at one point of the workspace accepts from
// JSON, derived from the type by reflection so the file check can never
// drift from the types. The scan (decode_scan.go) walks a shape along with
// the document.
type shape struct {
	kind jsonKind
	// Objects (structs): the exact JSON field names, their shapes by index
	// and the index of each name.
	names  []string
	fields []*shape
	index  map[string]int
	elem   *shape // lists and maps: the shape of an item
	bits   int    // numbers: the Go type's size, for range checks
	// check validates a value of a type that decodes itself (dates,
	// durations, times), given the raw JSON.
	check func(raw []byte) error
}

type jsonKind uint8

const (
	kindAny    jsonKind = iota // any JSON (documents before migration)
	kindObject                 // a struct: known fields only
	kindMap                    // any field names
	kindList
	kindText
	kindBool
	kindInt
	kindUint
	kindFloat
	kindCustom // decoded by the type's own UnmarshalJSON
)

// anyShape accepts any JSON value at any depth.
var anyShape = func() *shape { s := &shape{kind: kindAny}; s.elem = s; return s }()

// maxFields keeps a struct's seen-fields set in one uint64.
const maxFields = 64

// workspaceShape is the shape of a Workspace document. An error means the
// types use something the scan does not model; a test keeps it nil.
var workspaceShape = sync.OnceValues(func() (*shape, error) {
	return shapeOf(reflect.TypeFor[Workspace](), map[reflect.Type]*shape{})
})

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	timeType        = reflect.TypeFor[time.Time]()
)

func shapeOf(t reflect.Type, done map[reflect.Type]*shape) (*shape, error) {
	if s, ok := done[t]; ok {
		return s, nil
	}
	if t.Kind() == reflect.Pointer {
		// encoding/json: null sets the pointer to nil, anything else
		// decodes into the pointed-to value.
		return shapeOf(t.Elem(), done)
	}
	if reflect.PointerTo(t).Implements(jsonUnmarshaler) {
		return &shape{kind: kindCustom, check: customCheck(t)}, nil
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return nil, fmt.Errorf("plan: decoding %v through UnmarshalText is not modelled", t)
	}
	switch t.Kind() {
	case reflect.Struct:
		s := &shape{kind: kindObject, index: map[string]int{}}
		done[t] = s // before the fields: types may be recursive
		for i := range t.NumField() {
			if err := s.addField(t, t.Field(i), done); err != nil {
				return nil, err
			}
		}
		return s, nil
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return nil, fmt.Errorf("plan: %v (base64 in JSON) is not modelled", t)
		}
		elem, err := shapeOf(t.Elem(), done)
		return &shape{kind: kindList, elem: elem}, err
	case reflect.Map:
		if t.Key().Kind() != reflect.String || reflect.PointerTo(t.Key()).Implements(textUnmarshaler) {
			return nil, fmt.Errorf("plan: map key type %v is not modelled", t.Key())
		}
		elem, err := shapeOf(t.Elem(), done)
		return &shape{kind: kindMap, elem: elem}, err
	case reflect.String:
		return &shape{kind: kindText}, nil
	case reflect.Bool:
		return &shape{kind: kindBool}, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return &shape{kind: kindInt, bits: t.Bits()}, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return &shape{kind: kindUint, bits: t.Bits()}, nil
	case reflect.Float32, reflect.Float64:
		return &shape{kind: kindFloat, bits: t.Bits()}, nil
	}
	return nil, fmt.Errorf("plan: %v (%v) is not modelled", t, t.Kind())
}

// addField adds one struct field under the name encoding/json uses for it.
// Constructs where encoding/json's rules are subtler than "the tag name"
// (embedding, ",string", clashing names) are refused rather than guessed.
func (s *shape) addField(t reflect.Type, f reflect.StructField, done map[reflect.Type]*shape) error {
	if f.Anonymous {
		return fmt.Errorf("plan: embedded field %v.%s is not modelled", t, f.Name)
	}
	if !f.IsExported() {
		return nil
	}
	tag := f.Tag.Get("json")
	if tag == "-" {
		return nil
	}
	name, opts, _ := strings.Cut(tag, ",")
	if name == "" {
		name = f.Name
	}
	if strings.Contains(","+opts+",", ",string,") {
		return fmt.Errorf("plan: %v.%s uses \",string\", which is not modelled", t, f.Name)
	}
	for _, other := range s.names {
		if strings.EqualFold(other, name) {
			return fmt.Errorf("plan: %v has fields %q and %q, which encoding/json matches alike", t, other, name)
		}
	}
	if len(s.names) == maxFields {
		return fmt.Errorf("plan: %v has more than %d fields", t, maxFields)
	}
	fs, err := shapeOf(f.Type, done)
	if err != nil {
		return err
	}
	s.index[name] = len(s.names)
	s.names = append(s.names, name)
	s.fields = append(s.fields, fs)
	return nil
}

// customCheck runs the type's own UnmarshalJSON on a fresh value. Dates
// and durations get direct calls: a large workspace has ~100,000 of them.
func customCheck(t reflect.Type) func([]byte) error {
	switch t {
	case reflect.TypeFor[Date]():
		return func(raw []byte) error { var d Date; return d.UnmarshalJSON(raw) }
	case reflect.TypeFor[Duration]():
		return func(raw []byte) error { var d Duration; return d.UnmarshalJSON(raw) }
	case timeType:
		return func(raw []byte) error {
			var tm time.Time
			if tm.UnmarshalJSON(raw) != nil {
				// time's own message quotes Go layout strings.
				return fmt.Errorf(`must be a date and time like "2026-01-31T09:30:00Z"`)
			}
			return nil
		}
	}
	return func(raw []byte) error {
		return reflect.New(t).Interface().(json.Unmarshaler).UnmarshalJSON(raw)
	}
}
