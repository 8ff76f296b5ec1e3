package app

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/host"
	"drillbook/plan"
	"drillbook/plan/plantest"
)

// BenchmarkStartup is start-up in process, on the test driver's software
// painter, against a bare window with one label painted the same way:
//
//   - first-frame: the window with its loading state, up to its first
//     frame; the load has not started (in the app it starts after this),
//     so this is the same for any workspace;
//   - demo, large: up to the first frame with the workspace shown, the
//     load inline;
//   - demo-all-screens-baseline: demo with every screen built at once, as
//     start-up did before screens were built lazily.
//
// scripts/bench-startup.sh measures the same as whole processes.
func BenchmarkStartup(b *testing.B) {
	large := filepath.Join(b.TempDir(), "large.json")
	if err := plan.Save(large, plantest.Large()); err != nil {
		b.Fatal(err)
	}
	a := test.NewTempApp(b)
	never := func(func(context.Context, func(int, int)) error, func(int, int), func(error)) func() {
		return func() {}
	}
	run := func(name string, open func() fyne.Window) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w := open()
				w.Canvas().Capture()
				w.Close()
			}
		})
	}
	run("bare-baseline", func() fyne.Window {
		w := a.NewWindow("bare")
		w.SetContent(widget.NewLabel("A bare Fyne window"))
		w.Resize(defaultWindowSize)
		return w
	})
	run("first-frame", func() fyne.Window {
		u := newWindow(a)
		u.open(Options{Path: large}, never, func() {})
		return u.win
	})
	run("demo", func() fyne.Window { return New(a, Options{Demo: true}).win })
	run("demo-all-screens-baseline", func() fyne.Window {
		u := New(a, Options{Demo: true})
		for _, s := range u.screens {
			host.Unwrap(s)
		}
		return u.win
	})
	run("large", func() fyne.Window { return New(a, Options{Path: large}).win })
}
