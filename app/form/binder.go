package form

import (
	"image/color"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/plan"
)

// Addr locates the item a form edits: the index of its parent item (the
// playbook of a step; 0 for lists without a parent) and its own index.
// An edit captures the Addr when it is made, so its undo finds the same
// item whatever is selected by then.
type Addr struct{ Parent, Index int }

// Binder ties form widgets to the fields of the selected item. Widgets
// write through Host.Change (so every edit is undoable) and show the
// validation problems of their field beside them.
type Binder struct {
	h       host.Host
	sel     func() (Addr, bool) // the item being edited
	path    func(a Addr) string // its path: "people[3]", "triage"
	loading bool                // set while widgets are filled from the plan
	fields  []*field
	other   *widget.Label // item problems no field shows
	// follow, when set, is called inside every field edit before the
	// value changes; what it returns is called after, and returns what
	// undoes its own changes (a new item's ID following its name).
	follow func(a Addr) (after func() (undo func()))
	// pending are the fields whose problems wait until the user leaves
	// them (a contact just added, the fields of a new item); last is the
	// field edited most recently.
	pending map[string]bool
	last    string
	form    *fyne.Container // what Form built, laid out again when a field grows
}

// field is one bound form row.
type field struct {
	key   string // path under the item: "name", "targets.acknowledge"
	label string
	input fyne.CanvasObject
	focus fyne.Focusable // what "go to" focuses (nil: not focusable)
	load  func(a Addr)
	note  *widget.Label     // the field's problems
	glow  *canvas.Rectangle // highlight after "go to"
	box   fyne.CanvasObject
}

// NewBinder binds the form of the item sel selects, whose workspace path
// is path.
func NewBinder(h host.Host, sel func() (Addr, bool), path func(Addr) string) *Binder {
	b := &Binder{h: h, sel: sel, path: path}
	b.other = ProblemLabel()
	return b
}

// ProblemLabel is an empty, hidden label for validation problems.
func ProblemLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	l.Hide()
	return l
}

// Add registers a field whose widget the caller built: input is the
// form row, focus what "go to" focuses (nil for none), load fills it from
// the item. The constructors in fields.go and choices.go use it too.
func (b *Binder) Add(label, key string, input fyne.CanvasObject, focus fyne.Focusable, load func(Addr)) {
	b.add(label, key, input, focus, load)
}

func (b *Binder) add(label, key string, input fyne.CanvasObject, focus fyne.Focusable, load func(Addr)) *field {
	f := &field{key: key, label: label, input: input, focus: focus, load: load, note: ProblemLabel()}
	f.glow = canvas.NewRectangle(color.Transparent)
	f.glow.CornerRadius = theme.InputRadiusSize()
	// Tests find a row's input, note and highlight by this layout.
	f.box = container.NewStack(f.glow, container.NewVBox(input, f.note))
	b.fields = append(b.fields, f)
	return f
}

// addEntry registers a text field whose problems wait while it is
// being typed in and show once it is left.
func (b *Binder) addEntry(label, key string, e *Entry, load func(Addr)) {
	e.onLeft = func() { b.left(key) }
	b.add(label, key, e, e, load)
}

// reload fills the field with the key from the item at a again.
func (b *Binder) reload(key string, a Addr) {
	for _, f := range b.fields {
		if f.key == key {
			f.load(a)
		}
	}
}

// Form lays the fields out as a labelled form, with the item's other
// problems on top.
func (b *Binder) Form() fyne.CanvasObject {
	form := widget.NewForm()
	for _, f := range b.fields {
		form.Append(f.label, f.box)
	}
	b.form = container.NewVBox(b.other, form)
	return b.form
}

// reloadInfo fills the read-only lines (Info) again: an edit elsewhere
// may change what they show.
func (b *Binder) reloadInfo() {
	a, ok := b.sel()
	if !ok {
		return
	}
	b.loading = true
	for _, f := range b.fields {
		if strings.HasPrefix(f.key, infoKey) {
			f.load(a)
		}
	}
	b.loading = false
}

// Loading reports whether the widgets are being filled from the plan, so
// their change callbacks must not write back.
func (b *Binder) Loading() bool { return b.loading }

// Load fills every field from the selected item.
func (b *Binder) Load() {
	a, ok := b.sel()
	if !ok {
		return
	}
	b.loading = true
	for _, f := range b.fields {
		f.glow.FillColor = color.Transparent
		f.glow.Refresh()
		f.load(a)
	}
	b.loading = false
	b.pending, b.last = nil, ""
	b.ShowProblems()
}

// hold keeps the problems of the field with the key out of sight until
// the user has left the field.
func (b *Binder) hold(key string) {
	if b.pending == nil {
		b.pending = map[string]bool{}
	}
	b.pending[key] = true
	b.ShowProblems()
}

// holdAll keeps the problems of every field out of sight until each is
// left: a new item is incomplete by nature, and a wall of warnings before
// the user has typed anything says nothing useful.
func (b *Binder) holdAll() {
	for _, f := range b.fields {
		b.hold(f.key)
	}
}

// editing notes an edit of the field with the key. A text field's
// problems wait while it is typed in; the field edited before counts as
// left (whatever the focus did), so its problems show from now on.
func (b *Binder) editing(key string) {
	if b.last != key {
		delete(b.pending, b.last)
		b.last = key
	}
	for _, f := range b.fields {
		if _, typed := f.input.(*Entry); typed && f.key == key {
			b.hold(key)
		}
	}
}

// left shows the problems of the field with the key (the focus left it,
// or Enter was pressed in it).
func (b *Binder) left(key string) {
	delete(b.pending, key)
	b.ShowProblems()
}

// ShowProblems puts each validation problem of the item beside its field;
// problems no field claims go on top of the form.
func (b *Binder) ShowProblems() {
	a, ok := b.sel()
	if !ok {
		return
	}
	base := b.path(a)
	ps := b.h.Problems().At(base)
	claimed := make([]bool, len(ps))
	for _, f := range b.fields {
		var msgs []string
		level := plan.Warning
		if len(ps) > 0 {
			for i, p := range ps {
				if plan.Within(p.Path, base+"."+f.key) {
					claimed[i] = true
					if b.pending[f.key] {
						continue
					}
					msgs = append(msgs, ProblemText(p))
					level = max(level, p.Level)
				}
			}
		}
		SetNote(f.note, msgs, level)
	}
	var rest []string
	level := plan.Warning
	for i, p := range ps {
		if !claimed[i] {
			rest = append(rest, ProblemText(p))
			level = max(level, p.Level)
		}
	}
	SetNote(b.other, rest, level)
}

// ProblemText renders a problem in words for the field it is shown
// beside: the message as a sentence ("Contact value is required"), never
// the path under the field ("[0].value: …"), which means nothing to the
// person typing.
func ProblemText(p plan.Problem) string {
	mark := "⚠ "
	if p.Level == plan.Error {
		mark = "✖ "
	}
	msg := widgets.Shown(p.Message)
	if r, size := utf8.DecodeRuneInString(msg); size > 0 {
		msg = string(unicode.ToUpper(r)) + msg[size:]
	}
	return mark + msg
}

// SetNote shows msgs in l in the colour of level, or hides l when there
// are none.
func SetNote(l *widget.Label, msgs []string, level plan.Level) {
	if len(msgs) == 0 {
		if l.Visible() {
			l.SetText("")
			l.Hide()
		}
		return
	}
	l.Importance = widget.WarningImportance
	if level == plan.Error {
		l.Importance = widget.DangerImportance
	}
	l.SetText(strings.Join(msgs, "\n"))
	l.Show()
}

// FocusField focuses and highlights the field a path under the item
// points at ("name", "contacts[1].value"); it reports whether one did.
func (b *Binder) FocusField(rest string) bool {
	var best *field
	for _, f := range b.fields {
		if plan.Within(rest, f.key) && (best == nil || len(f.key) > len(best.key)) {
			best = f
		}
	}
	if best == nil {
		return false
	}
	best.glow.FillColor = theme.Color(theme.ColorNameSelection)
	best.glow.Refresh()
	if best.focus != nil {
		if c := fyne.CurrentApp().Driver().CanvasForObject(best.input); c != nil {
			c.Focus(best.focus)
		}
	}
	return true
}

// focusFirst focuses the first field, for a new or chosen item.
func (b *Binder) focusFirst() {
	if len(b.fields) > 0 {
		b.FocusField(b.fields[0].key)
	}
}

// SetField records an edit of one field of the selected item: the value
// at(a) points at becomes v. merge joins it with the previous edit of the
// field (typing).
func SetField[V any](b *Binder, key, what string, at func(Addr) *V, v V, merge bool) {
	if b.loading {
		return
	}
	a, ok := b.sel()
	if !ok {
		return
	}
	b.editing(key)
	old := *at(a)
	var undoFollow func()
	b.h.Change(host.Edit{
		Label: what,
		Path:  plan.Root(b.path(a)).Field(key).String(),
		Merge: merge,
		Do: func() {
			var after func() func()
			if b.follow != nil {
				after = b.follow(a)
			}
			*at(a) = v
			if after != nil {
				undoFollow = after()
			}
		},
		Undo: func() {
			if undoFollow != nil {
				undoFollow()
			}
			*at(a) = old
		},
	})
}
