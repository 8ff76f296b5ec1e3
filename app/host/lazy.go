package host

import "fyne.io/fyne/v2"

// Lazy is a screen built the first time it is shown or asked about, so
// the window opens having built only the screen it shows (building all
// of them was about a quarter of start-up). The navigation lists every
// screen at once, so the title and icon are given up front; the shell's
// tests check they are the built screen's own.
func Lazy(title string, icon fyne.Resource, build func() Screen) Screen {
	return &lazy{title: title, icon: icon, build: build}
}

type lazy struct {
	title string
	icon  fyne.Resource
	build func() Screen
	s     Screen
}

func (l *lazy) get() Screen {
	if l.s == nil {
		l.s = l.build()
	}
	return l.s
}

// Built reports whether s, made by Lazy, has been built (any other screen
// always has).
func Built(s Screen) bool {
	l, ok := s.(*lazy)
	return !ok || l.s != nil
}

// Unwrap is the screen s stands for: the built screen of a Lazy one
// (built now if it was not), else s itself.
func Unwrap(s Screen) Screen {
	if l, ok := s.(*lazy); ok {
		return l.get()
	}
	return s
}

func (l *lazy) Title() string             { return l.title }
func (l *lazy) Icon() fyne.Resource       { return l.icon }
func (l *lazy) Object() fyne.CanvasObject { return l.get().Object() }
func (l *lazy) Refresh()                  { l.get().Refresh() }

// The optional interfaces are passed on as the built screen has them.

func (l *lazy) AfterEdit(path string) { FollowEdit(l.get(), path) }

func (l *lazy) CanShow(path string) bool {
	ps, ok := l.get().(PathShower)
	return ok && ps.CanShow(path)
}

func (l *lazy) ShowPath(path string) {
	if ps, ok := l.get().(PathShower); ok {
		ps.ShowPath(path)
	}
}

func (l *lazy) ShowHere(path string) bool {
	k, ok := l.get().(PageKeeper)
	return ok && k.ShowHere(path)
}
