package plan

import (
	"strings"
	"testing"
)

// A version 1 file's rules were each timed from when the trigger began to
// hold; migrated, rules sharing trigger and severities become one ladder
// whose tiers are timed from the tier before, and each still fires at the
// same absolute time.
func TestMigrateV1RulesBecomeLadders(t *testing.T) {
	doc := `{"schemaVersion": 1, "organisation": {"name": "Acme"},
	  "severities": [{"level": 1, "name": "Critical"}, {"level": 2, "name": "Major"}],
	  "roles": [{"id": "secondary", "name": "Secondary"}, {"id": "em", "name": "EM"}, {"id": "head", "name": "Head"}],
	  "escalationRules": [
	    {"id": "u-em", "name": "to EM", "trigger": "unacknowledged", "severities": [2, 1], "after": "30m", "escalateTo": "em"},
	    {"id": "u-2nd", "name": "to secondary", "trigger": "unacknowledged", "severities": [1, 2], "after": "15m", "escalateTo": "secondary"},
	    {"id": "r-head", "name": "to head", "trigger": "unresolved", "severities": [1], "after": "1h", "escalateTo": "head"}
	  ]}`
	ws, err := Decode([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	r := ws.EscalationRules
	if r[1].Follows != "" || r[1].After != 15*Minute {
		t.Errorf("first tier: follows %q after %s, want none and 15m", r[1].Follows, r[1].After)
	}
	if r[0].Follows != "u-2nd" || r[0].After != 15*Minute {
		t.Errorf("second tier: follows %q after %s, want u-2nd and 15m", r[0].Follows, r[0].After)
	}
	if r[2].Follows != "" || r[2].After != Hour {
		t.Errorf("unresolved rule: follows %q after %s, want its own ladder at 1h", r[2].Follows, r[2].After)
	}
	offsets := ws.EscalationOffsets()
	if offsets[0] != 30*Minute || offsets[1] != 15*Minute || offsets[2] != Hour {
		t.Errorf("offsets %v, want [30m 15m 1h] (unchanged by the migration)", offsets)
	}
	if got := len(ws.Ladders()); got != 2 {
		t.Errorf("%d ladders, want 2", got)
	}
	for _, p := range ws.Validate() {
		if strings.HasPrefix(p.Path, "escalationRules") {
			t.Errorf("migrated rules have a problem: %v", p)
		}
	}
}

func TestLadderValidation(t *testing.T) {
	base := func() *Workspace {
		ws := New("Acme")
		ws.Severities = []Severity{{Level: 1, Name: "Critical"}}
		ws.Roles = []Role{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}}
		ws.EscalationRules = []EscalationRule{
			{ID: "t1", Name: "T1", Trigger: TriggerUnacknowledged, Severities: []int{1}, After: 10 * Minute, EscalateTo: "a"},
			{ID: "t2", Name: "T2", Trigger: TriggerUnacknowledged, Severities: []int{1}, After: 0, Follows: "t1", EscalateTo: "b"},
		}
		return ws
	}
	cases := []struct {
		name, want string
		edit       func(*Workspace)
	}{
		{"a later tier may fire with the one before", "", func(*Workspace) {}},
		{"unknown tier before", `follows unknown escalation rule "nope"`, func(w *Workspace) { w.EscalationRules[1].Follows = "nope" }},
		{"another trigger", "another trigger or other severities", func(w *Workspace) { w.EscalationRules[1].Trigger = TriggerUnresolved }},
		{"itself", "cannot follow itself", func(w *Workspace) { w.EscalationRules[1].Follows = "t2" }},
		{"a loop", "loops back", func(w *Workspace) { w.EscalationRules[0].Follows = "t2" }},
		{"a first tier needs a delay", "greater than zero", func(w *Workspace) { w.EscalationRules[0].After = 0 }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ws := base()
			c.edit(ws)
			var got []string
			for _, p := range ws.Validate() {
				if strings.HasPrefix(p.Path, "escalationRules") && p.Level == Error {
					got = append(got, p.Message)
				}
			}
			joined := strings.Join(got, "; ")
			if c.want == "" && len(got) > 0 || c.want != "" && !strings.Contains(joined, c.want) {
				t.Errorf("problems %q, want %q", joined, c.want)
			}
			ws.Ladders() // never loops, whatever the links
			ws.EscalationOffsets()
		})
	}
}
