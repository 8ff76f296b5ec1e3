package exercise

import (
	"fmt"
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
		func(i widget.ListItemID, o fyne.CanvasObject) { c.updateTimerRow(c.tasks[i], o.(*fyne.Container)) },
	)

	c.log = widget.NewList(
		func() int { return len(c.events) },
		func() fyne.CanvasObject { return truncLabel("T+00:00 event", false) },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(logRow(c.events[i])) },
	)
	c.log.OnSelected = func(i widget.ListItemID) {
		if i < len(c.events) {
			c.detail.showEntry(c.events[i])
		}
	}
}

func (c *console) updateInjectRow(r scenarios.InjectStatus, row *fyne.Container) {
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

func (c *console) refreshInjects() {
	c.injectRows = c.e.InjectStates()
	c.injects.Refresh()
	c.refreshDecisions()
	c.detail.refresh()
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
