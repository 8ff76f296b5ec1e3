package scenarios

import (
	"strings"
	"testing"

	"drillbook/plan"
)

func TestMarkdownShowsEverythingTheFacilitatorNeeds(t *testing.T) {
	sc, _ := fixture(t)
	md := Markdown(sc)
	for _, want := range []string{"# Fixture outage", "## Objectives", "### T+30:00 — from customer", "Expect **set-severity** by incident-manager within 15m (severity [1])",
		"**poor**: Wait → plays f1", "## Floating injects", "## Hot-wash questions", "3. Three"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
}

func TestFilterAndCloneLibrary(t *testing.T) {
	lib, err := Library()
	if err != nil || len(lib) == 0 {
		t.Fatalf("the built-in library did not load: %d scenarios, %v", len(lib), err)
	}
	for _, s := range Filter(lib, plan.CategoryClinical, 0, 0) {
		if s.Category != plan.CategoryClinical {
			t.Errorf("%s is %s", s.ID, s.Category)
		}
	}
	short := Filter(lib, "", 0, 30*plan.Minute)
	for _, s := range short {
		if s.Duration > 30*plan.Minute {
			t.Errorf("%s lasts %s", s.ID, s.Duration)
		}
	}
	for _, s := range lib {
		c := Clone(s)
		if Markdown(c) != Markdown(s) {
			t.Errorf("%s: clone differs", s.ID)
		}
		c.Injects[0].Text = "changed"
		if s.Injects[0].Text == "changed" {
			t.Fatal("clone shares memory with the library")
		}
	}
}

func TestCloneCopiesAnInvalidScenario(t *testing.T) {
	s := &Scenario{ID: "Not An ID", Injects: []Inject{{ID: "a", Expect: []Expectation{{Kind: "nonsense"}}}}}
	c := Clone(s)
	c.Injects[0].Expect[0].Kind = ExpectAcknowledge
	if s.Injects[0].Expect[0].Kind != "nonsense" || c.ID != s.ID {
		t.Errorf("clone %+v of %+v", c, s)
	}
}
