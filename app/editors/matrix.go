package editors

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/form"
	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/plan"
)

// matrixPart is the responsibility matrix: incident types down, roles
// across, R/A/C/I in the cells. Select a cell, then a code.
type matrixPart struct {
	h     host.Host
	table *widget.Table
	cell  widget.TableCellID // selected cell, Row -1 when none
	// index maps incident type × role to a responsibilities index. It is
	// only valid for the workspace and generation it was built at: an
	// undo or another document changes the entries under it, and the
	// table may redraw before refresh runs, so every lookup goes through
	// entry, which rebuilds a stale index first.
	index    map[[2]string]int
	indexWS  *plan.Workspace
	indexGen int
	sel      *widget.Label
	buttons  []*widget.Button
	other    *widget.Label
	root     fyne.CanvasObject
}

var raciHelp = "R responsible (does the work) · A accountable (owns the outcome) · C consulted · I informed"

func newMatrixPart(h host.Host) *matrixPart {
	m := &matrixPart{h: h, cell: widget.TableCellID{Row: -1, Col: -1}}
	m.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(h.Workspace().IncidentTypes), len(h.Workspace().Roles) },
		func() fyne.CanvasObject {
			return widget.NewLabelWithStyle("R", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { m.updateCell(id, o.(*widget.Label)) },
	)
	m.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("Incident type name")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	m.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		ws := h.Workspace()
		switch {
		case id.Row < 0 && id.Col >= 0 && id.Col < len(ws.Roles):
			l.SetText(widgets.OrDash(ws.Roles[id.Col].Name))
		case id.Col < 0 && id.Row >= 0 && id.Row < len(ws.IncidentTypes):
			l.SetText(widgets.OrDash(ws.IncidentTypes[id.Row].Name))
		default:
			l.SetText("")
		}
	}
	m.table.SetColumnWidth(-1, 220)
	m.table.OnSelected = func(id widget.TableCellID) { m.cell = id; m.showSelection() }
	m.sel = widget.NewLabel("")
	m.sel.Truncation = fyne.TextTruncateEllipsis
	bar := container.NewHBox()
	for _, c := range []plan.RACI{plan.Responsible, plan.Accountable, plan.Consulted, plan.Informed, ""} {
		label := string(c)
		if c == "" {
			label = "Clear"
		}
		b := widget.NewButton(label, func() {
			if m.cell.Row >= 0 {
				m.set(m.cell.Row, m.cell.Col, c)
			}
		})
		m.buttons = append(m.buttons, b)
		bar.Add(b)
	}
	m.other = form.ProblemLabel()
	help := widget.NewLabel(raciHelp)
	help.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(help, container.NewBorder(nil, nil, bar, nil, m.sel), m.other)
	m.root = container.NewBorder(top, nil, nil, nil, m.table)
	return m
}

func (m *matrixPart) Object() fyne.CanvasObject { return m.root }

func (m *matrixPart) reindex() {
	ws := m.h.Workspace()
	m.indexWS, m.indexGen = m.h.Workspace(), m.h.Generation()
	m.index = make(map[[2]string]int, len(ws.Responsibilities))
	for i, r := range ws.Responsibilities {
		k := [2]string{r.IncidentType, r.Role}
		if _, dup := m.index[k]; !dup {
			m.index[k] = i
		}
	}
}

func (m *matrixPart) Refresh() {
	m.reindex()
	ws := m.h.Workspace()
	for c := range ws.Roles {
		m.table.SetColumnWidth(c, max(90, min(180, float32(len(ws.Roles[c].Name))*9+24)))
	}
	m.table.Refresh()
	m.showSelection()
	m.showProblems()
}

func (m *matrixPart) AfterEdit(string) {
	m.reindex()
	m.table.Refresh()
	m.showSelection()
	m.showProblems()
}

// showProblems lists matrix problems that no cell can show (entries for
// unknown types or roles, two entries for one cell).
func (m *matrixPart) showProblems() {
	var msgs []string
	level := plan.Warning
	for _, p := range m.h.Problems().At("responsibilities") {
		msgs = append(msgs, form.ProblemText(p))
		level = max(level, p.Level)
	}
	form.SetNote(m.other, msgs, level)
}

func (m *matrixPart) key(row, col int) ([2]string, bool) {
	ws := m.h.Workspace()
	if row < 0 || col < 0 || row >= len(ws.IncidentTypes) || col >= len(ws.Roles) {
		return [2]string{}, false
	}
	return [2]string{ws.IncidentTypes[row].ID, ws.Roles[col].ID}, true
}

// entry returns the responsibilities index for a cell's key, rebuilding
// the index first if the plan changed since it was built.
func (m *matrixPart) entry(k [2]string) (int, bool) {
	if m.index == nil || m.indexWS != m.h.Workspace() || m.indexGen != m.h.Generation() {
		m.reindex()
	}
	i, ok := m.index[k]
	return i, ok && i < len(m.h.Workspace().Responsibilities)
}

// code returns the R/A/C/I in a cell ("" when none).
func (m *matrixPart) code(row, col int) plan.RACI {
	k, ok := m.key(row, col)
	if !ok {
		return ""
	}
	if i, ok := m.entry(k); ok {
		return m.h.Workspace().Responsibilities[i].RACI
	}
	return ""
}

func (m *matrixPart) updateCell(id widget.TableCellID, l *widget.Label) {
	text := string(m.code(id.Row, id.Col))
	l.Importance = widget.MediumImportance
	if k, ok := m.key(id.Row, id.Col); ok {
		if i, ok := m.entry(k); ok {
			if lvl, has := m.h.ProblemLevel(plan.Root("responsibilities").Index(i).String()); has {
				text += " ⚠"
				l.Importance = widget.WarningImportance
				if lvl == plan.Error {
					l.Importance = widget.DangerImportance
				}
			}
		}
	}
	if text == "" {
		text = "·"
		l.Importance = widget.LowImportance
	}
	l.SetText(text)
}

func (m *matrixPart) showSelection() {
	ws := m.h.Workspace()
	ok := m.cell.Row >= 0 && m.cell.Row < len(ws.IncidentTypes) && m.cell.Col >= 0 && m.cell.Col < len(ws.Roles)
	for _, b := range m.buttons {
		widgets.Enable(b, ok)
	}
	if !ok {
		m.sel.SetText("Select a cell, then a code.")
		return
	}
	code := string(m.code(m.cell.Row, m.cell.Col))
	if code == "" {
		code = "none"
	}
	m.sel.SetText(fmt.Sprintf("%s × %s: %s", widgets.OrDash(ws.IncidentTypes[m.cell.Row].Name), widgets.OrDash(ws.Roles[m.cell.Col].Name), code))
}

// set gives role col the code for incident type row ("" removes it).
func (m *matrixPart) set(row, col int, c plan.RACI) {
	k, ok := m.key(row, col)
	if !ok {
		return
	}
	ws := m.h.Workspace()
	rs := func() *[]plan.Responsibility { return &m.h.Workspace().Responsibilities }
	i, exists := m.entry(k)
	switch {
	case !exists && c == "":
		return
	case !exists:
		n := len(ws.Responsibilities)
		entry := plan.Responsibility{IncidentType: k[0], Role: k[1], RACI: c}
		m.h.Change(host.Edit{Label: "set " + string(c), Path: plan.Root("responsibilities").Index(n).String(),
			Do:   func() { *rs() = append(*rs(), entry) },
			Undo: func() { *rs() = (*rs())[:len(*rs())-1] }})
	case c == "":
		old := ws.Responsibilities[i]
		m.h.Change(host.Edit{Label: "clear responsibility", Path: plan.Root("responsibilities").Index(i).String(),
			Do:   func() { *rs() = slices.Delete(*rs(), i, i+1) },
			Undo: func() { *rs() = slices.Insert(*rs(), i, old) }})
	default:
		old := ws.Responsibilities[i].RACI
		m.h.Change(host.Edit{Label: "set " + string(c), Path: plan.Root("responsibilities").At(i, "raci").String(),
			Do:   func() { (*rs())[i].RACI = c },
			Undo: func() { (*rs())[i].RACI = old }})
	}
}

func (m *matrixPart) CanShow(path string) bool { return plan.Within(path, "responsibilities") }

// showPath selects the cell of a responsibilities entry.
func (m *matrixPart) ShowPath(path string) {
	i, _, ok := plan.CutIndex(path, "responsibilities")
	ws := m.h.Workspace()
	if !ok || i >= len(ws.Responsibilities) {
		return
	}
	r := ws.Responsibilities[i]
	row := slices.IndexFunc(ws.IncidentTypes, func(t plan.IncidentType) bool { return t.ID == r.IncidentType })
	col := slices.IndexFunc(ws.Roles, func(x plan.Role) bool { return x.ID == r.Role })
	if row < 0 || col < 0 {
		return // shown in the problems above the table
	}
	id := widget.TableCellID{Row: row, Col: col}
	m.table.Select(id)
	m.table.ScrollTo(id)
}
