package app

import (
	fyneapp "fyne.io/fyne/v2/app"
)

// Run opens the main window and blocks until the app quits.
func Run(opts Options) error {
	fyneapp.SetMetadata(Metadata())
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(Icon)
	u := New(a, opts)
	if opts.Exercise != "" {
		if err := u.startExerciseNow(opts.Exercise, opts.Speed, opts.Projector); err != nil {
			return err
		}
	}
	u.Window().ShowAndRun()
	return nil
}
