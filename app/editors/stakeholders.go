package editors

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/form"
	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/plan"
)

// newStakeholdersPart edits the communication plan: who is kept informed,
// how, by which role, how often at each severity, and the message
// template.
func newStakeholdersPart(h host.Host) *form.List[plan.Stakeholder] {
	e := form.NewList(h, form.ListSpec[plan.Stakeholder]{
		Noun: "stakeholder group", Base: "stakeholders", Reorder: true,
		Slice: func(int) *[]plan.Stakeholder { return &h.Workspace().Stakeholders },
		Row: func(s *plan.Stakeholder) string {
			return fmt.Sprintf("%s · %s · %s", widgets.OrDash(s.Name), s.Kind, s.Channel)
		},
		Named:   func(s *plan.Stakeholder) (*string, *string) { return &s.ID, &s.Name },
		NewName: "New stakeholder group",
		New: func(*plan.Workspace, int) plan.Stakeholder {
			return plan.Stakeholder{Kind: plan.StakeholderInternal, Channel: plan.ChannelEmail}
		},
	})
	at := func(a form.Addr) *plan.Stakeholder { return &h.Workspace().Stakeholders[a.Index] }
	b := e.Binder()
	b.Text("Name", "name", func(a form.Addr) *string { return &at(a).Name })
	form.Choice(b, "Kind", "kind", plan.StakeholderKinds, func(a form.Addr) *plan.StakeholderKind { return &at(a).Kind })
	form.Choice(b, "Channel", "channel", plan.Channels, func(a form.Addr) *plan.Channel { return &at(a).Channel })
	b.Text("Address", "address", func(a form.Addr) *string { return &at(a).Address })
	form.Pick(b, "Updates owned by", "ownerRole", false, func() []form.Option { return form.RoleOptions(h.Workspace()) }, func(a form.Addr) *string { return &at(a).OwnerRole })
	cadenceField(h, b, func(a form.Addr) *[]plan.Cadence { return &at(a).Cadence })
	b.TextArea("Message template", "template", func(a form.Addr) *string { return &at(a).Template }).
		SetPlaceHolder("What an update says: impact, what we are doing, next update at …")
	e.Finish()
	return e
}

// cadenceField edits how often a stakeholder is updated at each severity
// the plan defines; an empty entry means they are not told at that level.
func cadenceField(h host.Host, b *form.Binder, at func(form.Addr) *[]plan.Cadence) {
	rows := container.New(layout.NewFormLayout())
	var cur form.Addr
	b.Add("Update every", "cadence", rows, nil, func(a form.Addr) {
		cur = a
		rows.RemoveAll()
		for _, s := range h.Workspace().Severities {
			level := s.Level
			e := widget.NewEntry()
			e.SetPlaceHolder("not told")
			e.Validator = func(t string) error { _, err := form.ParseDurationText(t); return err }
			if i := slices.IndexFunc(*at(a), func(c plan.Cadence) bool { return c.Severity == level }); i >= 0 {
				e.SetText(form.DurationText((*at(a))[i].Every))
			}
			e.OnChanged = func(t string) {
				d, err := form.ParseDurationText(t)
				if err != nil || b.Loading() {
					return
				}
				next := slices.Clone(*at(cur))
				i := slices.IndexFunc(next, func(c plan.Cadence) bool { return c.Severity == level })
				switch {
				case i >= 0 && d == 0:
					next = slices.Delete(next, i, i+1)
				case i >= 0:
					next[i].Every = d
				case d != 0:
					next = append(next, plan.Cadence{Severity: level, Every: d})
					slices.SortStableFunc(next, func(x, y plan.Cadence) int { return x.Severity - y.Severity })
				}
				form.SetField(b, "cadence", "edit update cadence", at, next, true)
			}
			rows.Add(widget.NewLabel(widgets.Clip(fmt.Sprintf("Severity %d %s", s.Level, s.Name), widgets.ShortRunes)))
			rows.Add(e)
		}
		if len(h.Workspace().Severities) == 0 {
			rows.Add(widget.NewLabel(""))
			rows.Add(widget.NewLabel("Define severity levels first."))
		}
	})
}
