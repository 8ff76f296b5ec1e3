package guideview

import (
	"slices"

	"drillbook/app/host"
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

// applyDefaults adds the starting points of one kind that the plan lacks
// (plan.ApplyDefaults decides what is missing) as one undoable edit, and
// returns how many items were added.
func applyDefaults(h host.Host, kind plan.DefaultKind) (int, error) {
	switch kind {
	case plan.DefaultsSeverities:
		return applyDefaultsTo(h, kind, func(ws *plan.Workspace) *[]plan.Severity { return &ws.Severities })
	case plan.DefaultsIncidentTypes:
		return applyDefaultsTo(h, kind, func(ws *plan.Workspace) *[]plan.IncidentType { return &ws.IncidentTypes })
	case plan.DefaultsThirdParties:
		return applyDefaultsTo(h, kind, func(ws *plan.Workspace) *[]plan.ThirdParty { return &ws.ThirdParties })
	case plan.DefaultsStakeholders:
		return applyDefaultsTo(h, kind, func(ws *plan.Workspace) *[]plan.Stakeholder { return &ws.Stakeholders })
	default:
		return applyDefaultsTo(h, kind, func(ws *plan.Workspace) *[]plan.Role { return &ws.Roles })
	}
}

// applyDefaultsTo runs plan.ApplyDefaults, then turns its effect on the
// one list it changes into an edit that swaps the whole list, so undo
// restores exactly what was there (ApplyDefaults may also sort it).
func applyDefaultsTo[T any](h host.Host, kind plan.DefaultKind, list func(*plan.Workspace) *[]T) (int, error) {
	ws := h.Workspace()
	before := slices.Clone(*list(ws))
	n, err := ws.ApplyDefaults(kind)
	after := *list(ws)
	*list(ws) = before
	if err != nil || n == 0 {
		return n, err
	}
	h.Change(host.Edit{Label: "add starting points", Path: string(kind),
		Do:   func() { *list(h.Workspace()) = after },
		Undo: func() { *list(h.Workspace()) = before }})
	return n, nil
}

// startHere opens the guide on a plan that answers nothing yet.
const startHere = "Start here: answer the questions in order. Each page edits the plan itself; the button at the bottom adds typical starting points to adapt."

// stepShort names the steps on the progress bars, short enough for three
// bars side by side at 1280 px in presentation mode.
var stepShort = [len(plan.StepNames)]string{"Procedure", "Roles & escalation", "Playbooks"}
