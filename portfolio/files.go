package portfolio

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// WorkspaceExt is the extension of workspace files, as the app's Open
// and Save dialogs filter them.
const WorkspaceExt = ".json"

// Files expands the command line's FILE|DIR… into workspace files: a file
// is taken as given (whatever its name: it was asked for), a folder
// contributes every *.json file below it, skipping hidden files and
// folders (".git", editors' backups). The result is sorted and free of
// repeats so the same arguments always give the same order. A folder that
// cannot be read is returned in errs with its error, and so is an
// argument that does not exist; they do not stop the others.
func Files(args []string) (files []string, errs []LoadError) {
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, LoadError{File: arg, Message: err.Error()})
			continue
		}
		if !st.IsDir() {
			files = append(files, filepath.Clean(arg))
			continue
		}
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, LoadError{File: path, Message: err.Error()})
				return nil
			}
			hidden := path != arg && strings.HasPrefix(d.Name(), ".")
			switch {
			case d.IsDir() && hidden:
				return filepath.SkipDir
			case d.IsDir(), hidden:
				return nil
			case d.Type().IsRegular() && strings.EqualFold(filepath.Ext(d.Name()), WorkspaceExt):
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, LoadError{File: arg, Message: err.Error()})
		}
	}
	slices.Sort(files)
	return slices.Compact(files), errs
}
