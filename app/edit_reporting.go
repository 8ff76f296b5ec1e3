package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/widgets"
	"drillbook/plan"
)

// formPart edits a part of the plan that is a single record (triage,
// reporting guidance, cover) rather than a list.
type formPart struct {
	u    *UI
	base string
	b    *binder
	root fyne.CanvasObject
}

func newFormPart(u *UI, base string) *formPart {
	f := &formPart{u: u, base: base}
	f.b = newBinder(u, func() (addr, bool) { return addr{}, true }, func(addr) string { return base })
	return f
}

func (f *formPart) object() fyne.CanvasObject { return f.root }
func (f *formPart) refresh()                  { f.b.load() }
func (f *formPart) edited(string)             { f.b.showProblems() }
func (f *formPart) canShow(path string) bool  { return under(path, f.base) }
func (f *formPart) showPath(path string) {
	f.b.focusField(strings.TrimPrefix(strings.TrimPrefix(path, f.base), "."))
}

// reportingPart edits how incidents are reported (channels, guidance for
// reporters) and who triages them.
type reportingPart struct {
	channels *listEditor[plan.ReportingChannel]
	guidance *formPart
	triage   *formPart
	root     fyne.CanvasObject
}

func newReportingPart(u *UI) *reportingPart {
	p := &reportingPart{}
	e := newListEditor(u, listSpec[plan.ReportingChannel]{
		noun: "reporting channel", base: "reporting.channels", reorder: true,
		slice: func(int) *[]plan.ReportingChannel { return &u.doc.ws.Reporting.Channels },
		row: func(c *plan.ReportingChannel) string {
			return fmt.Sprintf("%s · %s", widgets.OrDash(c.Name), c.Channel)
		},
		fresh: func(ws *plan.Workspace, _ int) plan.ReportingChannel {
			id, _ := ws.NewID("reporting.channels", "New channel")
			return plan.ReportingChannel{ID: id, Name: "New channel", Channel: plan.ChannelEmail}
		},
		copyOf: func(ws *plan.Workspace, _ int, c plan.ReportingChannel) plan.ReportingChannel {
			c.Name += " (copy)"
			c.ID, _ = ws.NewID("reporting.channels", c.Name)
			return c
		},
	})
	at := func(a addr) *plan.ReportingChannel { return &u.doc.ws.Reporting.Channels[a.index] }
	e.b.text("Name", "name", func(a addr) *string { return &at(a).Name })
	choice(e.b, "Channel", "channel", plan.Channels, func(a addr) *plan.Channel { return &at(a).Channel })
	e.b.text("Address", "address", func(a addr) *string { return &at(a).Address }).SetPlaceHolder("number, mailbox, chat channel or URL")
	e.b.text("Monitored", "monitored", func(a addr) *string { return &at(a).Monitored }).SetPlaceHolder("e.g. 24/7 by the on-call engineer")
	e.finish()
	p.channels = e

	p.guidance = newFormPart(u, "reporting")
	p.guidance.b.textArea("Guidance for reporters", "guidance", 4, func(addr) *string { return &u.doc.ws.Reporting.Guidance }).
		SetPlaceHolder("What to include in a report: what you saw, when, who is affected, screenshots…")
	p.guidance.root = p.guidance.b.form()

	t := newFormPart(u, "triage")
	tr := func() *plan.Triage { return &u.doc.ws.Triage }
	pick(t.b, "Run by role", "role", true, func() []option { return roleOptions(u.doc.ws) }, func(addr) *string { return &tr().Role })
	t.b.duration("Target time", "targetTime", func(addr) *plan.Duration { return &tr().TargetTime })
	t.b.textArea("Method", "method", 2, func(addr) *string { return &tr().Method })
	t.b.lines("Steps", "steps", 5, "One step per line", func(addr) *[]string { return &tr().Steps })
	t.b.textArea("Description", "description", 3, func(addr) *string { return &tr().Description })
	t.root = t.b.form()
	p.triage = t

	left := container.NewVSplit(e.root, container.NewVScroll(p.guidance.root))
	left.Offset = 0.68
	right := container.NewBorder(heading("Triage"), nil, nil, nil, container.NewVScroll(t.root))
	split := container.NewHSplit(container.NewBorder(heading("Reporting channels"), nil, nil, nil, left), right)
	split.Offset = 0.6
	p.root = split
	return p
}

func (p *reportingPart) object() fyne.CanvasObject { return p.root }

func (p *reportingPart) refresh() {
	p.channels.refresh()
	p.guidance.refresh()
	p.triage.refresh()
}

func (p *reportingPart) edited(path string) {
	p.channels.edited(path)
	p.guidance.edited(path)
	p.triage.edited(path)
}

func (p *reportingPart) canShow(path string) bool {
	return p.channels.canShow(path) || p.guidance.canShow(path) || p.triage.canShow(path)
}

func (p *reportingPart) showPath(path string) {
	switch {
	case p.channels.canShow(path):
		p.channels.showPath(path)
	case p.triage.canShow(path):
		p.triage.showPath(path)
	default:
		p.guidance.showPath(path)
	}
}

// heading is a bold section title.
func heading(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
