package host

import (
	"testing"

	"drillbook/plan"
)

func TestProblemIndexIsPerItemAndWorstFirst(t *testing.T) {
	ps := plan.Problems{
		{Path: "people[3].name", Level: plan.Warning},
		{Path: "people[3].contacts[1].value", Level: plan.Error},
		{Path: "playbooks[2].steps[4].text", Level: plan.Warning},
		{Path: "organisation.name", Level: plan.Error},
	}
	var x ProblemIndex
	for _, c := range []struct {
		item  string
		level plan.Level
		has   bool
	}{
		{"people[3]", plan.Error, true},
		{"people[3].contacts[1]", plan.Error, true},
		{"playbooks[2]", plan.Warning, true},
		{"playbooks[2].steps[4]", plan.Warning, true},
		{"people[2]", 0, false},
		{"organisation", 0, false},
	} {
		if l, ok := x.Level(ps, c.item); ok != c.has || (ok && l != c.level) {
			t.Errorf("%s: %v %v, want %v %v", c.item, l, ok, c.level, c.has)
		}
	}
	x.Reset()
	if _, ok := x.Level(nil, "people[3]"); ok {
		t.Error("the index outlived Reset")
	}
}
