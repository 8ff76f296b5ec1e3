package exercise

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"drillbook/plan"
	"drillbook/scenarios"
)

// Striking and correcting recorded entries from the detail panel. The
// engine journals each correction and re-scores the run; the console only
// asks what changed and why.

// logEntries is what the log shows: every event but checkpoints, each as
// it now stands (struck or corrected, see plan.EffectiveLog), and the
// corrections themselves as their own lines, so the log still reads as
// what happened when, and a correction's "re-scored: …" stays visible.
func logEntries(e *scenarios.Engine) []plan.Entry {
	raw := e.Log()
	eff := e.EffectiveLog()
	bySeq := make(map[int]plan.Entry, len(eff))
	for _, en := range eff {
		bySeq[en.Seq] = en
	}
	out := make([]plan.Entry, len(raw))
	for i, ev := range raw {
		en, ok := bySeq[ev.Seq]
		if !ok || ev.Kind == plan.EventCorrection {
			en = plan.Entry{Event: ev}
		}
		out[i] = en
	}
	return out
}

// standingEvents are the events that stand once corrections apply: what
// the participants' window reads its status from.
func standingEvents(entries []plan.Entry) []plan.Event {
	out := make([]plan.Event, 0, len(entries))
	for _, en := range entries {
		if !en.Struck && en.Kind != plan.EventCorrection {
			out = append(out, en.Event)
		}
	}
	return out
}

// correctable reports whether the console offers to strike or correct en.
func correctable(en plan.Entry) bool {
	return !en.Struck && plan.Correctable(en.Event)
}

// reasonDialog asks for the fields in items and a reason, and passes the
// reason to submit on OK. A blank reason is the engine's to refuse, with
// its message.
func (c *console) reasonDialog(title, ok string, items []*widget.FormItem, submit func(reason string)) {
	reason := widget.NewEntry()
	reason.SetPlaceHolder("required: why the entry is wrong")
	items = append(items, widget.NewFormItem("Reason", reason))
	d := dialog.NewForm(title, ok, "Cancel", items, func(yes bool) {
		if yes && !c.closed {
			submit(reason.Text)
		}
	}, c.x.sh.Window())
	d.Resize(fyne.NewSize(min(520, c.x.sh.Window().Canvas().Size().Width-40), 300))
	d.Show()
}

// strikeDialog strikes en from the run, with a reason.
func (c *console) strikeDialog(en plan.Entry) {
	what := widget.NewLabel(logRow(en))
	what.Wrapping = fyne.TextWrapWord
	c.reasonDialog("Strike entry", "Strike", []*widget.FormItem{widget.NewFormItem("Entry", what)}, func(reason string) {
		c.apply(c.e.Strike(en.Seq, reason, c.e.Facilitator()))
	})
}

// correctDialog corrects en: a note's text, who did an action, or a
// decision's option and who decided.
func (c *console) correctDialog(en plan.Entry) {
	switch en.Kind {
	case plan.EventNote, plan.EventObservation:
		text := widget.NewMultiLineEntry()
		text.SetText(en.Text)
		text.Wrapping = fyne.TextWrapWord
		c.reasonDialog("Correct note", "Correct", []*widget.FormItem{widget.NewFormItem("Text", text)}, func(reason string) {
			c.apply(c.e.CorrectNote(en.Seq, text.Text, reason, c.e.Facilitator()))
		})
	case plan.EventAction:
		actors, who := c.actorSelect(en.Actor)
		c.reasonDialog("Correct action", "Correct", []*widget.FormItem{widget.NewFormItem("Who", who)}, func(reason string) {
			a := scenarios.Action{Kind: scenarios.ExpectKind(en.Action), Actor: chosenID(actors, who), Target: en.Target, Severity: en.Severity, Text: en.Note, Step: en.Step}
			c.apply(c.e.CorrectAction(en.Seq, a, reason, c.e.Facilitator()))
		})
	case plan.EventDecision:
		i := slices.IndexFunc(c.e.Scenario().Decisions, func(d scenarios.Decision) bool { return d.ID == en.Action })
		if i < 0 {
			c.x.sh.ShowError(fmt.Errorf("entry %d: the scenario has no decision %q", en.Seq, en.Action))
			return
		}
		d := c.e.Scenario().Decisions[i]
		names := make([]string, len(d.Options))
		for j, o := range d.Options {
			names[j] = fmt.Sprintf("%c) %s", 'A'+j, o.Text) // no grades: the console may be mirrored
		}
		option := widget.NewSelect(names, nil)
		if en.Choice >= 1 && en.Choice <= len(names) {
			option.SetSelectedIndex(en.Choice - 1)
		}
		actors, who := c.actorSelect(en.Actor)
		items := []*widget.FormItem{widget.NewFormItem("Option", option), widget.NewFormItem("Decided by", who)}
		c.reasonDialog("Correct decision", "Correct", items, func(reason string) {
			c.apply(c.e.CorrectDecision(en.Seq, option.SelectedIndex(), chosenID(actors, who), reason, c.e.Facilitator()))
		})
	}
}

// actorSelect picks a person from the run's participants and the plan,
// id first selected (the first choice if id is none of them).
func (c *console) actorSelect(id string) ([]scenarios.Choice, *widget.Select) {
	actors := scenarios.ActorChoices(c.e.Workspace(), c.e.Participants())
	who := widget.NewSelect(choiceNames(actors), nil)
	if i := slices.IndexFunc(actors, func(a scenarios.Choice) bool { return a.ID == id }); i >= 0 {
		who.SetSelectedIndex(i)
	} else if len(actors) > 0 {
		who.SetSelectedIndex(0)
	}
	return actors, who
}

// chosenID is the ID of the actor selected in who, "" for none.
func chosenID(actors []scenarios.Choice, who *widget.Select) string {
	if i := who.SelectedIndex(); i >= 0 {
		return actors[i].ID
	}
	return ""
}
