package exercise

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/plan"
	"drillbook/scenarios"
)

// console is the facilitator's screen for a running exercise: the clock,
// injects, decisions, timers with countdowns, one-click recording and the
// event log. Everything it shows comes from the engine.
type console struct {
	x       *Controller
	e       *scenarios.Engine
	journal string
	tick    host.Ticker // nil when nothing ticks
	proj    *projector
	closed  bool          // the console is gone: queued ticks and late callbacks do nothing
	halt    dialog.Dialog // the journal-failure message, while it shows

	clock     *canvas.Text
	severity  *widget.Label
	playPause *widget.Button
	speed     *widget.Select
	next      *widget.Label
	retry     *widget.Button // shown while a journal failure halts the run

	injectRows []scenarios.InjectStatus
	injects    *widget.List
	decisions  *fyne.Container
	tasks      []plan.Task
	timers     *widget.List
	events     []plan.Event // shown in the log (no checkpoints)
	log        *widget.List
	note       *widget.Entry
	root       fyne.CanvasObject
}

// openConsole shows the console for a started or resumed engine.
func (x *Controller) openConsole(e *scenarios.Engine, journal string) {
	c := &console{x: x, e: e, journal: journal}
	c.build()
	x.run = c
	c.events = e.Log()
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

func (c *console) build() {
	c.clock = canvas.NewText("T+00:00", theme.Color(theme.ColorNameForeground))
	c.clock.TextSize = 34
	c.clock.TextStyle = fyne.TextStyle{Monospace: true}
	c.severity = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.playPause = widget.NewButtonWithIcon("Pause", theme.MediaPauseIcon(), c.togglePause)
	c.speed = widget.NewSelect(speeds, nil)
	c.speed.SetSelected(fmt.Sprintf("×%g", c.e.Speed()))
	c.speed.OnChanged = func(s string) { c.apply(c.e.SetSpeed(parseSpeed(s))) }
	skip := widget.NewButtonWithIcon("Next inject", theme.MediaSkipNextIcon(), func() { c.apply(c.e.SkipToNext()) })
	c.next = widget.NewLabel("")
	projector := widget.NewButtonWithIcon("Participants' window", theme.ComputerIcon(), c.openProjector)
	end := widget.NewButtonWithIcon("End exercise…", theme.MediaStopIcon(), c.endDialog)
	end.Importance = widget.DangerImportance
	c.retry = widget.NewButtonWithIcon("Retry journal", theme.ViewRefreshIcon(), func() { c.apply(c.e.Retry()) })
	c.retry.Importance = widget.WarningImportance
	c.retry.Hide()
	top := container.NewHBox(c.clock, c.severity, layout.NewSpacer(), c.retry, c.playPause, c.speed, skip, c.next, layout.NewSpacer(), projector, end)

	c.injects = widget.NewList(
		func() int { return len(c.injectRows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("T+00:00 inject")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), widget.NewButton("Trigger now", nil), l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := c.injectRows[i]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(injectLabel(r))
			icon, btn := row.Objects[1].(*widget.Icon), row.Objects[2].(*widget.Button)
			id := r.Inject.ID
			switch r.State {
			case scenarios.InjectDelivered:
				icon.SetResource(theme.ConfirmIcon())
				btn.Hide()
			case scenarios.InjectPending:
				icon.SetResource(theme.HistoryIcon())
				btn.SetText("Trigger now")
				btn.OnTapped = func() { c.apply(c.e.TriggerNow(id)) }
				btn.Show()
			case scenarios.InjectFloating:
				icon.SetResource(theme.MailSendIcon())
				btn.SetText("Play")
				btn.OnTapped = func() { c.apply(c.e.PlayFloating(id)) }
				btn.Show()
			}
		},
	)
	c.decisions = container.NewVBox()

	c.timers = widget.NewList(
		func() int { return len(c.tasks) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("task")
			l.Truncation = fyne.TextTruncateEllipsis
			left := widget.NewLabelWithStyle("00:00 left", fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true})
			return container.NewBorder(nil, widgets.NewTimerBar(), nil, left, l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { c.updateTimerRow(c.tasks[i], o.(*fyne.Container)) },
	)

	c.log = widget.NewList(
		func() int { return len(c.events) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("T+00:00 event")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			ev := c.events[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s  %s  %s", scenarios.Offset(ev.At.D()), ev.Kind, widgets.FirstLine(ev.Text)))
		},
	)

	actions := container.NewGridWithColumns(2)
	for _, k := range scenarios.ActionKinds {
		if k == scenarios.ExpectDecide {
			continue // decisions are recorded from the decision panel
		}
		k := k
		actions.Add(widget.NewButton(actionLabel(k), func() { c.recordDialog(k) }))
	}
	actions.Add(widget.NewButtonWithIcon("Playbook checklist…", theme.DocumentIcon(), c.checklistDialog))
	c.note = widget.NewMultiLineEntry()
	c.note.SetPlaceHolder("Note or evaluator observation on the current inject")
	c.note.SetMinRowsVisible(2)
	addNote := widget.NewButton("Add note", func() { c.addNote(false) })
	addObs := widget.NewButton("Add observation", func() { c.addNote(true) })

	left := container.NewBorder(widget.NewLabelWithStyle("Injects", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewVBox(widget.NewLabelWithStyle("Decisions", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), c.decisions), nil, nil, c.injects)
	middle := container.NewBorder(widget.NewLabelWithStyle("Timers from the plan and the scenario", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, c.timers)
	record := container.NewVBox(widget.NewLabelWithStyle("Record what the team did", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		actions, c.note, container.NewGridWithColumns(2, addNote, addObs))
	right := container.NewBorder(record, nil, nil, nil, container.NewBorder(widget.NewLabelWithStyle("Event log", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, c.log))
	cols := container.NewHSplit(left, container.NewHSplit(middle, right))
	cols.Offset = 0.3
	c.root = container.NewBorder(top, nil, nil, nil, cols)
}

// actionLabel names a one-click action button.
func actionLabel(k scenarios.ExpectKind) string {
	return map[scenarios.ExpectKind]string{
		scenarios.ExpectAcknowledge:     "Acknowledged",
		scenarios.ExpectDeclare:         "Declared incident",
		scenarios.ExpectSetSeverity:     "Set severity…",
		scenarios.ExpectAssignIM:        "Assigned incident manager…",
		scenarios.ExpectEscalate:        "Escalated…",
		scenarios.ExpectNotify:          "Updated stakeholder…",
		scenarios.ExpectContactSupplier: "Contacted third party…",
		scenarios.ExpectReport:          "Reported to regulator…",
		scenarios.ExpectPlaybookStep:    "Completed playbook step",
		scenarios.ActionResolve:         "Resolved",
	}[k]
}

func (c *console) onTick() {
	if c.closed || c.e.Ended() {
		return
	}
	c.apply(c.e.Tick())
}

// apply takes the events an engine call produced (already journaled) and
// refreshes what they affect.
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
	if len(evs) > 0 {
		c.events = c.e.Log()
		c.log.Refresh()
		c.log.ScrollToBottom()
		c.refreshInjects()
		if c.proj != nil {
			c.proj.refresh()
		}
	}
	c.refreshClock()
	c.refreshTimers()
}

func (c *console) refreshAll() {
	c.refreshInjects()
	c.refreshClock()
	c.refreshTimers()
	c.log.Refresh()
}

func (c *console) refreshClock() {
	now := c.e.Now()
	c.clock.Text = scenarios.Offset(now.Truncate(time.Second)).String()
	c.clock.Refresh()
	sev := c.e.Severity()
	name := ""
	if s := c.e.Workspace().Severity(sev); s != nil {
		name = " — " + s.Name
	}
	c.severity.SetText(fmt.Sprintf("Severity %d%s", sev, name))
	if c.e.Running() {
		c.playPause.SetText("Pause")
		c.playPause.SetIcon(theme.MediaPauseIcon())
	} else {
		c.playPause.SetText("Resume")
		c.playPause.SetIcon(theme.MediaPlayIcon())
	}
	if c.e.Halted() != nil {
		c.retry.Show()
	} else {
		c.retry.Hide()
	}
	if in, at := c.e.NextInject(); in != nil {
		c.next.SetText(fmt.Sprintf("next: %s in %s", in.ID, shortDuration(at-now)))
	} else {
		c.next.SetText("no scheduled injects left")
	}
	if c.proj != nil {
		c.proj.refreshClock()
	}
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

func (c *console) refreshInjects() {
	c.injectRows = c.e.InjectStates()
	c.injects.Refresh()
	c.refreshDecisions()
}

// injectLabel is an inject row's text: when it came or is due, and from whom.
func injectLabel(s scenarios.InjectStatus) string {
	when := scenarios.Offset(s.At).String()
	if s.State == scenarios.InjectFloating {
		when = "floating"
	}
	return fmt.Sprintf("%s  %s: %s", when, s.Inject.From, widgets.FirstLine(s.Inject.Text))
}

// refreshDecisions lists decisions put to the team and not yet made.
func (c *console) refreshDecisions() {
	c.decisions.RemoveAll()
	for _, d := range c.e.OpenDecisions() {
		prompt := widget.NewLabel(strings.TrimSpace(d.Prompt))
		prompt.Wrapping = fyne.TextWrapWord
		c.decisions.Add(prompt)
		for i, o := range d.Options {
			i, id, by := i, d.ID, d.Decider
			c.decisions.Add(widget.NewButton(fmt.Sprintf("%s (%s)", o.Text, o.Grade), func() { c.apply(c.e.Decide(id, i, by)) }))
		}
	}
	if len(c.decisions.Objects) == 0 {
		c.decisions.Add(widget.NewLabel("None waiting"))
	}
}

func (c *console) refreshTimers() {
	now := c.e.Now()
	tasks := c.e.Tasks()
	// Most urgent first; finished tasks sink to the bottom.
	slices.SortStableFunc(tasks, func(a, b plan.Task) int {
		_, la, ua := scenarios.Countdown(a, now)
		_, lb, ub := scenarios.Countdown(b, now)
		if ua != ub {
			return int(ub) - int(ua)
		}
		return int((la - lb) / time.Second)
	})
	c.tasks = tasks
	c.timers.Refresh()
}

func (c *console) updateTimerRow(t plan.Task, row *fyne.Container) {
	now := c.e.Now()
	used, left, u := scenarios.Countdown(t, now)
	label := row.Objects[0].(*widget.Label)
	label.SetText(t.Label)
	bar := row.Objects[1].(*widgets.TimerBar)
	bar.Set(used, u)
	status := row.Objects[2].(*widget.Label)
	switch u {
	case scenarios.UrgencyDone:
		if t.MetAt != nil {
			status.SetText(t.Status + " " + scenarios.Offset(t.MetAt.D()).String())
		} else {
			status.SetText(t.Status)
		}
	case scenarios.UrgencyWaiting:
		status.SetText("from " + scenarios.Offset(t.Start.D()).String())
	case scenarios.UrgencyBreached:
		status.SetText(shortDuration(-left) + " late")
	default:
		status.SetText(shortDuration(left) + " left")
	}
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
