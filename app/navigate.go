package app

// pathShower is a screen that can show the part of the workspace a path
// such as "thirdParties[2].contacts" or "runs[3].tasks[5]" points at.
type pathShower interface {
	screen
	canShow(path string) bool
	showPath(path string)
}

// canGoTo reports whether some screen can show path.
func (u *UI) canGoTo(path string) bool {
	for _, s := range u.screens {
		if ps, ok := s.(pathShower); ok && ps.canShow(path) {
			return true
		}
	}
	return false
}

// goTo switches to the screen that shows path and focuses it there.
func (u *UI) goTo(path string) {
	for i, s := range u.screens {
		if ps, ok := s.(pathShower); ok && ps.canShow(path) {
			u.nav.Select(i)
			ps.showPath(path)
			return
		}
	}
}
