package editors

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/form"
	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/plan"
)

// reportingPart edits how incidents are reported (channels, guidance for
// reporters) and who triages them.
type reportingPart struct {
	group    // channels, triage, guidance
	channels *form.List[plan.ReportingChannel]
	guidance *form.Record
	triage   *form.Record
	root     fyne.CanvasObject
}

func newReportingPart(h host.Host) *reportingPart {
	p := &reportingPart{}
	e := form.NewList(h, form.ListSpec[plan.ReportingChannel]{
		Noun: "reporting channel", Base: "reporting.channels", Reorder: true,
		Slice: func(int) *[]plan.ReportingChannel { return &h.Workspace().Reporting.Channels },
		Row: func(c *plan.ReportingChannel) string {
			return fmt.Sprintf("%s · %s", widgets.OrDash(c.Name), c.Channel)
		},
		Named:   func(c *plan.ReportingChannel) (*string, *string) { return &c.ID, &c.Name },
		NewName: "New channel",
		New: func(*plan.Workspace, int) plan.ReportingChannel {
			return plan.ReportingChannel{Channel: plan.ChannelEmail}
		},
	})
	at := func(a form.Addr) *plan.ReportingChannel { return &h.Workspace().Reporting.Channels[a.Index] }
	e.Binder().Text("Name", "name", func(a form.Addr) *string { return &at(a).Name })
	form.Choice(e.Binder(), "Channel", "channel", plan.Channels, func(a form.Addr) *plan.Channel { return &at(a).Channel })
	e.Binder().Text("Address", "address", func(a form.Addr) *string { return &at(a).Address }).SetPlaceHolder("number, mailbox, chat channel or URL")
	e.Binder().Text("Monitored", "monitored", func(a form.Addr) *string { return &at(a).Monitored }).SetPlaceHolder("e.g. 24/7 by the on-call engineer")
	e.Finish()
	p.channels = e

	p.guidance = form.NewRecord(h, "reporting")
	p.guidance.Binder().TextArea("Guidance for reporters", "guidance", func(form.Addr) *string { return &h.Workspace().Reporting.Guidance }).
		SetPlaceHolder("What to include in a report: what you saw, when, who is affected, screenshots…")
	p.guidance.Finish()

	t := form.NewRecord(h, "triage")
	tb := t.Binder()
	tr := func() *plan.Triage { return &h.Workspace().Triage }
	form.Pick(tb, "Run by role", "role", true, func() []form.Option { return form.RoleOptions(h.Workspace()) }, func(form.Addr) *string { return &tr().Role })
	tb.Duration("Target time", "targetTime", func(form.Addr) *plan.Duration { return &tr().TargetTime })
	tb.TextArea("Method", "method", func(form.Addr) *string { return &tr().Method })
	tb.Lines("Steps", "steps", "One step per line", func(form.Addr) *[]string { return &tr().Steps })
	tb.TextArea("Description", "description", func(form.Addr) *string { return &tr().Description })
	t.Finish()
	p.triage = t
	p.group = group{e, t, p.guidance}

	left := container.NewVSplit(e.Object(), container.NewVScroll(p.guidance.Object()))
	left.Offset = 0.68
	right := container.NewBorder(heading("Triage"), nil, nil, nil, container.NewVScroll(t.Object()))
	split := container.NewHSplit(container.NewBorder(heading("Reporting channels"), nil, nil, nil, left), right)
	split.Offset = 0.6
	p.root = split
	return p
}

func (p *reportingPart) Object() fyne.CanvasObject { return p.root }

// group is a part made of parts shown together: it reloads and follows
// edits in all of them, and shows a path in the first that can show it.
type group []form.Part

func (g group) Refresh() {
	for _, p := range g {
		p.Refresh()
	}
}

func (g group) AfterEdit(path string) {
	for _, p := range g {
		p.AfterEdit(path)
	}
}

func (g group) CanShow(path string) bool {
	return slices.ContainsFunc(g, func(p form.Part) bool { return p.CanShow(path) })
}

func (g group) ShowPath(path string) {
	if i := slices.IndexFunc(g, func(p form.Part) bool { return p.CanShow(path) }); i >= 0 {
		g[i].ShowPath(path)
	}
}

// heading is a bold section title.
func heading(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
