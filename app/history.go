package app

import "fyne.io/fyne/v2"

const (
	prefRecent = "recentWorkspaces"
	maxRecent  = 8
)

// history remembers recently opened workspace files in the app's
// preferences, most recent first.
type history struct{ p fyne.Preferences }

func newHistory(p fyne.Preferences) *history { return &history{p} }

func (h *history) recent() []string { return h.p.StringList(prefRecent) }

// last is the most recently opened workspace, or "".
func (h *history) last() string {
	if r := h.recent(); len(r) > 0 {
		return r[0]
	}
	return ""
}

func (h *history) opened(path string) {
	list := []string{path}
	for _, p := range h.recent() {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	h.p.SetStringList(prefRecent, list)
}
