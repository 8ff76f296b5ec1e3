package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/plan/plantest"
)

// BenchmarkKeystroke types into a person's name with the large workspace
// (1,000 people, 300 playbooks) open, through the editor's whole path:
// the entry's change → u.change (undo record, coalesced) → validation →
// incremental refresh of the visible editor (list rows, problem notes).
// One op is one keystroke; a frame at 60 Hz is 16 ms.
func BenchmarkKeystroke(b *testing.B) {
	a := test.NewTempApp(b)
	u := New(a, Options{Demo: true})
	u.startTicker, u.bg = nil, uitest.Inline
	defer u.win.Close()
	u.win.Resize(fyne.NewSize(1200, 780))
	u.setDocument(newDocument(plantest.Large(), ""))
	people := openEditor(b, u, "Roles & escalation", "People")
	selectItem(b, people, 500)
	name := uitest.Input[*widget.Entry](b, people, "Name")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	orig := u.doc.ws.People[500].Name
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%2 == 0 {
			name.TypedRune('x')
		} else {
			name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		}
		i++
	}
	b.StopTimer()
	if got := u.doc.ws.People[500].Name; got != orig && got != orig+"x" {
		b.Fatalf("typing did not reach the plan: %q", got)
	}
	if u.doc.problems.Errors() != 0 {
		b.Fatalf("large workspace has errors: %v", u.doc.problems[:1])
	}
}
