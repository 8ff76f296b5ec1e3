package app

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/widgets"
	"drillbook/plan"
)

// newStakeholdersPart edits the communication plan: who is kept informed,
// how, by which role, how often at each severity, and the message
// template.
func newStakeholdersPart(u *UI) *listEditor[plan.Stakeholder] {
	e := newListEditor(u, listSpec[plan.Stakeholder]{
		noun: "stakeholder group", base: "stakeholders", reorder: true,
		slice: func(int) *[]plan.Stakeholder { return &u.doc.ws.Stakeholders },
		row: func(s *plan.Stakeholder) string {
			return fmt.Sprintf("%s · %s · %s", widgets.OrDash(s.Name), s.Kind, s.Channel)
		},
		fresh: func(ws *plan.Workspace, _ int) plan.Stakeholder {
			id, _ := ws.NewID("stakeholders", "New stakeholder group")
			return plan.Stakeholder{ID: id, Name: "New stakeholder group", Kind: plan.StakeholderInternal, Channel: plan.ChannelEmail}
		},
		copyOf: func(ws *plan.Workspace, _ int, s plan.Stakeholder) plan.Stakeholder {
			s.Name += " (copy)"
			s.ID, _ = ws.NewID("stakeholders", s.Name)
			return s
		},
	})
	at := func(a addr) *plan.Stakeholder { return &u.doc.ws.Stakeholders[a.index] }
	b := e.b
	b.text("Name", "name", func(a addr) *string { return &at(a).Name })
	choice(b, "Kind", "kind", plan.StakeholderKinds, func(a addr) *plan.StakeholderKind { return &at(a).Kind })
	choice(b, "Channel", "channel", plan.Channels, func(a addr) *plan.Channel { return &at(a).Channel })
	b.text("Address", "address", func(a addr) *string { return &at(a).Address })
	pick(b, "Updates owned by", "ownerRole", false, func() []option { return roleOptions(u.doc.ws) }, func(a addr) *string { return &at(a).OwnerRole })
	cadenceField(b, func(a addr) *[]plan.Cadence { return &at(a).Cadence })
	b.textArea("Message template", "template", 5, func(a addr) *string { return &at(a).Template }).
		SetPlaceHolder("What an update says: impact, what we are doing, next update at …")
	e.finish()
	return e
}

// cadenceField edits how often a stakeholder is updated at each severity
// the plan defines; an empty entry means they are not told at that level.
func cadenceField(b *binder, at func(addr) *[]plan.Cadence) {
	rows := container.New(layout.NewFormLayout())
	var cur addr
	b.add("Update every", "cadence", rows, nil, func(a addr) {
		cur = a
		rows.RemoveAll()
		for _, s := range b.u.doc.ws.Severities {
			level := s.Level
			e := widget.NewEntry()
			e.SetPlaceHolder("not told")
			e.Validator = func(t string) error { _, err := parseDurationText(t); return err }
			if i := slices.IndexFunc(*at(a), func(c plan.Cadence) bool { return c.Severity == level }); i >= 0 {
				e.SetText(durationText((*at(a))[i].Every))
			}
			e.OnChanged = func(t string) {
				d, err := parseDurationText(t)
				if err != nil || b.loading {
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
				bindSet(b, "cadence", "edit update cadence", at, next, true)
			}
			rows.Add(widget.NewLabel(widgets.Clip(fmt.Sprintf("Severity %d %s", s.Level, s.Name), widgets.ShortRunes)))
			rows.Add(e)
		}
		if len(b.u.doc.ws.Severities) == 0 {
			rows.Add(widget.NewLabel(""))
			rows.Add(widget.NewLabel("Define severity levels first."))
		}
	})
}
