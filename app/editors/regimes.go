package editors

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/form"
	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/internal/prose"
	"drillbook/plan"
)

// The regimes the organisation answers to, ticked above the reporting
// obligations, and "Add obligations from regimes…", which adds what they
// call for (plan.OfferFromRegimes) as one undoable step.

// obligationsPart is the reporting obligations' list editor with the
// regimes above it.
type obligationsPart struct {
	*form.List[plan.ReportingObligation]
	h      host.Host
	checks []*widget.Check
	note   *widget.Label // problems of organisation.regimes
	offer  *widget.Button
	root   fyne.CanvasObject
	// loading is set while the checks are set from the plan, so that
	// setting them makes no edit.
	loading bool
}

const regimesPath = "organisation.regimes"

func newObligationsPart(h host.Host) *obligationsPart {
	p := &obligationsPart{List: newObligationsList(h), h: h, note: form.ProblemLabel()}
	grid := container.NewGridWithColumns(3)
	for _, r := range plan.Regimes() {
		c := widget.NewCheck(r.Name, nil)
		c.OnChanged = func(on bool) { p.toggle(r.ID, on) }
		p.checks = append(p.checks, c)
		grid.Add(c)
	}
	p.offer = widget.NewButtonWithIcon("Add obligations from regimes…", theme.ContentAddIcon(), p.showOffer)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, p.offer, heading("Regimes the organisation answers to")),
		grid, p.note, widget.NewSeparator())
	p.root = container.NewBorder(top, nil, nil, nil, p.List.Object())
	p.loadRegimes()
	return p
}

func (p *obligationsPart) Object() fyne.CanvasObject { return p.root }

func (p *obligationsPart) Refresh() {
	p.List.Refresh()
	p.loadRegimes()
}

func (p *obligationsPart) AfterEdit(path string) {
	p.List.AfterEdit(path)
	p.loadRegimes()
}

func (p *obligationsPart) CanShow(path string) bool {
	return plan.Within(path, regimesPath) || p.List.CanShow(path)
}

func (p *obligationsPart) ShowPath(path string) {
	if plan.Within(path, regimesPath) {
		p.loadRegimes()
		return
	}
	p.List.ShowPath(path)
}

// loadRegimes sets the checks and the problem note from the plan.
func (p *obligationsPart) loadRegimes() {
	ws := p.h.Workspace()
	p.loading = true
	for i, r := range plan.Regimes() {
		if on := slices.Contains(ws.Organisation.Regimes, r.ID); p.checks[i].Checked != on {
			p.checks[i].SetChecked(on)
		}
	}
	p.loading = false
	var msgs []string
	level := plan.Warning
	for _, pr := range p.h.Problems().At(regimesPath) {
		msgs = append(msgs, form.ProblemText(pr))
		level = max(level, pr.Level)
	}
	form.SetNote(p.note, msgs, level)
	if len(ws.DeclaredRegimes()) == 0 {
		p.offer.Disable()
	} else {
		p.offer.Enable()
	}
}

// toggle declares or drops a regime, one undoable edit.
func (p *obligationsPart) toggle(id string, on bool) {
	if p.loading {
		return
	}
	old := slices.Clone(p.h.Workspace().Organisation.Regimes)
	next := slices.DeleteFunc(slices.Clone(old), func(x string) bool { return x == id })
	if on {
		next = append(next, id)
	}
	label := "declare regime"
	if !on {
		label = "drop regime"
	}
	p.h.Change(host.Edit{Label: label, Path: regimesPath,
		Do:   func() { p.h.Workspace().Organisation.Regimes = slices.Clone(next) },
		Undo: func() { p.h.Workspace().Organisation.Regimes = slices.Clone(old) },
	})
}

// showOffer previews what the declared regimes add and adds it on
// confirmation.
func (p *obligationsPart) showOffer() {
	ws := p.h.Workspace()
	// What is added first, then the duties that are not.
	offers := ws.OfferFromRegimes()
	slices.SortStableFunc(offers, func(a, b plan.RegimeOffer) int { return untimed(a) - untimed(b) })
	add := ws.RegimeObligations()
	box := container.NewVBox()
	for _, o := range offers {
		box.Add(offerLine(ws, o))
	}
	if len(add) == 0 {
		box.Objects = append([]fyne.CanvasObject{wrapped("The plan already has every obligation with a fixed deadline that the ticked regimes set.")}, box.Objects...)
		scroll := container.NewVScroll(box)
		scroll.SetMinSize(fyne.NewSize(620, 220))
		dialog.ShowCustom("Add obligations from regimes", "Close", scroll, p.h.Window())
		return
	}
	scroll := container.NewVScroll(box)
	scroll.SetMinSize(fyne.NewSize(620, 380))
	confirm := fmt.Sprintf("Add %s", prose.Count(len(add), "obligation", "obligations"))
	d := dialog.NewCustomConfirm("Add obligations from regimes", confirm, "Cancel", scroll, func(ok bool) {
		if ok {
			p.apply(add)
		}
	}, p.h.Window())
	d.Show()
}

// apply adds the obligations as one edit; undo removes all of them.
func (p *obligationsPart) apply(add []plan.ReportingObligation) {
	first := len(p.h.Workspace().ReportingObligations)
	p.h.Change(host.Edit{Label: "add obligations from regimes", Path: fmt.Sprintf("reportingObligations[%d]", first),
		Do: func() {
			ws := p.h.Workspace()
			ws.ReportingObligations = append(ws.ReportingObligations[:first:first], slices.Clone(add)...)
		},
		Undo: func() {
			ws := p.h.Workspace()
			ws.ReportingObligations = ws.ReportingObligations[:first]
		},
	})
	p.SelectIndex(first)
}

// offerLine is one duty in the preview: what is added, its deadline, what
// the rule's clock runs from, its rule and owner; or why it is not added.
func offerLine(ws *plan.Workspace, o plan.RegimeOffer) fyne.CanvasObject {
	d := o.Duty
	title := widget.NewLabelWithStyle(d.Body, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	if d.Untimed != "" {
		return container.NewVBox(title, wrapped("Not added: no fixed deadline. "+d.Untimed+" ("+d.Reference+")"))
	}
	owner := "no role carries regulatory reporting yet: choose one after adding"
	if r := ws.Role(o.Obligation.OwnerRole); r != nil {
		owner = "sent by " + widgets.Clip(widgets.OrDash(r.Name), widgets.ShortRunes)
	}
	return container.NewVBox(title, wrapped(fmt.Sprintf("Within %s of detection (the rule counts from %s) · %s · %s",
		prose.Duration(d.Deadline.D()), d.ClockFrom, d.Reference, owner)))
}

func untimed(o plan.RegimeOffer) int {
	if o.Duty.Untimed != "" {
		return 1
	}
	return 0
}

func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}
