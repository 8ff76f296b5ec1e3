package plan

import (
	"slices"
	"strings"
)

// Correctable reports whether a log entry can be struck or corrected: what
// the team did or the facilitator wrote (actions, decisions, notes,
// observations). Everything else is derived from those and is worked out
// again, and the action a decision records is corrected with its decision.
func Correctable(ev Event) bool {
	switch ev.Kind {
	case EventDecision, EventNote, EventObservation:
		return true
	case EventAction:
		return !decisionAction(ev)
	}
	return false
}

// decisionAction reports whether ev is the "decide" action a decision
// records after itself.
func decisionAction(ev Event) bool {
	return ev.Kind == EventAction && ev.Action == "decide" && slices.ContainsFunc(ev.Refs, func(r string) bool { return strings.HasPrefix(r, "decision:") })
}

// Entry is one entry of a run's log as corrected.
type Entry struct {
	// Event is the entry as it stands: a corrected entry's replacement
	// (with the original's Seq, At and Wall), else the event as recorded.
	Event
	// Original is the entry as first recorded, for a struck or corrected
	// one; nil otherwise.
	Original *Event
	Struck   bool
	// Correction is the last correction that applied to the entry (its
	// Reason, Actor and At say why, who and when); nil for none.
	Correction *Event
}

// EffectiveLog returns the log with its corrections applied, for showing:
// every event but the corrections themselves, in order, struck entries
// marked, corrected ones replaced. The action a decision records follows
// its decision: struck with it, or attributed to the corrected decider
// with the corrected decision's text.
// Checkpoints are left as they are; callers filter what they show.
func EffectiveLog(events []Event) []Entry {
	out := make([]Entry, 0, len(events))
	bySeq := make(map[int]int, len(events)) // Seq → index in out
	for _, ev := range events {
		if ev.Kind != EventCorrection {
			bySeq[ev.Seq] = len(out)
			out = append(out, Entry{Event: ev})
			continue
		}
		i, ok := bySeq[ev.Corrects]
		if !ok || !Correctable(out[i].original()) {
			continue // a correction of nothing correctable changes nothing
		}
		c := ev
		out[i].apply(&c)
		if j, ok := bySeq[ev.Corrects+1]; ok && out[i].Kind == EventDecision && decisionAction(out[j].original()) {
			out[j].follow(&c)
		}
	}
	return out
}

func (en *Entry) original() Event {
	if en.Original != nil {
		return *en.Original
	}
	return en.Event
}

// apply strikes or corrects the entry.
func (en *Entry) apply(c *Event) {
	orig := en.original()
	en.Original, en.Correction = &orig, c
	if c.Replacement == nil {
		en.Struck = true
		return
	}
	en.Struck = false
	r := *c.Replacement
	r.Seq, r.At, r.Wall = orig.Seq, orig.At, orig.Wall
	en.Event = r
}

// follow applies a decision's correction to the action it recorded.
func (en *Entry) follow(c *Event) {
	orig := en.original()
	en.Original, en.Correction = &orig, c
	en.Struck = c.Replacement == nil
	if !en.Struck {
		en.Actor, en.Text = c.Replacement.Actor, c.Replacement.Text
	}
}

// Effective returns the events that stand once the corrections are
// applied: struck entries and the corrections left out, corrected entries
// replaced. What a run's entries mean (steps ticked, the public status)
// is read from this.
func Effective(events []Event) []Event {
	out := make([]Event, 0, len(events))
	for _, en := range EffectiveLog(events) {
		if !en.Struck {
			out = append(out, en.Event)
		}
	}
	return out
}
