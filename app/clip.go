package app

// Plan text can be any length (a 10,000-character name is valid), but a
// widget that is handed all of it either grows past the window (checks,
// buttons, form labels cannot truncate) or measures it on every redraw.
// Names are clipped before they reach a widget; labels that show them
// also truncate to their width.

const (
	// shownRunes is enough for any label that truncates to its width.
	shownRunes = 200
	// shortRunes fits a check box, toggle or form label beside a form.
	shortRunes = 48
)

// clip shortens s to at most n runes, marking the cut with an ellipsis.
func clip(s string, n int) string {
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

// shown is text as a label shows it.
func shown(s string) string { return clip(s, shownRunes) }
