package plan

import (
	"context"

	"drillbook/internal/atomicfile"
)

// The entry points below moved out of this package while app/ still calls
// them here. A shim in plan cannot call plan/playbookmd (that package
// imports plan), so these are filled in by playbookmd when it is linked:
// app links it through drillbook/export.

// Deprecated: kept until app/ switches; remove then. Use playbookmd.Markdown.
var PlaybookMarkdown func(p *Playbook, ws *Workspace, today Date) string

// Deprecated: kept until app/ switches; remove then. Use playbookmd.Parse.
var ParsePlaybookMarkdown func(md string) (*Playbook, error)

// Deprecated: kept until app/ switches; remove then. Use playbookmd.Export.
var ExportPlaybooks func(ctx context.Context, ws *Workspace, dir string, today Date, progress func(done, total int)) error

// NewID is UniqueID with the error app/ discards: there is none.
//
// Deprecated: kept until app/ switches; remove then. Use UniqueID.
func (w *Workspace) NewID(part, name string) (string, error) { return w.UniqueID(part, name), nil }

// Deprecated: kept until app/ switches; remove then. Use atomicfile.WriteBytes.
func WriteFileAtomic(path string, data []byte) error { return atomicfile.WriteBytes(path, data) }
