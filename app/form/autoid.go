package form

import (
	"drillbook/plan"
)

// A new item's ID follows its name until the ID is set by hand or
// something in the plan refers to it: "New person" renamed "Alex Smith"
// becomes alex-smith rather than keeping new-person for good. Items from
// a file keep their IDs, since scenarios and other plans may use them.

// followName is the Binder's follow hook for named lists: called before a
// field of the item at a changes, it returns what runs after, which moves
// the ID along with the name and returns how to put the ID back.
func (e *List[T]) followName(a Addr) func() func() {
	item := func() *T { return &(*e.spec.Slice(a.Parent))[a.Index] }
	id, name := e.spec.Named(item())
	oldID, oldName := *id, *name
	return func() func() {
		id, name := e.spec.Named(item())
		if *id != oldID {
			// The ID itself was edited: it is the user's from now on.
			delete(e.autoIDs, oldID)
			delete(e.autoIDs, *id)
			return nil
		}
		if *name == oldName || !e.autoIDs[oldID] || e.h.Workspace().Referenced(oldID) {
			return nil
		}
		*id = "" // so the item's own ID does not count as taken
		next := e.h.Workspace().UniqueID(e.spec.Base, *name)
		if !plan.ValidID(next) {
			next = oldID // a name with nothing to make an ID from
		}
		*id = next
		e.autoIDs[next] = true
		return func() {
			id, _ := e.spec.Named(item())
			*id = oldID
		}
	}
}
