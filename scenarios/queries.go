package scenarios

import (
	"slices"
	"time"

	"drillbook/plan"
)

// The facilitator's console and the participants' window show where each
// inject and decision stands. These queries answer from the events already
// returned to the caller, never from ones a journal failure holds back, so
// a screen shows only what the journal keeps.

// Log returns the events returned to the caller so far, without
// checkpoints: what an event log shows.
func (e *Engine) Log() []plan.Event {
	e.mu.Lock()
	defer e.mu.Unlock()
	return visibleEvents(e.run.Events[:e.shown])
}

// InjectState is where an inject stands in a run.
type InjectState int

// Inject states.
const (
	InjectDelivered InjectState = iota // delivered to the players
	InjectPending                      // timed and still to come: it can be triggered now
	InjectFloating                     // floating and not played: it can be played
)

func (s InjectState) String() string {
	switch s {
	case InjectDelivered:
		return "delivered"
	case InjectPending:
		return "pending"
	case InjectFloating:
		return "floating"
	}
	return "unknown"
}

// InjectStatus is one inject of the scenario and where it stands.
type InjectStatus struct {
	Inject *Inject // the scenario's inject; read-only
	State  InjectState
	// At is when it was delivered (InjectDelivered) or is due
	// (InjectPending); 0 for a floating inject not played.
	At time.Duration
	// Manual is set for an inject delivered out of schedule: triggered
	// now, played by the facilitator, or a decision's consequence.
	Manual bool
}

// InjectStates lists every inject of the scenario: the delivered ones in
// the order they were delivered, then the timed ones still to come and the
// floating ones not played, each in scenario order.
func (e *Engine) InjectStates() []InjectStatus {
	e.mu.Lock()
	defer e.mu.Unlock()
	return injectStates(e.sc, e.run.Events[:e.shown])
}

func injectStates(sc *Scenario, events []plan.Event) []InjectStatus {
	out := make([]InjectStatus, 0, len(sc.Injects)+len(sc.Floating))
	delivered := map[string]bool{}
	for _, ev := range events {
		if ev.Kind != plan.EventInject || delivered[ev.Action] {
			continue
		}
		if in := sc.Inject(ev.Action); in != nil {
			delivered[in.ID] = true
			out = append(out, InjectStatus{Inject: in, State: InjectDelivered, At: ev.At.D(), Manual: slices.Contains(ev.Refs, "manual")})
		}
	}
	for i := range sc.Injects {
		if in := &sc.Injects[i]; !delivered[in.ID] {
			out = append(out, InjectStatus{Inject: in, State: InjectPending, At: in.At.D()})
		}
	}
	for i := range sc.Floating {
		if in := &sc.Floating[i]; !delivered[in.ID] {
			out = append(out, InjectStatus{Inject: in, State: InjectFloating})
		}
	}
	return out
}

// OpenDecision is a decision point put to the team and not yet made.
type OpenDecision struct {
	*Decision // the scenario's decision: prompt, options with grades; read-only
	PutAt     time.Duration
	Deadline  time.Duration // when its decide task falls due
	// Decider is who the console proposes as having decided: the player
	// of the role the decision names (see PlayerFor), else the incident
	// manager's; "" when nobody plays or holds either.
	Decider string
	// DeciderRole is the reference Decider plays: the decision's By, or
	// the incident manager when By is empty or has nobody.
	DeciderRole Ref
}

// OpenDecisions lists the decisions waiting for the team, in scenario
// order. A decision stays open past its deadline until it is made.
func (e *Engine) OpenDecisions() []OpenDecision {
	e.mu.Lock()
	defer e.mu.Unlock()
	put, made := map[string]time.Duration{}, map[string]bool{}
	for _, ev := range plan.Effective(e.run.Events[:e.shown]) { // a struck decision is open again
		switch ev.Kind {
		case plan.EventDecisionDue:
			put[ev.Action] = ev.At.D()
		case plan.EventDecision:
			made[ev.Action] = true
		}
	}
	var out []OpenDecision
	for i := range e.sc.Decisions {
		d := &e.sc.Decisions[i]
		at, ok := put[d.ID]
		if !ok || made[d.ID] {
			continue
		}
		role, by := e.decider(d)
		out = append(out, OpenDecision{Decision: d, PutAt: at, Deadline: at + decisionWithin(d).D(), Decider: by, DeciderRole: role})
	}
	return out
}

// decider is the default for who made decision d, and the role they play:
// the one the decision names, falling back to the incident manager, who
// decides when the scenario does not say. Caller holds mu.
func (e *Engine) decider(d *Decision) (Ref, string) {
	if by := e.playerFor(d.By); by != "" {
		return d.By, by
	}
	im := Ref(plan.FunctionIncidentManager)
	by := e.playerFor(im)
	if by == "" {
		return d.By, ""
	}
	return im, by
}

// PlayerFor returns who plays the role a reference binds to: the
// participant cast in one of its roles, else the roles' primary holder;
// "" for no reference or nobody.
func (e *Engine) PlayerFor(r Ref) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.playerFor(r)
}

// playerFor: caller holds mu.
func (e *Engine) playerFor(r Ref) string {
	if r == "" {
		return ""
	}
	b := e.binding(r)
	for _, p := range e.run.Participants {
		if slices.Contains(b.IDs, p.Role) {
			return p.Person
		}
	}
	if len(b.People) > 0 {
		return b.People[0]
	}
	return ""
}

// CompletedSteps lists the playbook steps ticked so far in this run, by
// playbook ID, in ascending order.
func (e *Engine) CompletedSteps() map[string][]int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return CompletedSteps(e.run.Events[:e.shown])
}
