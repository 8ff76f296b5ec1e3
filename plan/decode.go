package plan

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
)

// Decode parses a workspace document, migrating older schema versions.
// Errors are *FileError, with line and column where they can be placed.
//
// A UTF-8 byte-order mark is accepted and ignored (Windows Notepad writes
// one; Encode never does). UTF-16 and UTF-32 are refused, saying so, and
// so is invalid UTF-8 (a Latin-1 file), which would otherwise turn into
// U+FFFD and be saved that way.
func Decode(data []byte) (*Workspace, error) {
	data, err := withoutUTF8Mark(data)
	if err != nil {
		return nil, &FileError{Err: err}
	}
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
	ws, err := workspaceShape()
	if err != nil {
		return nil, &FileError{Err: err}
	}
	migrated := version < SchemaVersion
	// From version 1 on, migrations only add fields or change values'
	// meaning, so the current types describe the file as written: check it
	// before migrating, and every error keeps its line and column.
	original, checkOriginal := data, migrated && version >= 1
	if migrated {
		// Migrations work on maps, where a repeated key would silently
		// keep only its last value.
		shape := anyShape
		if checkOriginal {
			shape = ws
		}
		if err := scanDocument(data, shape, false); err != nil {
			return nil, err.located(data)
		}
		if data, err = migrate(data, version); err != nil {
			return nil, &FileError{Err: err}
		}
	}
	if err := scanDocument(data, ws, false); err != nil {
		return nil, placed(data, err, migrated, version)
	}
	// After the scan every key is exact and known and every value is of
	// the right kind, so json.Unmarshal, the fastest decoder, cannot drop
	// anything. It still runs the dates' and durations' own decoding,
	// which the scan skips for speed.
	var out Workspace
	if err := json.Unmarshal(data, &out); err != nil {
		if checkOriginal {
			if err := scanDocument(original, ws, true); err != nil {
				return nil, err.located(original)
			}
		}
		if err := scanDocument(data, ws, true); err != nil {
			return nil, placed(data, err, migrated, version)
		}
		return nil, jsonError(err)
	}
	return &out, nil
}

// placed locates a scan error in the file. Positions in a migrated
// document mean nothing to the user; the path does.
func placed(data []byte, err *scanError, migrated bool, version int) *FileError {
	if migrated {
		return &FileError{Err: fmt.Errorf("%v (in the document as migrated from schema version %d)", err, version)}
	}
	return err.located(data)
}

var utf8Mark = []byte{0xEF, 0xBB, 0xBF}

// withoutUTF8Mark drops a UTF-8 byte-order mark and refuses the wider
// encodings Windows editors offer as "Unicode".
func withoutUTF8Mark(data []byte) ([]byte, error) {
	if rest, ok := bytes.CutPrefix(data, utf8Mark); ok {
		return rest, nil
	}
	utf32 := errors.New("the file is UTF-32; save it as UTF-8")
	utf16 := errors.New("the file is UTF-16; save it as UTF-8")
	switch {
	case bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}), bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}):
		return nil, utf32
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}), bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return nil, utf16
	}
	// Without a mark: JSON begins with an ASCII character, which these
	// encodings pad with NULs, and a NUL is never valid JSON.
	if len(data) >= 4 && (data[0] == 0 && data[1] == 0 && data[2] == 0 || data[1] == 0 && data[2] == 0 && data[3] == 0) {
		return nil, utf32
	}
	if len(data) >= 2 && (data[0] == 0 || data[1] == 0) {
		return nil, utf16
	}
	return data, nil
}

// schemaVersionOf finds the document's schema version (0 when absent: the
// pre-release format had none). Drillbook writes it as the first key, so
// the common case reads a few bytes; otherwise the whole document is
// checked while the top-level object is searched for it.
func schemaVersionOf(data []byte) (int, error) {
	s := scanner{data: data}
	s.space()
	if s.pos < len(data) && data[s.pos] == '{' {
		s.pos++
		s.space()
		if bytes.HasPrefix(data[s.pos:], []byte(`"schemaVersion"`)) {
			if _, _, err := s.key(); err == nil {
				v, err := s.version()
				if err != nil {
					return 0, err.located(data)
				}
				return v, nil
			}
		}
	}
	s = scanner{data: data, versionAt: -1}
	if err := s.document(anyShape); err != nil {
		return 0, err.located(data)
	}
	if s.versionAt < 0 {
		return 0, nil
	}
	s.pos = s.versionAt
	v, err := s.version()
	if err != nil {
		return 0, err.located(data)
	}
	return v, nil
}

// version reads the schemaVersion value at the scan position.
func (s *scanner) version() (int, *scanError) {
	s.space()
	at := s.pos
	if s.pos < len(s.data) && (s.data[s.pos] == '-' || s.data[s.pos] >= '0' && s.data[s.pos] <= '9') {
		if s.number(&shape{kind: kindInt, bits: 64}) == nil {
			if v, err := strconv.Atoi(string(s.data[at:s.pos])); err == nil {
				return v, nil
			}
		}
	}
	return 0, s.fail(at, "schemaVersion must be a whole number, like 1")
}

// scanDocument checks a whole document whose top level is sh's object;
// checkValues also runs the dates' and durations' own decoding.
func scanDocument(data []byte, sh *shape, checkValues bool) *scanError {
	s := scanner{data: data, versionAt: -1, checkValues: checkValues}
	return s.document(sh)
}

func (s *scanner) document(sh *shape) *scanError {
	s.space()
	if s.pos == len(s.data) {
		return s.fail(0, "the file is empty, not a workspace")
	}
	if c := s.data[s.pos]; c != '{' {
		// Check it first: "nul" is a broken file, not JSON null.
		at := s.pos
		if err := s.value(anyShape); err != nil {
			return err
		}
		return s.fail(at, "the file holds %s, not a workspace object", topLevelNoun(s.data[at]))
	}
	if err := s.value(sh); err != nil {
		return err
	}
	s.space()
	if s.pos < len(s.data) {
		return s.fail(s.pos, "unexpected data after the workspace document")
	}
	return nil
}
