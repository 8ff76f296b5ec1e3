// Package form binds the plan's fields to form widgets and edits its
// lists. A Binder ties the widgets of one item's form to its fields:
// every change goes through Host.Change (so it is undoable) and each
// field shows its validation problems beside it. A List is the list +
// detail editor used for every list in the plan, a Record the form of a
// single record (triage, cover). The plan editors (package editors) and
// the guide are built from these parts.
package form
