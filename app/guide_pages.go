package app

import (
	"slices"

	"drillbook/plan"
)

// guidePage says which editor a guide question is answered in and which
// starting point it offers. Questions about the same part of the plan
// share one editor (incident types and their criteria; the roles for
// comms and the incident manager).
type guidePage struct {
	part     string // key of the shared editor
	defaults plan.DefaultKind
	offer    string // the defaults button's text
}

var guidePages = map[string]guidePage{
	"incident-types":        {"incidentTypes", plan.DefaultsIncidentTypes, "Add one incident type per category"},
	"criteria":              {"incidentTypes", "", ""},
	"reporting":             {"reporting", "", ""},
	"severities":            {"severities", plan.DefaultsSeverities, "Add a four-level scale with typical targets"},
	"third-parties":         {"thirdParties", plan.DefaultsThirdParties, "Add common suppliers (cloud, database, DNS, CDN, email, SMS)"},
	"coverage":              {"coverage", "", ""},
	"communication":         {"stakeholders", plan.DefaultsStakeholders, "Add a basic communication plan"},
	"responders":            {"matrix", plan.DefaultsRoles, "Add the core incident-response roles"},
	"on-call-members":       {"coverage", "", ""},
	"comms":                 {"roles", plan.DefaultsRoles, "Add the core incident-response roles"},
	"incident-manager":      {"roles", plan.DefaultsRoles, "Add the core incident-response roles"},
	"triage":                {"reporting", plan.DefaultsRoles, "Add the core incident-response roles"},
	"reporting-obligations": {"obligations", "", ""},
	"escalation":            {"escalation", "", ""},
	"playbooks":             {"playbooks", "", ""},
	"upkeep":                {"playbooks", "", ""},
}

// newGuidePart builds the editor for a page; the guide keeps one per key.
func newGuidePart(u *UI, key string) part {
	switch key {
	case "incidentTypes":
		return newIncidentTypesPart(u)
	case "reporting":
		return newReportingPart(u)
	case "severities":
		return newSeveritiesPart(u)
	case "thirdParties":
		return newThirdPartiesPart(u)
	case "coverage":
		return newCoveragePart(u)
	case "stakeholders":
		return newStakeholdersPart(u)
	case "matrix":
		return newMatrixPart(u)
	case "roles":
		return newRolesPart(u)
	case "obligations":
		return newObligationsPart(u)
	case "escalation":
		return newEscalationPart(u)
	default:
		return newPlaybooksPart(u)
	}
}

// applyDefaults adds the starting points of one kind that the plan lacks
// (plan.ApplyDefaults decides what is missing) as one undoable edit, and
// returns how many items were added.
func (u *UI) applyDefaults(kind plan.DefaultKind) (int, error) {
	switch kind {
	case plan.DefaultsSeverities:
		return applyDefaultsTo(u, kind, func(ws *plan.Workspace) *[]plan.Severity { return &ws.Severities })
	case plan.DefaultsIncidentTypes:
		return applyDefaultsTo(u, kind, func(ws *plan.Workspace) *[]plan.IncidentType { return &ws.IncidentTypes })
	case plan.DefaultsThirdParties:
		return applyDefaultsTo(u, kind, func(ws *plan.Workspace) *[]plan.ThirdParty { return &ws.ThirdParties })
	case plan.DefaultsStakeholders:
		return applyDefaultsTo(u, kind, func(ws *plan.Workspace) *[]plan.Stakeholder { return &ws.Stakeholders })
	default:
		return applyDefaultsTo(u, kind, func(ws *plan.Workspace) *[]plan.Role { return &ws.Roles })
	}
}

// applyDefaultsTo runs plan.ApplyDefaults, then turns its effect on the
// one list it changes into an edit that swaps the whole list, so undo
// restores exactly what was there (ApplyDefaults may also sort it).
func applyDefaultsTo[T any](u *UI, kind plan.DefaultKind, list func(*plan.Workspace) *[]T) (int, error) {
	ws := u.doc.ws
	before := slices.Clone(*list(ws))
	n, err := ws.ApplyDefaults(kind)
	after := *list(ws)
	*list(ws) = before
	if err != nil || n == 0 {
		return n, err
	}
	u.change(edit{Label: "add starting points", Path: string(kind),
		Do:   func() { *list(u.doc.ws) = after },
		Undo: func() { *list(u.doc.ws) = before }})
	return n, nil
}
