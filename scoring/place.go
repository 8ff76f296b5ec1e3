package scoring

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"drillbook/plan"
)

// Where a gap is, in words (Gap.Place): the plan path is the reference for
// links, and a reader is told the same place by name.

// listPlace names the item at index i of one of the plan's lists.
type listPlace struct {
	field string // the list's path, "coverage.rota.shifts"
	n     func(ws *plan.Workspace) int
	whole string // the list as a whole, "the on-call rota"
	item  func(s *state, i int) string
}

var listPlaces = []listPlace{
	{"people", func(ws *plan.Workspace) int { return len(ws.People) }, "the people in the plan", func(s *state, i int) string { p := &s.ws.People[i]; return plan.OrID(p.Name, "a person") }},
	{"roles", func(ws *plan.Workspace) int { return len(ws.Roles) }, "the roles", func(s *state, i int) string {
		return "the " + plan.OrID(s.ws.Roles[i].Name, "unnamed") + " role"
	}},
	{"thirdParties", func(ws *plan.Workspace) int { return len(ws.ThirdParties) }, "the third parties", func(s *state, i int) string {
		t := &s.ws.ThirdParties[i]
		return plan.OrID(t.Name, "a "+serviceWords(t.ServiceClass))
	}},
	{"stakeholders", func(ws *plan.Workspace) int { return len(ws.Stakeholders) }, "the communication plan", func(s *state, i int) string {
		return "the stakeholder " + plan.OrID(s.ws.Stakeholders[i].Name, "without a name")
	}},
	{"incidentTypes", func(ws *plan.Workspace) int { return len(ws.IncidentTypes) }, "the incident types", func(s *state, i int) string {
		return "the incident type " + plan.OrID(s.ws.IncidentTypes[i].Name, "without a name")
	}},
	{"severities", func(ws *plan.Workspace) int { return len(ws.Severities) }, "the severity model", func(s *state, i int) string { return sevName(&s.ws.Severities[i]) }},
	{"escalationRules", func(ws *plan.Workspace) int { return len(ws.EscalationRules) }, "the escalation rules", func(s *state, i int) string {
		r := &s.ws.EscalationRules[i]
		return "the escalation rule " + plan.OrID(quoted(r.Name), "to "+s.roleName(r.EscalateTo))
	}},
	{"reportingObligations", func(ws *plan.Workspace) int { return len(ws.ReportingObligations) }, "the reporting obligations", func(s *state, i int) string {
		return "the obligation to " + plan.OrID(s.ws.ReportingObligations[i].Body, "an unnamed body")
	}},
	{"playbooks", func(ws *plan.Workspace) int { return len(ws.Playbooks) }, "the playbooks", func(s *state, i int) string {
		return "the playbook " + plan.OrID(quoted(s.ws.Playbooks[i].Title), "without a title")
	}},
	{"responsibilities", func(ws *plan.Workspace) int { return len(ws.Responsibilities) }, "the responsibilities", func(s *state, i int) string {
		r := &s.ws.Responsibilities[i]
		return "the " + s.roleName(r.Role) + " role for " + s.typeName(r.IncidentType)
	}},
	{"runs", func(ws *plan.Workspace) int { return len(ws.Runs) }, "the exercise record", func(s *state, i int) string { return "the exercise " + runTitle(&s.ws.Runs[i]) }},
	{"actions", func(ws *plan.Workspace) int { return len(ws.Actions) }, "the improvement plan", func(s *state, i int) string { return actionName(&s.ws.Actions[i]) }},
	{"coverage.rota.shifts", func(ws *plan.Workspace) int { return len(ws.Coverage.Rota.Shifts) }, "the on-call rota", func(s *state, i int) string {
		return "the " + plan.OrID(s.ws.Coverage.Rota.Shifts[i].Name, "unnamed") + " shift"
	}},
	{"reporting.channels", func(ws *plan.Workspace) int { return len(ws.Reporting.Channels) }, "the reporting routes", func(s *state, i int) string {
		c := &s.ws.Reporting.Channels[i]
		return "the reporting route " + plan.OrID(c.Name, c.Address)
	}},
	{"organisation.regimes", func(ws *plan.Workspace) int { return len(ws.Organisation.Regimes) }, "the regimes the organisation declares", func(s *state, i int) string {
		if r := plan.RegimeByID(s.ws.Organisation.Regimes[i]); r != nil {
			return "the declared regime " + r.Short
		}
		return "the regimes the organisation declares"
	}},
	{"notApplicable", func(ws *plan.Workspace) int { return 0 }, "the criteria marked not applicable", nil},
}

// fieldPlaces name the places that are not list items, by path prefix.
var fieldPlaces = []struct{ prefix, name string }{
	{"coverage.rota", "the on-call rota"},
	{"coverage", "the cover hours"},
	{"reporting.guidance", "the reporting guidance"},
	{"reporting", "the reporting routes"},
	{"triage", "triage"},
	{"assessments", "the assessment history"},
	{"organisation", "the organisation"},
}

// placeOf says where a plan path points, in words: "Amira Khan", "the
// Incident Manager role", "the on-call rota". It is "the plan" for a path
// it does not know.
func (s *state) placeOf(path string) string {
	p := plan.Root(path)
	for _, l := range listPlaces {
		if i, _, ok := p.Cut(l.field); ok {
			if l.item == nil || i >= l.n(s.ws) {
				return l.whole
			}
			return l.item(s, i)
		}
		if path == l.field {
			return l.whole
		}
	}
	for _, f := range fieldPlaces {
		if path == f.prefix || strings.HasPrefix(path, f.prefix+".") {
			return f.name
		}
	}
	return "the plan"
}

// placeGaps fills in the Place of each gap.
func (s *state) placeGaps(gs []Gap) {
	for i := range gs {
		if gs[i].Place == "" {
			gs[i].Place = s.placeOf(gs[i].Path)
		}
	}
}

// places says where several gaps are: their place when they share one,
// else the list they are in ("the playbooks"), else "several parts of
// the plan".
func places(s *state, gs []Gap) string {
	same, list := true, ""
	for i, g := range gs {
		same = same && g.Place == gs[0].Place
		whole, _, _ := strings.Cut(g.Path, "[")
		switch {
		case i == 0:
			list = whole
		case list != whole:
			list = ""
		}
	}
	switch {
	case same:
		return gs[0].Place
	case list != "":
		return s.placeOf(list)
	}
	return "several parts of the plan"
}

// sevName names a severity level: "Sev 1 (Critical)".
func sevName(sv *plan.Severity) string {
	name := "Sev " + strconv.Itoa(sv.Level)
	if n := strings.TrimSpace(sv.Name); n != "" && n != name {
		name += " (" + n + ")"
	}
	return name
}

// actionName names an improvement action by the start of its text.
func actionName(a *plan.Action) string {
	text := strings.TrimSpace(a.Text)
	if text == "" {
		return "an improvement action without a description"
	}
	return "the action " + quoted(shorten(text, 60))
}

// shorten cuts text to at most n characters at a word boundary, with an
// ellipsis when it cut.
func shorten(text string, n int) string {
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	cut := string([]rune(text)[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}

// quoted puts a name from the plan in quotation marks, or returns "" for
// no name (so plan.OrID falls back).
func quoted(name string) string {
	if strings.TrimSpace(name) == "" {
		return ""
	}
	return "“" + strings.TrimSpace(name) + "”"
}
