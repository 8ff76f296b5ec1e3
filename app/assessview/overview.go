package assessview

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/internal/prose"
	"drillbook/plan"
)

// overview shows the organisation, how complete each part of the plan is,
// and every validation problem.
type overview struct {
	h host.Host

	name, sector, product *widget.Entry
	description           *widget.Entry
	heading               *widget.Label
	counts                []*widget.Label // one per plan.Summary entry, in order
	steps                 [3]*widget.Label
	problemsTitle         *widget.Label
	problems              *widgets.KeyList
	// startHere points a new user at the guide while the plan is empty.
	startHere *fyne.Container
	root      *fyne.Container
	top       *container.Scroll // the organisation and the step cards
	paned     bool              // the problem list is shown (showProblemsPane)
	loading   bool              // true while fields are filled from the document
}

// Overview is the first screen: the organisation, how complete each part
// of the plan is, and every validation problem. While the plan is empty
// it says where to start: openGuide shows the guide.
func Overview(h host.Host, openGuide func()) host.Screen { return newOverview(h, openGuide) }

func newOverview(h host.Host, openGuide func()) *overview {
	o := &overview{h: h}
	org := func(ws *plan.Workspace) *plan.Organisation { return &ws.Organisation }
	o.name = o.entry("organisation.name", "edit organisation name", func(ws *plan.Workspace) *string { return &org(ws).Name })
	o.sector = o.entry("organisation.sector", "edit sector", func(ws *plan.Workspace) *string { return &org(ws).Sector })
	o.product = o.entry("organisation.product", "edit product", func(ws *plan.Workspace) *string { return &org(ws).Product })
	o.description = widget.NewMultiLineEntry()
	o.description.Wrapping = fyne.TextWrapWord
	o.description.SetMinRowsVisible(3)
	o.description.OnChanged = o.onChange("organisation.description", "edit description", func(ws *plan.Workspace) *string { return &org(ws).Description })

	orgForm := widget.NewForm(
		widget.NewFormItem("Organisation", o.name),
		widget.NewFormItem("Sector", o.sector),
		widget.NewFormItem("Product", o.product),
		widget.NewFormItem("Description", o.description),
	)

	o.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	o.heading.SizeName = theme.SizeNameHeadingText
	o.heading.Truncation = fyne.TextTruncateEllipsis

	// One card per step: each part of the plan with its count.
	var grids [3]*fyne.Container
	for i := range grids {
		grids[i] = container.New(layout.NewFormLayout())
		o.steps[i] = widget.NewLabel("")
	}
	for _, c := range plan.New("").Summary() {
		n := widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		o.counts = append(o.counts, n)
		grids[c.Step-1].Add(n)
		grids[c.Step-1].Add(widget.NewLabel(c.Part))
	}
	cards := container.NewGridWithColumns(3)
	for i := range grids {
		cards.Add(widget.NewCard(fmt.Sprintf("Step %d", i+1), plan.StepNames[i], grids[i]))
	}

	o.problemsTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	o.problems = widgets.NewKeyList(
		func() int { return len(o.h.Problems()) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("path: message")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, l)
		},
		func(i widget.ListItemID, obj fyne.CanvasObject) {
			p := o.h.Problems()[i]
			row := obj.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(widgets.Shown(p.String()))
			icon := theme.WarningIcon()
			if p.Level == plan.Error {
				icon = theme.ErrorIcon()
			}
			row.Objects[1].(*widget.Icon).SetResource(icon)
		},
	)
	// Clicking a problem goes to the field it concerns.
	o.problems.OnSelected = func(i widget.ListItemID) {
		o.problems.UnselectAll()
		if i < len(o.h.Problems()) {
			o.h.GoTo(o.h.Problems()[i].Path)
		}
	}

	start := widget.NewButtonWithIcon("Start the guide", theme.NavigateNextIcon(), openGuide)
	start.Importance = widget.HighImportance
	intro := widget.NewLabel("Start here: this plan is empty. The guide walks you through it one question at a time, beginning with the kinds of incident you plan for.")
	intro.Wrapping = fyne.TextWrapWord
	o.startHere = container.NewBorder(nil, nil, nil, start, intro)
	o.startHere.Hide()

	// The organisation and the cards scroll, so a laptop screen in
	// presentation mode still shows the problems below them.
	o.top = container.NewVScroll(container.NewVBox(o.heading, o.startHere, widget.NewCard("", "", orgForm), cards))
	o.root = container.NewStack()
	o.showProblemsPane(true)
	return o
}

// showProblemsPane gives the problem list a quarter of the screen when
// there are problems, and only its one-line title when there are none, so
// a clean plan's cards are not cut short by an empty list. The panes are
// rebuilt only when that changes.
func (o *overview) showProblemsPane(any bool) {
	if any == o.paned && len(o.root.Objects) > 0 {
		return
	}
	o.paned = any
	if any {
		split := container.NewVSplit(o.top, container.NewBorder(o.problemsTitle, nil, nil, nil, o.problems))
		split.Offset = 0.75
		o.root.Objects = []fyne.CanvasObject{split}
	} else {
		o.root.Objects = []fyne.CanvasObject{container.NewBorder(nil, container.NewPadded(o.problemsTitle), nil, nil, o.top)}
	}
	o.root.Refresh()
}

// entry makes a one-line entry that writes into the workspace on change.
func (o *overview) entry(path, label string, field func(*plan.Workspace) *string) *widget.Entry {
	e := widget.NewEntry()
	e.OnChanged = o.onChange(path, label, field)
	return e
}

// onChange records typing as an undoable edit; consecutive keystrokes in
// one field make one undo step.
func (o *overview) onChange(path, label string, field func(*plan.Workspace) *string) func(string) {
	return func(s string) {
		if o.loading {
			return
		}
		old := *field(o.h.Workspace())
		o.h.Change(host.Edit{Label: label, Path: path, Merge: true,
			Do:   func() { *field(o.h.Workspace()) = s },
			Undo: func() { *field(o.h.Workspace()) = old }})
	}
}

// edited redraws the counts and problems (cheap) without touching the
// entry being typed in.
func (o *overview) AfterEdit(string) { o.Refresh() }

func (o *overview) CanShow(path string) bool { return plan.Within(path, "organisation") }

// showPath focuses the organisation field a path names.
func (o *overview) ShowPath(path string) {
	e := map[string]*widget.Entry{"organisation.sector": o.sector, "organisation.product": o.product, "organisation.description": o.description}[path]
	if e == nil {
		e = o.name
	}
	o.h.Window().Canvas().Focus(e)
}

func (o *overview) Title() string             { return "Overview" }
func (o *overview) Icon() fyne.Resource       { return theme.HomeIcon() }
func (o *overview) Object() fyne.CanvasObject { return o.root }

func (o *overview) Refresh() {
	ws := o.h.Workspace()
	o.loading = true
	widgets.SetText(o.name, ws.Organisation.Name)
	widgets.SetText(o.sector, ws.Organisation.Sector)
	widgets.SetText(o.product, ws.Organisation.Product)
	widgets.SetText(o.description, ws.Organisation.Description)
	o.loading = false

	o.heading.SetText(widgets.Shown(ws.Organisation.Name))
	var text [3]string
	total := 0
	for i, c := range ws.Summary() {
		o.counts[i].SetText(fmt.Sprint(c.Count))
		text[c.Step-1] += fmt.Sprintf("%s: %d\n", c.Part, c.Count)
		total += c.Count
	}
	if total == 0 {
		o.startHere.Show()
	} else {
		o.startHere.Hide()
	}
	// steps keeps a plain-text digest per step (used by tests and tooltips).
	for i, l := range o.steps {
		l.SetText(text[i])
	}
	errs := o.h.Problems().Errors()
	warns := len(o.h.Problems()) - errs
	o.showProblemsPane(errs+warns > 0)
	if errs+warns == 0 {
		o.problemsTitle.SetText("Validation: no problems found")
	} else {
		o.problemsTitle.SetText("Validation: " + prose.Count(errs, "error", "errors") + ", " + prose.Count(warns, "warning", "warnings"))
	}
	o.problems.Refresh()
}
