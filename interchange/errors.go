package interchange

import (
	"errors"
	"fmt"
)

// Error is a problem in an input file, placed by line (text formats) or
// JSON path (PagerDuty), and naming the field.
type Error struct {
	File  string
	Line  int    // 1-based; 0 when the place is a JSON path or unknown
	Path  string // JSON path such as schedule.schedule_layers[1].start
	Field string // the column or property named, "" when Path says it
	Msg   string
}

func (e *Error) Error() string {
	s := e.File
	if e.Line > 0 {
		s += fmt.Sprintf(":%d", e.Line)
	}
	if e.Path != "" {
		s += ": " + e.Path
	}
	if e.Field != "" {
		s += ": " + e.Field
	}
	return s + ": " + e.Msg
}

// ErrUnknownFormat is returned for a file whose type cannot be told from
// its name or content.
var ErrUnknownFormat = errors.New("unknown file type")
