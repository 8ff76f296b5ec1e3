package export

import (
	"io"

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
