package plan

import (
	"reflect"
	"sync"
)

// Clone returns a deep copy of the workspace that shares no slice, map or
// pointer with it, so a save can encode the copy on another goroutine
// while the editor goes on changing the original. It costs a fraction of
// an encode (BenchmarkCloneLarge): taking it is the only part of a save
// that must happen where the workspace is edited.
func (w *Workspace) Clone() *Workspace {
	if w == nil {
		return nil
	}
	c := deepCopy(reflect.ValueOf(*w)).Interface().(Workspace)
	return &c
}

// deepCopy copies v, recursing into what could be shared. Unexported
// fields are copied as values (time.Time's location is immutable).
func deepCopy(v reflect.Value) reflect.Value {
	if !holdsReferences(v.Type()) {
		return v
	}
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			c.Index(i).Set(deepCopy(v.Index(i)))
		}
		return c
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			c.SetMapIndex(it.Key(), deepCopy(it.Value()))
		}
		return c
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type()).Elem()
		if v.Kind() == reflect.Pointer {
			c.Set(reflect.New(v.Type().Elem()))
			c.Elem().Set(deepCopy(v.Elem()))
		} else {
			c.Set(deepCopy(v.Elem()))
		}
		return c
	case reflect.Struct, reflect.Array:
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		if v.Kind() == reflect.Array {
			for i := range v.Len() {
				c.Index(i).Set(deepCopy(v.Index(i)))
			}
			return c
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				c.Field(i).Set(deepCopy(v.Field(i)))
			}
		}
		return c
	}
	return v
}

// referenceTypes memoises holdsReferences per type.
var referenceTypes sync.Map // reflect.Type → bool

// holdsReferences reports whether a value of type t can share memory
// with a copy of it: it is or holds (in exported fields) a slice, map,
// pointer or interface. Strings are immutable and need no copy.
func holdsReferences(t reflect.Type) bool {
	if r, ok := referenceTypes.Load(t); ok {
		return r.(bool)
	}
	referenceTypes.Store(t, true) // a recursive type refers to itself
	r := false
	switch t.Kind() {
	case reflect.Slice, reflect.Map, reflect.Pointer, reflect.Interface:
		r = true
	case reflect.Array:
		r = holdsReferences(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && holdsReferences(f.Type) {
				r = true
				break
			}
		}
	}
	referenceTypes.Store(t, r)
	return r
}
