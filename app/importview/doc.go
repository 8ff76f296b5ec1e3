// Package importview is the GUI of File → Import… and the rota and
// improvement-plan exports: it picks files with the picker seam, parses
// and merges them in the background (package interchange), shows the
// preview — added, changed old -> new, left alone, unmatched members and
// the week grid with its holes — and applies it as one undoable Change.
// Cancel, or a file that fails to parse, changes nothing.
package importview
