package uitest

import (
	"context"

	"fyne.io/fyne/v2"
)

// Picker answers file dialogs with fixed paths ("" as a cancel) and
// records the calls.
type Picker struct {
	Open, Folder, Save string
	Calls              []string
}

// OpenFile is part of picker.FilePicker.
func (f *Picker) OpenFile(_ fyne.Window, _ []string, done func(string)) {
	f.Calls = append(f.Calls, "open")
	done(f.Open)
}

// OpenFolder is part of picker.FilePicker.
func (f *Picker) OpenFolder(_ fyne.Window, done func(string)) {
	f.Calls = append(f.Calls, "folder")
	done(f.Folder)
}

// SaveFile is part of picker.FilePicker.
func (f *Picker) SaveFile(_ fyne.Window, suggested string, _ []string, done func(string)) {
	f.Calls = append(f.Calls, "save:"+suggested)
	done(f.Save)
}

// Inline runs background work on the calling goroutine, so tests stay
// deterministic and race-free.
func Inline(work func(ctx context.Context, progress func(done, total int)) error, progress func(done, total int), done func(error)) func() {
	ctx, cancel := context.WithCancel(context.Background())
	done(work(ctx, progress))
	return cancel
}

// Cancelled runs background work inline with its context already
// cancelled, as when the user presses Cancel at once.
func Cancelled(work func(ctx context.Context, progress func(done, total int)) error, progress func(done, total int), done func(error)) func() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	done(work(ctx, progress))
	return cancel
}
