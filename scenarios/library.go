package scenarios

import (
	"embed"
	"io/fs"
	"path"
	"sync"
)

//go:embed library/*.yaml
var libraryFS embed.FS

var library = sync.OnceValues(func() ([]*Scenario, error) {
	names, err := fs.Glob(libraryFS, "library/*.yaml")
	if err != nil {
		return nil, err
	}
	return loadAll(names, func(n string) (*Scenario, error) {
		data, err := libraryFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		return Parse("built-in:"+path.Base(n), data)
	})
})

// Library returns the built-in scenarios, sorted by title. They are parsed
// once; callers must not modify them (Clone first).
func Library() ([]*Scenario, error) { return library() }
