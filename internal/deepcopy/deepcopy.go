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
	var out T
	copyValue(reflect.ValueOf(&out).Elem(), reflect.ValueOf(&v).Elem())
	return out
}

func copyValue(dst, src reflect.Value) {
	t := src.Type()
	info := typeInfoOf(t)
	if info.flat {
		dst.Set(src)
		return
	}
	switch t.Kind() {
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		n := src.Len()
		s := reflect.MakeSlice(t, n, n)
		if typeInfoOf(t.Elem()).flat {
			reflect.Copy(s, src)
		} else {
			for i := 0; i < n; i++ {
				copyValue(s.Index(i), src.Index(i))
			}
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			return
		}
		m := reflect.MakeMapWithSize(t, src.Len())
		for it := src.MapRange(); it.Next(); {
			k := reflect.New(t.Key()).Elem()
			copyValue(k, it.Key())
			v := reflect.New(t.Elem()).Elem()
			copyValue(v, it.Value())
			m.SetMapIndex(k, v)
		}
		dst.Set(m)
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		p := reflect.New(t.Elem())
		copyValue(p.Elem(), src.Elem())
		dst.Set(p)
	case reflect.Interface:
		if src.IsNil() {
			return
		}
		v := reflect.New(src.Elem().Type()).Elem()
		copyValue(v, src.Elem())
		dst.Set(v)
	case reflect.Array:
		for i := 0; i < src.Len(); i++ {
			copyValue(dst.Index(i), src.Index(i))
		}
	case reflect.Struct:
		dst.Set(src) // the flat fields
		for _, i := range info.deep {
			copyValue(dst.Field(i), src.Field(i))
		}
	default: // channels and functions: plan data has none
		dst.Set(src)
	}
}

// typeInfo says how to copy a type: flat types are copied by assignment;
// a struct's deep fields need copying one by one.
type typeInfo struct {
	flat bool
	deep []int
}

var typeInfos sync.Map // reflect.Type → *typeInfo

func typeInfoOf(t reflect.Type) *typeInfo {
	if v, ok := typeInfos.Load(t); ok {
		return v.(*typeInfo)
	}
	info := &typeInfo{}
	switch t.Kind() {
	case reflect.Slice, reflect.Map, reflect.Pointer, reflect.Interface:
	case reflect.Array:
		info.flat = typeInfoOf(t.Elem()).flat
	case reflect.Struct:
		opaque := false
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				opaque = true
			} else if !typeInfoOf(f.Type).flat {
				info.deep = append(info.deep, i)
			}
		}
		info.flat = opaque || len(info.deep) == 0
		if opaque {
			info.deep = nil
		}
	default:
		info.flat = true
	}
	v, _ := typeInfos.LoadOrStore(t, info)
	return v.(*typeInfo)
}
