package scenarios

// Corrections: a recorded entry (action, decision, note) struck or
// corrected with a reason. The correction is an input like any other,
// journaled and replayed; the log keeps the entry as recorded. What the
// run derives from its entries (met tasks, breaches, severity, decisions)
// is worked out again by replaying the corrected inputs into a fresh
// engine, whose state the run then takes over.

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"drillbook/plan"
)

// Strike strikes entry seq (an action, decision, note or observation) from
// the run, as if it had not happened: the tasks it met are open again (or
// breached, if their deadline has passed) and a struck decision is open
// again. by is who struck it; the reason is required.
func (e *Engine) Strike(seq int, reason, by string) ([]plan.Event, error) {
	return e.correction(seq, reason, by, func(plan.Event) (*plan.Event, error) { return nil, nil })
}

// CorrectAction replaces the action recorded as entry seq by a: a wrong
// actor, target, kind or severity. The run is scored as if a had been
// recorded at the original's time.
func (e *Engine) CorrectAction(seq int, a Action, reason, by string) ([]plan.Event, error) {
	if err := e.checkAction(a); err != nil {
		return nil, err
	}
	return e.correction(seq, reason, by, func(orig plan.Event) (*plan.Event, error) {
		if orig.Kind != plan.EventAction {
			return nil, fmt.Errorf("entry %d is a %s, not an action", seq, orig.Kind)
		}
		ev := e.actionEvent(a, orig.At.D())
		return &ev, nil
	})
}

// CorrectDecision records that decision entry seq was option (0-based),
// decided by decidedBy. The floating injects of the original option stay
// delivered (the players saw them); the new option's are not played
// retroactively: the facilitator plays them if they still apply.
func (e *Engine) CorrectDecision(seq, option int, decidedBy, reason, by string) ([]plan.Event, error) {
	return e.correction(seq, reason, by, func(orig plan.Event) (*plan.Event, error) {
		if orig.Kind != plan.EventDecision {
			return nil, fmt.Errorf("entry %d is a %s, not a decision", seq, orig.Kind)
		}
		d, err := e.decision(orig.Action, option)
		if err != nil {
			return nil, err
		}
		ev := decisionEvent(d, option, decidedBy, orig.At.D())
		return &ev, nil
	})
}

// CorrectNote replaces the text of note or observation entry seq.
func (e *Engine) CorrectNote(seq int, text, reason, by string) ([]plan.Event, error) {
	if strings.TrimSpace(text) == "" {
		return nil, errors.New("the note is empty")
	}
	return e.correction(seq, reason, by, func(orig plan.Event) (*plan.Event, error) {
		if orig.Kind != plan.EventNote && orig.Kind != plan.EventObservation {
			return nil, fmt.Errorf("entry %d is a %s, not a note", seq, orig.Kind)
		}
		ev := orig
		ev.Text = text
		return &ev, nil
	})
}

// correction checks entry seq and the reason, builds the replacement with
// replace (nil strikes) and applies the correction now.
func (e *Engine) correction(seq int, reason, by string, replace func(orig plan.Event) (*plan.Event, error)) ([]plan.Event, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, errors.New("give a reason for striking or correcting the entry")
	}
	return e.command(func(now time.Duration) error {
		en, err := e.entry(seq)
		if err != nil {
			return err
		}
		r, err := replace(en.Event)
		if err != nil {
			return err
		}
		return e.correct(plan.Event{Kind: plan.EventCorrection, At: plan.Duration(now), Actor: by, Corrects: seq, Reason: reason, Replacement: r}, now)
	})
}

// entry finds entry seq as it stands, refusing what cannot be corrected.
// Caller holds mu.
func (e *Engine) entry(seq int) (plan.Entry, error) {
	if seq < 1 || seq > e.shown {
		return plan.Entry{}, fmt.Errorf("the log has no entry %d", seq)
	}
	for _, en := range plan.EffectiveLog(e.run.Events[:e.shown]) {
		if en.Seq != seq {
			continue
		}
		switch {
		case !plan.Correctable(en.Event):
			return en, fmt.Errorf("entry %d (%s) is worked out from the others and cannot be corrected itself", seq, en.Kind)
		case en.Struck:
			return en, fmt.Errorf("entry %d was already struck", seq)
		}
		return en, nil
	}
	return plan.Entry{}, fmt.Errorf("the log has no entry %d", seq)
}

// correct applies correction c at time now: the run's state becomes that
// of a replay of the corrected inputs, and c is logged with what changed.
// Resume replays c through here too, so a resumed run ends up identical.
// Caller holds mu.
func (e *Engine) correct(c plan.Event, now time.Duration) error {
	log := append(slices.Clone(e.run.Events), c)
	opts := e.hdr.Options
	opts.Journal, opts.JournalFault = "", nil
	sh, err := newEngine(e.sc, e.ws, e.clock, opts)
	if err != nil {
		return err
	}
	sh.rebuilding = true
	sh.run.Participants = e.run.Participants
	if _, err := sh.replay(plan.Effective(log), nil); err != nil {
		return fmt.Errorf("applying the correction: %w", err)
	}
	sh.advance(now)
	c.Text = e.correctionText(c, changes(e.tasks, sh.tasks))
	e.emit(c)
	e.tasks, e.actions, e.severity = sh.tasks, sh.actions, sh.severity
	e.schedule, e.decisions, e.delivered, e.decided = sh.schedule, sh.decisions, sh.delivered, sh.decided
	e.run.Decisions = sh.run.Decisions
	return nil
}

// correctionText is the log line of a correction: what was struck or
// corrected, why, and what it changed.
func (e *Engine) correctionText(c plan.Event, changed []string) string {
	orig := e.run.Events[c.Corrects-1]
	var b strings.Builder
	if c.Replacement == nil {
		fmt.Fprintf(&b, "Struck entry %d (%s): %s", c.Corrects, firstLine(orig.Text), c.Reason)
	} else {
		fmt.Fprintf(&b, "Corrected entry %d to %q: %s", c.Corrects, firstLine(c.Replacement.Text), c.Reason)
	}
	if len(changed) > 0 {
		b.WriteString("; re-scored: " + strings.Join(changed, ", "))
	}
	return b.String()
}

// changes lists the tasks whose state a correction changed, "label:
// met → missed", in the order of after.
func changes(before, after []*task) []string {
	was := make(map[string]string, len(before))
	for _, tk := range before {
		was[tk.ID] = liveStatus(tk)
	}
	var out []string
	for _, tk := range after {
		now := liveStatus(tk)
		if old, ok := was[tk.ID]; !ok {
			out = append(out, fmt.Sprintf("%s: new, %s", tk.Label, now))
		} else if old != now {
			out = append(out, fmt.Sprintf("%s: %s → %s", tk.Label, old, now))
		}
	}
	return out
}

// EffectiveLog returns the log shown so far with its corrections applied
// (see plan.EffectiveLog), without checkpoints: for the console, which
// shows struck entries struck through with their reason.
func (e *Engine) EffectiveLog() []plan.Entry {
	e.mu.Lock()
	defer e.mu.Unlock()
	log := plan.EffectiveLog(e.run.Events[:e.shown])
	return slices.DeleteFunc(log, func(en plan.Entry) bool { return en.Kind == plan.EventCheckpoint })
}
