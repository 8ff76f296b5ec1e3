package scoring

import (
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"testing"

	"drillbook/plan"
)

// TestCriteriaAreNamedFunctions keeps stack traces readable: every check is
// a named function (or the shared level-4 check), never a closure, which
// would show as "typesCriteria.func3".
func TestCriteriaAreNamedFunctions(t *testing.T) {
	closure := regexp.MustCompile(`\.func\d+$`)
	for _, c := range Criteria() {
		name := runtime.FuncForPC(reflect.ValueOf(c.check).Pointer()).Name()
		if name == "" || closure.MatchString(name) {
			t.Errorf("%s: check %q is not a named function", c.ID, name)
		}
	}
}

func TestEachItemPathsAndOrder(t *testing.T) {
	items := []plan.Stakeholder{{ID: "a"}, {ID: "b", Address: "ops@example.org"}, {ID: "c"}}
	gs := eachItem(items, "stakeholders", func(st *plan.Stakeholder, add addGap) {
		if plan.Placeholder(st.Address) {
			add("address", "%s has no address", st.ID)
			add("", "%s is incomplete", st.ID)
		}
		if st.ID == "c" {
			add(at("cadence", 2, "every"), "%s has a nested gap", st.ID)
		}
	})
	want := []Gap{
		{Path: "stakeholders[0].address", What: "a has no address"},
		{Path: "stakeholders[0]", What: "a is incomplete"},
		{Path: "stakeholders[2].address", What: "c has no address"},
		{Path: "stakeholders[2]", What: "c is incomplete"},
		{Path: "stakeholders[2].cadence[2].every", What: "c has a nested gap"},
	}
	if !slices.Equal(gs, want) {
		t.Errorf("gaps\n%v\nwant\n%v", gs, want)
	}
	if gs := eachItem([]plan.Stakeholder(nil), "stakeholders", func(*plan.Stakeholder, addGap) { t.Error("rule called on an empty list") }); gs != nil {
		t.Errorf("empty list: %v", gs)
	}
}

func TestWholePlanGaps(t *testing.T) {
	if gs := gapIf(false, "roles", "no %s", "x"); gs != nil {
		t.Errorf("gapIf(false) = %v", gs)
	}
	if gs := gapIf(true, "roles", "no %s role", "triage"); !slices.Equal(gs, []Gap{{Path: "roles", What: "no triage role"}}) {
		t.Errorf("gapIf(true) = %v", gs)
	}
	// The message of noneIn is text, not a format: a "%" stays as written.
	if gs := noneIn([]int{}, "runs", "100% of nothing"); !slices.Equal(gs, []Gap{{Path: "runs", What: "100% of nothing"}}) {
		t.Errorf("noneIn(empty) = %v", gs)
	}
	if gs := noneIn([]int{1}, "runs", "none"); gs != nil {
		t.Errorf("noneIn(one) = %v", gs)
	}
	if !anyText([]string{"TBC", "", "Error rate above 5%"}) || anyText([]string{"TBD", " ", "-"}) || anyText(nil) {
		t.Error("anyText does not tell placeholders from text")
	}
}

func TestRACIHelpers(t *testing.T) {
	ws := &plan.Workspace{
		IncidentTypes: []plan.IncidentType{{ID: "breach"}, {ID: "outage"}},
		Responsibilities: []plan.Responsibility{
			{IncidentType: "breach", Role: "dpo", RACI: plan.Accountable},
			{IncidentType: "breach", Role: "security", RACI: plan.Responsible},
			{IncidentType: "breach", Role: "im", RACI: plan.Accountable},
			{IncidentType: "outage", Role: "oncall", RACI: plan.Informed},
		},
	}
	s := newState(ws, today)
	got := map[string][]string{}
	gs := s.eachTypeWith(plan.Accountable, func(it *plan.IncidentType, roles []string, add addGap) {
		got[it.ID] = roles
		if len(roles) == 0 {
			add("", "%s has none", it.ID)
		}
	})
	if !slices.Equal(got["breach"], []string{"dpo", "im"}) || got["outage"] != nil || !slices.Equal(gs, []Gap{{Path: "incidentTypes[1]", What: "outage has none"}}) {
		t.Errorf("eachTypeWith: roles %v, gaps %v", got, gs)
	}
	if h := s.rolesHolding(plan.Responsible, plan.Informed); len(h) != 2 || !h["security"] || !h["oncall"] || h["dpo"] {
		t.Errorf("rolesHolding = %v", h)
	}
}
