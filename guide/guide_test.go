package guide

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"drillbook/plan"
	"drillbook/plan/plantest"
	"drillbook/scoring"
)

// today is the fixed day of every test, the assessment tests' day.
var today = plan.NewDate(2026, time.November, 24)

// completePlan is the demo with its five deliberate gaps fixed (as in the
// assessment's model workspace, without the exercises): every criterion of
// levels 1–3 passes, so every question is answered.
func completePlan() *plan.Workspace {
	ws := plan.Demo()
	ws.Person("amira-khan").Deputy = "daniel-okafor"
	dns := ws.ThirdParty("signpost-dns")
	dns.Contacts = append(dns.Contacts, plan.Contact{Channel: plan.ChannelPhone, Value: "+44 20 7946 0848", Label: "Enterprise emergency line (24/7)", OutOfHours: true})
	for i := range ws.Coverage.Rota.Shifts {
		if sh := &ws.Coverage.Rota.Shifts[i]; sh.ID == "saturday" {
			sh.End = "08:00"
		}
	}
	pb := ws.Playbook("oncall-dns-failover")
	pb.LastReviewed = plan.NewDate(2026, time.October, 1)
	pb.Revisions = append(pb.Revisions, plan.Revision{Number: 3, Date: pb.LastReviewed, Author: "chloe-bennett", Summary: "Reviewed", Steps: slices.Clone(pb.Steps)})
	steps := []plan.Step{
		{Text: "Acknowledge the alert and open an incident in #incidents.", ExpectedDuration: 5 * plan.Minute},
		{Text: "Preserve evidence: do not reboot or delete anything; snapshot affected hosts.", ExpectedDuration: 15 * plan.Minute},
		{Text: "Page the security lead and follow their instructions.", ExpectedDuration: 5 * plan.Minute},
	}
	ws.Playbooks = append(ws.Playbooks, plan.Playbook{
		ID: "oncall-security-first-response", Title: "On-call Engineer: first response to a suspected intrusion",
		Role: "on-call-engineer", IncidentTypes: []string{"security-breach"}, Steps: steps,
		Owner: "marek-nowak", ReviewInterval: 180 * plan.Day, LastReviewed: plan.NewDate(2026, time.October, 5),
		Revisions: []plan.Revision{{Number: 1, Date: plan.NewDate(2026, time.October, 5), Author: "marek-nowak", Summary: "First version", Steps: slices.Clone(steps)}},
	})
	return ws
}

// status returns the question's status in p.
func status(t *testing.T, p Progress, id string) QuestionStatus {
	t.Helper()
	for _, q := range p.Questions {
		if q.ID == id {
			return q
		}
	}
	t.Fatalf("no question %q", id)
	return QuestionStatus{}
}

// unanswered lists the IDs of the unanswered questions in page order.
func unanswered(p Progress) []string {
	var ids []string
	for _, q := range p.Questions {
		if !q.Answered {
			ids = append(ids, q.ID)
		}
	}
	return ids
}

// agreesWithAssessment checks the guide reads the assessment and nothing
// else: a question is answered exactly when none of its criteria fails,
// and its to-do list is those criteria's gaps, in order, capped.
func agreesWithAssessment(t *testing.T, ws *plan.Workspace) Progress {
	t.Helper()
	a := scoring.Assess(ws, today)
	p := FromAssessment(ws, a)
	if len(p.Questions) != len(questions) || p.Total != len(questions) {
		t.Fatalf("progress covers %d of %d questions", len(p.Questions), len(questions))
	}
	answered := 0
	for _, q := range p.Questions {
		var gaps []string
		pass := true
		for _, id := range q.Criteria {
			r := a.Criterion(id)
			if r == nil {
				t.Fatalf("%s: criterion %s not in the assessment", q.ID, id)
			}
			if r.Status == scoring.Fail {
				pass = false
				for _, g := range r.Gaps {
					gaps = append(gaps, g.Sentence())
				}
			}
		}
		if q.Answered != pass {
			t.Errorf("%s: answered = %v, but its criteria %v pass = %v", q.ID, q.Answered, q.Criteria, pass)
		}
		want := gaps
		if len(gaps) > MaxTodo {
			want = append(slices.Clone(gaps[:MaxTodo]), fmt.Sprintf("…and %d more", len(gaps)-MaxTodo))
		}
		if !slices.Equal(q.Todo, want) {
			t.Errorf("%s: to-do %q, want %q", q.ID, q.Todo, want)
		}
		if q.Summary == "" {
			t.Errorf("%s: no summary", q.ID)
		}
		if q.Answered {
			answered++
		}
	}
	if p.Answered != answered {
		t.Errorf("Answered = %d, counted %d", p.Answered, answered)
	}
	return p
}

func TestGuideQuestionsShape(t *testing.T) {
	qs := Questions()
	perStep := map[int]int{}
	ids := map[string]bool{}
	last := 0
	for _, q := range qs {
		if ids[q.ID] || !plan.ValidID(q.ID) {
			t.Errorf("question ID %q duplicated or invalid", q.ID)
		}
		ids[q.ID] = true
		if q.Step < last || q.Step < 1 || q.Step > 3 {
			t.Errorf("%s: step %d out of order", q.ID, q.Step)
		}
		last = q.Step
		perStep[q.Step]++
		if q.Title == "" || q.Prompt == "" || q.Help == "" || len(q.Parts) == 0 || q.summary == nil {
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
	if Questions()[0].Title == "changed" {
		t.Error("Questions returned the package's own slice")
	}
}

// TestQuestionsMapToCriteria checks every question is answered by at
// least one criterion of the catalogue, each named once, and that only
// plan criteria up to level 3 answer questions: exercises are run, not
// written on a page.
func TestGuideQuestionsMapToCriteria(t *testing.T) {
	for _, q := range Questions() {
		if len(q.Criteria) == 0 {
			t.Errorf("%s: answered by no criterion", q.ID)
		}
		seen := map[string]bool{}
		for _, id := range q.Criteria {
			c, ok := scoring.CriterionByID(id)
			switch {
			case !ok:
				t.Errorf("%s: unknown criterion %q", q.ID, id)
			case seen[id]:
				t.Errorf("%s: criterion %s named twice", q.ID, id)
			case !scoring.PlanDimension(c.Dimension) || c.Level > 3:
				t.Errorf("%s: %s (%s, level %d) is not a plan criterion of levels 1–3", q.ID, id, c.Dimension, c.Level)
			}
			seen[id] = true
		}
	}
}

// TestEveryDocumentedCriterionAnswersAQuestion: between them the questions
// name every level-1 and level-2 plan criterion, so a plan that answers
// the whole guide meets every documented-level criterion.
func TestGuideEveryDocumentedCriterionAnswersAQuestion(t *testing.T) {
	mapped := map[string]bool{}
	for _, q := range Questions() {
		for _, id := range q.Criteria {
			mapped[id] = true
		}
	}
	for _, c := range scoring.Criteria() {
		if scoring.PlanDimension(c.Dimension) && c.Level <= 2 && !mapped[c.ID] {
			t.Errorf("%s (%s) answers no question", c.ID, c.Title)
		}
	}
}

// TestEmptyPlanAnswersNothing: no question is answered by criteria that
// hold only because there is nothing to judge, e.g. "every shift is
// staffed" with no shifts.
func TestGuideEmptyPlanAnswersNothing(t *testing.T) {
	cover24x7 := plan.New("Acme")
	cover24x7.Coverage.Mode = plan.Coverage24x7
	cases := []struct {
		name string
		ws   *plan.Workspace
	}{
		{"nil", nil},
		{"zero", &plan.Workspace{}},
		{"new", plan.New("Acme")},
		{"new with 24/7 cover", cover24x7},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := Evaluate(c.ws, today)
			if c.ws != nil {
				agreesWithAssessment(t, c.ws)
			}
			if p.Answered != 0 || p.Total != 16 || p.Next != "incident-types" || p.Current != 1 {
				t.Errorf("answered %d/%d, next %q in step %d; unanswered %v", p.Answered, p.Total, p.Next, p.Current, unanswered(p))
			}
			if got, want := p.String(), "Step 1 of 3 — 0 of 7 questions answered"; got != want {
				t.Errorf("String() = %q, want %q", got, want)
			}
			for _, q := range p.Questions {
				if q.Summary == "" || len(q.Todo) == 0 {
					t.Errorf("%s: summary %q, to-do %q", q.ID, q.Summary, q.Todo)
				}
			}
			if q := status(t, p, "on-call-members"); q.Answered {
				t.Errorf("2.2 Who is on call is answered on an empty plan: %q", q.Summary)
			}
		})
	}
}

// The first run: a new user answers 1.6 by setting business
// hours, and 2.2 "Who is on call" ticked although the plan names nobody,
// since every rota criterion holds when there is no rota.
func TestGuideHoursAloneDoNotAnswerWhoIsOnCall(t *testing.T) {
	ws := plan.New("Acme")
	ws.Coverage.BusinessHours = plan.BusinessHours{Days: []plan.Weekday{plan.Mon, plan.Tue}, Start: "09:00", End: "17:00"}
	p := agreesWithAssessment(t, ws)
	if got := len(p.Questions) - len(unanswered(p)); got != 1 || !status(t, p, "coverage").Answered {
		t.Fatalf("answered %d questions, want only 1.6 coverage; unanswered %v", got, unanswered(p))
	}
	q := status(t, p, "on-call-members")
	if q.Answered || !slices.Contains(q.Todo, "No staffed role carries the incident manager function.") {
		t.Errorf("2.2 answered %v with to-do %q", q.Answered, q.Todo)
	}
	// With somebody named to respond, business hours need no rota.
	ws.People = plan.Demo().People
	ws.Roles = plan.Demo().Roles
	if q := status(t, agreesWithAssessment(t, ws), "on-call-members"); !q.Answered {
		t.Errorf("2.2 with roles and business hours: to-do %q", q.Todo)
	}
}

// TestDemo: on the demo the answered set is exactly what its criteria
// results say: its deliberate gaps (a rota hole, a critical supplier with
// no out-of-hours contact, an incident manager with no deputy, a missing
// playbook and an overdue one) leave five questions open.
func TestGuideDemo(t *testing.T) {
	p := agreesWithAssessment(t, plan.Demo())
	want := []string{"third-parties", "coverage", "incident-manager", "playbooks", "upkeep"}
	if got := unanswered(p); !slices.Equal(got, want) {
		t.Errorf("unanswered = %v, want %v", got, want)
	}
	if p.Next != "third-parties" || p.Current != 1 || p.String() != "Step 1 of 3 — 5 of 7 questions answered" {
		t.Errorf("next %q in step %d: %q", p.Next, p.Current, p.String())
	}
	if s := p.Steps; s[0].Answered != 5 || s[1].Answered != 6 || s[1].Total != 7 || s[2].Answered != 0 || s[2].Total != 2 {
		t.Errorf("steps = %+v", s)
	}
	cov := status(t, p, "coverage")
	if !slices.Equal(cov.Todo, []string{"Nobody is on call Sun 00:00–08:00 (8 h a week)."}) || !strings.Contains(cov.Summary, "not covered: Sun 00:00–08:00") {
		t.Errorf("coverage: %q / %q", cov.Summary, cov.Todo)
	}
	if im := status(t, p, "incident-manager"); !slices.Equal(im.Todo, []string{"Amira Khan (Incident Manager) has no deputy."}) {
		t.Errorf("incident manager to-do %q", im.Todo)
	}
}

func TestGuideCompletePlanAnswersEverything(t *testing.T) {
	p := agreesWithAssessment(t, completePlan())
	if !p.Complete() || p.Answered != 16 || p.Next != "" || p.Current != 3 {
		t.Fatalf("unanswered %v", unanswered(p))
	}
	if got, want := p.String(), "All 3 steps complete — 16 of 16 questions answered"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	for _, s := range p.Steps {
		if !s.Complete() || s.Name != plan.StepNames[s.Step-1] {
			t.Errorf("step %+v", s)
		}
	}
}

// TestNotApplicableAnswers: a criterion marked N/A with a reason no longer
// holds its question open; a mark without a reason is ignored, as in the
// assessment.
func TestGuideNotApplicableAnswers(t *testing.T) {
	for _, c := range []struct {
		reason   string
		answered bool
	}{{"", false}, {"The incident manager rota has its own cover.", true}} {
		ws := plan.Demo()
		ws.NotApplicable = []plan.NotApplicable{{Criterion: "ROL-2.3", Reason: c.reason}}
		p := agreesWithAssessment(t, ws)
		if q := status(t, p, "incident-manager"); q.Answered != c.answered {
			t.Errorf("reason %q: answered = %v, to-do %q", c.reason, q.Answered, q.Todo)
		}
	}
}

// TestCover follows the cover and rota questions through the cover modes.
func TestGuideCover(t *testing.T) {
	businessHours := plan.Coverage{Mode: plan.CoverageBusinessHours,
		BusinessHours: plan.BusinessHours{Days: []plan.Weekday{plan.Mon, plan.Tue, plan.Wed, plan.Thu, plan.Fri}, Start: "09:00", End: "17:30"}}
	cases := []struct {
		name       string
		edit       func(ws *plan.Workspace)
		unanswered []string // of the two questions
		summary    map[string]string
	}{
		{"business hours, no rota: nobody need be on call", func(ws *plan.Workspace) { ws.Coverage = businessHours }, nil,
			map[string]string{"coverage": "Business hours: Mon–Fri 09:00–17:30.", "on-call-members": "No on-call rota: cover is business hours only."}},
		{"business hours without hours", func(ws *plan.Workspace) { ws.Coverage = plan.Coverage{Mode: plan.CoverageBusinessHours} },
			[]string{"coverage", "on-call-members"}, map[string]string{"coverage": "Business-hours cover, but the hours are not set."}},
		{"24/7 without shifts", func(ws *plan.Workspace) { ws.Coverage.Rota.Shifts = nil },
			[]string{"coverage", "on-call-members"}, map[string]string{"on-call-members": "24/7 cover, but the rota has no shifts."}},
		{"24/7, every hour covered", func(ws *plan.Workspace) { *ws = *completePlan() }, nil,
			map[string]string{"coverage": "24/7 cover; 6 staffed on-call shifts cover the whole week.", "on-call-members": "3 people across 6 shifts."}},
		{"a shift with nobody on it", func(ws *plan.Workspace) {
			*ws = *completePlan()
			ws.Coverage.Rota.Shifts[0].Members = []string{"ghost"}
		}, []string{"on-call-members"}, nil},
		{"one person holds the 24/7 rota", func(ws *plan.Workspace) {
			*ws = *completePlan()
			for i := range ws.Coverage.Rota.Shifts {
				ws.Coverage.Rota.Shifts[i].Members = []string{"tom-ashworth"}
			}
		}, []string{"on-call-members"}, map[string]string{"on-call-members": "1 person across 6 shifts."}},
		{"the rota's role does not carry on-call", func(ws *plan.Workspace) {
			*ws = *completePlan()
			ws.Role("on-call-engineer").Functions = nil
		}, []string{"on-call-members"}, nil},
		{"unknown mode", func(ws *plan.Workspace) { ws.Coverage.Mode = "sometimes" },
			[]string{"coverage", "on-call-members"}, map[string]string{"coverage": "Cover is not chosen."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ws := plan.New("Acme")
			ws.Coverage = plan.Demo().Coverage
			ws.People = plan.Demo().People
			ws.Roles = plan.Demo().Roles
			c.edit(ws)
			p := agreesWithAssessment(t, ws)
			var got []string
			for _, id := range []string{"coverage", "on-call-members"} {
				q := status(t, p, id)
				if !q.Answered {
					got = append(got, id)
				}
				if want, ok := c.summary[id]; ok && q.Summary != want {
					t.Errorf("%s summary = %q, want %q", id, q.Summary, want)
				}
			}
			if !slices.Equal(got, c.unanswered) {
				t.Errorf("unanswered = %v, want %v", got, c.unanswered)
			}
		})
	}
}

// TestSummaries checks what each page says the plan already answers.
func TestGuideSummaries(t *testing.T) {
	cases := []struct {
		name string
		edit func(ws *plan.Workspace)
		want map[string]string
	}{
		{"demo", func(*plan.Workspace) {}, map[string]string{
			"incident-types":        "6 incident types in 4 categories: security, availability, information governance, clinical safety.",
			"criteria":              "6 of 6 incident types have criteria (28 criteria in all).",
			"reporting":             "7 reporting channels (pager, chat, phone, email, portal, form); guidance for reporters written.",
			"severities":            "4 severity levels, all with targets.",
			"third-parties":         "8 third parties, 8 with contacts, 7 reachable out of hours.",
			"communication":         "7 stakeholder groups, 5 with an update cadence.",
			"responders":            "6 of 6 incident types have a responsible role with people in it.",
			"comms":                 "Internal: Communications Lead (Fiona MacLeod); customers: Communications Lead (Fiona MacLeod).",
			"incident-manager":      "Incident manager: Incident Manager (Amira Khan); hands over to Head of Engineering (Escalation) (Priya Raman) by rule “Sev 1 not resolved in 30 minutes”.",
			"triage":                "Triage: Triage Lead (Service Desk) (Jamie Chen); target 15m; 6 steps.",
			"reporting-obligations": "6 reporting obligations; sent by Data Protection Officer, Communications Lead, Clinical Safety Officer, Security Lead.",
			"escalation":            "7 escalation rules; severity 1 unresolved after 30m → Head of Engineering (Escalation).",
			"playbooks":             "11 playbooks with steps; 15 of 16 responsibilities (R) covered.",
			"upkeep":                "11 playbooks: 11 with an owner, 10 reviewed on schedule, 1 overdue for review.",
		}},
		{"targets missing", func(ws *plan.Workspace) { ws.Severities[1].Targets.UpdateCadence = 0 },
			map[string]string{"severities": "4 severity levels, 3 with all four targets."}},
		{"one severity", func(ws *plan.Workspace) { ws.Severities = ws.Severities[:1] },
			map[string]string{"severities": "1 severity level with targets."}},
		{"criteria left as TBC", func(ws *plan.Workspace) { ws.IncidentTypes[0].Criteria = []string{"TBC"} },
			map[string]string{"criteria": "5 of 6 incident types have criteria (23 criteria in all)."}},
		{"no handover", func(ws *plan.Workspace) {
			for i := range ws.EscalationRules {
				ws.EscalationRules[i].HandoverTo = ""
			}
		}, map[string]string{"incident-manager": "Incident manager: Incident Manager (Amira Khan); does not change on escalation."}},
		{"triage by function", func(ws *plan.Workspace) { ws.Triage.Role = "" },
			map[string]string{"triage": "Triage: Triage Lead (Service Desk) (Jamie Chen); target 15m; 6 steps."}},
		{"triage names an unknown role", func(ws *plan.Workspace) { ws.Triage.Role = "ghost" },
			map[string]string{"triage": `Triage names unknown role "ghost".`}},
		{"comms role empty", func(ws *plan.Workspace) { ws.Role("comms-lead").Members = nil },
			map[string]string{"comms": "Internal: Communications Lead (nobody in it); customers: Communications Lead (nobody in it)."}},
		{"no escalation to the top", func(ws *plan.Workspace) { ws.EscalationRules = ws.EscalationRules[:2] },
			map[string]string{"escalation": "2 escalation rules."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ws := plan.Demo()
			c.edit(ws)
			p := agreesWithAssessment(t, ws)
			for id, want := range c.want {
				if got := status(t, p, id).Summary; got != want {
					t.Errorf("%s summary = %q, want %q", id, got, want)
				}
			}
		})
	}
}

func TestGuideTodoIsCapped(t *testing.T) {
	ws := plan.Demo()
	for i := range 12 {
		ws.ThirdParties = append(ws.ThirdParties, plan.ThirdParty{ID: fmt.Sprintf("tp-%d", i), Name: fmt.Sprintf("Supplier %c", 'A'+i)})
	}
	// TP-2.1: 12 suppliers with no contact; TP-2.2: the DNS provider.
	q := status(t, agreesWithAssessment(t, ws), "third-parties")
	if len(q.Todo) != MaxTodo+1 || q.Todo[0] != "Supplier A has no contact." || q.Todo[MaxTodo] != "…and 8 more" {
		t.Errorf("to-do %q", q.Todo)
	}
}

// TestProgressSaysWhereYouAre: the progress line always names the step
// of the first unanswered question, with that step's counts.
func TestGuideProgressSaysWhereYouAre(t *testing.T) {
	roles := plan.Demo()
	roles.Person("amira-khan").Deputy = ""
	for i := range roles.Roles {
		roles.Roles[i].Members = nil
	}
	playbooks := completePlan()
	playbooks.Playbooks[0].Owner = ""
	for name, ws := range map[string]*plan.Workspace{"new": plan.New("Acme"), "demo": plan.Demo(), "no role holders": roles, "a playbook without owner": playbooks} {
		p := agreesWithAssessment(t, ws)
		q, _ := QuestionByID(p.Next)
		s := p.Steps[q.Step-1]
		want := fmt.Sprintf("Step %d of 3 — %d of %d questions answered", q.Step, s.Answered, s.Total)
		if p.Current != q.Step || p.String() != want {
			t.Errorf("%s: next %s in step %d, current %d, %q, want %q", name, p.Next, q.Step, p.Current, p.String(), want)
		}
	}
	if got := (StepProgress{Step: 3, Answered: 0, Total: 1}).String(); got != "Step 3 of 3 — 0 of 1 question answered" {
		t.Errorf("one question: %q", got)
	}
}

// TestOddWorkspaces feeds broken plans through every question: none may
// panic, every question still explains itself, and the guide still reads
// the assessment.
func TestGuideOddWorkspaces(t *testing.T) {
	odd := []func(ws *plan.Workspace){
		func(ws *plan.Workspace) { ws.Roles = nil },
		func(ws *plan.Workspace) { ws.People = nil },
		func(ws *plan.Workspace) {
			ws.Roles = append(ws.Roles, ws.Roles[0]) // duplicate ID
			ws.Roles[0].Members = []string{"", "ghost", "amira-khan", "amira-khan"}
		},
		func(ws *plan.Workspace) {
			ws.Coverage.Rota.Shifts = []plan.Shift{{Start: "25:00", End: "x", Days: []plan.Weekday{"funday"}, Members: []string{"tom-ashworth"}}, {}}
		},
		func(ws *plan.Workspace) {
			ws.Responsibilities = append(ws.Responsibilities, plan.Responsibility{IncidentType: "ghost", Role: "ghost", RACI: plan.Responsible})
		},
		func(ws *plan.Workspace) {
			ws.EscalationRules = append(ws.EscalationRules, plan.EscalationRule{After: -plan.Hour, HandoverTo: "ghost"})
		},
		func(ws *plan.Workspace) { ws.Severities = []plan.Severity{{Level: -3}, {Level: 0}} },
		func(ws *plan.Workspace) { ws.Playbooks = append(ws.Playbooks, plan.Playbook{}) },
		func(ws *plan.Workspace) {
			ws.Coverage.BusinessHours = plan.BusinessHours{Start: "18:00", End: "09:00", Days: []plan.Weekday{plan.Mon}}
		},
	}
	for i, edit := range odd {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			ws := plan.Demo()
			edit(ws)
			agreesWithAssessment(t, ws)
		})
	}
}

func TestGuideLargeWorkspace(t *testing.T) {
	p := agreesWithAssessment(t, plantest.Large())
	if q := status(t, p, "upkeep"); len(q.Todo) != MaxTodo+1 || !strings.HasPrefix(q.Todo[MaxTodo], "…and ") {
		t.Errorf("upkeep to-do on the large workspace: %q", q.Todo)
	}
}
