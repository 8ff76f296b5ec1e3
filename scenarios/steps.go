package scenarios

import (
	"fmt"
	"slices"

	"drillbook/plan"
)

// TickStep records that step (1-based) of a playbook in the run's plan was
// completed by the person by: a complete-playbook-step action that carries
// the step as a plan.StepRef, so CompletedSteps and the reports read it
// without parsing text. A step is recorded once per run.
func (e *Engine) TickStep(playbookID string, step int, by string) ([]plan.Event, error) {
	return e.Record(Action{Kind: ExpectPlaybookStep, Actor: by, Step: &plan.StepRef{Playbook: playbookID, Step: step}})
}

// checkStep refuses a step reference the run's plan does not have.
func (e *Engine) checkStep(a Action) error {
	if a.Step == nil {
		return nil
	}
	if a.Kind != ExpectPlaybookStep {
		return fmt.Errorf("a %s action cannot tick a playbook step", a.Kind)
	}
	pb := e.ws.Playbook(a.Step.Playbook)
	if pb == nil {
		return fmt.Errorf("the plan has no playbook %q", a.Step.Playbook)
	}
	if a.Step.Step < 1 || a.Step.Step > len(pb.Steps) {
		return fmt.Errorf("playbook %q has no step %d (it has %d)", pb.Title, a.Step.Step, len(pb.Steps))
	}
	return nil
}

// stepRecorded reports whether the step was already ticked. Caller holds mu.
func (e *Engine) stepRecorded(s plan.StepRef) bool {
	return slices.ContainsFunc(plan.Effective(e.run.Events), func(ev plan.Event) bool { return ev.Step != nil && *ev.Step == s })
}

// stepName renders a step for the log: "DNS failover, step 2: Switch the
// resolver".
func (e *Engine) stepName(s plan.StepRef) string {
	pb := e.ws.Playbook(s.Playbook)
	if pb == nil || s.Step < 1 || s.Step > len(pb.Steps) {
		return fmt.Sprintf("%s, step %d", s.Playbook, s.Step) // as an old journal recorded it
	}
	return fmt.Sprintf("%s, step %d: %s", pb.Title, s.Step, firstLine(pb.Steps[s.Step-1].Text))
}

// legacySteps gives the steps ticked in a journal written before events
// had a Step their reference, read once from the note (as plan's
// migration does for stored runs).
func legacySteps(events []plan.Event) {
	for i := range events {
		ev := &events[i]
		if ev.Kind != plan.EventAction || ev.Action != string(ExpectPlaybookStep) || ev.Step != nil {
			continue
		}
		if ref, ok := plan.LegacyStepNote(ev.Note); ok {
			ev.Step = &ref
		}
	}
}

// CompletedSteps lists the playbook steps ticked in an event log, by
// playbook ID, in ascending order: for a stored run's events, or see
// Engine.CompletedSteps for a live one. Struck ticks do not count.
func CompletedSteps(events []plan.Event) map[string][]int {
	out := map[string][]int{}
	for _, ev := range plan.Effective(events) {
		if ev.Kind == plan.EventAction && ev.Step != nil && !slices.Contains(out[ev.Step.Playbook], ev.Step.Step) {
			out[ev.Step.Playbook] = append(out[ev.Step.Playbook], ev.Step.Step)
		}
	}
	for pb := range out {
		slices.Sort(out[pb])
	}
	return out
}

// Checklist is a playbook a participant can tick through during the run.
type Checklist struct {
	Playbook *plan.Playbook
	// Actor is the participant playing the playbook's role, whom a ticked
	// step is recorded for.
	Actor string
	// ForScenario is set when the playbook covers an incident type of the
	// scenario's category: those come first, so a ransomware drill opens a
	// security playbook rather than an outage one.
	ForScenario bool
}

// Checklists lists the run plan's playbooks whose role someone plays, the
// scenario's own first, each group in plan order.
func (e *Engine) Checklists() []Checklist {
	cat := e.sc.Category
	ofCategory := map[string]bool{}
	for _, t := range e.ws.IncidentTypes {
		if t.Category == cat {
			ofCategory[t.ID] = true
		}
	}
	var out []Checklist
	for _, p := range e.Participants() {
		for i := range e.ws.Playbooks {
			if pb := &e.ws.Playbooks[i]; pb.Role == p.Role {
				out = append(out, Checklist{Playbook: pb, Actor: p.Person,
					ForScenario: slices.ContainsFunc(pb.IncidentTypes, func(id string) bool { return ofCategory[id] })})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Checklist) int {
		switch {
		case a.ForScenario == b.ForScenario:
			return 0
		case a.ForScenario:
			return -1
		}
		return 1
	})
	return out
}
