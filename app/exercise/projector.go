package exercise

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/widgets"
	"drillbook/plan"
	"drillbook/scenarios"
)

// projector is the participants' window for the projector: the clock, the
// current severity and status, delivered injects and open decision
// prompts. It never shows expectations, timers, grades or notes.
type projector struct {
	c        *console
	win      fyne.Window
	clock    *canvas.Text
	paused   fyne.CanvasObject
	severity *widget.Label
	status   *widget.Label
	latest   *widget.RichText
	earlier  *widget.RichText
	decision *widget.Label
	// The Markdown latest and earlier show, so an unchanged one is not
	// parsed and laid out again.
	latestMD, earlierMD string
}

// bigTheme scales text for reading from the back of a room.
type bigTheme struct{ fyne.Theme }

func (t bigTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.Theme.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText, theme.SizeNameInlineIcon:
		return s * 1.8
	}
	return s
}

func (c *console) openProjector() {
	if c.proj != nil {
		c.proj.win.RequestFocus()
		return
	}
	p := &projector{c: c, win: fyne.CurrentApp().NewWindow("Drillbook — " + c.e.Scenario().Title)}
	p.clock = canvas.NewText("T+00:00", theme.Color(theme.ColorNameForeground))
	p.clock.TextSize = 96
	p.clock.TextStyle = fyne.TextStyle{Monospace: true}
	p.clock.Alignment = fyne.TextAlignCenter
	p.severity = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	p.status = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	// At the big text size a long status or severity name would widen the
	// window past a 1280-pixel screen; they truncate instead.
	p.severity.Truncation = fyne.TextTruncateEllipsis
	p.status.Truncation = fyne.TextTruncateEllipsis
	p.latest = widget.NewRichText()
	p.latest.Wrapping = fyne.TextWrapWord
	p.earlier = widget.NewRichText()
	p.earlier.Wrapping = fyne.TextWrapWord
	p.decision = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.decision.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle(c.e.Scenario().Title, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	p.paused = pausedBadge(48)
	head := container.NewVBox(title, p.clock, container.NewCenter(p.paused), container.NewGridWithColumns(2, p.severity, p.status))
	body := container.NewVScroll(container.NewVBox(p.decision, p.latest, widget.NewSeparator(), p.earlier))
	p.win.SetContent(container.NewThemeOverride(container.NewBorder(head, nil, nil, nil, body), bigTheme{widgets.AppColours()}))
	// The main window's default size: a 1280×720 projector or mirrored
	// laptop screen must hold it whole.
	p.win.Resize(fyne.NewSize(1200, 680))
	p.win.SetOnClosed(func() { c.proj = nil })
	c.proj = p
	p.refresh()
	p.refreshClock()
	p.win.Show()
}

func (p *projector) refreshClock() {
	text := clockText(p.c.drawn.second)
	// Read each time, so the clock follows a switch to the light theme.
	fg := theme.Color(theme.ColorNameForeground)
	if p.clock.Text != text || p.clock.Color != fg {
		p.clock.Text, p.clock.Color = text, fg
		p.clock.Refresh()
	}
	widgets.SetLabel(p.severity, severityText(p.c.e))
	widgets.SetVisible(p.paused, !p.c.e.Running())
}

// refresh redraws the injects and prompts from the event log.
func (p *projector) refresh() {
	evs := standingEvents(p.c.events)
	widgets.SetLabel(p.status, "Status: "+scenarios.PublicStatus(evs))
	var injects []plan.Event
	for _, ev := range evs {
		if ev.Kind == plan.EventInject {
			injects = append(injects, ev)
		}
	}
	var prompt strings.Builder
	for _, d := range p.c.e.OpenDecisions() {
		prompt.WriteString("Decision needed: " + reflow(d.Prompt) + "\n")
		for i, o := range d.Options {
			fmt.Fprintf(&prompt, "  %c) %s\n", 'A'+i, o.Text) // options without their grades
		}
	}
	widgets.SetLabel(p.decision, strings.TrimSpace(prompt.String()))
	if len(injects) == 0 {
		widgets.UpdateMarkdown(p.latest, &p.latestMD, "*Waiting for the first inject…*")
		widgets.UpdateMarkdown(p.earlier, &p.earlierMD, "")
		return
	}
	last := injects[len(injects)-1]
	widgets.UpdateMarkdown(p.latest, &p.latestMD, injectMarkdown(last))
	var b strings.Builder
	for i := len(injects) - 2; i >= 0; i-- {
		b.WriteString(injectMarkdown(injects[i]) + "\n\n---\n\n")
	}
	widgets.UpdateMarkdown(p.earlier, &p.earlierMD, b.String())
}

func injectMarkdown(ev plan.Event) string {
	return fmt.Sprintf("**%s — from %s**\n\n%s", scenarios.Offset(ev.At.D()), ev.Actor, strings.TrimSpace(ev.Text))
}
