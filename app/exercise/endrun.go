package exercise

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"drillbook/plan"
)

// endDialog collects the hot-wash answers and ends the run. The clock
// stands while it is open, so the hot wash does not run the exercise on
// (breaches, injects); "Keep running" resumes it if it was running.
func (c *console) endDialog() {
	wasRunning := c.e.Running()
	if wasRunning {
		c.apply(c.e.Pause())
	}
	qs := c.e.Scenario().Hotwash
	answers := make([]*widget.Entry, len(qs))
	box := container.NewVBox(widget.NewLabel("Hot wash: note the team's answers (optional). Ending stores the run in the workspace."))
	for i, q := range qs {
		l := widget.NewLabelWithStyle(q, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord
		answers[i] = widget.NewMultiLineEntry()
		answers[i].SetMinRowsVisible(2)
		box.Add(l)
		box.Add(answers[i])
	}
	d := dialog.NewCustomConfirm("End exercise", "End and store", "Keep running", container.NewVScroll(box), func(ok bool) {
		if c.closed {
			return
		}
		if !ok {
			if wasRunning {
				c.apply(c.e.Resume())
			}
			return
		}
		var notes []plan.HotwashNote
		for i, q := range qs {
			notes = append(notes, plan.HotwashNote{Question: q, Answer: answers[i].Text})
		}
		c.end(notes)
	}, c.x.sh.Window())
	d.Resize(fyne.NewSize(640, 560))
	d.Show()
}

// discard asks before throwing a practice run away, then discards it
// with discardRun (the engine's Discard: journal removed, nothing stored)
// and closes the console.
func (c *console) discard() {
	if c.discardRun == nil {
		return
	}
	dialog.ShowConfirm("Discard this run?", "The run is thrown away: its journal is removed and nothing is stored in the workspace. This cannot be undone.", func(ok bool) {
		if !ok || c.closed {
			return
		}
		if err := c.discardRun(); err != nil {
			c.x.sh.ShowError(err)
			return
		}
		c.close()
	}, c.x.sh.Window())
}

// end stores the run in the workspace and closes the console. The journal
// is kept until the workspace is saved, so the run survives a crash before
// that. A journal that cannot be written does not stop the run being
// stored: it is then in the workspace only, and saving keeps it.
func (c *console) end(notes []plan.HotwashNote) {
	run, _, err := c.e.End(notes)
	if run == nil {
		c.x.sh.ShowError(err)
		return
	}
	x := c.x
	ws := x.sh.Workspace()
	ws.Runs = append(ws.Runs, *run)
	x.pendingJournals = append(x.pendingJournals, c.journal)
	c.close()
	x.sh.Edited()
	counts := map[string]int{}
	for _, t := range run.Tasks {
		counts[t.Status]++
	}
	msg := fmt.Sprintf("%s\n\n%d tasks met, %d late, %d missed, %d not reached.\nSave the workspace to keep it.",
		run.ScenarioTitle, counts[plan.TaskMet], counts[plan.TaskLate], counts[plan.TaskMissed], counts[plan.TaskPending])
	if err != nil {
		msg += fmt.Sprintf("\n\nThe end of the run could not be written to its journal (%v), so until you save, the workspace is its only copy.", err)
	}
	dialog.ShowInformation("Exercise stored", msg, x.sh.Window())
}

// close stops the ticker and the projector and removes the console.
// Ticks already queued and late dialog answers find it closed and do
// nothing.
func (c *console) close() {
	c.closed = true
	c.stopTicker()
	if c.halt != nil {
		c.halt.Hide()
		c.halt = nil
	}
	if c.proj != nil {
		c.proj.win.Close()
		c.proj = nil
	}
	c.e.Close()
	c.x.run = nil
	c.x.sh.RemoveScreen(c)
}

// stopTicker stops the console's clock ticker, if one runs.
func (c *console) stopTicker() {
	if c.tick != nil {
		c.tick.Stop()
		c.tick = nil
	}
}
