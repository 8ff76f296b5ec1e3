package exercise

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/widgets"
	"drillbook/plan"
	"drillbook/scenarios"
)

// buildLists makes the console's three lists: injects (selecting one
// shows it in the detail panel), timers, and the event log (selecting a
// row shows the entry in full).
func (c *console) buildLists() {
	c.injects = widget.NewList(
		func() int { return len(c.injectRows) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), widget.NewButton("Trigger now", nil), truncLabel("T+00:00 inject", false))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c.updateInjectRow(c.injectRows[i], o.(*fyne.Container))
		},
	)
	c.injects.OnSelected = func(i widget.ListItemID) {
		if i < len(c.injectRows) {
			c.detail.showInject(c.injectRows[i].Inject.ID)
		}
	}

	c.timers = widget.NewList(
		func() int { return len(c.tasks) },
		func() fyne.CanvasObject {
			left := widget.NewLabelWithStyle("00:00 left", fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true})
			return container.NewBorder(nil, widgets.NewTimerBar(), nil, left, truncLabel("task", false))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			c.timerShown.bind(i, row)
			updateTimerRow(c.timerRows[i], row)
		},
	)

	c.log = widget.NewList(
		func() int { return len(c.events) },
		func() fyne.CanvasObject { return truncLabel("T+00:00 event", false) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			widgets.SetLabel(o.(*widget.Label), logRow(c.events[i]))
		},
	)
	c.log.OnSelected = func(i widget.ListItemID) {
		if i < len(c.events) {
			c.detail.showEntry(c.events[i])
		}
	}
}

func (c *console) updateInjectRow(r scenarios.InjectStatus, row *fyne.Container) {
	widgets.SetLabel(row.Objects[0].(*widget.Label), injectLabel(r))
	icon, btn := row.Objects[1].(*widget.Icon), row.Objects[2].(*widget.Button)
	id := r.Inject.ID
	var res fyne.Resource
	switch r.State {
	case scenarios.InjectDelivered:
		res = theme.ConfirmIcon()
		btn.Hide()
	case scenarios.InjectPending:
		res = theme.HistoryIcon()
		setButton(btn, "Trigger now", func() { c.apply(c.e.TriggerNow(id)) })
	case scenarios.InjectFloating:
		res = theme.MailSendIcon()
		setButton(btn, "Play", func() { c.apply(c.e.PlayFloating(id)) })
	}
	if icon.Resource != res {
		icon.SetResource(res)
	}
}

// setButton shows btn with text doing tapped, redrawing it only when its
// text or visibility changes (the handler is not drawn).
func setButton(btn *widget.Button, text string, tapped func()) {
	btn.OnTapped = tapped
	if btn.Text != text {
		btn.SetText(text)
	}
	btn.Show()
}

// logRow is an entry's one-line summary, as it now stands: "struck: "
// before a struck one, "(corrected)" after a corrected one. Inject text is
// Markdown and is shown without its marks; everything else (recorded
// actions, notes) is literal text and is shown as typed.
func logRow(en plan.Entry) string {
	text := firstLine(en.Text)
	if en.Kind == plan.EventInject {
		text = widgets.PlainFirstLine(en.Text)
	}
	row := fmt.Sprintf("%s  %s  %s", scenarios.Offset(en.At.D()), plan.Words(en.Kind), text)
	switch {
	case en.Struck:
		return "struck: " + row
	case en.Correction != nil:
		return row + "  (corrected)"
	}
	return row
}

// firstLine is the first line of literal text, " …" marking that more
// follows.
func firstLine(s string) string {
	first, _, more := strings.Cut(strings.TrimSpace(s), "\n")
	if more {
		return first + " …"
	}
	return first
}

// refreshLog redraws the log and follows the newest entry, unless the
// facilitator has scrolled up from the end.
func (c *console) refreshLog() {
	following := c.logAtEnd(c.logRows)
	c.logRows = len(c.events)
	c.log.Refresh()
	if following {
		c.log.ScrollToBottom()
	}
}

// logAtEnd reports whether the log, when it had rows rows, was scrolled
// to its end (or did not scroll at all).
func (c *console) logAtEnd(rows int) bool {
	if rows == 0 {
		return true
	}
	item := c.log.CreateItem().MinSize().Height
	pad := c.log.Theme().Size(theme.SizeNamePadding)
	content := float32(rows)*(item+pad) - pad
	return c.log.GetScrollOffset() >= content-c.log.Size().Height-1
}

// appendLog adds what an engine call returned to the log. Events other
// than corrections only add lines, so they are appended as they are (a
// log of 10,000 events is not rebuilt for each note); a correction
// changes an earlier entry, and then the log is read again.
func (c *console) appendLog(evs []plan.Event) {
	n := len(c.events)
	if touches(evs, plan.EventCorrection) || n > 0 && evs[0].Seq <= c.events[n-1].Seq {
		c.events = logEntries(c.e)
		return
	}
	for _, ev := range evs {
		c.events = append(c.events, plan.Entry{Event: ev})
	}
}

// refreshInjectRows reads where each inject stands (a walk over the whole
// log, so only when an inject came).
func (c *console) refreshInjectRows() {
	c.injectRows = c.e.InjectStates()
	c.injects.Refresh()
}

// injectLabel is an inject row's text: when it came or is due, and from
// whom.
func injectLabel(s scenarios.InjectStatus) string {
	when := scenarios.Offset(s.At).String()
	if s.State == scenarios.InjectFloating {
		when = "floating"
	}
	return fmt.Sprintf("%s  %s: %s", when, s.Inject.From, widgets.PlainFirstLine(s.Inject.Text))
}

// timerRow is what one row of the timers shows. Rows are redrawn only
// when theirs changes; the bar's share is in whole percent, so a long
// timer's bar is not redrawn every tick for a change no one can see.
type timerRow struct {
	label, status string
	used          float64
	urgency       scenarios.Urgency
}

func (c *console) refreshTimers() {
	now := c.drawn.second // the time the clock shows: refreshClock runs first
	type timer struct {
		task plan.Task
		row  timerRow
		left time.Duration
	}
	tasks := c.e.Tasks()
	timers := make([]timer, len(tasks))
	for i, t := range tasks {
		used, left, u := scenarios.Countdown(t, now)
		timers[i] = timer{t, timerRow{t.Label, timerStatus(t, left, u), math.Round(used*100) / 100, u}, left}
	}
	// Most urgent first; finished tasks sink to the bottom.
	slices.SortStableFunc(timers, func(a, b timer) int {
		if a.row.urgency != b.row.urgency {
			return int(b.row.urgency) - int(a.row.urgency)
		}
		return int((a.left - b.left) / time.Second)
	})
	rows := make([]timerRow, len(timers))
	for i, t := range timers {
		tasks[i], rows[i] = t.task, t.row
	}
	c.tasks = tasks
	old := c.timerRows
	c.timerRows = rows
	if len(old) != len(rows) {
		c.timers.Refresh()
		return
	}
	// Fyne's List.RefreshItem refreshes the whole list; the row widgets
	// on screen are updated in place instead.
	for i := range rows {
		if row, ok := c.timerShown.rows[i]; ok && rows[i] != old[i] {
			updateTimerRow(rows[i], row)
		}
	}
}

// boundRows remembers which item each row widget of a list was last given,
// so an item can be updated without refreshing the list. A widget that
// scrolled out of view may still be listed: updating it is harmless, the
// list gives it its item again before it shows.
type boundRows struct {
	rows map[widget.ListItemID]*fyne.Container
	ids  map[*fyne.Container]widget.ListItemID
}

func (b *boundRows) bind(id widget.ListItemID, row *fyne.Container) {
	if b.rows == nil {
		b.rows, b.ids = map[widget.ListItemID]*fyne.Container{}, map[*fyne.Container]widget.ListItemID{}
	}
	if old, ok := b.ids[row]; ok && b.rows[old] == row {
		delete(b.rows, old)
	}
	b.rows[id], b.ids[row] = row, id
}

// timerStatus is the text beside a timer's bar: how long is left, how
// late it is, or how it ended.
func timerStatus(t plan.Task, left time.Duration, u scenarios.Urgency) string {
	switch u {
	case scenarios.UrgencyDone:
		if t.MetAt != nil {
			return t.Status + " " + scenarios.Offset(t.MetAt.D()).String()
		}
		return t.Status
	case scenarios.UrgencyWaiting:
		return "from " + scenarios.Offset(t.Start.D()).String()
	case scenarios.UrgencyBreached:
		return shortDuration(-left) + " late"
	}
	return shortDuration(left) + " left"
}

func updateTimerRow(r timerRow, row *fyne.Container) {
	widgets.SetLabel(row.Objects[0].(*widget.Label), r.label)
	row.Objects[1].(*widgets.TimerBar).Set(r.used, r.urgency)
	widgets.SetLabel(row.Objects[2].(*widget.Label), r.status)
}
