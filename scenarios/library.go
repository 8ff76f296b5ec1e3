package scenarios

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"sync"
)

//go:embed library/*.yaml
var libraryFS embed.FS

var library = sync.OnceValues(func() ([]*Scenario, error) {
	names, err := fs.Glob(libraryFS, "library/*.yaml")
	if err != nil {
		return nil, err
	}
	var out []*Scenario
	var errs Errors
	for _, n := range names {
		data, err := libraryFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		s, err := Parse("built-in:"+path.Base(n), data)
		if err != nil {
			errs = append(errs, asErrors(n, err)...)
			continue
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Title < out[j].Title })
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
})

// Library returns the built-in scenarios, sorted by title. They are parsed
// once; callers must not modify them (Clone first).
func Library() ([]*Scenario, error) { return library() }
