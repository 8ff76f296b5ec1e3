package plan

import (
	"bytes"
	"reflect"
	"strings"
	"sync"
)

// knownKeys is every JSON object key the Workspace type tree can hold.
var knownKeys = sync.OnceValue(func() map[string]bool {
	keys := map[string]bool{}
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			keys[name] = true
			walk(f.Type)
		}
	}
	walk(reflect.TypeFor[Workspace]())
	return keys
})

// onlyKnownKeys is a fast, conservative check that every object key in a
// JSON document is one the Workspace types know. It looks at each string
// followed by a colon; a string value that happens to contain `":` (or a key
// with escapes) only makes it answer false, which sends the caller to the
// strict decoder. It never answers true for a document with an unknown key.
func onlyKnownKeys(data []byte) bool {
	known := knownKeys()
	rest := data
	base := 0
	for {
		i := bytes.IndexByte(rest, ':')
		if i < 0 {
			return true
		}
		pos := base + i
		// Walk back over whitespace to the closing quote of the key.
		j := pos - 1
		for j >= 0 && (data[j] == ' ' || data[j] == '\t' || data[j] == '\n' || data[j] == '\r') {
			j--
		}
		if j < 1 || data[j] != '"' {
			// In valid JSON a structural colon always follows a key's
			// closing quote, so this colon is inside a string value.
			base = pos + 1
			rest = data[base:]
			continue
		}
		k := bytes.LastIndexByte(data[:j], '"')
		if k < 1 || data[k-1] == '\\' || !known[string(data[k+1:j])] {
			return false
		}
		base = pos + 1
		rest = data[base:]
	}
}
