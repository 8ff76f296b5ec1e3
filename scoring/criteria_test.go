package scoring

import (
	"strings"
	"testing"
	"time"

	"drillbook/plan"
)

// breaker makes one criterion fail on the model workspace; where is the
// path (or path prefix) the finding must point at.
type breaker struct {
	where string
	fn    func(ws *plan.Workspace)
}

var breakers = map[string]breaker{
	// Incident types & criteria.
	"TYP-1.1": {"incidentTypes", func(ws *plan.Workspace) { ws.IncidentTypes = nil }},
	"TYP-2.1": {"incidentTypes[1].criteria", func(ws *plan.Workspace) { ws.IncidentTypes[1].Criteria = nil }},
	"TYP-2.2": {"incidentTypes[1]", func(ws *plan.Workspace) {
		for i := range ws.Responsibilities {
			if r := &ws.Responsibilities[i]; r.IncidentType == "account-compromise" && r.RACI == plan.Responsible {
				r.RACI = plan.Consulted
			}
		}
	}},
	"TYP-2.3": {"incidentTypes", func(ws *plan.Workspace) { ws.IncidentTypes[4].Category = plan.CategoryOther }},
	"TYP-3.1": {"incidentTypes[0]", func(ws *plan.Workspace) { ws.Responsibilities[1].RACI = plan.Accountable }},
	"TYP-3.2": {"incidentTypes[2].examples", func(ws *plan.Workspace) { ws.IncidentTypes[2].Examples = nil }},
	"TYP-4.1": {"incidentTypes[5].category", func(ws *plan.Workspace) { ws.Runs[2].Category = plan.CategoryAvailability }},

	// Severity model.
	"SEV-1.1": {"severities", func(ws *plan.Workspace) { ws.Severities = nil }},
	"SEV-2.1": {"severities[1].targets", func(ws *plan.Workspace) { ws.Severities[1].Targets.Resolve = 0 }},
	"SEV-2.2": {"severities[2].definition", func(ws *plan.Workspace) { ws.Severities[2].Definition = "" }},
	"SEV-2.4": {"severities[0].targets.acknowledge", func(ws *plan.Workspace) { ws.Severities[0].Targets.Acknowledge = plan.Day }},
	"SEV-2.3": {"severities", func(ws *plan.Workspace) { ws.Severities[3].Level = 5 }},
	"SEV-3.1": {"severities[0].targets.firstUpdate", func(ws *plan.Workspace) { ws.Severities[0].Targets.FirstUpdate = 0 }},
	"SEV-3.2": {"severities[0].targets.acknowledge", func(ws *plan.Workspace) { ws.Severities[0].Targets.Acknowledge = 20 * plan.Minute }},
	"SEV-3.3": {"severities[0].examples", func(ws *plan.Workspace) { ws.Severities[0].Examples = nil }},
	"SEV-4.1": {"runs[3]", func(ws *plan.Workspace) { failDimension(ws, DimSeverity) }},

	// Reporting & triage.
	"TRI-1.1": {"reporting.channels", func(ws *plan.Workspace) { ws.Reporting.Channels = nil }},
	"TRI-2.1": {"triage.role", func(ws *plan.Workspace) { ws.Roles[2].Members = nil }},
	"TRI-2.2": {"reporting.guidance", func(ws *plan.Workspace) { ws.Reporting.Guidance = " " }},
	"TRI-2.4": {"reporting.channels[3].monitored", func(ws *plan.Workspace) {
		for i := range ws.Coverage.Rota.Shifts {
			ws.Coverage.Rota.Shifts[i].Members = ws.Coverage.Rota.Shifts[i].Members[:1]
			ws.Coverage.Rota.Shifts[i].Members[0] = ws.Coverage.Rota.Shifts[0].Members[0]
		}
		ws.Reporting.Channels[3].Channel, ws.Reporting.Channels[3].Monitored = plan.ChannelEmail, "Monitored 24/7"
	}},
	"TRI-2.3": {"reporting.channels[3].monitored", func(ws *plan.Workspace) { ws.Reporting.Channels[3].Monitored = "" }},
	"TRI-3.1": {"triage.targetTime", func(ws *plan.Workspace) { ws.Triage.TargetTime = 0 }},
	"TRI-3.2": {"triage.method", func(ws *plan.Workspace) {
		ws.Triage.Method, ws.Triage.Description, ws.Triage.Steps = "Impact × urgency matrix.", "", []string{"Log a ticket."}
	}},
	"TRI-3.3": {"reporting.channels", func(ws *plan.Workspace) {
		for i := range ws.Reporting.Channels {
			ws.Reporting.Channels[i].Channel = plan.ChannelEmail
			ws.Reporting.Channels[i].Monitored = "Mon–Fri 09:00–17:30"
		}
	}},
	"TRI-4.1": {"runs[3]", func(ws *plan.Workspace) { failDimension(ws, DimTriage) }},

	// Third parties.
	"TP-1.1": {"thirdParties", func(ws *plan.Workspace) { ws.ThirdParties = nil }},
	"TP-2.1": {"thirdParties[6].contacts", func(ws *plan.Workspace) { ws.ThirdParties[6].Contacts = nil }},
	"TP-2.2": {"thirdParties[0].contacts", func(ws *plan.Workspace) { noOOH(ws.ThirdParties[0].Contacts) }},
	"TP-2.3": {"thirdParties", func(ws *plan.Workspace) { ws.ThirdParties[2].ServiceClass = plan.ServiceOther }},
	"TP-3.1": {"thirdParties[3].statusPage", func(ws *plan.Workspace) { ws.ThirdParties[3].StatusPage = "" }},
	"TP-3.2": {"thirdParties[1].accountRef", func(ws *plan.Workspace) { ws.ThirdParties[1].AccountRef = "" }},
	"TP-3.3": {"thirdParties[5].contacts", func(ws *plan.Workspace) { noOOH(ws.ThirdParties[5].Contacts) }},
	"TP-3.4": {"roles", func(ws *plan.Workspace) { ws.Roles[3].Functions = []plan.Function{plan.FunctionTechnicalLead} }},
	"TP-4.1": {"runs[3]", func(ws *plan.Workspace) { failDimension(ws, DimThirdParties) }},

	// Cover & on-call.
	"COV-1.1": {"coverage.businessHours", func(ws *plan.Workspace) {
		ws.Coverage.Mode = plan.CoverageBusinessHours
		ws.Coverage.BusinessHours.Days = nil
	}},
	"COV-2.1": {"coverage.rota.shifts", func(ws *plan.Workspace) { ws.Coverage.Rota.Shifts = nil }},
	"COV-2.2": {"coverage.rota.shifts[4].members", func(ws *plan.Workspace) { ws.Coverage.Rota.Shifts[4].Members = nil }},
	"COV-2.3": {"coverage.rota.shifts", func(ws *plan.Workspace) { ws.Coverage.Rota.Shifts[5].End = "06:00" }},
	"COV-2.5": {"coverage.rota.shifts", func(ws *plan.Workspace) {
		for i := range ws.Coverage.Rota.Shifts {
			ws.Coverage.Rota.Shifts[i].Members = []string{ws.Coverage.Rota.Shifts[0].Members[0]}
		}
	}},
	"COV-2.4": {"people[10].contacts", func(ws *plan.Workspace) { noOOH(ws.People[10].Contacts) }},
	"COV-3.1": {"coverage.rota.shifts[0].members", func(ws *plan.Workspace) { ws.Coverage.Rota.Shifts[0].Members = []string{"tom-ashworth"} }},
	"COV-3.2": {"coverage.rota.handover", func(ws *plan.Workspace) {
		ws.Coverage.Rota.Handover = ""
		ws.Coverage.Rota.Shifts[0].Handover = ""
	}},
	"COV-3.3": {"coverage.timeZone", func(ws *plan.Workspace) { ws.Coverage.TimeZone = "" }},
	"COV-3.4": {"coverage.rota.shifts[1].members[3]", func(ws *plan.Workspace) {
		sh := &ws.Coverage.Rota.Shifts[1]
		sh.Members = append(sh.Members, "amira-khan")
	}},
	"COV-3.5": {"roles[1].functions", func(ws *plan.Workspace) { ws.Roles[1].Functions = nil }},
	"COV-4.1": {"runs[3]", func(ws *plan.Workspace) { failDimension(ws, DimCover) }},

	// Communications.
	"COM-1.1": {"stakeholders", func(ws *plan.Workspace) { ws.Stakeholders = nil }},
	"COM-2.1": {"stakeholders", func(ws *plan.Workspace) { ws.Stakeholders[0].Kind = plan.StakeholderPartner }},
	"COM-2.2": {"roles", func(ws *plan.Workspace) { ws.Roles[4].Functions = []plan.Function{plan.FunctionTechnicalLead} }},
	"COM-2.3": {"stakeholders[2].ownerRole", func(ws *plan.Workspace) { ws.Stakeholders[2].OwnerRole = "nobody" }},
	"COM-2.4": {"stakeholders[1].address", func(ws *plan.Workspace) { ws.Stakeholders[1].Address = "" }},
	"COM-3.1": {"stakeholders[3].cadence", func(ws *plan.Workspace) { ws.Stakeholders[3].Cadence = nil }},
	"COM-3.2": {"stakeholders[4].template", func(ws *plan.Workspace) { ws.Stakeholders[4].Template = "" }},
	"COM-3.3": {"stakeholders", func(ws *plan.Workspace) { ws.Stakeholders[1].Kind = plan.StakeholderInternal }},
	"COM-4.1": {"runs[3]", func(ws *plan.Workspace) { failDimension(ws, DimComms) }},

	// Roles & responsibilities.
	"ROL-1.1": {"roles", func(ws *plan.Workspace) { ws.Roles[0].Functions = nil }},
	"ROL-2.1": {"roles[8].members", func(ws *plan.Workspace) { ws.Roles[8].Members = nil }},
	"ROL-2.2": {"people[13].contacts", func(ws *plan.Workspace) { ws.People[13].Contacts = nil }},
	"ROL-2.3": {"people[1].deputy", func(ws *plan.Workspace) { ws.People[1].Deputy = "" }},
	"ROL-3.1": {"people[9]", func(ws *plan.Workspace) {
		ws.Role("on-call-engineer").Members = []string{"chloe-bennett", "tom-ashworth", "oluwaseun-adeyemi"}
		ws.Role("platform-lead").Members = []string{"chloe-bennett", "daniel-okafor"}
		ws.Role("security-lead").Members = []string{"chloe-bennett", "marek-nowak"}
	}},
	"ROL-3.2": {"roles[4].members", func(ws *plan.Workspace) { ws.Roles[4].Members = []string{"fiona-macleod"} }},
	"ROL-3.3": {"roles[5].responsibilities", func(ws *plan.Workspace) { ws.Roles[5].Description, ws.Roles[5].Responsibilities = "", nil }},
	"ROL-4.1": {"runs[3]", func(ws *plan.Workspace) { failDimension(ws, DimRoles) }},

	// Escalation.
	"ESC-1.1": {"escalationRules", func(ws *plan.Workspace) { ws.EscalationRules = nil }},
	"ESC-2.1": {"escalationRules[3].escalateTo", func(ws *plan.Workspace) { ws.EscalationRules[3].EscalateTo = "cto" }},
	"ESC-2.2": {"escalationRules[2].escalateTo", func(ws *plan.Workspace) { ws.EscalationRules[2].EscalateTo = "incident-manager" }},
	"ESC-2.3": {"escalationRules", func(ws *plan.Workspace) { ws.EscalationRules[2].Severities = []int{2} }},
	"ESC-3.1": {"escalationRules", func(ws *plan.Workspace) { ws.EscalationRules[1].Severities = []int{3} }},
	"ESC-3.2": {"escalationRules[3].after", func(ws *plan.Workspace) { ws.EscalationRules[3].After = 10 * plan.Hour }},
	"ESC-3.3": {"escalationRules", func(ws *plan.Workspace) { ws.EscalationRules[2].HandoverTo = "" }},
	"ESC-3.4": {"people[2].contacts", func(ws *plan.Workspace) { noOOH(ws.People[2].Contacts) }},
	"ESC-4.1": {"runs[3]", func(ws *plan.Workspace) { failDimension(ws, DimEscalation) }},

	// Regulatory reporting.
	"REG-1.1": {"reportingObligations", func(ws *plan.Workspace) { ws.ReportingObligations = nil }},
	"REG-2.1": {"reportingObligations[4].deadline", func(ws *plan.Workspace) { ws.ReportingObligations[4].Deadline = 0 }},
	"REG-2.2": {"roles", func(ws *plan.Workspace) {
		ws.Roles[6].Functions = []plan.Function{plan.FunctionDataProtection}
		ws.Roles[7].Functions = []plan.Function{plan.FunctionClinicalSafety}
	}},
	"REG-2.4": {"reportingObligations[0].deadline", func(ws *plan.Workspace) { ws.ReportingObligations[0].Deadline = 365 * plan.Day }},
	"REG-2.3": {"incidentTypes[5]", func(ws *plan.Workspace) {
		ws.ReportingObligations[2].IncidentTypes = []string{"service-outage"} // applied to every type
		ws.ReportingObligations[3].IncidentTypes = []string{"service-outage"}
		ws.ReportingObligations[4].IncidentTypes = []string{"service-outage"}
	}},
	"REG-2.5": {"organisation.regimes[1]", func(ws *plan.Workspace) { ws.Organisation.Regimes = []string{"uk-gdpr", "nis2"} }},
	// The ICO's obligation at 96 hours where UK GDPR Art. 33(1) allows 72.
	"REG-2.6": {"reportingObligations[0].deadline", func(ws *plan.Workspace) { ws.ReportingObligations[0].Deadline = 96 * plan.Hour }},
	"REG-3.1": {"reportingObligations[2].method", func(ws *plan.Workspace) { ws.ReportingObligations[2].Method = "" }},
	"REG-3.2": {"reportingObligations[3].ownerRole", func(ws *plan.Workspace) { ws.Roles[7].Members = []string{"siobhan-gallagher"} }},
	"REG-3.3": {"reportingObligations[5].ownerRole", func(ws *plan.Workspace) {
		ws.Roles = append(ws.Roles, plan.Role{ID: "compliance", Name: "Compliance", Functions: []plan.Function{plan.FunctionRegulatory}, Members: []string{"yusuf-patel", "eleanor-marsh"}})
		ws.ReportingObligations[5].OwnerRole = "compliance"
	}},
	"REG-4.1": {"runs[3]", func(ws *plan.Workspace) { failDimension(ws, DimRegulatory) }},

	// Playbooks & upkeep.
	"PBK-1.1": {"playbooks", func(ws *plan.Workspace) { ws.Playbooks = nil }},
	"PBK-2.1": {"playbooks[10].steps", func(ws *plan.Workspace) { ws.Playbooks[10].Steps = nil }},
	"PBK-2.2": {"responsibilities[2]", func(ws *plan.Workspace) { ws.Playbooks[11].IncidentTypes = []string{"service-outage"} }},
	"PBK-2.3": {"playbooks[3].references[1]", func(ws *plan.Workspace) {
		ws.Playbooks[3].References = append(ws.Playbooks[3].References, "missing-playbook")
	}},
	"PBK-2.4": {"playbooks[4].owner", func(ws *plan.Workspace) { ws.Playbooks[4].Owner = "" }},
	"PBK-2.6": {"playbooks[0].steps", func(ws *plan.Workspace) { ws.Playbooks[0].Steps = ws.Playbooks[0].Steps[:1] }},
	"PBK-2.5": {"playbooks[5].incidentTypes", func(ws *plan.Workspace) { ws.Playbooks[5].IncidentTypes = nil }},
	"PBK-3.1": {"playbooks[6].reviewInterval", func(ws *plan.Workspace) { ws.Playbooks[6].ReviewInterval = 0 }},
	"PBK-3.2": {"playbooks[7].lastReviewed", func(ws *plan.Workspace) { ws.Playbooks[7].LastReviewed = day(2026, time.January, 1) }},
	"PBK-3.3": {"playbooks[8].revisions", func(ws *plan.Workspace) { ws.Playbooks[8].Revisions = ws.Playbooks[8].Revisions[:2] }},
	"PBK-3.4": {"playbooks[9].steps", func(ws *plan.Workspace) { ws.Playbooks[9].Steps[0].Text += " (edited, not published)" }},
	"PBK-3.5": {"playbooks[10].steps[2].expectedDuration", func(ws *plan.Workspace) { ws.Playbooks[10].Steps[2].ExpectedDuration = 0 }},
	"PBK-4.1": {"runs[3]", func(ws *plan.Workspace) { failDimension(ws, DimPlaybooks) }},

	// Exercise performance.
	"EXR-1.1": {"runs", func(ws *plan.Workspace) { ws.Runs = nil }},
	"EXR-2.1": {"runs", func(ws *plan.Workspace) {
		for i := range ws.Runs {
			ws.Runs[i].Started = ws.Runs[i].Started.AddDate(-2, 0, 0)
		}
	}},
	"EXR-2.2": {"runs[3].bindings[2]", func(ws *plan.Workspace) {
		r := &ws.Runs[newest(ws)]
		r.Bindings = append(r.Bindings, plan.RunBinding{Ref: "third-party:payments", Gap: "no payments provider is listed among the third parties"})
	}},
	"EXR-2.3": {"runs[0].tasks", func(ws *plan.Workspace) { ws.Runs[0].Tasks = nil }},
	"EXR-3.1": {"runs[3]", func(ws *plan.Workspace) {
		for j := range ws.Runs[3].Tasks {
			ws.Runs[3].Tasks[j].Status, ws.Runs[3].Tasks[j].MetAt = plan.TaskMissed, nil
		}
	}},
	"EXR-3.2": {"runs[1].hotwash", func(ws *plan.Workspace) { ws.Runs[1].Hotwash = nil }},
	"EXR-3.3": {"runs", func(ws *plan.Workspace) { ws.Runs = ws.Runs[3:] }},
	"EXR-4.1": {"runs[3]", func(ws *plan.Workspace) { slowTasks(ws, 3, func(plan.Task) bool { return true }) }},
	"EXR-4.2": {"runs[3].decisions[0]", func(ws *plan.Workspace) { ws.Runs[3].Decisions[0].Grade = "poor" }},

	// Improvement.
	"IMP-1.1": {"playbooks", func(ws *plan.Workspace) {
		for i := range ws.Playbooks {
			for j := range ws.Playbooks[i].Revisions {
				ws.Playbooks[i].Revisions[j].Date = day(2024, time.January, 1+j)
			}
		}
		for i := range ws.Actions {
			ws.Actions[i].Created = day(2024, time.June, 1)
		}
	}},
	"IMP-2.1": {"actions", func(ws *plan.Workspace) { ws.Actions = nil }},
	"IMP-2.2": {"actions[1].due", func(ws *plan.Workspace) { ws.Actions[1].Due = plan.Date{} }},
	"IMP-2.3": {"actions[1].finding", func(ws *plan.Workspace) { ws.Actions[1].Finding = "" }},
	"IMP-3.1": {"actions[1].due", func(ws *plan.Workspace) { ws.Actions[1].Due = day(2026, time.November, 20) }},
	"IMP-3.2": {"assessments", func(ws *plan.Workspace) {
		// Assessed before, but not in the last 12 months.
		ws.Assessments = []plan.AssessmentRecord{{Date: plan.DateOf(today.Time().AddDate(-2, 0, 0)), Tier: "Basic"}}
	}},
	"IMP-3.3": {"runs[3]", func(ws *plan.Workspace) {
		slowTasks(ws, 3, func(t plan.Task) bool { return t.Kind == "decide" })
	}},
	"IMP-4.1": {"actions[0].addressedByRevision", func(ws *plan.Workspace) { ws.Actions[0].Created = day(2026, time.October, 15) }},
	"IMP-4.2": {"actions", func(ws *plan.Workspace) {
		for i := 0; i < 3; i++ {
			ws.Actions = append(ws.Actions, plan.Action{ID: "act-old-" + string(rune('a'+i)), Finding: "SEV-3.3", Text: "Add examples", OwnerRole: "incident-manager", Due: day(2027, time.March, 1), Status: plan.ActionOpen, Created: day(2026, time.January, 10)})
		}
	}},
}

func TestModelWorkspaceIsValidAndPassesEveryCriterion(t *testing.T) {
	ws := modelWorkspace()
	for _, p := range ws.Validate() {
		t.Errorf("model workspace: %s (%s)", p, p.Level)
	}
	a := Assess(ws, today)
	for _, d := range a.Dimensions {
		for _, r := range d.Failing {
			t.Errorf("%s fails on the model: %v", r.Criterion.ID, r.Gaps)
		}
		if d.Level != 4 || d.Progress != 4 || d.CappedBy != "" {
			t.Errorf("%s: level %d progress %.2f capped %q, want 4", d.Dimension.ID, d.Level, d.Progress, d.CappedBy)
		}
	}
	if a.Tier != TierAdvanced || a.Index != 100 || len(a.HeldBackBy) != 0 || len(a.Findings) != 0 {
		t.Errorf("model: tier %s index %v held back by %v, %d findings", a.Tier, a.Index, a.HeldBackBy, len(a.Findings))
	}
}

func TestEveryCriterionHasAFixture(t *testing.T) {
	for _, c := range Criteria() {
		if _, ok := breakers[c.ID]; !ok {
			t.Errorf("criterion %s has no breaker fixture", c.ID)
		}
	}
	for id := range breakers {
		if _, ok := CriterionByID(id); !ok {
			t.Errorf("fixture for unknown criterion %s", id)
		}
	}
}

// TestEachCriterionFlips starts from the model (every criterion passes)
// and breaks one criterion at a time: it must fail, and its finding must
// say what, where, why and what to do.
func TestEachCriterionFlips(t *testing.T) {
	for _, c := range Criteria() {
		b, ok := breakers[c.ID]
		if !ok {
			continue
		}
		t.Run(c.ID, func(t *testing.T) {
			pass := Assess(modelWorkspace(), today).Criterion(c.ID)
			if pass == nil || pass.Status != Pass {
				t.Fatalf("does not pass on the model: %+v", pass)
			}
			ws := modelWorkspace()
			b.fn(ws)
			a := Assess(ws, today)
			r := a.Criterion(c.ID)
			if r == nil || r.Status != Fail {
				t.Fatalf("still passes after breaking it")
			}
			f := a.Finding(c.ID)
			if f == nil {
				t.Fatal("no finding")
			}
			if f.Where != b.where && !strings.HasPrefix(f.Where, b.where+".") && !strings.HasPrefix(f.Where, b.where+"[") {
				t.Errorf("finding at %q, want %q", f.Where, b.where)
			}
			if f.What == "" || f.Why == "" || f.Recommendation == "" || len(f.Evidence) == 0 || f.Dimension != c.Dimension {
				t.Errorf("incomplete finding: %+v", f)
			}
			// The failing criterion blocks its level.
			if d := a.Dimension(c.Dimension); d.CriteriaLevel >= c.Level {
				t.Errorf("%s at level %d still reaches criteria level %d", c.ID, c.Level, d.CriteriaLevel)
			}
		})
	}
}

func TestCatalogueIsWellFormed(t *testing.T) {
	seen := map[string]bool{}
	perDim := map[DimensionID]int{}
	for _, c := range Criteria() {
		d, ok := DimensionByID(c.Dimension)
		switch {
		case !ok:
			t.Errorf("%s: unknown dimension %q", c.ID, c.Dimension)
		case !strings.HasPrefix(c.ID, d.Prefix+"-"+string(rune('0'+c.Level))+"."):
			t.Errorf("%s: ID does not match prefix %s and level %d", c.ID, d.Prefix, c.Level)
		}
		if seen[c.ID] {
			t.Errorf("duplicate ID %s", c.ID)
		}
		seen[c.ID] = true
		if c.Level < 1 || c.Level > 4 {
			t.Errorf("%s: level %d", c.ID, c.Level)
		}
		for name, s := range map[string]string{"title": c.Title, "missing": c.Missing, "why": c.Why, "recommendation": c.Recommendation} {
			if len(s) < 20 {
				t.Errorf("%s: %s %q is too short to be useful", c.ID, name, s)
			}
		}
		if c.check == nil {
			t.Errorf("%s: no check", c.ID)
		}
		perDim[c.Dimension]++
	}
	if n := len(seen); n < 60 {
		t.Errorf("catalogue has %d criteria, want at least 60", n)
	}
	for _, d := range Dimensions() {
		if perDim[d.ID] < 4 {
			t.Errorf("dimension %s has only %d criteria", d.ID, perDim[d.ID])
		}
		for l, def := range d.Levels {
			if len(def) < 15 {
				t.Errorf("dimension %s level %d has no useful definition", d.ID, l)
			}
		}
		// Every level 1–4 has at least one criterion.
		for l := 1; l <= 4; l++ {
			found := false
			for _, c := range Criteria() {
				found = found || (c.Dimension == d.ID && c.Level == l)
			}
			if !found {
				t.Errorf("dimension %s has no level-%d criterion", d.ID, l)
			}
		}
	}
}
