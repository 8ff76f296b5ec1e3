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
	c := *w
	unshare(reflect.ValueOf(&c).Elem())
	return &c
}

// unshare replaces, in place, everything v shares with the value it was
// copied from by copies of its own. Slices are copied in bulk first, so
// only the fields that hold references are visited one by one; fields
// without (strings are immutable) and unexported ones (time.Time's
// location) stay as copied.
func unshare(v reflect.Value) {
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() {
			return
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(c, v)
		v.Set(c)
		if hasRefs(v.Type().Elem()) {
			for i := range c.Len() {
				unshare(c.Index(i))
			}
		}
	case reflect.Map:
		if v.IsNil() {
			return
		}
		c := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(it.Value())
			unshare(e)
			c.SetMapIndex(it.Key(), e)
		}
		v.Set(c)
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(v.Elem())
		unshare(c.Elem())
		v.Set(c)
	case reflect.Interface:
		if v.IsNil() {
			return
		}
		e := reflect.New(v.Elem().Type()).Elem()
		e.Set(v.Elem())
		unshare(e)
		v.Set(e)
	case reflect.Array:
		if hasRefs(v.Type().Elem()) {
			for i := range v.Len() {
				unshare(v.Index(i))
			}
		}
	case reflect.Struct:
		for _, i := range refFields(v.Type()) {
			unshare(v.Field(i))
		}
	}
}

// refFieldsByType memoises refFields.
var refFieldsByType sync.Map // reflect.Type → []int

// refFields lists a struct type's exported fields that hold references
// (nil for other types).
func refFields(t reflect.Type) []int {
	if t.Kind() != reflect.Struct {
		return nil
	}
	if r, ok := refFieldsByType.Load(t); ok {
		return r.([]int)
	}
	// No placeholder is stored while computing: a type can only hold
	// itself through a slice, map or pointer, where hasRefs stops.
	var r []int
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() && hasRefs(f.Type) {
			r = append(r, i)
		}
	}
	refFieldsByType.Store(t, r)
	return r
}

// hasRefs reports whether a value of type t can share memory with a copy
// of it: it is or holds a slice, map, pointer or interface.
func hasRefs(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Slice, reflect.Map, reflect.Pointer, reflect.Interface:
		return true
	case reflect.Array:
		return hasRefs(t.Elem())
	case reflect.Struct:
		return len(refFields(t)) > 0
	}
	return false
}
