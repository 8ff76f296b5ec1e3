package app

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/widgets"
	"drillbook/plan"
)

// listEditor is the list + detail editor used for every list in the plan:
// a filterable list on the left; add, duplicate, delete (confirmed) and,
// where order matters, move up and down; the selected item's form on the
// right. Structural edits go through u.change like field edits.
type listEditor[T any] struct {
	u    *UI
	noun string // "person", shown in buttons and undo labels
	base string // the list's path segment: "people", "steps"

	// parentPath is the path of the parent item ("" for top-level lists);
	// parent says which parent item is selected (0, true at top level).
	parentPath func(parent int) string
	parent     func() (int, bool)
	slice      func(parent int) *[]T
	row        func(t *T) string
	sub        func(t *T) (string, widget.Importance) // optional second line of a row
	fresh      func(ws *plan.Workspace, parent int) T
	copyOf     func(ws *plan.Workspace, parent int, t T) T
	keep       func(t *T) bool // extra filter, nil keeps all
	onSelect   func()          // after the selection changed and the form loaded

	cur    int   // selected index in the slice, -1 for none
	shown  []int // slice indices in list order
	filter *widget.Entry
	list   *widgets.KeyList
	b      *binder
	form   fyne.CanvasObject
	empty  *widget.Label
	detail *fyne.Container

	addBtn, dupBtn, delBtn, upBtn, downBtn *widget.Button
	tools                                  *fyne.Container
	note                                   *widget.Label // problems of the list as a whole
	root                                   fyne.CanvasObject
}

// listSpec configures a listEditor.
type listSpec[T any] struct {
	noun, base string
	parentPath func(int) string
	parent     func() (int, bool)
	slice      func(parent int) *[]T
	row        func(*T) string
	sub        func(*T) (string, widget.Importance)
	fresh      func(ws *plan.Workspace, parent int) T
	copyOf     func(ws *plan.Workspace, parent int, t T) T
	reorder    bool
	filterable bool
}

func newListEditor[T any](u *UI, s listSpec[T]) *listEditor[T] {
	e := &listEditor[T]{u: u, noun: s.noun, base: s.base, parentPath: s.parentPath, parent: s.parent,
		slice: s.slice, row: s.row, sub: s.sub, fresh: s.fresh, copyOf: s.copyOf, cur: -1}
	if e.parentPath == nil {
		e.parentPath = func(int) string { return "" }
	}
	if e.parent == nil {
		e.parent = func() (int, bool) { return 0, true }
	}
	e.b = newBinder(u, e.selected, func(a addr) string { return e.itemPath(a.parent, a.index) })
	e.list = widgets.NewKeyList(
		func() int { return len(e.shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("item")
			l.Truncation = fyne.TextTruncateEllipsis
			var body fyne.CanvasObject = l
			if e.sub != nil {
				l.TextStyle.Bold = true
				s := widget.NewLabel("details")
				s.Truncation = fyne.TextTruncateEllipsis
				body = container.New(&widgets.TightVBox{}, l, s)
			}
			return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, body)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) { e.updateRow(id, o.(*fyne.Container)) },
	)
	e.list.OnSelected = func(id widget.ListItemID) {
		if id < len(e.shown) && e.shown[id] != e.cur {
			e.cur = e.shown[id]
			e.loadDetail()
		}
	}
	e.addBtn = widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), e.add)
	e.dupBtn = widget.NewButtonWithIcon("", theme.ContentCopyIcon(), e.duplicate)
	e.delBtn = widget.NewButtonWithIcon("", theme.DeleteIcon(), e.confirmDelete)
	e.upBtn = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { e.move(-1) })
	e.downBtn = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { e.move(1) })
	e.tools = container.NewHBox(e.addBtn, e.dupBtn, e.delBtn)
	if s.reorder {
		e.tools.Add(e.upBtn)
		e.tools.Add(e.downBtn)
	}
	if s.filterable {
		e.filter = widget.NewEntry()
		e.filter.SetPlaceHolder("Filter " + listWords(s.base) + "…")
		e.filter.OnChanged = func(string) { e.refreshList() }
	}
	e.note = problemLabel()
	e.empty = widget.NewLabel("")
	e.empty.Wrapping = fyne.TextWrapWord
	e.detail = container.NewStack()
	return e
}

// listWords turns a list's path segment into words: "incidentTypes" →
// "incident types".
func listWords(base string) string {
	if i := strings.LastIndexByte(base, '.'); i >= 0 {
		base = base[i+1:]
	}
	var b strings.Builder
	for _, r := range base {
		if r >= 'A' && r <= 'Z' {
			b.WriteByte(' ')
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// finish builds the detail form once every field is bound; the editor's
// default layout is the list beside the form.
func (e *listEditor[T]) finish() {
	e.form = e.b.form()
	e.detail.Objects = []fyne.CanvasObject{container.NewVScroll(e.form)}
	e.root = e.splitView(0.32)
}

func (e *listEditor[T]) object() fyne.CanvasObject { return e.root }

// itemsPath is the path of the list itself: "people", "playbooks[2].steps".
func (e *listEditor[T]) itemsPath(parent int) string {
	if pp := e.parentPath(parent); pp != "" {
		return pp + "." + e.base
	}
	return e.base
}

// canShow: a top-level list shows every path under it.
func (e *listEditor[T]) canShow(path string) bool { return under(path, e.base) }

// listPane is the list with its tools, for placing in a layout.
func (e *listEditor[T]) listPane() fyne.CanvasObject {
	top := container.NewVBox(e.note)
	if e.filter != nil {
		top.Add(e.filter)
	}
	top.Add(e.tools)
	return container.NewBorder(top, nil, nil, nil, e.list)
}

// detailPane is the selected item's form, or a hint when none is.
func (e *listEditor[T]) detailPane() fyne.CanvasObject { return container.NewStack(e.empty, e.detail) }

// splitView puts the list beside the form.
func (e *listEditor[T]) splitView(offset float64) fyne.CanvasObject {
	s := container.NewHSplit(e.listPane(), e.detailPane())
	s.Offset = offset
	return s
}

func (e *listEditor[T]) itemPath(parent, i int) string {
	p := e.base + "[" + strconv.Itoa(i) + "]"
	if pp := e.parentPath(parent); pp != "" {
		return pp + "." + p
	}
	return p
}

// selected is the addr of the item the form shows.
func (e *listEditor[T]) selected() (addr, bool) {
	p, ok := e.parent()
	if !ok || e.cur < 0 || e.cur >= len(*e.slice(p)) {
		return addr{}, false
	}
	return addr{p, e.cur}, true
}

// item returns the selected item, or nil.
func (e *listEditor[T]) item() *T {
	a, ok := e.selected()
	if !ok {
		return nil
	}
	return &(*e.slice(a.parent))[a.index]
}

func (e *listEditor[T]) updateRow(id int, row *fyne.Container) {
	p, ok := e.parent()
	if !ok || id >= len(e.shown) || e.shown[id] >= len(*e.slice(p)) {
		return
	}
	i := e.shown[id]
	t := &(*e.slice(p))[i]
	if e.sub == nil {
		row.Objects[0].(*widget.Label).SetText(widgets.Shown(e.row(t)))
	} else {
		lines := row.Objects[0].(*fyne.Container).Objects
		lines[0].(*widget.Label).SetText(widgets.Shown(e.row(t)))
		text, imp := e.sub(t)
		sub := lines[1].(*widget.Label)
		sub.Importance = imp
		sub.SetText(widgets.Shown(text))
	}
	icon := row.Objects[1].(*widget.Icon)
	switch lvl, has := e.u.itemProblemLevel(e.itemPath(p, i)); {
	case !has:
		icon.SetResource(nil)
	case lvl == plan.Error:
		icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
	default:
		icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
	}
}

// refresh reloads the list and the form from the plan (a selection, an
// undo, another document).
func (e *listEditor[T]) refresh() {
	e.refreshList()
	e.loadDetail()
	e.showListProblems()
}

// refreshList recomputes which items show, keeping the selection.
func (e *listEditor[T]) refreshList() {
	e.shown = e.shown[:0]
	p, ok := e.parent()
	n := 0
	if ok {
		n = len(*e.slice(p))
	}
	if e.cur >= n {
		e.cur = n - 1
	}
	q := ""
	if e.filter != nil {
		q = strings.ToLower(strings.TrimSpace(e.filter.Text))
	}
	for i := 0; i < n; i++ {
		t := &(*e.slice(p))[i]
		if (q == "" || strings.Contains(strings.ToLower(e.row(t)), q)) && (e.keep == nil || e.keep(t)) {
			e.shown = append(e.shown, i)
		}
	}
	// Something is always selected when there is something to show, so
	// a form is ready to type in.
	if e.cur < 0 && len(e.shown) > 0 {
		e.cur = e.shown[0]
	}
	e.list.Refresh()
	if row := slices.Index(e.shown, e.cur); row >= 0 {
		e.list.Select(row)
		if e.list.Size().Height == 0 {
			// Not laid out yet: Select scrolled as if the list had no
			// height, hiding the rows above the selection.
			e.list.ScrollToTop()
		}
	} else {
		e.list.UnselectAll()
	}
	e.updateTools()
}

func (e *listEditor[T]) updateTools() {
	_, okParent := e.parent()
	_, okSel := e.selected()
	widgets.Enable(e.addBtn, okParent)
	widgets.Enable(e.dupBtn, okSel && e.copyOf != nil)
	widgets.Enable(e.delBtn, okSel)
	filtered := e.filter != nil && e.filter.Text != "" || e.keep != nil
	n := 0
	if okParent {
		p, _ := e.parent()
		n = len(*e.slice(p))
	}
	widgets.Enable(e.upBtn, okSel && !filtered && e.cur > 0)
	widgets.Enable(e.downBtn, okSel && !filtered && e.cur < n-1)
}

func (e *listEditor[T]) loadDetail() {
	_, ok := e.selected()
	if !ok {
		e.detail.Hide()
		if _, okParent := e.parent(); okParent {
			e.empty.SetText(fmt.Sprintf("Select %s %s, or add one.", article(e.noun), e.noun))
		} else {
			e.empty.SetText("")
		}
		e.empty.Show()
	} else {
		e.empty.Hide()
		e.detail.Show()
		e.b.load()
	}
	e.updateTools()
	if e.onSelect != nil {
		e.onSelect()
	}
}

// edited updates after an edit: the selected row (its name may have
// changed), the problem icons of the visible rows and the form's problem
// notes. Field values are not reloaded, so typing is not disturbed.
func (e *listEditor[T]) edited(string) {
	e.list.Refresh() // only the visible rows are redrawn
	e.b.showProblems()
	e.showListProblems()
}

// showListProblems shows problems of the list as a whole ("levels should
// run 1…4 without gaps").
func (e *listEditor[T]) showListProblems() {
	p, ok := e.parent()
	if !ok {
		setNote(e.note, nil, plan.Warning)
		return
	}
	base := e.itemsPath(p)
	var msgs []string
	level := plan.Warning
	for _, pr := range e.u.doc.problems.At(base) {
		if pr.Path == base {
			msgs = append(msgs, problemText(pr, base))
			level = max(level, pr.Level)
		}
	}
	setNote(e.note, msgs, level)
}

// selectIndex selects an item by its slice index, clearing a filter that
// hides it.
func (e *listEditor[T]) selectIndex(i int) {
	e.cur = i
	e.refreshList()
	if slices.Index(e.shown, i) < 0 && (e.filter != nil && e.filter.Text != "") {
		e.filter.SetText("")
	}
	if row := slices.Index(e.shown, i); row >= 0 {
		e.list.ScrollTo(row)
	}
	e.loadDetail()
}

// showPath selects the item a path points at ("people[3].name") and
// focuses its field.
func (e *listEditor[T]) showPath(path string) {
	e.show(path)
}

func (e *listEditor[T]) show(path string) bool {
	p, okParent := e.parent()
	if !okParent {
		return false
	}
	i, field, ok := splitIndex(strings.TrimPrefix(path, e.itemsPath(p)))
	if !ok {
		return false
	}
	n := len(*e.slice(p))
	if n == 0 {
		return false
	}
	e.selectIndex(min(i, n-1))
	if field != "" {
		e.b.focusField(field)
	} else if len(e.b.fields) > 0 {
		e.b.focusField(e.b.fields[0].key)
	}
	return true
}

// splitIndex parses "[3].name" into 3 and "name".
func splitIndex(rest string) (int, string, bool) {
	if !strings.HasPrefix(rest, "[") {
		return 0, "", false
	}
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return 0, "", false
	}
	i, err := strconv.Atoi(rest[1:end])
	if err != nil || i < 0 {
		return 0, "", false
	}
	return i, strings.TrimPrefix(rest[end+1:], "."), true
}

func (e *listEditor[T]) add() {
	p, ok := e.parent()
	if !ok {
		return
	}
	item := e.fresh(e.u.doc.ws, p)
	i := len(*e.slice(p))
	e.u.change(edit{Label: "add " + e.noun, Path: e.itemPath(p, i),
		Do:   func() { s := e.slice(p); *s = append(*s, item) },
		Undo: func() { s := e.slice(p); *s = (*s)[:len(*s)-1] },
	})
	if e.filter != nil {
		e.filter.SetText("")
	}
	e.selectIndex(i)
	if len(e.b.fields) > 0 {
		e.b.focusField(e.b.fields[0].key)
	}
}

func (e *listEditor[T]) duplicate() {
	a, ok := e.selected()
	if !ok || e.copyOf == nil {
		return
	}
	c := e.copyOf(e.u.doc.ws, a.parent, deepCopy((*e.slice(a.parent))[a.index]))
	at := a.index + 1
	e.u.change(edit{Label: "duplicate " + e.noun, Path: e.itemPath(a.parent, at),
		Do:   func() { s := e.slice(a.parent); *s = slices.Insert(*s, at, c) },
		Undo: func() { s := e.slice(a.parent); *s = slices.Delete(*s, at, at+1) },
	})
	e.selectIndex(at)
}

func (e *listEditor[T]) confirmDelete() {
	a, ok := e.selected()
	if !ok {
		return
	}
	name := widgets.Clip(e.row(&(*e.slice(a.parent))[a.index]), widgets.ShortRunes*2)
	msg := fmt.Sprintf("Delete the %s “%s”?\nAnything that refers to it will be listed as a problem to fix.\nYou can undo this with Ctrl+Z.", e.noun, name)
	dialog.ShowConfirm("Delete "+e.noun, msg, func(yes bool) {
		if yes {
			e.deleteAt(a)
		}
	}, e.u.win)
}

func (e *listEditor[T]) deleteAt(a addr) {
	old := (*e.slice(a.parent))[a.index]
	e.u.change(edit{Label: "delete " + e.noun, Path: e.itemPath(a.parent, a.index),
		Do:   func() { s := e.slice(a.parent); *s = slices.Delete(*s, a.index, a.index+1) },
		Undo: func() { s := e.slice(a.parent); *s = slices.Insert(*s, a.index, old) },
	})
	n := len(*e.slice(a.parent))
	e.selectIndex(min(a.index, n-1))
}

func (e *listEditor[T]) move(by int) {
	a, ok := e.selected()
	if !ok {
		return
	}
	i, j := a.index, a.index+by
	if j < 0 || j >= len(*e.slice(a.parent)) {
		return
	}
	swap := func() { s := *e.slice(a.parent); s[i], s[j] = s[j], s[i] }
	e.u.change(edit{Label: "move " + e.noun, Path: e.itemPath(a.parent, j), Do: swap, Undo: swap})
	e.selectIndex(j)
}

// deepCopy copies an item through JSON, so a duplicate shares no slices
// with the original.
func deepCopy[T any](v T) T {
	var out T
	data, err := json.Marshal(v)
	if err == nil {
		err = json.Unmarshal(data, &out)
	}
	if err != nil {
		return v // plan types always round-trip; keep the original if not
	}
	return out
}

// article is "a" or "an" for a noun.
func article(noun string) string {
	if noun != "" && strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an"
	}
	return "a"
}
