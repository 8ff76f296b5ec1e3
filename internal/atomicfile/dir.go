package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// WriteDir builds the folder dir as a whole: fill writes the files into a
// new private temporary folder beside dir, and only when fill returns nil
// does the result take dir's place. A failed or cancelled export therefore
// leaves dir exactly as it was (and removes the temporary folder).
//
// Nothing WriteDir did not write is ever deleted. If every file and folder
// in the old dir has a counterpart in the new one (an earlier export), the
// old folder is swapped out in one step: renamed aside, the new one renamed
// in, the old one removed. Otherwise (the folder also holds the user's own
// files, or files of playbooks since deleted) the new files are moved in
// one by one, each replacing its namesake, and everything else is kept.
// A symbolic link at dir is followed.
func WriteDir(dir string, fill func(tmp string) error) (err error) {
	target, err := resolve(dir)
	if err == nil {
		target, err = filepath.Abs(target)
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	parent := filepath.Dir(target)
	if err := os.MkdirAll(parent, 0o700); err != nil {
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	RemoveStale(parent)
	tmp, err := os.MkdirTemp(parent, tempName(target, "*.tmp"))
	if err != nil {
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	defer os.RemoveAll(tmp) // gone after a swap; what is left after a failure
	if err := fill(tmp); err != nil {
		return err
	}
	SyncDir(tmp)
	if err := install(tmp, target); err != nil {
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	SyncDir(parent)
	return nil
}

// WriteNew writes a file into a folder WriteDir is filling: the folder is
// new and private, so the file needs no temporary name of its own, only a
// sync so that it is on disk before the folder is renamed into place.
func WriteNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// tempName is the name pattern of our temporary and backup folders beside
// path: ".NAME.drillbook-PID-<suffix>", recognised by RemoveStale.
func tempName(path, suffix string) string {
	return "." + filepath.Base(path) + tempMarker + strconv.Itoa(os.Getpid()) + "-" + suffix
}

// install puts the folder src in dst's place (see WriteDir). A symbolic
// link at dst (a subfolder kept elsewhere) is followed.
func install(src, dst string) error {
	dst, err := resolve(dst)
	if err != nil {
		return err
	}
	fi, err := os.Lstat(dst)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return Rename(src, dst)
	case err != nil:
		return err
	case !fi.IsDir():
		return fmt.Errorf("%s is not a folder", dst)
	}
	RemoveStale(dst)
	whole, err := covers(src, dst)
	if err != nil {
		return err
	}
	if whole {
		return swap(src, dst)
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, e := range entries {
		from, to := filepath.Join(src, e.Name()), filepath.Join(dst, e.Name())
		if e.IsDir() {
			err = install(from, to)
		} else {
			err = Rename(from, to)
		}
		if err != nil {
			return err
		}
	}
	SyncDir(dst)
	return nil
}

// swap replaces the folder dst by src: dst is renamed aside first (a
// folder cannot be renamed over a folder everywhere) and put back if src
// cannot take its place.
func swap(src, dst string) error {
	old, err := os.MkdirTemp(filepath.Dir(dst), tempName(dst, "*.old"))
	if err != nil {
		return err
	}
	if err := os.Remove(old); err != nil { // only the unique name was wanted
		return err
	}
	if err := Rename(dst, old); err != nil {
		return err
	}
	if err := Rename(src, dst); err != nil {
		if back := Rename(old, dst); back != nil {
			return fmt.Errorf("%w (the old folder is kept as %s)", err, old)
		}
		return err
	}
	return os.RemoveAll(old)
}

// covers reports whether every entry of dst has a counterpart of the same
// kind in src, so replacing dst by src loses nothing WriteDir did not
// write. Symbolic links and other special files never count as covered.
func covers(src, dst string) (bool, error) {
	entries, err := os.ReadDir(dst)
	if err != nil {
		return false, err
	}
	for _, e := range entries {
		fi, err := os.Lstat(filepath.Join(src, e.Name()))
		if errors.Is(err, os.ErrNotExist) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		switch {
		case e.Type().IsRegular() && fi.Mode().IsRegular():
		case e.IsDir() && fi.IsDir():
			if ok, err := covers(filepath.Join(src, e.Name()), filepath.Join(dst, e.Name())); !ok || err != nil {
				return ok, err
			}
		default:
			return false, nil
		}
	}
	return true, nil
}

// removeStaleDir deals with a folder of our naming in dir left by a
// process that is gone: a temporary folder holds only files that process
// wrote and is removed; a backup (".old") is the folder it was replacing,
// put back if the process died before the new one took its place, and
// otherwise removed (every file in it was replaced, see covers).
func removeStaleDir(dir, name string) {
	i := strings.LastIndex(name, tempMarker)
	if i <= 1 {
		return
	}
	pidText, _, ok := strings.Cut(name[i+len(tempMarker):], "-")
	pid, err := strconv.Atoi(pidText)
	if !ok || err != nil || pid == os.Getpid() || processAlive(pid) {
		return
	}
	path := filepath.Join(dir, name)
	if strings.HasSuffix(name, ".old") {
		target := filepath.Join(dir, name[1:i])
		if _, err := os.Lstat(target); errors.Is(err, os.ErrNotExist) {
			_ = Rename(path, target)
			return
		}
	} else if !strings.HasSuffix(name, ".tmp") {
		return
	}
	os.RemoveAll(path)
}
