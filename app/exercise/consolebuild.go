package exercise

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/scenarios"
)

// The console must fit a 1280×720 laptop mirrored to a projector, in
// presentation mode too, without the window growing: so nothing in it may
// ask for more width than the window has. The top bar holds only what
// must always be visible; every column is a split whose content shrinks
// (truncating labels, wrapped text in scrolls, buttons whose labels
// truncate).

func (c *console) build() {
	c.clock = canvas.NewText("T+00:00", theme.Color(theme.ColorNameForeground))
	c.clock.TextSize = 34
	c.clock.TextStyle = fyne.TextStyle{Monospace: true}
	c.paused = pausedBadge(theme.TextSize() * 1.3)
	c.severity = truncLabel("", true)
	c.next = truncLabel("", false)
	c.playPause = widget.NewButtonWithIcon("Pause", theme.MediaPauseIcon(), c.togglePause)
	c.speed = widget.NewSelect(speeds, nil)
	c.speed.PlaceHolder = "×1" // the default placeholder is wider than any speed
	c.speed.SetSelected(fmt.Sprintf("×%g", c.e.Speed()))
	c.speed.OnChanged = func(s string) { c.apply(c.e.SetSpeed(parseSpeed(s))) }
	skip := widget.NewButtonWithIcon("Next inject", theme.MediaSkipNextIcon(), func() { c.apply(c.e.SkipToNext()) })
	end := widget.NewButtonWithIcon("End exercise…", theme.MediaStopIcon(), c.endDialog)
	end.Importance = widget.DangerImportance
	c.retry = widget.NewButtonWithIcon("Retry journal", theme.ViewRefreshIcon(), func() { c.apply(c.e.Retry()) })
	c.retry.Importance = widget.WarningImportance
	c.retry.Hide()
	var more *widget.Button
	more = widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), func() { c.moreMenu(more) })
	top := container.NewBorder(nil, nil,
		container.NewHBox(c.clock, container.NewCenter(c.paused)),
		container.NewHBox(c.retry, c.playPause, c.speed, skip, end, more),
		container.NewVBox(c.severity, c.next))

	c.buildLists()
	c.decisions = container.NewVBox()
	c.grades = widget.NewCheck("Show grades", func(bool) { c.refreshDecisions() })
	c.detail.build(c)

	actions := container.NewGridWithColumns(2)
	for _, k := range scenarios.ActionKinds {
		if k == scenarios.ExpectDecide {
			continue // decisions are recorded from the decision panel
		}
		actions.Add(compactButton(actionLabel(k), func() { c.recordDialog(k) }))
	}
	actions.Add(compactButton("Playbook checklist…", c.checklistDialog))
	c.note = widget.NewMultiLineEntry()
	c.note.SetPlaceHolder("Note or evaluator observation on the current inject")
	c.note.SetMinRowsVisible(2)
	c.note.Wrapping = fyne.TextWrapWord
	notes := container.NewGridWithColumns(2,
		compactButton("Add note", func() { c.addNote(false) }),
		compactButton("Add observation", func() { c.addNote(true) }))

	injects := container.NewBorder(heading("Injects"), nil, nil, nil, c.injects)
	decisions := container.NewBorder(container.NewBorder(nil, nil, nil, c.grades, heading("Decisions")), nil, nil, nil,
		container.NewVScroll(c.decisions))
	left := container.NewVSplit(injects, decisions)
	left.Offset = 0.45
	timers := container.NewBorder(heading("Timers from the plan and the scenario"), nil, nil, nil, c.timers)
	middle := container.NewVSplit(c.detail.object(), timers)
	middle.Offset = 0.55
	record := container.NewBorder(heading("Record what the team did"), nil, nil, nil, container.NewVScroll(actions))
	log := container.NewBorder(heading("Event log"), container.NewVBox(c.note, notes), nil, nil, c.log)
	right := container.NewVSplit(record, log)
	right.Offset = 0.4
	rest := container.NewHSplit(middle, right)
	cols := container.NewHSplit(left, rest)
	cols.Offset = 0.3
	c.root = container.NewBorder(top, nil, nil, nil, cols)
}

// moreMenu holds the console's secondary commands, so the top bar fits.
func (c *console) moreMenu(from fyne.CanvasObject) {
	menu := fyne.NewMenu("",
		fyne.NewMenuItem("Participants' window", c.openProjector),
		fyne.NewMenuItem("Playbook checklist…", c.checklistDialog),
	)
	if c.discardRun != nil {
		menu.Items = append(menu.Items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Discard run…", c.discard))
	}
	cv := fyne.CurrentApp().Driver().CanvasForObject(from)
	if cv == nil {
		return
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(from).Add(fyne.NewPos(0, from.Size().Height))
	widget.ShowPopUpMenuAtPosition(menu, cv, pos)
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
		scenarios.ExpectDecide:          "Decided",
	}[k]
}

// heading is a column's bold title; it truncates, so it never widens
// its column.
func heading(s string) *widget.Label { return truncLabel(s, true) }

func truncLabel(s string, bold bool) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// compactButton is a button whose label truncates to the space it is
// given (Fyne's buttons always ask for their whole label): a label over
// a button without text, which takes the taps the label lets through.
func compactButton(label string, tapped func()) *fyne.Container {
	l := widget.NewLabelWithStyle(label, fyne.TextAlignCenter, fyne.TextStyle{})
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewStack(widget.NewButton("", tapped), l)
}

// pausedBadge is a bold "PAUSED" on the warning colour.
func pausedBadge(size float32) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameWarning))
	bg.CornerRadius = size / 4
	t := canvas.NewText("PAUSED", color.Black)
	t.TextSize = size
	t.TextStyle = fyne.TextStyle{Bold: true}
	return container.NewStack(bg, container.NewPadded(t))
}
