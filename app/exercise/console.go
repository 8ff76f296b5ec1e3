package exercise

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/plan"
	"drillbook/scenarios"
)

// console is the facilitator's screen for a running exercise: the clock,
// injects, decisions, the current inject's detail, timers with
// countdowns, one-click recording and the event log. Everything it shows
// comes from the engine.
type console struct {
	x       *Controller
	e       *scenarios.Engine
	journal string
	tick    host.Ticker // nil when nothing ticks
	proj    *projector
	closed  bool          // the console is gone: queued ticks and late callbacks do nothing
	halt    dialog.Dialog // the journal-failure message, while it shows
	// discardRun throws the run away (journal removed, nothing stored);
	// "Discard run…" is offered only when it is set.
	discardRun func() error

	clock     *canvas.Text
	paused    fyne.CanvasObject // the PAUSED badge, shown while the clock stands
	severity  *widget.Label
	playPause *widget.Button
	speed     *widget.Select
	next      *widget.Label
	retry     *widget.Button // shown while a journal failure halts the run

	injectRows []scenarios.InjectStatus
	injects    *widget.List
	decisions  *fyne.Container
	grades     *widget.Check // option grades are shown only when the facilitator asks
	tasks      []plan.Task
	timers     *widget.List
	events     []plan.Entry // shown in the log: as corrected, no checkpoints (logEntries)
	log        *widget.List
	logRows    int        // rows in the log when it was last drawn
	timerRows  []timerRow // what each row of timers shows, in c.tasks' order
	timerShown boundRows  // the timers' row widgets on screen
	drawn      drawnState // what the clock and timers were last drawn for
	note       *widget.Entry
	detail     detailPanel
	root       fyne.CanvasObject
}

// openConsole shows the console for a started or resumed engine.
func (x *Controller) openConsole(e *scenarios.Engine, journal string) {
	c := &console{x: x, e: e, journal: journal, discardRun: e.Discard}
	c.build()
	x.run = c
	c.events = logEntries(e)
	x.sh.AddScreen(c)
	c.refreshAll()
	c.tick = x.sh.StartTicker(c.safeTick)
}

// safeTick is what the ticker runs: a bug in a tick stops the clock with
// one message, and the window and the document stay.
func (c *console) safeTick() {
	host.Protect(c.onTick, func(err error) {
		c.stopTicker()
		c.x.sh.ShowError(fmt.Errorf("the exercise clock stopped after an error. The run so far is safe in its journal: end the exercise to store it, or close it and open the workspace again to resume it.\n\n%w", err))
	})
}

func (c *console) Title() string             { return "Console" }
func (c *console) Icon() fyne.Resource       { return theme.MediaRecordIcon() }
func (c *console) Object() fyne.CanvasObject { return c.root }
func (c *console) Refresh()                  { c.refreshAll() }

func (c *console) onTick() {
	if c.closed || c.e.Ended() {
		return
	}
	c.apply(c.e.Tick())
}

// apply takes the events an engine call produced (already journaled) and
// refreshes what they affect. A tick that changes nothing on screen (the
// same displayed second, no events) touches no widget: every Refresh
// makes Fyne repaint the window.
func (c *console) apply(evs []plan.Event, err error) {
	if c.closed {
		return
	}
	var je *scenarios.JournalError
	switch {
	case errors.As(err, &je):
		c.showHalt(je)
	case err != nil:
		c.x.sh.ShowError(err)
	}
	if len(evs) == 0 && err == nil && c.drawn == c.state() {
		return
	}
	c.refreshClock()
	c.refreshTimers() // before the detail panel, which shows the tasks' statuses
	if len(evs) == 0 {
		return
	}
	c.appendLog(evs)
	c.refreshLog()
	if touches(evs, plan.EventInject) {
		c.refreshInjectRows()
	}
	if touches(evs, decisionKinds...) {
		c.refreshDecisions()
	}
	c.detail.refresh()
	if c.proj != nil && touches(evs, projectorKinds...) {
		c.proj.refresh()
	}
}

// What the top bar and the timers show depends only on these; a tick that
// leaves them as they were has nothing to redraw.
type drawnState struct {
	second          time.Duration // the exercise time shown, whole seconds
	running, halted bool
}

func (c *console) state() drawnState {
	running := c.e.Running()
	return drawnState{shownTime(c.e.Now(), c.e.Speed(), running), running, c.e.Halted() != nil}
}

// shownTime is the exercise time the clock, the countdowns and "next"
// show: whole seconds, and while the clock runs faster than real time,
// whole steps of one wall second (20 s at ×20). The display then changes
// once a second at any speed, which is as fast as anyone reads a clock,
// and every redraw costs Fyne a repaint of the whole window. Paused, it
// shows the exact second. The engine keeps its own finer tick: injects
// and breaches still arrive on time and redraw at once.
func shownTime(now time.Duration, speed float64, running bool) time.Duration {
	step := time.Second
	if running && speed > 1 {
		step = time.Duration(speed * float64(time.Second)).Truncate(time.Second)
	}
	return now - now%step
}

// The event kinds that change the decision panel and the participants'
// window (its status, injects and prompts); other events (notes,
// breaches, pauses) leave them as they are.
var (
	decisionKinds  = []string{plan.EventDecisionDue, plan.EventDecision, plan.EventCorrection}
	projectorKinds = []string{plan.EventInject, plan.EventAction, plan.EventDecisionDue, plan.EventDecision, plan.EventCorrection}
)

// touches reports whether evs hold an event of one of kinds.
func touches(evs []plan.Event, kinds ...string) bool {
	return slices.ContainsFunc(evs, func(ev plan.Event) bool { return slices.Contains(kinds, ev.Kind) })
}

func (c *console) refreshAll() {
	c.refreshInjectRows()
	c.refreshDecisions()
	c.refreshClock()
	c.refreshTimers()
	c.detail.refresh()
	c.refreshLog()
}

func (c *console) refreshClock() {
	c.drawn = c.state()
	widgets.SetCanvasText(c.clock, clockText(c.drawn.second))
	widgets.SetLabel(c.severity, severityText(c.e))
	label, icon := "Resume", theme.MediaPlayIcon()
	if c.drawn.running {
		label, icon = "Pause", theme.MediaPauseIcon()
	}
	if c.playPause.Text != label {
		c.playPause.Text, c.playPause.Icon = label, icon
		c.playPause.Refresh()
	}
	widgets.SetVisible(c.paused, !c.drawn.running)
	widgets.SetVisible(c.retry, c.drawn.halted)
	widgets.SetLabel(c.next, nextText(c.e, c.drawn.second))
	if c.proj != nil {
		c.proj.refreshClock()
	}
}

// clockText is the clock's face for exercise time now.
func clockText(now time.Duration) string {
	return scenarios.Offset(now.Truncate(time.Second)).String()
}

// severityText is the current severity with its name from the plan.
func severityText(e *scenarios.Engine) string {
	sev := e.Severity()
	if s := e.Workspace().Severity(sev); s != nil {
		return fmt.Sprintf("Severity %d — %s", sev, s.Name)
	}
	return fmt.Sprintf("Severity %d", sev)
}

// nextText says when the next scheduled inject comes and what it is, as
// the inject list words it (its source and first line; the ID is the
// author's, not the room's). The time comes first: a narrow window cuts
// the end.
func nextText(e *scenarios.Engine, now time.Duration) string {
	in, at := e.NextInject()
	if in == nil {
		return "No scheduled injects left"
	}
	return fmt.Sprintf("Next in %s — %s: %s", shortDuration(at-now), in.From, widgets.PlainFirstLine(in.Text))
}

func shortDuration(d time.Duration) string {
	neg := d < 0
	if neg {
		d = -d
	}
	d = d.Truncate(time.Second)
	s := fmt.Sprintf("%d:%02d", int(d.Minutes()), int(d.Seconds())%60)
	if d >= time.Hour {
		s = fmt.Sprintf("%d:%02d:%02d", int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60)
	}
	if neg {
		return "-" + s
	}
	return s
}

func (c *console) togglePause() {
	if c.e.Running() {
		c.apply(c.e.Pause())
	} else {
		c.apply(c.e.Resume())
	}
}

func (c *console) addNote(observation bool) {
	if strings.TrimSpace(c.note.Text) == "" {
		return
	}
	evs, err := c.e.Note(c.note.Text, observation, "")
	if err == nil {
		c.note.SetText("")
	}
	c.apply(evs, err)
}

// showHalt explains a journal failure once: the engine has paused the
// clock and holds what happened until the journal can be written. Ticks
// raise no further error; a command tried meanwhile brings the message
// back only if it is not already showing.
func (c *console) showHalt(err *scenarios.JournalError) {
	if c.halt != nil {
		return
	}
	msg := fmt.Sprintf("%v.\n\nThe clock is paused and nothing recorded is lost. Free some disk space or reconnect the drive, then press Retry.\nYou can also end the exercise: the run is then stored in the workspace — save it to keep it.", err)
	c.halt = dialog.NewCustomConfirm("Exercise journal not written", "Retry", "Later", widgets.DialogText(msg), func(retry bool) {
		c.halt = nil
		if retry {
			c.apply(c.e.Retry())
		}
	}, c.x.sh.Window())
	c.halt.Show()
}
