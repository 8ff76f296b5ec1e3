package plan

import (
	"strconv"
	"strings"
	"time"
)

// Run is the stored record of one exercise run: what scenario was played
// against this plan, how its references were bound, everything recorded,
// and the outcome of every critical task. The engine in package scenarios
// produces it; scoring reads it.
type Run struct {
	ID               string   `json:"id"`
	ScenarioID       string   `json:"scenarioId"`
	ScenarioTitle    string   `json:"scenarioTitle"`
	Category         Category `json:"category"`
	StartingSeverity int      `json:"startingSeverity"`
	Objectives       []string `json:"objectives,omitempty"`
	// Started and Ended are wall-clock times; Length is exercise time.
	Started      time.Time        `json:"started"`
	Ended        time.Time        `json:"ended"`
	Length       Duration         `json:"length"`
	Facilitator  string           `json:"facilitator,omitempty"`
	Participants []Participant    `json:"participants,omitempty"`
	Bindings     []RunBinding     `json:"bindings,omitempty"`
	Events       []Event          `json:"events,omitempty"`
	Tasks        []Task           `json:"tasks,omitempty"`
	Decisions    []DecisionRecord `json:"decisions,omitempty"`
	Hotwash      []HotwashNote    `json:"hotwash,omitempty"`
}

// Participant maps a person to the role they played.
type Participant struct {
	Person string `json:"person"`
	Role   string `json:"role"`
}

// RunBinding records what a scenario reference bound to, or why it could
// not be bound (Gap), which the assessment reports as a finding.
type RunBinding struct {
	Ref   string   `json:"ref"`
	IDs   []string `json:"ids,omitempty"`
	Names []string `json:"names,omitempty"`
	Gap   string   `json:"gap,omitempty"`
	// Injects are the scenario injects that use the reference; an unbound
	// reference matters only if one of them was played. Empty in runs
	// recorded before this was kept, and for references of decisions.
	Injects []string `json:"injects,omitempty"`
}

// Event kinds recorded in a run's log.
const (
	EventStart       = "start"
	EventPause       = "pause"
	EventResume      = "resume"
	EventSpeed       = "speed"
	EventSkip        = "skip"
	EventInject      = "inject"    // an inject was delivered
	EventAction      = "action"    // the team did something (Action holds the kind)
	EventTimerMet    = "timer-met" // a task was satisfied
	EventBreach      = "breach"    // a task's deadline passed unmet
	EventSeverity    = "severity"  // the incident's severity changed
	EventDecision    = "decision"  // a decision option was chosen
	EventNote        = "note"      // free-text note
	EventObservation = "observation"
	EventEnd         = "end"
	// EventEscalationDue: an escalation rule's trigger held at its time,
	// so an escalation is now expected.
	EventEscalationDue = "escalation-due"
	// EventCleared: a plan timer is no longer needed (its trigger did not
	// happen, or a severity change re-planned it).
	EventCleared = "cleared"
	// EventDecisionDue: a decision point was put to the team.
	EventDecisionDue = "decision-due"
	// EventCheckpoint marks exercise time in the journal so a resumed run
	// continues where its clock stopped; it is not shown in logs.
	EventCheckpoint = "checkpoint"
	// EventCorrection strikes or corrects an earlier entry (Corrects,
	// Reason, Replacement). The entry stays in the log as recorded; what
	// the run derives from it is worked out again from the corrected log.
	EventCorrection = "correction"
)

// Event is one entry of a run's log. At is exercise time; Wall is when it
// was recorded.
type Event struct {
	Seq  int       `json:"seq"`
	At   Duration  `json:"at"`
	Wall time.Time `json:"wall"`
	Kind string    `json:"kind"`
	// Action is the action kind for EventAction (an expectation kind such
	// as "escalate"), the task ID for timer events, the inject ID for
	// EventInject.
	Action string `json:"action,omitempty"`
	Actor  string `json:"actor,omitempty"`  // person or role ID
	Target string `json:"target,omitempty"` // role, stakeholder, third party, obligation ID
	Text   string `json:"text,omitempty"`
	// Note is the free text the facilitator typed with an action (Text is
	// the rendered line shown in logs).
	Note string `json:"note,omitempty"`
	// Severity is the level for EventSeverity and set-severity actions.
	Severity int `json:"severity,omitempty"`
	// Choice is the 1-based option number for EventDecision.
	Choice int `json:"choice,omitempty"`
	// Speed is the new clock speed for EventSpeed.
	Speed float64  `json:"speed,omitempty"`
	Refs  []string `json:"refs,omitempty"` // plan paths or scenario IDs the event concerns
	// Step is the playbook step a complete-playbook-step action ticked,
	// when it was ticked from the playbook's checklist.
	Step *StepRef `json:"step,omitempty"`
	// Corrects is, for EventCorrection, the Seq of the entry struck or
	// corrected; Actor is who corrected it.
	Corrects int `json:"corrects,omitempty"`
	// Reason is why the entry was struck or corrected.
	Reason string `json:"reason,omitempty"`
	// Replacement is the entry as corrected, with the original's Seq, At
	// and Wall; nil strikes the entry.
	Replacement *Event `json:"replacement,omitempty"`
}

// StepRef points at one step of a playbook.
type StepRef struct {
	Playbook string `json:"playbook"` // the playbook's ID
	Step     int    `json:"step"`     // 1-based, as the checklist numbers them
}

// LegacyStepNote reads the note that schema version 2 and older recorded
// for a ticked playbook step, "<playbook ID> step <n>: <step text>", before
// events had a Step. Only the loading of old files uses it: migrateV2 and
// the reading of old exercise journals.
func LegacyStepNote(note string) (StepRef, bool) {
	id, rest, ok := strings.Cut(note, " step ")
	if !ok || !ValidID(id) {
		return StepRef{}, false
	}
	num, _, ok := strings.Cut(rest, ":")
	n, err := strconv.Atoi(num)
	if !ok || err != nil || n < 1 {
		return StepRef{}, false
	}
	return StepRef{Playbook: id, Step: n}, true
}

// Task sources.
const (
	SourceScenario = "scenario" // an expectation written in the scenario
	SourcePlan     = "plan"     // a deadline taken from the plan
)

// Task statuses.
const (
	TaskMet       = "met"        // done by the deadline
	TaskLate      = "late"       // done after the deadline
	TaskMissed    = "missed"     // never done
	TaskPending   = "pending"    // deadline not reached when the run ended
	TaskNotNeeded = "not-needed" // its trigger never happened (e.g. no escalation was due)
)

// Task is a critical task of a run: a scenario expectation or a deadline
// derived from the plan, with its outcome. Deadlines are absolute exercise
// times.
type Task struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	// Kind is an expectation kind (acknowledge, escalate, …) or a plan
	// timer kind (first-update, update-cadence, resolve, escalation-rule,
	// stakeholder-update, report-deadline).
	Kind     string    `json:"kind"`
	Label    string    `json:"label"`
	Target   string    `json:"target,omitempty"`
	Start    Duration  `json:"start"`
	Deadline Duration  `json:"deadline"`
	MetAt    *Duration `json:"metAt,omitempty"`
	Status   string    `json:"status"`
	Weight   float64   `json:"weight"`
	// Refs point at the evidence: the plan path the deadline came from
	// (e.g. "escalationRules[2]"), the scenario expectation ID.
	Refs []string `json:"refs,omitempty"`
}

// DecisionRecord is the option chosen at a decision point.
type DecisionRecord struct {
	ID     string   `json:"id"`
	Prompt string   `json:"prompt"`
	Choice string   `json:"choice"`
	Grade  string   `json:"grade"` // good | acceptable | poor
	At     Duration `json:"at"`
	By     string   `json:"by,omitempty"`
}

// HotwashNote is the answer to a debrief question.
type HotwashNote struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
}
