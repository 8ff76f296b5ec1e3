package export

import (
	"fmt"
	"io"
	"os"

	"drillbook/internal/atomicfile"
)

// WriteFile writes a report to path atomically: write streams into a
// temporary file in the same folder, which is synced and renamed over
// path only when write succeeds. A failed or cancelled export therefore
// never leaves a half-written report, and an existing file at path is
// kept as it was. Reports hold contact details, so the file is private
// (mode 0600), like the workspace itself.
func WriteFile(path string, write func(io.Writer) error) error {
	return atomicfile.Write(path, write)
}

// mkdir creates a report folder (private, like the files in it).
func mkdir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	return nil
}
