package scenarios

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"drillbook/internal/prose"
	"drillbook/plan"
)

// Plan timer kinds (Task.Kind for Source plan).
const (
	TimerAcknowledge   = "acknowledge"
	TimerFirstUpdate   = "first-update"
	TimerUpdateCadence = "update-cadence"
	TimerResolve       = "resolve"
	TimerEscalation    = "escalation-rule"
	TimerStakeholder   = "stakeholder-update"
	TimerReport        = "report-deadline"
)

// escalationGrace is how long the team has to act once an escalation
// rule's trigger holds: the rule says when to escalate, not how fast.
const escalationGrace = 5 * time.Minute

type taskState int

const (
	stateOpen   taskState = iota // running towards its deadline
	stateArmed                   // escalation rule waiting for its time
	stateLate                    // deadline passed, still open to a late action
	stateMet                     // done (Status met or late)
	stateClosed                  // not needed, or superseded
)

// task is a plan.Task plus what the engine needs to run it.
type task struct {
	plan.Task
	state taskState
	// matches reports whether an action satisfies the task.
	matches func(Action) bool
	// severityBound tasks are re-planned when the severity changes.
	severityBound bool
	// repeat, when set, opens the next window of a cadence once met.
	repeat time.Duration
	// series and window number a cadence's later windows: the first
	// window's ID and this window's number (0 for the first window).
	series string
	window int
	rule   *plan.EscalationRule
	// ruleAfter is when the rule fires, from when its trigger began to
	// hold (its ladder's delays added up).
	ruleAfter time.Duration
}

func (e *Engine) addTask(tk *task) *task {
	if tk.Weight == 0 {
		tk.Weight = 1
	}
	tk.Status = plan.TaskPending
	e.tasks = append(e.tasks, tk)
	return tk
}

// planTimers creates the deadlines the plan sets for this incident at the
// current severity, plus the reporting obligations. Caller holds mu.
func (e *Engine) planTimers() {
	e.severityTimers(0, 0, false, nil)
	for _, i := range obligationsCovering(e.ws, e.sc.Category) {
		o := e.ws.ReportingObligations[i]
		if o.Deadline <= 0 {
			continue
		}
		tk := e.addTask(&task{Task: plan.Task{
			ID: "report:" + o.ID, Source: plan.SourcePlan, Kind: TimerReport,
			Label: fmt.Sprintf("Report to %s within %s", o.Body, span(o.Deadline)), Target: o.ID,
			Deadline: o.Deadline, Refs: []string{fmt.Sprintf("reportingObligations[%d]", i)},
		}, matches: func(a Action) bool { return a.Kind == ExpectReport && a.Target == o.ID }})
		if len(o.Severities) > 0 {
			tk.severityBound = true
			if !slices.Contains(o.Severities, e.severity) {
				tk.state, tk.Status = stateClosed, plan.TaskNotNeeded
			}
		}
	}
}

// severityTimers creates the severity-dependent timers for e.severity,
// measured from detection (T+0). from clamps deadlines that a re-plan
// would put in the past; skip lists kinds that already ran their course.
func (e *Engine) severityTimers(now time.Duration, lastUpdate time.Duration, hadUpdate bool, skip map[string]bool) {
	sev := e.ws.Severity(e.severity)
	if sev == nil {
		return
	}
	path := fmt.Sprintf("severities[%d].targets", slices.IndexFunc(e.ws.Severities, func(s plan.Severity) bool { return s.Level == e.severity }))
	at := func(d plan.Duration) plan.Duration { return plan.Duration(max(d.D(), now)) }
	t := sev.Targets
	add := func(kind, label string, start, deadline plan.Duration, m func(Action) bool, ref string) *task {
		if skip[kind] {
			return nil
		}
		return e.addTask(&task{Task: plan.Task{
			ID: fmt.Sprintf("%s@sev%d", kind, e.severity), Source: plan.SourcePlan, Kind: kind, Label: label,
			Start: start, Deadline: at(deadline), Refs: []string{path + "." + ref},
		}, matches: m, severityBound: true})
	}
	isKind := func(k ExpectKind) func(Action) bool { return func(a Action) bool { return a.Kind == k } }
	if t.Acknowledge > 0 {
		add(TimerAcknowledge, fmt.Sprintf("Acknowledge within %s (severity %d)", span(t.Acknowledge), e.severity), 0, t.Acknowledge, isKind(ExpectAcknowledge), "acknowledge")
	}
	if t.FirstUpdate > 0 {
		add(TimerFirstUpdate, fmt.Sprintf("First stakeholder update within %s", span(t.FirstUpdate)), 0, t.FirstUpdate, isKind(ExpectNotify), "firstUpdate")
	}
	if t.UpdateCadence > 0 && hadUpdate {
		// The cadence runs from the last update once one has gone out.
		if tk := add(TimerUpdateCadence, fmt.Sprintf("Update stakeholders every %s", span(t.UpdateCadence)), plan.Duration(lastUpdate), plan.Duration(lastUpdate)+t.UpdateCadence, isKind(ExpectNotify), "updateCadence"); tk != nil {
			tk.repeat = t.UpdateCadence.D()
		}
	}
	if t.Resolve > 0 {
		add(TimerResolve, fmt.Sprintf("Resolve within %s", span(t.Resolve)), 0, t.Resolve, isKind(ActionResolve), "resolve")
	}
	// Ladder tiers are timed from the tier before; the engine needs each
	// rule's time from when its trigger began to hold.
	offsets := e.ws.EscalationOffsets()
	for i := range e.ws.EscalationRules {
		r := &e.ws.EscalationRules[i]
		after := offsets[i]
		if !slices.Contains(r.Severities, e.severity) || after <= 0 {
			continue
		}
		role := e.ws.Role(r.EscalateTo)
		name := r.EscalateTo
		if role != nil {
			name = role.Name
		}
		e.addTask(&task{Task: plan.Task{
			ID: fmt.Sprintf("rule:%s@sev%d", r.ID, e.severity), Source: plan.SourcePlan, Kind: TimerEscalation,
			Label: fmt.Sprintf("%s: if %s after %s, escalate to %s", r.Name, plan.Words(string(r.Trigger)), span(after), name), Target: r.EscalateTo,
			Start: at(after), Deadline: at(after) + plan.Duration(escalationGrace),
			Refs: []string{fmt.Sprintf("escalationRules[%d]", i)},
		}, matches: e.escalatesTo(r.EscalateTo), severityBound: true, rule: r, ruleAfter: after.D()}).state = stateArmed
	}
	for i, st := range e.ws.Stakeholders {
		for _, c := range st.Cadence {
			if c.Severity != e.severity || c.Every <= 0 {
				continue
			}
			id := st.ID
			tk := e.addTask(&task{Task: plan.Task{
				ID: fmt.Sprintf("stakeholder:%s@sev%d", st.ID, e.severity), Source: plan.SourcePlan, Kind: TimerStakeholder,
				Label: fmt.Sprintf("Update %s every %s", st.Name, span(c.Every)), Target: st.ID,
				Start: plan.Duration(lastUpdate), Deadline: at(plan.Duration(lastUpdate) + c.Every), Refs: []string{fmt.Sprintf("stakeholders[%d].cadence", i)},
			}, matches: func(a Action) bool { return a.Kind == ExpectNotify && a.Target == id }, severityBound: true})
			tk.repeat = c.Every.D()
		}
	}
}

// escalatesTo matches an escalation to a role, or to anyone who holds it.
func (e *Engine) escalatesTo(roleID string) func(Action) bool {
	return func(a Action) bool {
		if a.Kind != ExpectEscalate {
			return false
		}
		if a.Target == roleID {
			return true
		}
		r := e.ws.Role(roleID)
		return r != nil && slices.Contains(r.Members, a.Target)
	}
}

// oneShot kinds are credited when already done before the expectation
// appears (the team escalated before the inject asked them to); repeatable
// kinds such as stakeholder updates must be done again.
var oneShot = map[ExpectKind]bool{
	ExpectAcknowledge: true, ExpectDeclare: true, ExpectAssignIM: true, ExpectEscalate: true,
	ExpectContactSupplier: true, ExpectReport: true, ExpectSetSeverity: true,
}

// addExpectation opens the task for an inject's expectation at time t.
func (e *Engine) addExpectation(in *Inject, j int, t time.Duration) {
	x := in.Expect[j]
	if e.bindings[x.Target].NotApplicable || e.bindings[x.By].NotApplicable {
		return // e.g. "escalate to the clinical safety officer" at a SaaS company
	}
	id := ExpectationID(in.ID, j, &x)
	targets := e.targetIDs(x.Target)
	label := x.Kind.Words()
	if x.Target != "" {
		label += " → " + e.refName(x.Target)
	}
	if x.By != "" {
		label = e.refName(x.By) + ": " + label
	}
	matches := func(a Action) bool {
		if a.Kind != x.Kind {
			return false
		}
		if x.Kind == ExpectSetSeverity {
			return slices.Contains(x.Severities, a.Severity)
		}
		return x.Target == "" || slices.Contains(targets, a.Target)
	}
	tk := e.addTask(&task{Task: plan.Task{
		ID: id, Source: plan.SourceScenario, Kind: string(x.Kind), Label: label, Target: string(x.Target),
		Start: plan.Duration(t), Deadline: plan.Duration(t) + x.Within, Weight: x.Weight,
		Refs: []string{"inject:" + in.ID},
	}, matches: matches})
	if oneShot[x.Kind] {
		for _, r := range e.actions {
			if matches(r.a) {
				e.meet(tk, t, "already done")
				break
			}
		}
	}
}

// targetIDs lists the plan IDs an action's target may name to satisfy a
// reference: the bound IDs, plus the people holding a bound role.
func (e *Engine) targetIDs(r Ref) []string {
	if r == "" {
		return nil
	}
	b := e.binding(r)
	return append(append([]string(nil), b.IDs...), b.People...)
}

func (e *Engine) refName(r Ref) string {
	b, ok := e.bindings[r]
	if ok && len(b.Names) > 0 {
		return b.Names[0]
	}
	return string(r)
}

// putDecision puts a decision point to the team and opens its task.
func (e *Engine) putDecision(d *Decision, t time.Duration) {
	e.emit(plan.Event{Kind: plan.EventDecisionDue, At: plan.Duration(t), Action: d.ID, Actor: string(d.By), Text: d.Prompt})
	id := d.ID
	e.addTask(&task{Task: plan.Task{
		ID: "decision:" + d.ID, Source: plan.SourceScenario, Kind: string(ExpectDecide), Label: "Decide: " + firstLine(d.Prompt),
		Start: plan.Duration(t), Deadline: plan.Duration(t) + decisionWithin(d), Refs: []string{"decision:" + d.ID},
	}, matches: func(a Action) bool { return a.Kind == ExpectDecide && a.Target == id }})
}

// decisionWithin is how long the team has for a decision: 10 minutes
// unless the scenario says.
func decisionWithin(d *Decision) plan.Duration {
	if d.Within > 0 {
		return d.Within
	}
	return 10 * plan.Minute
}

// trigger evaluates an armed escalation rule at its time: if its trigger
// holds, an escalation is due within the grace period; otherwise the rule
// was not needed.
func (e *Engine) trigger(tk *task, t time.Duration) {
	r := tk.rule
	holds := false
	switch r.Trigger {
	case plan.TriggerUnacknowledged:
		holds = !e.did(func(a Action) bool { return a.Kind == ExpectAcknowledge }, 0, t)
	case plan.TriggerUnresolved:
		holds = !e.did(func(a Action) bool { return a.Kind == ActionResolve }, 0, t)
	case plan.TriggerNoUpdate:
		holds = !e.did(func(a Action) bool { return a.Kind == ExpectNotify }, t-tk.ruleAfter, t)
	}
	if !holds {
		tk.state, tk.Status = stateClosed, plan.TaskNotNeeded
		e.emit(plan.Event{Kind: plan.EventCleared, At: plan.Duration(t), Action: tk.ID, Text: "Not needed: " + tk.Label})
		return
	}
	tk.state = stateOpen
	e.emit(plan.Event{Kind: plan.EventEscalationDue, At: plan.Duration(t), Action: tk.ID, Target: tk.Target, Text: "Escalation due — " + tk.Label, Refs: tk.Refs})
	// An escalation made before the rule fired counts.
	for _, ra := range e.actions {
		if tk.matches(ra.a) {
			e.meet(tk, t, "escalated beforehand")
			break
		}
	}
}

// did reports whether a matching action was recorded in (from, to].
func (e *Engine) did(m func(Action) bool, from, to time.Duration) bool {
	for _, r := range e.actions {
		if r.at <= to && (r.at > from || from == 0) && m(r.a) {
			return true
		}
	}
	return false
}

// breach records a passed deadline. The task stays open to a late action.
func (e *Engine) breach(tk *task, t time.Duration) {
	tk.state = stateLate
	tk.Status = plan.TaskMissed
	e.emit(plan.Event{Kind: plan.EventBreach, At: plan.Duration(t), Action: tk.ID, Target: tk.Target, Text: "Deadline missed: " + tk.Label, Refs: tk.Refs})
}

// meet marks a task done at time t and opens the next cadence window.
func (e *Engine) meet(tk *task, t time.Duration, how string) {
	at := plan.Duration(t)
	tk.MetAt = &at
	if tk.state == stateLate {
		tk.Status = plan.TaskLate
	} else {
		tk.Status = plan.TaskMet
	}
	tk.state = stateMet
	text := "Met: " + tk.Label
	if tk.Status == plan.TaskLate {
		text = fmt.Sprintf("Met %s: %s", prose.Margin(tk.Deadline.D()-t), tk.Label)
	}
	if how != "" {
		text += " (" + how + ")"
	}
	e.emit(plan.Event{Kind: plan.EventTimerMet, At: at, Action: tk.ID, Text: text, Refs: tk.Refs})
	if tk.Kind == TimerFirstUpdate {
		// Once the first update is out, the update cadence starts.
		if sev := e.ws.Severity(e.severity); sev != nil && sev.Targets.UpdateCadence > 0 {
			c := sev.Targets.UpdateCadence
			e.addTask(&task{Task: plan.Task{
				ID: fmt.Sprintf("%s@sev%d", TimerUpdateCadence, e.severity), Source: plan.SourcePlan, Kind: TimerUpdateCadence,
				Label: fmt.Sprintf("Update stakeholders every %s", span(c)), Start: at, Deadline: at + c,
				Refs: []string{fmt.Sprintf("severities[%d].targets.updateCadence", slices.IndexFunc(e.ws.Severities, func(s plan.Severity) bool { return s.Level == e.severity }))},
			}, severityBound: true, repeat: c.D(), matches: func(a Action) bool { return a.Kind == ExpectNotify }})
		}
	}
	if tk.repeat > 0 {
		next := *tk
		// Cadence windows are numbered "<id>#2", "<id>#3", …; the first
		// has no suffix.
		if tk.window == 0 {
			next.series, next.window = tk.ID, 2
		} else {
			next.window++
		}
		next.ID = fmt.Sprintf("%s#%d", next.series, next.window)
		next.Start, next.Deadline, next.MetAt = at, at+plan.Duration(tk.repeat), nil
		next.state = stateOpen
		e.addTask(&next)
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// span writes a plan duration in a task label the way a reader says it
// ("15 min", "3 days"): the labels reach the console, the participants'
// window and the reports.
func span(d plan.Duration) string { return prose.Duration(d.D()) }
