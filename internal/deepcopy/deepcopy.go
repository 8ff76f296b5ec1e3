// Package deepcopy copies plan data so the copy shares no mutable memory
// with the original: a run's snapshot of the plan (scenarios) and the
// workspace a save or an export encodes in the background while the user
// goes on editing (app).
package deepcopy

import (
	"reflect"
	"sync"
)

// Of copies tree-shaped data (structs, slices, maps, pointers) so the
// copy shares no mutable memory with v. Strings are immutable and
// shared. A struct with unexported fields (time.Time, plan.Date) is copied
// as a whole: its fields cannot be reached, and such types are values by
// convention. It is reflective so fields added to the plan later are
// copied too; it visits every value once (linear in the data).
func Of[T any](v T) T {
	out := v
	unshare(reflect.ValueOf(&out).Elem())
	return out
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
