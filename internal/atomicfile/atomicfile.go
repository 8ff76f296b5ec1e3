// Package atomicfile writes files so that a reader sees either the old
// content or the complete new content, never a torn or empty file. It is
// the one writer behind workspace saves, recovery files, journals' headers
// and every export.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// tempMarker is part of every temporary file's name so leftovers of a
// killed process can be recognised as ours and removed later.
const tempMarker = ".drillbook-"

// Rename is swapped by tests to simulate a crash between write and rename.
var Rename = os.Rename

// Write streams content into a private (mode 0600) temporary file in the
// target's folder, syncs it and renames it over path only when write
// returns nil. On any error the target is untouched and the temporary file
// removed. A symbolic link at path is followed: the link's target is
// replaced and the link stays a link.
func Write(path string, write func(io.Writer) error) (err error) {
	target, err := resolve(path)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	dir := filepath.Dir(target)
	RemoveStale(dir)
	pattern := "." + filepath.Base(target) + tempMarker + strconv.Itoa(os.Getpid()) + "-*.tmp"
	tmp, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(0o600); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	SyncDir(dir)
	return nil
}

// WriteBytes is Write for content already in memory.
func WriteBytes(path string, data []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// resolve follows symbolic links at path (a missing target is fine: the
// link's destination is created).
func resolve(path string) (string, error) {
	for range 40 { // the same bound as Linux's ELOOP
		fi, err := os.Lstat(path)
		if errors.Is(err, os.ErrNotExist) {
			return path, nil
		}
		if err != nil {
			return "", err
		}
		if fi.Mode()&os.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", errors.New("too many levels of symbolic links")
}

// staleAge is how old a temporary file of ours must be before it is removed
// when its writer's process cannot be checked.
const staleAge = time.Hour

// RemoveStale deletes temporary files of our own naming in dir that no live
// process is writing: those whose writer's process has gone, and those in
// the older naming (".NAME.123.tmp") once they are an hour old. Folders
// left by WriteDir in a process that has gone are cleared up too
// (removeStaleDir). Errors are ignored: cleaning up is a courtesy, never a
// reason to fail a save.
func RemoveStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() && strings.HasPrefix(name, ".") {
			removeStaleDir(dir, name)
			continue
		}
		if e.IsDir() || !strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".tmp") {
			continue
		}
		if i := strings.LastIndex(name, tempMarker); i >= 0 {
			rest := name[i+len(tempMarker):]
			pidText, _, ok := strings.Cut(rest, "-")
			pid, err := strconv.Atoi(pidText)
			if !ok || err != nil || pid == os.Getpid() || processAlive(pid) {
				continue
			}
			os.Remove(filepath.Join(dir, name))
			continue
		}
		if legacyTemp(name) {
			if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > staleAge {
				os.Remove(filepath.Join(dir, name))
			}
		}
	}
}

// legacyTemp reports whether name looks like os.CreateTemp's ".NAME.*.tmp"
// with a numeric random part, the naming used before the marker.
func legacyTemp(name string) bool {
	stem := strings.TrimSuffix(name, ".tmp")
	i := strings.LastIndexByte(stem, '.')
	if i <= 0 {
		return false
	}
	_, err := strconv.ParseUint(stem[i+1:], 10, 64)
	return err == nil
}

// SyncDir makes a rename durable. Not every platform can sync a directory
// (Windows cannot), so failure is ignored: the data is already safe in the
// renamed file.
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
