package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"drillbook/internal/atomicfile"
)

// MaxFileSize bounds what Load reads. The large benchmark workspace
// (plantest.Large: 1,000 people, 300 playbooks × 30 steps × 10 revisions,
// more than most organisations will write) encodes to 23.7 MB, 39.8 MB
// with 100 stored exercise runs (TestMaxFileSizeLeavesHeadroom logs both);
// the limit is six times that, room for a bigger organisation and years
// of exercises. Load allocates about 2.5× the file and its cost grows
// linearly (BenchmarkLoadScaling: 10, 40, 160 MB), so a file at the limit
// needs about 650 MB and a few seconds; a file many times larger is not a
// workspace and would only exhaust memory.
const MaxFileSize = 256 << 20

// ErrNewerSchema is returned (wrapped) for files written by a newer Drillbook.
var ErrNewerSchema = errors.New("written by a newer version of Drillbook")

// FileError is a problem with a workspace file, located by line and column
// where that is known.
type FileError struct {
	File string
	Line int // 1-based; 0 when not applicable
	Col  int
	Err  error
}

func (e *FileError) Error() string {
	switch {
	case e.File == "" && e.Line > 0:
		return fmt.Sprintf("line %d, column %d: %v", e.Line, e.Col, e.Err)
	case e.File == "":
		return e.Err.Error()
	case e.Line > 0:
		return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Col, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *FileError) Unwrap() error { return e.Err }

// Load reads, migrates and decodes a workspace file. It does not validate;
// call Validate for plan-level problems.
func Load(path string) (*Workspace, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > MaxFileSize {
		return nil, &FileError{File: path, Err: fmt.Errorf("file is %d MB; workspaces are limited to %d MB", st.Size()>>20, MaxFileSize>>20)}
	}
	// Read one byte past the limit so growth after Stat is caught too.
	data, err := readAll(f)
	if err != nil {
		return nil, &FileError{File: path, Err: err}
	}
	if len(data) > MaxFileSize {
		return nil, &FileError{File: path, Err: fmt.Errorf("file is larger than the %d MB limit", MaxFileSize>>20)}
	}
	ws, err := Decode(data)
	if err != nil {
		var fe *FileError
		if errors.As(err, &fe) {
			fe.File = path
			return nil, fe
		}
		return nil, &FileError{File: path, Err: err}
	}
	return ws, nil
}

// readAll reads up to MaxFileSize+1 bytes, sizing the buffer from Stat so a
// large file is not copied while the buffer grows. The spare MinRead bytes
// are what bytes.Buffer.ReadFrom wants free before each read, including
// the last one that finds the end of the file; with less it doubles the
// buffer (48 MB for the 24 MB benchmark file).
func readAll(f *os.File) ([]byte, error) {
	size := int64(bytes.MinRead)
	if st, err := f.Stat(); err == nil && st.Size() > 0 && st.Size() <= MaxFileSize {
		size = st.Size() + bytes.MinRead
	}
	buf := bytes.NewBuffer(make([]byte, 0, size))
	_, err := buf.ReadFrom(io.LimitReader(f, MaxFileSize+1))
	return buf.Bytes(), err
}

// Save writes the workspace atomically: a temporary file in the same folder
// is written, synced and renamed over the target, so an interrupted save
// leaves the previous file intact. The file is private (mode 0600): it holds
// phone numbers and home contacts.
//
// The document is streamed into the file (EncodeTo), so saving needs
// memory for one item at a time, not for the whole file.
func Save(path string, ws *Workspace) error {
	return atomicfile.Write(path, func(w io.Writer) error {
		if err := EncodeTo(w, ws); err != nil {
			return fmt.Errorf("encoding workspace: %w", err)
		}
		return nil
	})
}
