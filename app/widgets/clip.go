package widgets

import "strings"

// Plan text can be any length (a 10,000-character name is valid), but a
// widget that is handed all of it either grows past the window (checks,
// buttons, form labels cannot truncate) or measures it on every redraw.
// Names are clipped before they reach a widget; labels that show them
// also truncate to their width.

const (
	// ShownRunes is enough for any label that truncates to its width.
	ShownRunes = 200
	// ShortRunes fits a check box, toggle or form label beside a form.
	ShortRunes = 48
)

// Clip shortens s to at most n runes, marking the cut with an ellipsis.
func Clip(s string, n int) string {
	if len(s) <= n { // bytes ≥ runes: short enough either way
		return s
	}
	i := 0
	for at := range s {
		if i == n {
			return s[:at] + "…"
		}
		i++
	}
	return s
}

// Shown is text as a label shows it.
func Shown(s string) string { return Clip(s, ShownRunes) }

// OrDash is a name as shown: a dash when empty, clipped when very long.
func OrDash(s string) string {
	if s == "" {
		return "—"
	}
	return Shown(s)
}

// FirstLine gives a one-line summary of Markdown text for list rows.
func FirstLine(s string) string {
	s = strings.TrimSpace(mdMarks.Replace(s))
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

var mdMarks = strings.NewReplacer("**", "", "__", "", "`", "", "> ", "")
