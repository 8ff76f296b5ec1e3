// Package plantest builds generated workspaces for tests and benchmarks in
// every package. It is deterministic: the same size gives the same plan.
package plantest

import (
	"fmt"
	"time"

	"drillbook/plan"
)

// Size says how big a generated workspace is.
type Size struct {
	People, Roles, Playbooks, Steps, Revisions int
}

// LargeSize is the benchmark workspace the issues name: 1,000 people and
// 300 playbooks × 30 steps × 10 revisions.
var LargeSize = Size{People: 1000, Roles: 40, Playbooks: 300, Steps: 30, Revisions: 10}

// Large returns a valid workspace of LargeSize.
func Large() *plan.Workspace { return Generate(LargeSize) }

// Generate builds a valid workspace of the given size on top of the demo's
// procedure (incident types, severities, third parties, stakeholders).
func Generate(sz Size) *plan.Workspace {
	ws := plan.Demo()
	ws.Organisation.Name = fmt.Sprintf("Generated Org (%d people)", sz.People)
	ws.People = make([]plan.Person, sz.People)
	for i := range ws.People {
		ws.People[i] = plan.Person{
			ID:    fmt.Sprintf("person-%04d", i),
			Name:  fmt.Sprintf("Person %04d", i),
			Title: "Engineer",
			Contacts: []plan.Contact{
				{Channel: plan.ChannelPhone, Value: fmt.Sprintf("+44 7700 9%05d", i), OutOfHours: true},
				{Channel: plan.ChannelEmail, Value: fmt.Sprintf("person%04d@example.test", i)},
			},
			Deputy: fmt.Sprintf("person-%04d", (i+1)%sz.People),
		}
	}
	// Keep the demo's roles (escalation rules and stakeholders refer to
	// them) and add generated ones; spread people across all roles.
	for i := 0; len(ws.Roles) < sz.Roles; i++ {
		ws.Roles = append(ws.Roles, plan.Role{ID: fmt.Sprintf("role-%03d", i), Name: fmt.Sprintf("Generated role %d", i), Functions: []plan.Function{plan.FunctionTechnicalLead}})
	}
	for i := range ws.Roles {
		ws.Roles[i].Members = nil
	}
	for i := range ws.People {
		r := &ws.Roles[i%len(ws.Roles)]
		r.Members = append(r.Members, ws.People[i].ID)
	}
	for i := range ws.Coverage.Rota.Shifts {
		ws.Coverage.Rota.Shifts[i].Members = []string{ws.People[i%sz.People].ID, ws.People[(i+7)%sz.People].ID}
	}
	if len(ws.IncidentTypes) == 0 {
		ws.IncidentTypes = []plan.IncidentType{{ID: "outage", Name: "Outage", Category: plan.CategoryAvailability, Criteria: []string{"Service down"}}}
	}
	types := make([]string, len(ws.IncidentTypes))
	for i, t := range ws.IncidentTypes {
		types[i] = t.ID
	}
	day := plan.NewDate(2026, time.January, 5)
	ws.Playbooks = make([]plan.Playbook, sz.Playbooks)
	for i := range ws.Playbooks {
		pb := plan.Playbook{
			ID:             fmt.Sprintf("pb-%03d", i),
			Title:          fmt.Sprintf("Generated playbook %d", i),
			Role:           ws.Roles[i%len(ws.Roles)].ID,
			IncidentTypes:  []string{types[i%len(types)]},
			Summary:        "What this role does, step by step, for this kind of incident.",
			Owner:          ws.People[i%sz.People].ID,
			ReviewInterval: 90 * plan.Day,
			LastReviewed:   day,
		}
		// Only reference lower-numbered playbooks so the graph has no cycles.
		if i > 0 {
			pb.References = []string{fmt.Sprintf("pb-%03d", i-1)}
		}
		steps := func(rev int) []plan.Step {
			s := make([]plan.Step, sz.Steps)
			for j := range s {
				s[j] = plan.Step{Text: fmt.Sprintf("Step %d of playbook %d (revision %d): check the dashboard, record what you see in the incident channel and hand over to the next role.", j+1, i, rev), ExpectedDuration: 5 * plan.Minute}
				if j == 0 && i > 1 {
					s[j].References = []string{fmt.Sprintf("pb-%03d", i-2)}
				}
			}
			return s
		}
		for r := 1; r <= sz.Revisions; r++ {
			pb.Revisions = append(pb.Revisions, plan.Revision{Number: r, Date: day.Add(plan.Duration(r) * plan.Day), Author: pb.Owner, Summary: fmt.Sprintf("Revision %d", r), Steps: steps(r)})
		}
		pb.Steps = steps(sz.Revisions)
		ws.Playbooks[i] = pb
	}
	return ws
}
