// Package scenarios holds the tabletop-exercise scenario format (YAML,
// decoded from the node tree so errors name line and field; Master Events
// List import), the built-in scenario library, binding to a plan, and the
// exercise engine: clock, injects, timers, event log, journal and resume,
// and the queries the console shows (inject states, open decisions,
// completed playbook steps). It has no GUI dependencies.
package scenarios

import (
	"drillbook/plan"
)

// Scenario is one exercise: a story told through injects on a clock, with
// the actions the team is expected to take.
type Scenario struct {
	ID               string        `yaml:"id"`
	Title            string        `yaml:"title"`
	Category         plan.Category `yaml:"category"`
	StartingSeverity int           `yaml:"startingSeverity"`
	Duration         plan.Duration `yaml:"duration"`
	Summary          string        `yaml:"summary"`
	Objectives       []string      `yaml:"objectives"`
	Injects          []Inject      `yaml:"injects"`
	Decisions        []Decision    `yaml:"decisions,omitempty"`
	// Floating injects have no time: the facilitator plays them, or a
	// decision's option triggers them.
	Floating []Inject `yaml:"floating,omitempty"`
	Hotwash  []string `yaml:"hotwash"`

	// Source is where the scenario was loaded from (a file path, or
	// "built-in"); it is not part of the file.
	Source string `yaml:"-"`
}

// Inject is a piece of information delivered to the players.
type Inject struct {
	ID string `yaml:"id"`
	// At is the exercise time of delivery; unused for floating injects.
	At Offset `yaml:"at,omitempty"`
	// From is who or what the inject comes from: monitoring, customer,
	// staff, press, regulator, social-media, or a Ref such as third-party:dns.
	From    string `yaml:"from"`
	Channel string `yaml:"channel,omitempty"` // pager, email, phone, chat, status page…
	To      []Ref  `yaml:"to,omitempty"`
	Text    string `yaml:"text"` // Markdown
	// Severity, when set, is the severity the situation now warrants; the
	// team is expected to re-grade, and the projector shows it once set.
	Severity int           `yaml:"severity,omitempty"`
	Expect   []Expectation `yaml:"expect,omitempty"`
}

// ExpectKind is an action players are expected to take.
type ExpectKind string

// Expectation kinds.
const (
	ExpectAcknowledge     ExpectKind = "acknowledge"
	ExpectDeclare         ExpectKind = "declare-incident"
	ExpectSetSeverity     ExpectKind = "set-severity"
	ExpectAssignIM        ExpectKind = "assign-incident-manager"
	ExpectEscalate        ExpectKind = "escalate"
	ExpectNotify          ExpectKind = "notify-stakeholder"
	ExpectContactSupplier ExpectKind = "contact-third-party"
	ExpectReport          ExpectKind = "report-to-regulator"
	ExpectPlaybookStep    ExpectKind = "complete-playbook-step"
	ExpectDecide          ExpectKind = "decide"
)

// ExpectKinds lists the valid kinds.
var ExpectKinds = []ExpectKind{ExpectAcknowledge, ExpectDeclare, ExpectSetSeverity, ExpectAssignIM, ExpectEscalate, ExpectNotify, ExpectContactSupplier, ExpectReport, ExpectPlaybookStep, ExpectDecide}

// needsTarget lists kinds whose expectation must say to whom or what.
var needsTarget = map[ExpectKind]string{
	ExpectEscalate:        "a role",
	ExpectNotify:          "a stakeholder:",
	ExpectContactSupplier: "a third-party:",
	ExpectReport:          "a regulator:",
}

// Expectation is an action expected after an inject, within a deadline.
type Expectation struct {
	ID     string        `yaml:"id,omitempty"`
	Kind   ExpectKind    `yaml:"kind"`
	By     Ref           `yaml:"by,omitempty"`
	Target Ref           `yaml:"target,omitempty"`
	Within plan.Duration `yaml:"within"`
	Weight float64       `yaml:"weight,omitempty"` // default 1
	// Severities are the acceptable levels for set-severity.
	Severities []int  `yaml:"severities,omitempty"`
	Note       string `yaml:"note,omitempty"` // what good looks like, for the evaluator
}

// Grade rates a decision option.
type Grade string

// Grades.
const (
	GradeGood       Grade = "good"
	GradeAcceptable Grade = "acceptable"
	GradePoor       Grade = "poor"
)

// Decision is a point where the team must choose; options are graded and
// can trigger floating injects as consequences.
type Decision struct {
	ID      string        `yaml:"id"`
	At      Offset        `yaml:"at"`
	By      Ref           `yaml:"by,omitempty"`
	Prompt  string        `yaml:"prompt"`
	Within  plan.Duration `yaml:"within,omitempty"` // default 10m
	Options []Option      `yaml:"options"`
}

// Option is one answer to a decision.
type Option struct {
	Text  string   `yaml:"text"`
	Grade Grade    `yaml:"grade"`
	Then  []string `yaml:"then,omitempty"` // floating inject IDs played when chosen
}

// Inject returns the timed or floating inject with the ID, or nil.
func (s *Scenario) Inject(id string) *Inject {
	for i := range s.Injects {
		if s.Injects[i].ID == id {
			return &s.Injects[i]
		}
	}
	for i := range s.Floating {
		if s.Floating[i].ID == id {
			return &s.Floating[i]
		}
	}
	return nil
}

// Clone returns a deep copy, so a run or an editor can change a scenario
// without touching the shared library. Any scenario copies, valid or not.
func Clone(s *Scenario) *Scenario {
	c := deepCopy(*s)
	return &c
}
