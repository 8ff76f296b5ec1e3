package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/widgets"
	"drillbook/plan"
)

// addr locates the item a form edits: the index of its parent item (the
// playbook of a step; 0 for lists without a parent) and its own index.
// An edit captures the addr when it is made, so its undo finds the same
// item whatever is selected by then.
type addr struct{ parent, index int }

// binder ties form widgets to the fields of the selected item. Widgets
// write through u.change (so every edit is undoable) and show the
// validation problems of their field beside them.
type binder struct {
	u       *UI
	sel     func() (addr, bool) // the item being edited
	path    func(a addr) string // its path: "people[3]", "triage"
	loading bool                // set while widgets are filled from the plan
	fields  []*field
	other   *widget.Label // item problems no field shows
}

// field is one bound form row.
type field struct {
	key   string // path under the item: "name", "targets.acknowledge"
	label string
	input fyne.CanvasObject
	focus fyne.Focusable // what "go to" focuses (nil: not focusable)
	load  func(a addr)
	note  *widget.Label     // the field's problems
	glow  *canvas.Rectangle // highlight after "go to"
	box   fyne.CanvasObject
}

func newBinder(u *UI, sel func() (addr, bool), path func(addr) string) *binder {
	b := &binder{u: u, sel: sel, path: path}
	b.other = problemLabel()
	return b
}

func problemLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	l.Hide()
	return l
}

// add registers a field built by one of the constructors below.
func (b *binder) add(label, key string, input fyne.CanvasObject, focus fyne.Focusable, load func(addr)) *field {
	f := &field{key: key, label: label, input: input, focus: focus, load: load, note: problemLabel()}
	f.glow = canvas.NewRectangle(color.Transparent)
	f.glow.CornerRadius = theme.InputRadiusSize()
	f.box = container.NewStack(f.glow, container.NewVBox(input, f.note))
	b.fields = append(b.fields, f)
	return f
}

// form lays the fields out as a labelled form, with the item's other
// problems on top.
func (b *binder) form() fyne.CanvasObject {
	form := widget.NewForm()
	for _, f := range b.fields {
		form.Append(f.label, f.box)
	}
	return container.NewVBox(b.other, form)
}

// load fills every field from the selected item.
func (b *binder) load() {
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
	b.showProblems()
}

// showProblems puts each validation problem of the item beside its field;
// problems no field claims go on top of the form.
func (b *binder) showProblems() {
	a, ok := b.sel()
	if !ok {
		return
	}
	base := b.path(a)
	ps := b.u.doc.problems.At(base)
	claimed := make([]bool, len(ps))
	for _, f := range b.fields {
		var msgs []string
		level := plan.Warning
		if len(ps) > 0 {
			for i, p := range ps {
				if under(p.Path, base+"."+f.key) {
					claimed[i] = true
					msgs = append(msgs, problemText(p, base+"."+f.key))
					level = max(level, p.Level)
				}
			}
		}
		setNote(f.note, msgs, level)
	}
	var rest []string
	level := plan.Warning
	for i, p := range ps {
		if !claimed[i] {
			rest = append(rest, problemText(p, base))
			level = max(level, p.Level)
		}
	}
	setNote(b.other, rest, level)
}

// under reports whether path is p or lies inside it.
func under(path, p string) bool {
	return path == p || strings.HasPrefix(path, p+".") || strings.HasPrefix(path, p+"[")
}

// problemText renders a problem relative to the field it is shown beside.
func problemText(p plan.Problem, base string) string {
	mark := "⚠ "
	if p.Level == plan.Error {
		mark = "✖ "
	}
	if rest := strings.TrimPrefix(strings.TrimPrefix(p.Path, base), "."); rest != "" && rest != p.Path {
		return mark + rest + ": " + widgets.Shown(p.Message)
	}
	return mark + widgets.Shown(p.Message)
}

func setNote(l *widget.Label, msgs []string, level plan.Level) {
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

// focusField focuses and highlights the field a path under the item
// points at ("name", "contacts[1].value"); it reports whether one did.
func (b *binder) focusField(rest string) bool {
	var best *field
	for _, f := range b.fields {
		if under(rest, f.key) && (best == nil || len(f.key) > len(best.key)) {
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

// set records an edit of one field of the selected item.
func bindSet[V any](b *binder, key, what string, at func(addr) *V, v V, merge bool) {
	if b.loading {
		return
	}
	a, ok := b.sel()
	if !ok {
		return
	}
	old := *at(a)
	b.u.change(edit{
		Label: what,
		Path:  b.path(a) + "." + key,
		Merge: merge,
		Do:    func() { *at(a) = v },
		Undo:  func() { *at(a) = old },
	})
}

// option is one choice of a select: the value stored and the text shown.
type option struct{ value, label string }

// optionLabels returns the labels, clipped to fit a check box beside a
// form and made unique by adding the value where two options show the
// same label (two roles with the same name).
func optionLabels(opts []option) []string {
	count := map[string]int{}
	for _, o := range opts {
		count[widgets.Clip(o.label, widgets.ShortRunes)]++
	}
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = widgets.Clip(o.label, widgets.ShortRunes)
		if count[out[i]] > 1 || o.label == "" {
			out[i] = fmt.Sprintf("%s (%s)", out[i], o.value)
		}
	}
	return out
}

// enumOptions turns a fixed vocabulary into options.
func enumOptions[E ~string](values []E) []option {
	out := make([]option, len(values))
	for i, v := range values {
		out[i] = option{string(v), strings.ReplaceAll(string(v), "-", " ")}
	}
	return out
}

// Options for references to the plan's own items, read afresh each time a
// form loads so new and renamed items appear.

// optionsOf maps a plan list to options.
func optionsOf[T any](items []T, f func(T) option) []option {
	out := make([]option, len(items))
	for i, it := range items {
		out[i] = f(it)
	}
	return out
}

func roleOptions(ws *plan.Workspace) []option {
	return optionsOf(ws.Roles, func(r plan.Role) option { return option{r.ID, widgets.OrDash(r.Name)} })
}

func personOptions(ws *plan.Workspace) []option {
	return optionsOf(ws.People, func(p plan.Person) option { return option{p.ID, widgets.OrDash(p.Name)} })
}

func typeOptions(ws *plan.Workspace) []option {
	return optionsOf(ws.IncidentTypes, func(t plan.IncidentType) option { return option{t.ID, widgets.OrDash(t.Name)} })
}

func playbookOptions(ws *plan.Workspace) []option {
	return optionsOf(ws.Playbooks, func(p plan.Playbook) option { return option{p.ID, widgets.OrDash(p.Title)} })
}

func stakeholderOptions(ws *plan.Workspace) []option {
	return optionsOf(ws.Stakeholders, func(s plan.Stakeholder) option { return option{s.ID, widgets.OrDash(s.Name)} })
}

func severityOptions(ws *plan.Workspace) []option {
	return optionsOf(ws.Severities, func(s plan.Severity) option {
		return option{fmt.Sprint(s.Level), fmt.Sprintf("%d %s", s.Level, s.Name)}
	})
}
