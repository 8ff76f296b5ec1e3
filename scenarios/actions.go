package scenarios

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"drillbook/internal/atomicfile"
	"drillbook/plan"
)

// ActionResolve records that the incident was resolved. It is not an
// expectation kind in scenario files, but plan timers (resolve targets,
// "unresolved" escalation rules) depend on it.
const ActionResolve ExpectKind = "resolve"

// ActionKinds are the one-click actions a facilitator can record.
var ActionKinds = append(slices.Clone(ExpectKinds), ActionResolve)

// Action is something the team did.
type Action struct {
	Kind ExpectKind
	// Actor is the person or role ID who did it.
	Actor string
	// Target is whom or what it was aimed at: a role or person (escalate),
	// a stakeholder (notify), a third party (contact), an obligation
	// (report), a decision ID (decide).
	Target   string
	Severity int // for set-severity
	Text     string
	// Step is the playbook step ticked, for a complete-playbook-step
	// action recorded from the playbook's checklist (see TickStep).
	Step *plan.StepRef
}

// Record logs an action the team took and marks every task it satisfies.
// A set-severity action re-plans the plan's timers for the new severity.
func (e *Engine) Record(a Action) ([]plan.Event, error) {
	if err := e.checkAction(a); err != nil {
		return nil, err
	}
	return e.command(func(now time.Duration) error {
		if a.Step != nil && e.stepRecorded(*a.Step) {
			return fmt.Errorf("step %d of playbook %q was already recorded", a.Step.Step, a.Step.Playbook)
		}
		e.record(a, now)
		return nil
	})
}

// checkAction refuses an action the run's plan cannot take.
func (e *Engine) checkAction(a Action) error {
	if !slices.Contains(ActionKinds, a.Kind) {
		return fmt.Errorf("unknown action %q", a.Kind)
	}
	if a.Kind == ExpectSetSeverity && e.ws.Severity(a.Severity) == nil {
		return fmt.Errorf("the plan has no severity %d", a.Severity)
	}
	return e.checkStep(a)
}

// actionEvent is the log entry of action a at time now.
func (e *Engine) actionEvent(a Action, now time.Duration) plan.Event {
	ev := plan.Event{Kind: plan.EventAction, At: plan.Duration(now), Action: string(a.Kind), Actor: a.Actor, Target: a.Target, Severity: a.Severity, Note: a.Text, Text: e.describe(a)}
	if a.Step != nil {
		step := *a.Step // the caller's value may change after the call
		ev.Step = &step
	}
	if a.Kind == ExpectDecide {
		// Replay re-creates this from the decision event before it.
		ev.Refs = []string{"decision:" + a.Target}
	}
	return ev
}

func (e *Engine) record(a Action, now time.Duration) {
	e.emit(e.actionEvent(a, now))
	e.actions = append(e.actions, recorded{now, a})
	// Scenario expectations: the earliest open matching one is met (one
	// update satisfies one expectation). Plan timers: every matching one
	// (one update can satisfy the first-update target and a stakeholder's
	// cadence at once).
	scenarioDone := false
	for _, tk := range e.tasks {
		if (tk.state != stateOpen && tk.state != stateLate) || tk.Start.D() > now || !tk.matches(a) {
			continue
		}
		if tk.Source == plan.SourceScenario {
			if scenarioDone {
				continue
			}
			scenarioDone = true
		}
		e.meet(tk, now, "")
	}
	if a.Kind == ExpectSetSeverity && a.Severity != e.severity {
		e.changeSeverity(a.Severity, now)
	}
}

// describe renders an action for the log, with plan names.
func (e *Engine) describe(a Action) string {
	var b strings.Builder
	if a.Actor != "" {
		b.WriteString(e.name(a.Actor) + ": ")
	}
	b.WriteString(strings.ReplaceAll(string(a.Kind), "-", " "))
	if a.Kind == ExpectSetSeverity {
		fmt.Fprintf(&b, " %d", a.Severity)
	}
	if a.Target != "" {
		b.WriteString(" → " + e.name(a.Target))
	}
	if a.Step != nil {
		b.WriteString(" → " + e.stepName(*a.Step))
	}
	if a.Text != "" {
		b.WriteString(" — " + a.Text)
	}
	return b.String()
}

// name finds a display name for any plan ID.
func (e *Engine) name(id string) string {
	if p := e.ws.Person(id); p != nil {
		return p.Name
	}
	if r := e.ws.Role(id); r != nil {
		return r.Name
	}
	if t := e.ws.ThirdParty(id); t != nil {
		return t.Name
	}
	for _, s := range e.ws.Stakeholders {
		if s.ID == id {
			return s.Name
		}
	}
	for _, o := range e.ws.ReportingObligations {
		if o.ID == id {
			return o.Body
		}
	}
	return id
}

// changeSeverity re-plans the severity-bound plan timers. Timers already
// met or breached keep their outcome; open and armed ones are superseded
// and re-created from detection with the new targets (never earlier than
// now, so a stricter target cannot produce a breach in the past).
func (e *Engine) changeSeverity(level int, now time.Duration) {
	old := e.severity
	e.severity = level
	skip := map[string]bool{}
	var replanned []string
	var lastUpdate time.Duration
	for _, r := range e.actions {
		if r.a.Kind == ExpectNotify {
			lastUpdate = r.at
		}
	}
	for _, tk := range e.tasks {
		if !tk.severityBound {
			continue
		}
		switch tk.state {
		case stateMet, stateLate:
			// Keep the outcome; do not create the same deadline again.
			if tk.Kind != TimerEscalation && tk.Kind != TimerReport && tk.repeat == 0 {
				skip[tk.Kind] = true
			}
		case stateOpen, stateArmed:
			if tk.Kind == TimerReport {
				continue
			}
			tk.state, tk.Status = stateClosed, plan.TaskNotNeeded
			replanned = append(replanned, tk.ID)
		}
	}
	before := len(e.tasks)
	hadUpdate := e.did(func(a Action) bool { return a.Kind == ExpectNotify }, 0, now)
	if hadUpdate {
		skip[TimerFirstUpdate] = true
	}
	e.severityTimers(now, lastUpdate, hadUpdate, skip)
	var added []string
	for _, tk := range e.tasks[before:] {
		added = append(added, tk.ID)
	}
	// Reporting obligations limited to some severities open or close.
	for _, tk := range e.tasks {
		if tk.Kind != TimerReport || !tk.severityBound || tk.state == stateMet || tk.state == stateLate {
			continue
		}
		o := e.obligation(tk.Target)
		if o == nil {
			continue
		}
		if slices.Contains(o.Severities, level) {
			if tk.state == stateClosed {
				tk.state, tk.Status = stateOpen, plan.TaskPending
				added = append(added, tk.ID)
			}
		} else if tk.state == stateOpen {
			tk.state, tk.Status = stateClosed, plan.TaskNotNeeded
			replanned = append(replanned, tk.ID)
		}
	}
	// One line for the change, its details in Refs (see ReplanDetail): a
	// line per superseded timer buried the log.
	refs := make([]string, 0, len(replanned)+len(added))
	for _, id := range replanned {
		refs = append(refs, refReplanned+id)
	}
	for _, id := range added {
		refs = append(refs, refNewTarget+id)
	}
	e.emit(plan.Event{Kind: plan.EventSeverity, At: plan.Duration(now), Severity: level, Text: fmt.Sprintf("Severity %d → %d", old, level), Refs: refs})
}

// Refs of a severity event: the tasks it superseded and the ones it opened.
const (
	refReplanned = "replanned:"
	refNewTarget = "new:"
)

// ReplanDetail is what a severity change re-planned, for the detail of its
// log line: the labels of the targets it superseded and of the new ones,
// looked up in tasks (Engine.Tasks, or a stored run's).
func ReplanDetail(ev plan.Event, tasks []plan.Task) (replanned, added []string) {
	label := make(map[string]string, len(tasks))
	for _, t := range tasks {
		label[t.ID] = t.Label
	}
	for _, r := range ev.Refs {
		if id, ok := strings.CutPrefix(r, refReplanned); ok {
			replanned = append(replanned, plan.OrID(label[id], id))
		} else if id, ok := strings.CutPrefix(r, refNewTarget); ok {
			added = append(added, plan.OrID(label[id], id))
		}
	}
	return replanned, added
}

func (e *Engine) obligation(id string) *plan.ReportingObligation {
	for i := range e.ws.ReportingObligations {
		if e.ws.ReportingObligations[i].ID == id {
			return &e.ws.ReportingObligations[i]
		}
	}
	return nil
}

// Decide records the option chosen at a decision point and plays the
// floating injects it leads to.
func (e *Engine) Decide(decisionID string, option int, by string) ([]plan.Event, error) {
	return e.command(func(now time.Duration) error { return e.decide(decisionID, option, by, now) })
}

// decision finds a decision point and checks the option (0-based).
func (e *Engine) decision(decisionID string, option int) (*Decision, error) {
	i := slices.IndexFunc(e.sc.Decisions, func(d Decision) bool { return d.ID == decisionID })
	if i < 0 {
		return nil, fmt.Errorf("no decision %q", decisionID)
	}
	d := &e.sc.Decisions[i]
	if option < 0 || option >= len(d.Options) {
		return nil, fmt.Errorf("decision %q has no option %d", d.ID, option+1)
	}
	return d, nil
}

// decisionEvent is the log entry of option (0-based) chosen at d.
func decisionEvent(d *Decision, option int, by string, now time.Duration) plan.Event {
	o := d.Options[option]
	return plan.Event{Kind: plan.EventDecision, At: plan.Duration(now), Action: d.ID, Actor: by, Choice: option + 1, Text: fmt.Sprintf("%s → %s", firstLine(d.Prompt), o.Text)}
}

func (e *Engine) decide(decisionID string, option int, by string, now time.Duration) error {
	d, err := e.decision(decisionID, option)
	if err != nil {
		return err
	}
	if e.decided[d.ID] {
		return fmt.Errorf("decision %q was already made", d.ID)
	}
	o := d.Options[option]
	e.emit(decisionEvent(d, option, by, now))
	e.decided[d.ID] = true
	e.run.Decisions = append(e.run.Decisions, plan.DecisionRecord{ID: d.ID, Prompt: d.Prompt, Choice: o.Text, Grade: string(o.Grade), At: plan.Duration(now), By: by})
	e.record(Action{Kind: ExpectDecide, Actor: by, Target: d.ID, Text: o.Text}, now)
	if e.rebuilding {
		// Working out a correction: the injects the players were actually
		// given are in the log and replayed from it.
		return nil
	}
	for _, id := range o.Then {
		if e.delivered[id] {
			continue
		}
		if err := e.playFloating(id, now); err != nil {
			return err
		}
	}
	return nil
}

// Note records free text; an observation is an evaluator's note. Both are
// tied to the most recent inject.
func (e *Engine) Note(text string, observation bool, by string) ([]plan.Event, error) {
	if strings.TrimSpace(text) == "" {
		return nil, errors.New("the note is empty")
	}
	kind := plan.EventNote
	if observation {
		kind = plan.EventObservation
	}
	return e.command(func(now time.Duration) error {
		ev := plan.Event{Kind: kind, At: plan.Duration(now), Actor: by, Text: text}
		if last := e.lastInject(); last != "" {
			ev.Refs = []string{"inject:" + last}
		}
		e.emit(ev)
		return nil
	})
}

func (e *Engine) lastInject() string {
	for i := len(e.run.Events) - 1; i >= 0; i-- {
		if e.run.Events[i].Kind == plan.EventInject {
			return e.run.Events[i].Action
		}
	}
	return ""
}

// End stops the run, settles every task's outcome and returns the record
// to store in the workspace. hotwash holds the debrief answers; they are
// journaled with the end, so a run ended but not yet saved can be restored
// from its journal. If the journal cannot be written the run still ends
// and its record is returned with the error: it lives in memory until the
// workspace is saved.
func (e *Engine) End(hotwash []plan.HotwashNote) (*plan.Run, []plan.Event, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil, nil, ErrClosed
	}
	if e.ended {
		return nil, nil, ErrEnded
	}
	now := e.now()
	e.advance(now)
	run := e.finish(now, e.clock.Now(), hotwash)
	evs, err := e.commit()
	e.closeJournal()
	return run, evs, err
}

// finish logs the end at exercise time now (wall time wall) and returns
// the run's record. Caller holds mu.
func (e *Engine) finish(now time.Duration, wall time.Time, hotwash []plan.HotwashNote) *plan.Run {
	e.emit(plan.Event{Kind: plan.EventEnd, At: plan.Duration(now), Text: "Exercise ended"})
	e.ended, e.running, e.base = true, false, now
	e.run.Hotwash = hotwash
	run := e.run
	run.Ended = wall
	run.Length = plan.Duration(now)
	run.Events = slices.Clone(e.run.Events)
	run.Decisions = slices.Clone(e.run.Decisions)
	run.Tasks = e.settle(now)
	return &run
}

// settle returns every task with its final status.
func (e *Engine) settle(end time.Duration) []plan.Task {
	out := make([]plan.Task, 0, len(e.tasks))
	for _, tk := range e.tasks {
		t := tk.Task
		switch tk.state {
		case stateArmed:
			t.Status = plan.TaskNotNeeded
		case stateOpen:
			t.Status = plan.TaskPending // its deadline had not come
		case stateLate:
			t.Status = plan.TaskMissed
		}
		out = append(out, t)
	}
	return out
}

// Tasks returns the current state of every task, for the facilitator.
func (e *Engine) Tasks() []plan.Task {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.settleLive()
}

func (e *Engine) settleLive() []plan.Task {
	out := make([]plan.Task, 0, len(e.tasks))
	for _, tk := range e.tasks {
		t := tk.Task
		t.Status = liveStatus(tk)
		out = append(out, t)
	}
	return out
}

// liveStatus is a task's status while the run goes on: "armed" for an
// escalation rule waiting for its time.
func liveStatus(tk *task) string {
	if tk.state == stateArmed {
		return "armed"
	}
	return tk.Status
}

func (e *Engine) closeJournal() {
	if e.j != nil {
		e.j.close()
		e.j = nil
	}
}

// Close releases the journal without ending the run (the window closed;
// the run can be resumed from the journal later). Every later command
// returns ErrClosed.
func (e *Engine) Close() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.closed = true
	e.closeJournal()
}

// Discard throws the run away, as for a practice run: the journal is
// closed and removed, so nothing is stored and nothing is offered for
// resume. It works on a running, paused or ended run (one ended but not
// yet saved); every later command returns ErrClosed. The error says the
// journal could not be removed (it would be offered for resume).
func (e *Engine) Discard() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.closed, e.running = true, false
	e.closeJournal()
	if e.journalPath == "" {
		return nil
	}
	if err := os.Remove(e.journalPath); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("discarding the exercise: %w", err)
	}
	atomicfile.SyncDir(filepath.Dir(e.journalPath))
	return nil
}
