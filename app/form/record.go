package form

import (
	"strings"

	"fyne.io/fyne/v2"

	"drillbook/app/host"
	"drillbook/plan"
)

// Record edits a part of the plan that is a single record (triage,
// reporting guidance, cover) rather than a list.
type Record struct {
	base string
	b    *Binder
	root fyne.CanvasObject
}

// NewRecord edits the record at path base ("triage"); bind its fields
// with Binder, then call Finish.
func NewRecord(h host.Host, base string) *Record {
	f := &Record{base: base}
	f.b = NewBinder(h, func() (Addr, bool) { return Addr{}, true }, func(Addr) string { return base })
	return f
}

// Binder binds the record's fields.
func (f *Record) Binder() *Binder { return f.b }

// Finish lays the bound fields out as the record's form.
func (f *Record) Finish() { f.root = f.b.Form() }

// Object, Refresh, AfterEdit, CanShow and ShowPath make a Record a Part.
func (f *Record) Object() fyne.CanvasObject { return f.root }
func (f *Record) Refresh()                  { f.b.Load() }
func (f *Record) AfterEdit(string)          { f.b.ShowProblems() }
func (f *Record) CanShow(path string) bool  { return plan.Within(path, f.base) }
func (f *Record) ShowPath(path string) {
	f.b.FocusField(strings.TrimPrefix(strings.TrimPrefix(path, f.base), "."))
}
