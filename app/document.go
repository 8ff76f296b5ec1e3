package app

import (
	"path/filepath"

	"drillbook/app/widgets"
	"drillbook/plan"
)

// document is the workspace being edited and its file state.
type document struct {
	ws       *plan.Workspace
	path     string // "" until saved (new workspaces, the demo)
	dirty    bool
	problems plan.Problems
}

func newDocument(ws *plan.Workspace, path string) *document {
	d := &document{ws: ws, path: path}
	d.revalidate()
	return d
}

func (d *document) revalidate() { d.problems = d.ws.Validate() }

// fileName is what the title bar and dialogs call the document.
func (d *document) fileName() string {
	if d.path == "" {
		return "Untitled"
	}
	return filepath.Base(d.path)
}

// title is the window title: organisation, file, unsaved marker.
func (d *document) title() string {
	t := widgets.Clip(d.ws.Organisation.Name, widgets.ShortRunes*2)
	if t == "" {
		t = "Unnamed organisation"
	}
	t += " — " + d.fileName()
	if d.dirty {
		t += " •"
	}
	return t + " — " + AppName
}
