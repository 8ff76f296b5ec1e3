package plan

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"drillbook/internal/atomicfile"
)

// MaxFileSize bounds what Load reads. The large benchmark workspace (1,000
// people, 300 playbooks with 10 revisions each) is about 10 MB; a file many
// times that is not a workspace and would only exhaust memory.
const MaxFileSize = 64 << 20

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
	if e.Line > 0 {
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

// Decode parses a workspace document, migrating older schema versions.
// Errors are *FileError with line and column where JSON locates them.
func Decode(data []byte) (*Workspace, error) { return decode(data, false) }

// decode is Decode; forceStrict skips the fast path (for the benchmark
// baseline and tests).
func decode(data []byte, forceStrict bool) (*Workspace, error) {
	version, err := schemaVersionOf(data)
	if err != nil {
		return nil, err
	}
	if version > SchemaVersion {
		return nil, &FileError{Err: fmt.Errorf("schema version %d is %w (this one reads up to %d); update Drillbook to open it", version, ErrNewerSchema, SchemaVersion)}
	}
	if version < 0 {
		return nil, &FileError{Err: fmt.Errorf("schemaVersion %d is not valid", version)}
	}
	if version < SchemaVersion {
		migrated, err := migrate(data, version)
		if err != nil {
			if !json.Valid(data) {
				return nil, locateInOriginal(data, err)
			}
			return nil, &FileError{Err: err}
		}
		ws, err := decode(migrated, forceStrict)
		if err != nil && version >= 1 {
			// Positions in the migrated document mean nothing to the
			// user: locate the problem in the file as written (from
			// version 1 on, migrations only add fields, so the current
			// types read the original).
			return nil, locateInOriginal(data, err)
		}
		return ws, err
	}
	var ws Workspace
	if !forceStrict && onlyKnownKeys(data) {
		// Fast path: json.Unmarshal avoids the Decoder's buffer copies,
		// which cost about a third of the load time of a large file.
		if err := json.Unmarshal(data, &ws); err != nil {
			return nil, jsonError(data, err)
		}
		return &ws, nil
	}
	// Strict path: an unknown (e.g. misspelt) field is an error, because
	// silently dropping it would lose it on the next save.
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ws); err != nil {
		return nil, jsonError(data, err)
	}
	if dec.More() {
		l, c := lineCol(data, dec.InputOffset())
		return nil, &FileError{Line: l, Col: c, Err: errors.New("unexpected data after the workspace document")}
	}
	return &ws, nil
}

// locateInOriginal turns an error found while migrating or decoding a
// migrated document into one positioned in the original file, where the
// strict decoder can locate it; otherwise err is returned as a FileError.
func locateInOriginal(original []byte, err error) error {
	var ws Workspace
	dec := json.NewDecoder(bytes.NewReader(original))
	dec.DisallowUnknownFields()
	if derr := dec.Decode(&ws); derr != nil {
		if fe, ok := jsonError(original, derr).(*FileError); ok && fe.Line > 0 {
			return fe
		}
	} else if dec.More() {
		l, c := lineCol(original, dec.InputOffset())
		return &FileError{Line: l, Col: c, Err: errors.New("unexpected data after the workspace document")}
	}
	var fe *FileError
	if errors.As(err, &fe) {
		fe.Line, fe.Col = 0, 0
		return fe
	}
	return &FileError{Err: err}
}

// schemaVersionOf finds the document's schema version. Drillbook writes it
// as the first key, so the common case reads a few tokens instead of
// scanning a multi-megabyte document twice.
func schemaVersionOf(data []byte) (int, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err == nil && tok == json.Delim('{') {
		if key, err := dec.Token(); err == nil && key == "schemaVersion" {
			var v int
			if err := dec.Decode(&v); err == nil {
				return v, nil
			}
		}
	}
	var head struct {
		SchemaVersion *int `json:"schemaVersion"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return 0, jsonError(data, err)
	}
	if head.SchemaVersion == nil {
		return 0, nil // the pre-release format had no version field
	}
	return *head.SchemaVersion, nil
}

// readAll reads up to MaxFileSize+1 bytes, sizing the buffer from Stat so a
// large file is not copied while the buffer grows.
func readAll(f *os.File) ([]byte, error) {
	size := int64(512)
	if st, err := f.Stat(); err == nil && st.Size() > 0 && st.Size() <= MaxFileSize {
		size = st.Size() + 1
	}
	buf := bytes.NewBuffer(make([]byte, 0, size))
	_, err := buf.ReadFrom(io.LimitReader(f, MaxFileSize+1))
	return buf.Bytes(), err
}

// jsonError turns encoding/json errors into a FileError with a position.
func jsonError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		l, c := lineCol(data, syn.Offset)
		if syn.Offset >= int64(len(bytes.TrimRight(data, " \t\r\n"))) {
			return &FileError{Line: l, Col: c, Err: errors.New("file ends before the workspace document is complete (truncated?)")}
		}
		return &FileError{Line: l, Col: c, Err: fmt.Errorf("JSON syntax error: %v", syn)}
	case errors.As(err, &typ):
		l, c := lineCol(data, typ.Offset)
		return &FileError{Line: l, Col: c, Err: fmt.Errorf("field %q: %s cannot hold a JSON %s", typ.Field, typ.Type, typ.Value)}
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		l, c := lineCol(data, int64(len(data)))
		return &FileError{Line: l, Col: c, Err: errors.New("file ends before the workspace document is complete")}
	}
	return &FileError{Err: err}
}

func lineCol(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line, col = 1, 1
	for _, b := range data[:off] {
		if b == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

// Encode renders the workspace as indented JSON with schemaVersion first.
func Encode(ws *Workspace) ([]byte, error) {
	out := *ws
	out.SchemaVersion = SchemaVersion
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // keep "<" and "&" readable in playbook text
	if err := enc.Encode(&out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Save writes the workspace atomically: a temporary file in the same folder
// is written, synced and renamed over the target, so an interrupted save
// leaves the previous file intact. The file is private (mode 0600): it holds
// phone numbers and home contacts.
func Save(path string, ws *Workspace) error {
	data, err := Encode(ws)
	if err != nil {
		return fmt.Errorf("encoding workspace: %w", err)
	}
	return WriteFileAtomic(path, data)
}

// WriteFileAtomic writes data to path via a synced temporary file and rename
// (see atomicfile.Write: symbolic links are followed, leftovers of killed
// writers cleaned).
func WriteFileAtomic(path string, data []byte) error {
	return atomicfile.WriteBytes(path, data)
}
