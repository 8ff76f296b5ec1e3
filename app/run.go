package app

import (
	fyneapp "fyne.io/fyne/v2/app"
)

// Run opens the main window and blocks until the app quits.
func Run(opts Options) error {
	fyneapp.SetMetadata(Metadata())
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(Icon)
	u := newWindow(a)
	if opts.Exercise == "" {
		u.open(opts, u.afterPaint(background), func() {
			if tracing() {
				traceMark("loaded")
			}
		})
	} else {
		// A scenario to start needs the workspace first, and its errors
		// are the command's: open it before the window shows.
		u.open(opts, inline, func() {})
		if err := u.ex.StartNow(opts.Exercise, opts.Speed); err != nil {
			return err
		}
		if opts.Projector {
			// Open once the main window is up, so the participants' window
			// comes up in front, ready to drag to the projector.
			a.Lifecycle().SetOnStarted(u.ex.OpenProjector)
		}
	}
	if tracing() {
		u.win.SetContent(withFrameProbe(u.root))
	}
	u.Window().ShowAndRun()
	return nil
}
