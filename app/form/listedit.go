package form

import (
	"encoding/json"
	"fmt"
	"slices"

	"fyne.io/fyne/v2/dialog"

	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/plan"
)

// The list's structural edits: add, duplicate, delete and move, each one
// undoable change.

// makers turns the spec into the functions Add and Duplicate use, naming
// named items the one way every list does.
func (s ListSpec[T]) makers() (newItem func(*plan.Workspace, int) T, copyOf func(*plan.Workspace, int, T) T) {
	newItem = func(ws *plan.Workspace, parent int) T {
		var t T
		if s.New != nil {
			t = s.New(ws, parent)
		}
		return t
	}
	copyOf = s.Copy
	if s.Named == nil {
		return newItem, copyOf
	}
	plain := newItem
	newItem = func(ws *plan.Workspace, parent int) T {
		t := plain(ws, parent)
		id, name := s.Named(&t)
		*id = ws.UniqueID(s.Base, s.NewName)
		if *name == "" {
			*name = s.NewName
		}
		return t
	}
	copyOf = func(ws *plan.Workspace, parent int, t T) T {
		id, name := s.Named(&t)
		*name += " (copy)"
		*id = ws.UniqueID(s.Base, *name)
		if s.Copy != nil {
			t = s.Copy(ws, parent, t)
		}
		return t
	}
	return newItem, copyOf
}

func (e *List[T]) add() {
	p, ok := e.spec.Parent()
	if !ok {
		return
	}
	item := e.newItem(e.h.Workspace(), p)
	e.madeID(&item)
	i := len(*e.spec.Slice(p))
	e.h.Change(host.Edit{Label: "add " + e.spec.Noun, Path: e.itemPath(p, i),
		Do:   func() { s := e.spec.Slice(p); *s = append(*s, item) },
		Undo: func() { s := e.spec.Slice(p); *s = (*s)[:len(*s)-1] },
	})
	if e.filter != nil {
		e.filter.SetText("")
	}
	e.SelectIndex(i)
	e.b.holdAll()
	e.b.focusFirst()
}

func (e *List[T]) duplicate() {
	a, ok := e.Selected()
	if !ok || e.copyOf == nil {
		return
	}
	c := e.copyOf(e.h.Workspace(), a.Parent, deepCopy((*e.spec.Slice(a.Parent))[a.Index]))
	e.madeID(&c)
	at := a.Index + 1
	e.h.Change(host.Edit{Label: "duplicate " + e.spec.Noun, Path: e.itemPath(a.Parent, at),
		Do:   func() { s := e.spec.Slice(a.Parent); *s = slices.Insert(*s, at, c) },
		Undo: func() { s := e.spec.Slice(a.Parent); *s = slices.Delete(*s, at, at+1) },
	})
	e.SelectIndex(at)
}

// madeID notes the ID of an item the editor made, which then follows the
// item's name (autoid.go).
func (e *List[T]) madeID(t *T) {
	if e.spec.Named != nil {
		id, _ := e.spec.Named(t)
		e.autoIDs[*id] = true
	}
}

func (e *List[T]) confirmDelete() {
	a, ok := e.Selected()
	if !ok {
		return
	}
	name := widgets.Clip(e.spec.Row(&(*e.spec.Slice(a.Parent))[a.Index]), widgets.ShortRunes*2)
	msg := fmt.Sprintf("Delete the %s “%s”?\nAnything that refers to it will be listed as a problem to fix.\nYou can undo this with Ctrl+Z.", e.spec.Noun, name)
	dialog.ShowConfirm("Delete "+e.spec.Noun, msg, func(yes bool) {
		if yes {
			e.deleteAt(a)
		}
	}, e.h.Window())
}

func (e *List[T]) deleteAt(a Addr) {
	old := (*e.spec.Slice(a.Parent))[a.Index]
	e.h.Change(host.Edit{Label: "delete " + e.spec.Noun, Path: e.itemPath(a.Parent, a.Index),
		Do:   func() { s := e.spec.Slice(a.Parent); *s = slices.Delete(*s, a.Index, a.Index+1) },
		Undo: func() { s := e.spec.Slice(a.Parent); *s = slices.Insert(*s, a.Index, old) },
	})
	n := len(*e.spec.Slice(a.Parent))
	e.SelectIndex(min(a.Index, n-1))
}

func (e *List[T]) move(by int) {
	a, ok := e.Selected()
	if !ok {
		return
	}
	i, j := a.Index, a.Index+by
	if j < 0 || j >= len(*e.spec.Slice(a.Parent)) {
		return
	}
	swap := func() { s := *e.spec.Slice(a.Parent); s[i], s[j] = s[j], s[i] }
	e.h.Change(host.Edit{Label: "move " + e.spec.Noun, Path: e.itemPath(a.Parent, j), Do: swap, Undo: swap})
	e.SelectIndex(j)
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
