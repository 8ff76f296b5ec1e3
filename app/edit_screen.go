package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"drillbook/plan"
)

// part is one editor panel for one part of the plan: a list + detail
// editor, a form or the responsibility matrix. The same part type is
// placed in the editor screens and on the guide's pages.
type part interface {
	object() fyne.CanvasObject
	// refresh reloads everything from the document.
	refresh()
	// edited updates after an edit without reloading the field being
	// typed in: list rows, problem notes, previews.
	edited(path string)
	canShow(path string) bool
	showPath(path string)
}

// editorScreen is a screen of editor parts, one tab each. Only the tab
// shown is refreshed, so an edit costs what the visible editor costs.
type editorScreen struct {
	u     *UI
	name  string
	ic    fyne.Resource
	names []string
	parts []part
	tabs  *container.AppTabs
	root  fyne.CanvasObject
}

func newEditorScreen(u *UI, name string, icon fyne.Resource, names []string, parts []part) *editorScreen {
	s := &editorScreen{u: u, name: name, ic: icon, names: names, parts: parts}
	if len(parts) == 1 {
		s.root = parts[0].object()
		return s
	}
	s.tabs = container.NewAppTabs()
	for i, p := range parts {
		s.tabs.Append(container.NewTabItem(names[i], p.object()))
	}
	s.tabs.OnSelected = func(*container.TabItem) { s.current().refresh() }
	s.root = s.tabs
	return s
}

func (s *editorScreen) title() string             { return s.name }
func (s *editorScreen) icon() fyne.Resource       { return s.ic }
func (s *editorScreen) object() fyne.CanvasObject { return s.root }

func (s *editorScreen) current() part {
	if s.tabs == nil {
		return s.parts[0]
	}
	return s.parts[max(s.tabs.SelectedIndex(), 0)]
}

func (s *editorScreen) refresh()           { s.current().refresh() }
func (s *editorScreen) edited(path string) { s.current().edited(path) }

func (s *editorScreen) canShow(path string) bool {
	for _, p := range s.parts {
		if p.canShow(path) {
			return true
		}
	}
	return false
}

// showPath selects the tab that shows path, then the item and field.
func (s *editorScreen) showPath(path string) {
	for i, p := range s.parts {
		if !p.canShow(path) {
			continue
		}
		if s.tabs != nil && s.tabs.SelectedIndex() != i {
			s.tabs.SelectIndex(i) // refreshes the part
		}
		p.showPath(path)
		return
	}
}

// selectTab shows the tab with the name (for the guide and tests).
func (s *editorScreen) selectTab(name string) part {
	for i, n := range s.names {
		if n == name {
			if s.tabs != nil {
				s.tabs.SelectIndex(i)
			}
			return s.parts[i]
		}
	}
	return nil
}

// The three editor screens, one per step of the plan.

func newProcedureScreen(u *UI) *editorScreen {
	return newEditorScreen(u, "Procedure", theme.DocumentIcon(),
		[]string{"Incident types", "Reporting & triage", "Severities", "Third parties", "Cover & on-call", "Communication"},
		[]part{newIncidentTypesPart(u), newReportingPart(u), newSeveritiesPart(u), newThirdPartiesPart(u), newCoveragePart(u), newStakeholdersPart(u)})
}

func newRolesScreen(u *UI) *editorScreen {
	return newEditorScreen(u, "Roles & escalation", theme.AccountIcon(),
		[]string{"People", "Roles", "Responsibilities", "Escalation", "Reporting obligations"},
		[]part{newPeoplePart(u), newRolesPart(u), newMatrixPart(u), newEscalationPart(u), newObligationsPart(u)})
}

func newPlaybooksScreen(u *UI) *editorScreen {
	return newEditorScreen(u, "Playbooks", theme.FileTextIcon(), []string{"Playbooks"}, []part{newPlaybooksPart(u)})
}

// itemProblemLevel reports the worst problem of an item ("people[3]",
// "playbooks[2].steps[4]") for the list's row icons. The index is built
// once per validation, so drawing rows never scans the problem list.
func (u *UI) itemProblemLevel(itemPath string) (plan.Level, bool) {
	if u.problemIdx == nil {
		u.problemIdx = map[string]plan.Level{}
		for _, p := range u.doc.problems {
			// Every prefix ending in "]" is an item holding the problem.
			for i := 0; i < len(p.Path); i++ {
				if p.Path[i] != ']' {
					continue
				}
				k := p.Path[:i+1]
				if l, ok := u.problemIdx[k]; !ok || p.Level > l {
					u.problemIdx[k] = p.Level
				}
			}
		}
	}
	l, ok := u.problemIdx[itemPath]
	return l, ok
}

// revalidate validates the document and forgets the problem index.
func (u *UI) revalidate() {
	u.doc.revalidate()
	u.problemIdx = nil
}

// today is the editor's date (review due dates, revisions): the app
// clock's day.
func (u *UI) today() plan.Date { return plan.DateOf(u.clock.Now()) }
