package form

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/plan"
)

// List is the list + detail editor used for every list in the plan: a
// filterable list on the left; add, duplicate, delete (confirmed) and,
// where order matters, move up and down; the selected item's form on the
// right. Structural edits go through Host.Change like field edits
// (listedit.go).
type List[T any] struct {
	h    host.Host
	spec ListSpec[T]
	// newItem and copyOf make what Add and Duplicate insert (copyOf nil:
	// no Duplicate); see ListSpec.Named.
	newItem  func(ws *plan.Workspace, parent int) T
	copyOf   func(ws *plan.Workspace, parent int, t T) T
	onSelect func() // after the selection changed and the form loaded
	// autoIDs are the IDs this editor made for new items (autoid.go).
	autoIDs map[string]bool

	cur    int   // selected index in the slice, -1 for none
	shown  []int // slice indices in list order
	filter *widget.Entry
	list   *widgets.KeyList
	b      *Binder
	empty  *widget.Label
	detail *fyne.Container

	addBtn, dupBtn, delBtn, upBtn, downBtn *widget.Button
	tools                                  *fyne.Container
	note                                   *widget.Label // problems of the list as a whole
	root                                   fyne.CanvasObject
}

// ListSpec configures a List.
type ListSpec[T any] struct {
	Noun string // "person", shown in buttons and undo labels
	Base string // the list's path segment: "people", "steps"
	// ParentPath is the path of the parent item (nil for top-level
	// lists); Parent says which parent item is selected (nil: always 0).
	ParentPath func(parent int) string
	Parent     func() (int, bool)
	Slice      func(parent int) *[]T
	Row        func(*T) string
	Sub        func(*T) (string, widget.Importance) // optional second line of a row
	Keep       func(*T) bool                        // extra filter, nil keeps all

	// New makes the item Add inserts (nil: the zero item); Copy makes
	// the item Duplicate inserts from a deep copy of the selected one.
	New  func(ws *plan.Workspace, parent int) T
	Copy func(ws *plan.Workspace, parent int, t T) T
	// Named, for items with an ID and a name, says where they are. A new
	// item then gets an ID made from NewName, and NewName as its name
	// unless New gave it one; a copy gets " (copy)" after its name and an
	// ID made from that. Named items can always be duplicated (Copy, if
	// set, adjusts the copy further).
	Named   func(*T) (id, name *string)
	NewName string

	Reorder    bool
	Filterable bool
}

// NewList builds the list editor; bind the form's fields with Binder,
// then call Finish (or lay the panes out with ListPane and DetailPane).
func NewList[T any](h host.Host, s ListSpec[T]) *List[T] {
	e := &List[T]{h: h, spec: s, cur: -1}
	if e.spec.ParentPath == nil {
		e.spec.ParentPath = func(int) string { return "" }
	}
	if e.spec.Parent == nil {
		e.spec.Parent = func() (int, bool) { return 0, true }
	}
	e.newItem, e.copyOf = s.makers()
	e.b = NewBinder(h, e.Selected, func(a Addr) string { return e.itemPath(a.Parent, a.Index) })
	if s.Named != nil {
		e.autoIDs = map[string]bool{}
		e.b.follow = e.followName
	}
	e.list = widgets.NewKeyList(
		func() int { return len(e.shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("item")
			l.Truncation = fyne.TextTruncateEllipsis
			var body fyne.CanvasObject = l
			if e.spec.Sub != nil {
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
	if s.Reorder {
		e.tools.Add(e.upBtn)
		e.tools.Add(e.downBtn)
	}
	if s.Filterable {
		e.filter = widget.NewEntry()
		e.filter.SetPlaceHolder("Filter " + listWords(s.Base) + "…")
		e.filter.OnChanged = func(string) { e.refreshList() }
	}
	e.note = ProblemLabel()
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

// Binder binds the selected item's form.
func (e *List[T]) Binder() *Binder { return e.b }

// Finish builds the detail form once every field is bound; the editor's
// default layout is the list beside the form.
func (e *List[T]) Finish() {
	e.detail.Objects = []fyne.CanvasObject{container.NewVScroll(e.b.Form())}
	e.root = e.SplitView(0.32)
}

// SetDetail replaces what the detail pane shows for a selected item (by
// default the form).
func (e *List[T]) SetDetail(o fyne.CanvasObject) { e.detail.Objects = []fyne.CanvasObject{o} }

// OnSelect has f called whenever the selection changed and the form
// loaded.
func (e *List[T]) OnSelect(f func()) { e.onSelect = f }

// SetRoot sets the object the editor is shown in, for a part that lays
// its panes out itself.
func (e *List[T]) SetRoot(o fyne.CanvasObject) { e.root = o }

// Object is part of Part.
func (e *List[T]) Object() fyne.CanvasObject { return e.root }

// itemsPath is the path of the list itself: "people", "playbooks[2].steps".
func (e *List[T]) itemsPath(parent int) string {
	if pp := e.spec.ParentPath(parent); pp != "" {
		return plan.Root(pp).Field(e.spec.Base).String()
	}
	return e.spec.Base
}

// CanShow is part of Part: a top-level list shows every path under it.
func (e *List[T]) CanShow(path string) bool { return plan.Within(path, e.spec.Base) }

// ListPane is the list with its tools, for placing in a layout.
func (e *List[T]) ListPane() fyne.CanvasObject {
	top := container.NewVBox(e.note)
	if e.filter != nil {
		top.Add(e.filter)
	}
	top.Add(e.tools)
	return container.NewBorder(top, nil, nil, nil, e.list)
}

// DetailPane is the selected item's form, or a hint when none is.
func (e *List[T]) DetailPane() fyne.CanvasObject { return container.NewStack(e.empty, e.detail) }

// SplitView puts the list beside the form.
func (e *List[T]) SplitView(offset float64) fyne.CanvasObject {
	s := container.NewHSplit(e.ListPane(), e.DetailPane())
	s.Offset = offset
	return s
}

func (e *List[T]) itemPath(parent, i int) string {
	p := e.spec.Base + "[" + strconv.Itoa(i) + "]"
	if pp := e.spec.ParentPath(parent); pp != "" {
		return pp + "." + p
	}
	return p
}

// Parent is the parent item whose list is shown (0 at top level).
func (e *List[T]) Parent() (int, bool) { return e.spec.Parent() }

// Selected is the Addr of the item the form shows.
func (e *List[T]) Selected() (Addr, bool) {
	p, ok := e.spec.Parent()
	if !ok || e.cur < 0 || e.cur >= len(*e.spec.Slice(p)) {
		return Addr{}, false
	}
	return Addr{p, e.cur}, true
}

// Item returns the selected item, or nil.
func (e *List[T]) Item() *T {
	a, ok := e.Selected()
	if !ok {
		return nil
	}
	return &(*e.spec.Slice(a.Parent))[a.Index]
}

// Shown are the indices of the items the list shows, in order (filters
// hide the others).
func (e *List[T]) Shown() []int { return slices.Clone(e.shown) }

func (e *List[T]) updateRow(id int, row *fyne.Container) {
	p, ok := e.spec.Parent()
	if !ok || id >= len(e.shown) || e.shown[id] >= len(*e.spec.Slice(p)) {
		return
	}
	i := e.shown[id]
	t := &(*e.spec.Slice(p))[i]
	if e.spec.Sub == nil {
		row.Objects[0].(*widget.Label).SetText(widgets.Shown(e.spec.Row(t)))
	} else {
		lines := row.Objects[0].(*fyne.Container).Objects
		lines[0].(*widget.Label).SetText(widgets.Shown(e.spec.Row(t)))
		text, imp := e.spec.Sub(t)
		sub := lines[1].(*widget.Label)
		sub.Importance = imp
		sub.SetText(widgets.Shown(text))
	}
	icon := row.Objects[1].(*widget.Icon)
	switch lvl, has := e.h.ProblemLevel(e.itemPath(p, i)); {
	case !has:
		icon.SetResource(nil)
	case lvl == plan.Error:
		icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
	default:
		icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
	}
}

// Refresh reloads the list and the form from the plan (a selection, an
// undo, another document).
func (e *List[T]) Refresh() {
	e.refreshList()
	e.loadDetail()
	e.showListProblems()
}

// refreshList recomputes which items show, keeping the selection.
func (e *List[T]) refreshList() {
	e.shown = e.shown[:0]
	p, ok := e.spec.Parent()
	n := 0
	if ok {
		n = len(*e.spec.Slice(p))
	}
	if e.cur >= n {
		e.cur = n - 1
	}
	q := ""
	if e.filter != nil {
		q = strings.ToLower(strings.TrimSpace(e.filter.Text))
	}
	for i := 0; i < n; i++ {
		t := &(*e.spec.Slice(p))[i]
		if (q == "" || strings.Contains(strings.ToLower(e.spec.Row(t)), q)) && (e.spec.Keep == nil || e.spec.Keep(t)) {
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

func (e *List[T]) updateTools() {
	_, okParent := e.spec.Parent()
	_, okSel := e.Selected()
	widgets.Enable(e.addBtn, okParent)
	widgets.Enable(e.dupBtn, okSel && e.copyOf != nil)
	widgets.Enable(e.delBtn, okSel)
	filtered := e.filter != nil && e.filter.Text != "" || e.spec.Keep != nil
	n := 0
	if okParent {
		p, _ := e.spec.Parent()
		n = len(*e.spec.Slice(p))
	}
	widgets.Enable(e.upBtn, okSel && !filtered && e.cur > 0)
	widgets.Enable(e.downBtn, okSel && !filtered && e.cur < n-1)
}

func (e *List[T]) loadDetail() {
	_, ok := e.Selected()
	if !ok {
		e.detail.Hide()
		if _, okParent := e.spec.Parent(); okParent {
			e.empty.SetText(fmt.Sprintf("Select %s %s, or add one.", article(e.spec.Noun), e.spec.Noun))
		} else {
			e.empty.SetText("")
		}
		e.empty.Show()
	} else {
		e.empty.Hide()
		e.detail.Show()
		e.b.Load()
	}
	e.updateTools()
	if e.onSelect != nil {
		e.onSelect()
	}
}

// AfterEdit is part of Part: it updates the selected row (its name may
// have changed), the problem icons of the visible rows, the read-only
// lines (an ID that followed the name) and the form's problem notes.
// Editable field values are not reloaded, so typing is not disturbed.
func (e *List[T]) AfterEdit(string) {
	e.list.Refresh() // only the visible rows are redrawn
	e.b.reloadInfo()
	e.b.ShowProblems()
	e.showListProblems()
}

// showListProblems shows problems of the list as a whole ("levels should
// run 1…4 without gaps").
func (e *List[T]) showListProblems() {
	p, ok := e.spec.Parent()
	if !ok {
		SetNote(e.note, nil, plan.Warning)
		return
	}
	base := e.itemsPath(p)
	var msgs []string
	level := plan.Warning
	for _, pr := range e.h.Problems().At(base) {
		if pr.Path == base {
			msgs = append(msgs, ProblemText(pr))
			level = max(level, pr.Level)
		}
	}
	SetNote(e.note, msgs, level)
}

// SelectIndex selects an item by its slice index, clearing a filter that
// hides it.
func (e *List[T]) SelectIndex(i int) {
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

// ShowPath is part of Part: it selects the item a path points at
// ("people[3].name") and focuses its field.
func (e *List[T]) ShowPath(path string) {
	e.Show(path)
}

// Show is ShowPath, reporting whether the path named an item.
func (e *List[T]) Show(path string) bool {
	p, okParent := e.spec.Parent()
	if !okParent {
		return false
	}
	i, field, ok := plan.CutIndex(path, e.itemsPath(p))
	if !ok {
		return false
	}
	n := len(*e.spec.Slice(p))
	if n == 0 {
		return false
	}
	e.SelectIndex(min(i, n-1))
	if field != "" {
		e.b.FocusField(field)
	} else {
		e.b.focusFirst()
	}
	return true
}

// article is "a" or "an" for a noun.
func article(noun string) string {
	if noun != "" && strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an"
	}
	return "a"
}
