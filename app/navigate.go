package app

import "drillbook/app/host"

// CanGoTo is part of host.Host: whether some screen can show path.
func (u *UI) CanGoTo(path string) bool { return host.Showing(u.screens, path) >= 0 }

// GoTo is part of host.Host: it switches to the screen that shows path
// and focuses it there.
func (u *UI) GoTo(path string) {
	if i := host.Showing(u.screens, path); i >= 0 {
		u.nav.Select(i)
		u.screens[i].(host.PathShower).ShowPath(path)
	}
}
