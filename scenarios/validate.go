package scenarios

import (
	"fmt"
	"slices"
	"strings"

	"drillbook/plan"
)

// Limits on scenario values: generous for user packs; the built-in
// library is held to 20–120 minutes by its own test.
const (
	minScenario = 5 * plan.Minute
	maxScenario = 8 * plan.Hour
	// maxWithin bounds every deadline an inject or decision sets.
	maxWithin = 24 * plan.Hour
)

type checker struct{ errs Errors }

func (c *checker) add(p fieldPath, format string, a ...any) {
	c.errs = append(c.errs, &Error{Path: p.String(), at: p, Msg: fmt.Sprintf(format, a...)})
}

// Validate checks the scenario on its own (binding to a plan happens when a
// run starts). Errors carry paths; Parse adds file and line.
func (s *Scenario) Validate() Errors {
	c := &checker{}
	c.id(field("id"), s.ID, nil)
	if strings.TrimSpace(s.Title) == "" {
		c.add(field("title"), "title is required")
	}
	if !slices.Contains(plan.Categories, s.Category) {
		c.add(field("category"), "unknown category %q", s.Category)
	}
	if s.StartingSeverity < 1 || s.StartingSeverity > 10 {
		c.add(field("startingSeverity"), "starting severity %d is outside 1–10", s.StartingSeverity)
	}
	if s.Duration < minScenario || s.Duration > maxScenario {
		c.add(field("duration"), "duration %s is outside %s–%s", s.Duration, minScenario, maxScenario)
	}
	if len(s.Injects) == 0 {
		c.add(field("injects"), "at least one timed inject is required")
	}
	ids := map[string]bool{}
	floating := map[string]bool{}
	for _, f := range s.Floating {
		floating[f.ID] = true
	}
	for i := range s.Injects {
		c.inject(field("injects").at(i), &s.Injects[i], ids, s, false)
	}
	for i := range s.Floating {
		c.inject(field("floating").at(i), &s.Floating[i], ids, s, true)
	}
	for i, d := range s.Decisions {
		p := field("decisions").at(i)
		c.id(p.key("id"), d.ID, ids)
		c.offset(p.key("at"), d.At, s)
		c.ref(p.key("by"), d.By, false)
		if strings.TrimSpace(d.Prompt) == "" {
			c.add(p.key("prompt"), "prompt is required")
		}
		if d.Within < 0 || d.Within > maxWithin {
			c.add(p.key("within"), "deadline %s is outside 0–%s", d.Within, maxWithin)
		}
		if len(d.Options) < 2 {
			c.add(p.key("options"), "a decision needs at least two options")
		}
		for j, o := range d.Options {
			op := p.key("options").at(j)
			if strings.TrimSpace(o.Text) == "" {
				c.add(op.key("text"), "option text is required")
			}
			if o.Grade != GradeGood && o.Grade != GradeAcceptable && o.Grade != GradePoor {
				c.add(op.key("grade"), "grade %q must be good, acceptable or poor", o.Grade)
			}
			for k, t := range o.Then {
				if !floating[t] {
					c.add(op.key("then").at(k), "no floating inject %q", t)
				}
			}
		}
	}
	if len(s.Hotwash) == 0 {
		c.add(field("hotwash"), "at least one hot-wash question is required")
	}
	return c.errs
}

func (c *checker) inject(p fieldPath, in *Inject, ids map[string]bool, s *Scenario, floating bool) {
	c.id(p.key("id"), in.ID, ids)
	if !floating {
		c.offset(p.key("at"), in.At, s)
	}
	if floating && in.At != 0 {
		c.add(p.key("at"), "floating injects have no time; the facilitator plays them")
	}
	if strings.TrimSpace(in.From) == "" {
		c.add(p.key("from"), "say who or what the inject comes from")
	} else if strings.Contains(in.From, ":") {
		c.ref(p.key("from"), Ref(in.From), false)
	}
	if strings.TrimSpace(in.Text) == "" {
		c.add(p.key("text"), "text is required")
	}
	for j, r := range in.To {
		c.ref(p.key("to").at(j), r, true)
	}
	if in.Severity < 0 || in.Severity > 10 {
		c.add(p.key("severity"), "severity %d is outside 1–10", in.Severity)
	}
	for j := range in.Expect {
		c.expectation(p.key("expect").at(j), &in.Expect[j], ids, in.ID, j)
	}
}

func (c *checker) expectation(p fieldPath, e *Expectation, ids map[string]bool, injectID string, j int) {
	if !slices.Contains(ExpectKinds, e.Kind) {
		c.add(p.key("kind"), "unknown kind %q", e.Kind)
	}
	if e.ID != "" {
		c.id(p.key("id"), e.ID, ids)
	}
	c.ref(p.key("by"), e.By, false)
	if what, ok := needsTarget[e.Kind]; ok && e.Target == "" {
		c.add(p.key("target"), "%s expectation needs a target (%s)", e.Kind, what)
	}
	c.ref(p.key("target"), e.Target, false)
	if e.Target != "" {
		kind, _ := e.Target.Kind()
		want := map[ExpectKind]string{ExpectNotify: RefStakeholder, ExpectContactSupplier: RefThirdParty, ExpectReport: RefRegulator, ExpectEscalate: RefRole}[e.Kind]
		if want != "" && kind != want {
			c.add(p.key("target"), "%s expects a %s target, not %q", e.Kind, want, e.Target)
		}
	}
	if e.Within <= 0 {
		c.add(p.key("within"), "a deadline greater than zero is required")
	} else if e.Within > maxWithin {
		c.add(p.key("within"), "deadline %s is longer than a day", e.Within)
	}
	if !(e.Weight >= 0 && e.Weight <= 10) { // NaN fails too
		c.add(p.key("weight"), "weight %v is outside 0–10", e.Weight)
	}
	if e.Kind == ExpectSetSeverity && len(e.Severities) == 0 {
		c.add(p.key("severities"), "set-severity needs the acceptable severities")
	}
	for k, l := range e.Severities {
		if l < 1 || l > 10 {
			c.add(p.key("severities").at(k), "severity %d is outside 1–10", l)
		}
	}
}

// id checks an ID's form and, given the IDs seen so far (injects,
// decisions and expectations share one namespace), that it is new.
func (c *checker) id(p fieldPath, id string, seen map[string]bool) {
	switch {
	case !plan.ValidID(id):
		c.add(p, "ID %q must be 1–64 characters of a–z, 0–9, '-', '_' or '.'", id)
	case seen[id]:
		c.add(p, "duplicate ID %q", id)
	}
	if seen != nil {
		seen[id] = true
	}
}

// offset checks a time in the scenario: from T+0 to its end.
func (c *checker) offset(p fieldPath, at Offset, s *Scenario) {
	switch {
	case at < 0:
		c.add(p, "time is before the start (T+00:00)")
	case at.D() > s.Duration.D():
		c.add(p, "%s is after the scenario ends (%s)", at, s.Duration)
	}
}

func (c *checker) ref(p fieldPath, r Ref, required bool) {
	if r == "" {
		if required {
			c.add(p, "reference is required")
		}
		return
	}
	if err := r.Check(); err != nil {
		c.add(p, "%v", err)
	}
}

// ExpectationID is the stable ID of an expectation: its own, or
// "<inject>.<n>" when the file gives none.
func ExpectationID(injectID string, n int, e *Expectation) string {
	if e.ID != "" {
		return e.ID
	}
	return fmt.Sprintf("%s.%d", injectID, n+1)
}
