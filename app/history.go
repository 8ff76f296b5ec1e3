package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
)

const (
	prefRecent = "recentWorkspaces"
	maxRecent  = 8
)

// history remembers recently opened workspace files in the app's
// preferences, most recent first. Paths are stored absolute: a relative
// one would name another client's file of the same name when Drillbook
// starts in another folder. Relative entries stored by older versions are
// dropped on reading, for the same reason.
type history struct{ p fyne.Preferences }

func newHistory(p fyne.Preferences) *history { return &history{p} }

func (h *history) recent() []string {
	var out []string
	for _, p := range h.p.StringList(prefRecent) {
		if filepath.IsAbs(p) {
			out = append(out, p)
		}
	}
	return out
}

// last is the most recently opened workspace, or "".
func (h *history) last() string {
	if r := h.recent(); len(r) > 0 {
		return r[0]
	}
	return ""
}

func (h *history) opened(path string) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return // no working folder to resolve against: better not remember it
	}
	path = abs
	list := []string{path}
	for _, p := range h.recent() {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	h.p.SetStringList(prefRecent, list)
}
