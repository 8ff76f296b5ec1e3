package plan

import (
	"strings"
	"testing"
	"time"
)

var guideToday = NewDate(2026, time.November, 20)

// answeredBase is a small plan in which every guide question is answered;
// each test case breaks one thing in a fresh copy.
func answeredBase() *Workspace {
	return &Workspace{
		SchemaVersion: SchemaVersion,
		Organisation:  Organisation{Name: "Acme"},
		IncidentTypes: []IncidentType{
			{ID: "outage", Name: "Outage", Category: CategoryAvailability, Criteria: []string{"Site down for 5 minutes"}},
			{ID: "breach", Name: "Breach", Category: CategorySecurity, Criteria: []string{"Unauthorised access"}},
		},
		Reporting: Reporting{Channels: []ReportingChannel{{ID: "desk", Name: "Service desk", Channel: ChannelEmail}}},
		Triage:    Triage{Role: "im", TargetTime: 15 * Minute},
		Severities: []Severity{
			{Level: 1, Name: "Critical", Targets: Targets{Acknowledge: 5 * Minute, FirstUpdate: 15 * Minute, UpdateCadence: 30 * Minute, Resolve: 4 * Hour}},
			{Level: 2, Name: "Major", Targets: Targets{Acknowledge: 15 * Minute, FirstUpdate: 30 * Minute, UpdateCadence: Hour, Resolve: 8 * Hour}},
		},
		ThirdParties: []ThirdParty{{ID: "cloud", Name: "Cloud", ServiceClass: ServiceCloud, Criticality: CriticalityCritical,
			Contacts: []Contact{{Channel: ChannelPhone, Value: "+44 20 7946 0000", OutOfHours: true}}}},
		Coverage: Coverage{Mode: Coverage24x7, Rota: Rota{Shifts: []Shift{
			{ID: "all", Name: "All week", Role: "oncall", Days: Weekdays, Start: "00:00", End: "24:00", Members: []string{"bob"}},
		}}},
		Stakeholders: []Stakeholder{{ID: "staff", Name: "Staff", Kind: StakeholderInternal, Channel: ChannelChat, OwnerRole: "comms",
			Cadence: []Cadence{{Severity: 1, Every: Hour}}}},
		People: []Person{{ID: "alice", Name: "Alice"}, {ID: "bob", Name: "Bob"}, {ID: "carol", Name: "Carol"}},
		Roles: []Role{
			{ID: "im", Name: "Incident manager", Functions: []Function{FunctionIncidentManager, FunctionTriage}, Members: []string{"alice"}},
			{ID: "oncall", Name: "On-call engineer", Functions: []Function{FunctionOnCall}, Members: []string{"bob"}},
			{ID: "comms", Name: "Comms lead", Functions: []Function{FunctionInternalComms, FunctionCustomerComms}, Members: []string{"carol"}},
			{ID: "head", Name: "Head of engineering", Functions: []Function{FunctionExecutive}, Members: []string{"carol"}},
		},
		Responsibilities: []Responsibility{
			{IncidentType: "outage", Role: "oncall", RACI: Responsible},
			{IncidentType: "breach", Role: "oncall", RACI: Responsible},
			{IncidentType: "breach", Role: "im", RACI: Accountable},
		},
		EscalationRules:      []EscalationRule{{ID: "sev1", Name: "Sev 1 unresolved", Trigger: TriggerUnresolved, Severities: []int{1}, After: 30 * Minute, EscalateTo: "head", HandoverTo: "head"}},
		ReportingObligations: []ReportingObligation{{ID: "reg", Body: "Regulator", Deadline: 3 * Day, OwnerRole: "im"}},
		Playbooks: []Playbook{{ID: "restore", Title: "Restore", Role: "oncall", IncidentTypes: []string{"outage", "breach"},
			Steps: []Step{{Text: "Fail over"}}, Owner: "alice", ReviewInterval: 90 * Day, LastReviewed: NewDate(2026, time.October, 1)}},
	}
}

func TestGuideShape(t *testing.T) {
	qs := Guide()
	perStep := map[int]int{}
	ids := map[string]bool{}
	last := 0
	for _, q := range qs {
		if ids[q.ID] || !ValidID(q.ID) {
			t.Errorf("question ID %q duplicated or invalid", q.ID)
		}
		ids[q.ID] = true
		if q.Step < last || q.Step < 1 || q.Step > 3 {
			t.Errorf("%s: step %d out of order", q.ID, q.Step)
		}
		last = q.Step
		perStep[q.Step]++
		if q.Title == "" || q.Prompt == "" || q.Help == "" || len(q.Parts) == 0 || q.check == nil {
			t.Errorf("%s: incomplete question %+v", q.ID, q)
		}
		if got, ok := QuestionByID(q.ID); !ok || got.Prompt != q.Prompt {
			t.Errorf("QuestionByID(%q) = %v, %v", q.ID, got.ID, ok)
		}
	}
	if perStep[1] != 7 || perStep[2] != 7 || perStep[3] != 2 {
		t.Errorf("questions per step = %v, want 7/7/2", perStep)
	}
	if _, ok := QuestionByID("nope"); ok {
		t.Error("QuestionByID found an unknown question")
	}
	qs[0].Title = "changed"
	if Guide()[0].Title == "changed" {
		t.Error("Guide returned the package's own slice")
	}
}

func TestGuideAnsweredBase(t *testing.T) {
	ws := answeredBase()
	if ps := ws.Validate(); ps.Errors() > 0 {
		t.Fatalf("fixture invalid: %v", ps)
	}
	p := ws.Progress(guideToday)
	for _, q := range p.Questions {
		if !q.Answered || len(q.Todo) > 0 {
			t.Errorf("%s: answered=%v todo=%v", q.ID, q.Answered, q.Todo)
		}
		if q.Summary == "" {
			t.Errorf("%s: no summary", q.ID)
		}
	}
	if !p.Complete() || p.Answered != 16 || p.Total != 16 || p.Next != "" || p.Current != 3 {
		t.Errorf("progress = %+v", p)
	}
	if got, want := p.String(), "All 3 steps complete — 16 of 16 questions answered"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// TestGuideQuestions breaks one thing per case and checks exactly which
// questions become unanswered and what the page says.
func TestGuideQuestions(t *testing.T) {
	cases := []struct {
		name       string
		edit       func(w *Workspace)
		unanswered []string
		todo       string // substring of some to-do item
		summary    map[string]string
	}{
		{name: "no incident types", edit: func(w *Workspace) { w.IncidentTypes = nil },
			unanswered: []string{"incident-types", "criteria", "responders"}, todo: "Add the incident types"},
		{name: "type without criteria", edit: func(w *Workspace) { w.IncidentTypes[1].Criteria = []string{"  "} },
			unanswered: []string{"criteria"}, todo: "Write criteria for “Breach”",
			summary: map[string]string{"criteria": "1 of 2 incident types have criteria (1 criterion in all)."}},
		{name: "no reporting channels", edit: func(w *Workspace) { w.Reporting.Channels = nil },
			unanswered: []string{"reporting"}},
		{name: "severity missing targets", edit: func(w *Workspace) { w.Severities[1].Targets.Resolve = 0; w.Severities[1].Targets.UpdateCadence = 0 },
			unanswered: []string{"severities"}, todo: "Set the update cadence, resolve target for level 2 (Major).",
			summary: map[string]string{"severities": "2 severity levels, 1 with all four targets."}},
		{name: "no severities", edit: func(w *Workspace) { w.Severities = nil },
			unanswered: []string{"severities"}, todo: "default four-level scale"},
		{name: "third party without contact", edit: func(w *Workspace) { w.ThirdParties = append(w.ThirdParties, CommonThirdParties()[2]) },
			unanswered: []string{"third-parties"}, todo: "Add how to contact “DNS provider”",
			summary: map[string]string{"third-parties": "2 third parties, 1 with contacts, 1 reachable out of hours."}},
		{name: "24x7 without shifts", edit: func(w *Workspace) { w.Coverage.Rota.Shifts = nil },
			unanswered: []string{"coverage", "on-call-members"}, todo: "Add on-call shifts"},
		{name: "24x7 with a hole is still answered", edit: func(w *Workspace) { w.Coverage.Rota.Shifts[0].Days = []Weekday{Mon, Tue, Wed, Thu, Fri, Sat} },
			summary: map[string]string{"coverage": "24/7 cover; 1 staffed on-call shift; not covered: Sun 00:00–24:00."}},
		{name: "business hours, no rota", edit: func(w *Workspace) {
			w.Coverage = Coverage{Mode: CoverageBusinessHours, BusinessHours: BusinessHours{Days: []Weekday{Mon, Tue, Wed, Thu, Fri}, Start: "09:00", End: "17:30"}}
		},
			summary: map[string]string{"coverage": "Business hours: Mon–Fri 09:00–17:30.", "on-call-members": "No on-call rota: cover is business hours only."}},
		{name: "business hours unset", edit: func(w *Workspace) { w.Coverage.Mode = CoverageBusinessHours },
			unanswered: []string{"coverage"}, todo: "Set the business hours"},
		{name: "unknown cover mode", edit: func(w *Workspace) { w.Coverage.Mode = "sometimes" },
			unanswered: []string{"coverage"}, todo: "Choose business hours or 24/7"},
		{name: "stakeholder without owner or cadence", edit: func(w *Workspace) { w.Stakeholders[0].OwnerRole = ""; w.Stakeholders[0].Cadence = nil },
			unanswered: []string{"communication"}, todo: "Choose the role that owns updates to “Staff”."},
		{name: "stakeholder owned by unknown role", edit: func(w *Workspace) { w.Stakeholders[0].OwnerRole = "ghost" },
			unanswered: []string{"communication"}, todo: `unknown role "ghost"`},
		{name: "responsible role empty", edit: func(w *Workspace) { w.Roles[1].Members = nil; w.Coverage.Rota.Shifts[0].Members = []string{"carol"} },
			unanswered: []string{"responders"}, todo: "put people in the responsible role “On-call engineer”"},
		{name: "type with no R", edit: func(w *Workspace) { w.Responsibilities = w.Responsibilities[1:] },
			unanswered: []string{"responders"}, todo: "“Outage”: mark a role Responsible (R)."},
		{name: "shift with unknown member", edit: func(w *Workspace) { w.Coverage.Rota.Shifts[0].Members = []string{"ghost"} },
			unanswered: []string{"on-call-members"}, todo: "Put someone on shift “All week”."},
		{name: "no customer comms", edit: func(w *Workspace) { w.Roles[2].Functions = []Function{FunctionInternalComms} },
			unanswered: []string{"comms"}, todo: "Give the customer-comms function to a role."},
		{name: "comms role empty", edit: func(w *Workspace) { w.Roles[2].Members = nil },
			unanswered: []string{"comms"}, todo: "Put people in “Comms lead” (it carries internal-comms)."},
		{name: "no incident manager", edit: func(w *Workspace) { w.Roles[0].Functions = []Function{FunctionTriage} },
			unanswered: []string{"incident-manager"}, todo: "Give the incident-manager function"},
		{name: "handover to unknown role", edit: func(w *Workspace) { w.EscalationRules[0].HandoverTo = "ghost" },
			unanswered: []string{"incident-manager"}, todo: `hands over to unknown role "ghost"`},
		{name: "no handover", edit: func(w *Workspace) { w.EscalationRules[0].HandoverTo = "" },
			summary: map[string]string{"incident-manager": "Incident manager: Incident manager (Alice); does not change on escalation."}},
		{name: "triage by function only", edit: func(w *Workspace) { w.Triage.Role = "" },
			summary: map[string]string{"triage": "Triage: Incident manager (Alice); target 15m."}},
		{name: "triage unknown role", edit: func(w *Workspace) { w.Triage.Role = "ghost" },
			unanswered: []string{"triage"}, todo: `unknown role "ghost"`},
		{name: "no triage at all", edit: func(w *Workspace) { w.Triage.Role = ""; w.Roles[0].Functions = []Function{FunctionIncidentManager} },
			unanswered: []string{"triage"}, todo: "Choose the role that runs triage."},
		{name: "obligation without owner or deadline", edit: func(w *Workspace) { w.ReportingObligations[0].OwnerRole = ""; w.ReportingObligations[0].Deadline = 0 },
			unanswered: []string{"reporting-obligations"}, todo: "“Regulator”: set the reporting deadline."},
		{name: "no obligations", edit: func(w *Workspace) { w.ReportingObligations = nil },
			unanswered: []string{"reporting-obligations"}},
		{name: "escalation only on acknowledgement", edit: func(w *Workspace) { w.EscalationRules[0].Trigger = TriggerUnacknowledged },
			unanswered: []string{"escalation"}, todo: "Add a rule escalating severity 1 incidents"},
		{name: "escalation to empty role", edit: func(w *Workspace) { w.Roles[3].Members = nil },
			unanswered: []string{"incident-manager", "escalation"}, todo: "escalates to “Head of engineering”, which has nobody in it"},
		{name: "most severe level is 0-based oddity", edit: func(w *Workspace) { w.Severities[0].Level = 3 },
			unanswered: []string{"escalation"}, todo: "severity 2 incidents"},
		{name: "responsibility without playbook", edit: func(w *Workspace) { w.Playbooks[0].IncidentTypes = []string{"outage"} },
			unanswered: []string{"playbooks"}, todo: "On-call engineer: no playbook for “Breach”.",
			summary: map[string]string{"playbooks": "1 playbook with steps; 1 of 2 responsibilities (R) covered."}},
		{name: "playbook without steps does not count", edit: func(w *Workspace) { w.Playbooks[0].Steps = nil },
			unanswered: []string{"playbooks"}, todo: "Write a first playbook"},
		{name: "overdue review", edit: func(w *Workspace) { w.Playbooks[0].LastReviewed = NewDate(2026, time.January, 1) },
			unanswered: []string{"upkeep"}, todo: "“Restore”: review was due on 2026-04-01."},
		{name: "no owner or interval", edit: func(w *Workspace) { w.Playbooks[0].Owner = "ghost"; w.Playbooks[0].ReviewInterval = 0 },
			unanswered: []string{"upkeep"}, todo: "“Restore”: set a review interval."},
		{name: "never reviewed", edit: func(w *Workspace) { w.Playbooks[0].LastReviewed = Date{} },
			unanswered: []string{"upkeep"}, todo: "review it and record the date"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ws := answeredBase()
			c.edit(ws)
			p := ws.Progress(guideToday)
			var got []string
			todoFound := c.todo == ""
			for _, q := range p.Questions {
				if !q.Answered {
					got = append(got, q.ID)
					if len(q.Todo) == 0 {
						t.Errorf("%s: unanswered with an empty to-do list", q.ID)
					}
				} else if len(q.Todo) > 0 {
					t.Errorf("%s: answered but to-do %v", q.ID, q.Todo)
				}
				for _, td := range q.Todo {
					todoFound = todoFound || strings.Contains(td, c.todo)
				}
				if want, ok := c.summary[q.ID]; ok && q.Summary != want {
					t.Errorf("%s summary = %q, want %q", q.ID, q.Summary, want)
				}
			}
			if strings.Join(got, ",") != strings.Join(c.unanswered, ",") {
				t.Errorf("unanswered = %v, want %v", got, c.unanswered)
			}
			if !todoFound {
				t.Errorf("no to-do item contains %q", c.todo)
			}
		})
	}
}

func TestProgressCounts(t *testing.T) {
	ws := answeredBase()
	ws.Roles[0].Functions = nil // incident manager and triage unanswered
	ws.Triage.Role = ""
	p := ws.Progress(guideToday)
	if p.Answered != 14 || p.Total != 16 || p.Current != 2 || p.Next != "incident-manager" {
		t.Errorf("progress = answered %d/%d current %d next %q", p.Answered, p.Total, p.Current, p.Next)
	}
	if got, want := p.String(), "Step 2 of 3 — 5 of 7 questions answered"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if s := p.Steps[0]; !s.Complete() || s.Name != StepNames[0] || s.Total != 7 {
		t.Errorf("step 1 = %+v", s)
	}
	if got, want := p.Steps[2].String(), "Step 3 of 3 — 2 of 2 questions answered"; got != want {
		t.Errorf("step 3 = %q, want %q", got, want)
	}
	// A single question evaluated alone agrees with Progress.
	q, _ := QuestionByID("incident-manager")
	if st := q.Status(ws, guideToday); st.Answered || st.Summary != p.Questions[10].Summary {
		t.Errorf("Status = %+v, want the Progress entry %+v", st, p.Questions[10])
	}
}

func TestProgressEmptyAndNil(t *testing.T) {
	cases := []struct {
		name     string
		ws       *Workspace
		answered int
	}{
		{"nil", nil, 0},
		{"zero", &Workspace{}, 0},
		// New chooses business-hours cover, which needs no on-call rota.
		{"new", New("x"), 1},
	}
	for _, c := range cases {
		p := c.ws.Progress(Date{})
		if p.Answered != c.answered || p.Total != 16 || p.Current != 1 || p.Next != "incident-types" {
			t.Errorf("%s: progress = %d/%d current %d next %q", c.name, p.Answered, p.Total, p.Current, p.Next)
		}
		if got, want := p.String(), "Step 1 of 3 — 0 of 7 questions answered"; got != want {
			t.Errorf("%s: String() = %q, want %q", c.name, got, want)
		}
		for _, q := range p.Questions {
			if q.Summary == "" {
				t.Errorf("%s: %s has no summary", c.name, q.ID)
			}
		}
	}
}

func TestGuideDemo(t *testing.T) {
	p := Demo().Progress(guideToday)
	// The demo has realistic gaps: the on-call engineer has no playbook
	// for security breaches and the DNS failover playbook is overdue.
	want := map[string]bool{"playbooks": false, "upkeep": false}
	for _, q := range p.Questions {
		if ans, listed := want[q.ID]; listed && q.Answered != ans || !listed && !q.Answered {
			t.Errorf("%s: answered = %v (%v)", q.ID, q.Answered, q.Todo)
		}
	}
	cov := p.Questions[5]
	if cov.ID != "coverage" || !strings.Contains(cov.Summary, "not covered: Sun 00:00–08:00") {
		t.Errorf("coverage summary = %q", cov.Summary)
	}
	if got := p.String(); got != "Step 3 of 3 — 0 of 2 questions answered" {
		t.Errorf("String() = %q", got)
	}
}

func TestGuideTodoIsCapped(t *testing.T) {
	ws := answeredBase()
	for i := range 12 {
		ws.ThirdParties = append(ws.ThirdParties, ThirdParty{ID: MakeID("tp", ws.idTaken("thirdParties")), Name: "Supplier " + string(rune('A'+i))})
	}
	q, _ := QuestionByID("third-parties")
	st := q.Status(ws, guideToday)
	if len(st.Todo) != maxTodo+1 || st.Todo[maxTodo] != "…and 7 more" {
		t.Errorf("todo = %q", st.Todo)
	}
}

// TestGuideOddWorkspaces feeds broken plans through every question: none
// may panic, and every question still explains itself.
func TestGuideOddWorkspaces(t *testing.T) {
	odd := []func(w *Workspace){
		func(w *Workspace) { w.Roles = nil },
		func(w *Workspace) { w.People = nil },
		func(w *Workspace) {
			w.Roles = append(w.Roles, w.Roles[0]) // duplicate ID
			w.Roles[0].Members = []string{"", "ghost", "alice", "alice"}
		},
		func(w *Workspace) {
			w.Coverage.Rota.Shifts = []Shift{{Start: "25:00", End: "x", Days: []Weekday{"funday"}, Members: []string{"bob"}}, {}}
		},
		func(w *Workspace) {
			w.Responsibilities = append(w.Responsibilities, Responsibility{IncidentType: "ghost", Role: "ghost", RACI: Responsible})
		},
		func(w *Workspace) {
			w.EscalationRules = append(w.EscalationRules, EscalationRule{Severities: nil, After: -Hour, EscalateTo: "", HandoverTo: "ghost"})
		},
		func(w *Workspace) { w.Severities = []Severity{{Level: -3}, {Level: 0}} },
		func(w *Workspace) { w.Playbooks = append(w.Playbooks, Playbook{}) },
	}
	for i, edit := range odd {
		ws := answeredBase()
		edit(ws)
		p := ws.Progress(guideToday)
		for _, q := range p.Questions {
			if q.Summary == "" {
				t.Errorf("case %d: %s has no summary", i, q.ID)
			}
		}
	}
}
