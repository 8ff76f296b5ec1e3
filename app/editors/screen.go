package editors

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"drillbook/app/form"
	"drillbook/app/host"
)

// screen is a screen of editor parts, one tab each. Only the tab shown is
// refreshed, so an edit costs what the visible editor costs.
type screen struct {
	name  string
	ic    fyne.Resource
	names []string
	parts []form.Part
	tabs  *container.AppTabs
	root  fyne.CanvasObject
}

func newScreen(name string, icon fyne.Resource, names []string, parts []form.Part) *screen {
	s := &screen{name: name, ic: icon, names: names, parts: parts}
	if len(parts) == 1 {
		s.root = parts[0].Object()
		return s
	}
	s.tabs = container.NewAppTabs()
	for i, p := range parts {
		s.tabs.Append(container.NewTabItem(names[i], p.Object()))
	}
	s.tabs.OnSelected = func(*container.TabItem) { s.current().Refresh() }
	s.root = s.tabs
	return s
}

func (s *screen) Title() string             { return s.name }
func (s *screen) Icon() fyne.Resource       { return s.ic }
func (s *screen) Object() fyne.CanvasObject { return s.root }

func (s *screen) current() form.Part {
	if s.tabs == nil {
		return s.parts[0]
	}
	return s.parts[max(s.tabs.SelectedIndex(), 0)]
}

func (s *screen) Refresh()              { s.current().Refresh() }
func (s *screen) AfterEdit(path string) { s.current().AfterEdit(path) }

func (s *screen) CanShow(path string) bool {
	return slices.ContainsFunc(s.parts, func(p form.Part) bool { return p.CanShow(path) })
}

// ShowPath selects the tab that shows path, then the item and field.
func (s *screen) ShowPath(path string) {
	for i, p := range s.parts {
		if !p.CanShow(path) {
			continue
		}
		if s.tabs != nil && s.tabs.SelectedIndex() != i {
			s.tabs.SelectIndex(i) // refreshes the part
		}
		p.ShowPath(path)
		return
	}
}

// selectTab shows the tab with the name (for tests).
func (s *screen) selectTab(name string) form.Part {
	i := slices.Index(s.names, name)
	if i < 0 {
		return nil
	}
	if s.tabs != nil {
		s.tabs.SelectIndex(i)
	}
	return s.parts[i]
}

// The three editor screens, one per step of the plan.

// Procedure is the screen of step 1: incident types, reporting and
// triage, severities, third parties, cover and communication.
func Procedure(h host.Host) host.Screen {
	return newScreen("Procedure", theme.DocumentIcon(),
		[]string{"Incident types", "Reporting & triage", "Severities", "Third parties", "Cover & on-call", "Communication"},
		[]form.Part{newIncidentTypesPart(h), newReportingPart(h), newSeveritiesPart(h), newThirdPartiesPart(h), newCoveragePart(h), newStakeholdersPart(h)})
}

// Roles is the screen of step 2: people, roles, responsibilities,
// escalation and reporting obligations.
func Roles(h host.Host) host.Screen {
	return newScreen("Roles & escalation", theme.AccountIcon(),
		[]string{"People", "Roles", "Responsibilities", "Escalation", "Reporting obligations"},
		[]form.Part{newPeoplePart(h), newRolesPart(h), newMatrixPart(h), newEscalationPart(h), newObligationsPart(h)})
}

// Playbooks is the screen of step 3.
func Playbooks(h host.Host) host.Screen {
	return newScreen("Playbooks", theme.FileTextIcon(), []string{"Playbooks"}, []form.Part{newPlaybooksPart(h)})
}

// NewPart builds one editor panel on its own, for a page of the guide:
// "incidentTypes", "reporting", "severities", "thirdParties", "coverage",
// "stakeholders", "matrix", "roles", "obligations", "escalation", and
// anything else the playbooks.
func NewPart(h host.Host, key string) form.Part {
	switch key {
	case "incidentTypes":
		return newIncidentTypesPart(h)
	case "reporting":
		return newReportingPart(h)
	case "severities":
		return newSeveritiesPart(h)
	case "thirdParties":
		return newThirdPartiesPart(h)
	case "coverage":
		return newCoveragePart(h)
	case "stakeholders":
		return newStakeholdersPart(h)
	case "matrix":
		return newMatrixPart(h)
	case "roles":
		return newRolesPart(h)
	case "obligations":
		return newObligationsPart(h)
	case "escalation":
		return newEscalationPart(h)
	default:
		return newPlaybooksPart(h)
	}
}
