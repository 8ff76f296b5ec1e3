package exercise

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/plan"
	"drillbook/scenarios"
)

// scenarioEditor edits a copy of a scenario in its own window: the header,
// the timed injects and each inject's expectations. Saving validates and
// puts the scenario in the library.
type scenarioEditor struct {
	l   *library
	s   *scenarios.Scenario
	win fyne.Window

	injects *widget.List
	cur     int // selected inject, -1 for none
	loading bool

	at, from, channel, to, severity *widget.Entry
	text                            *widget.Entry
	expects                         *fyne.Container
	detail                          *fyne.Container
}

func (l *library) openEditor(s *scenarios.Scenario) *scenarioEditor {
	ed := &scenarioEditor{l: l, s: s, cur: -1}
	ed.win = fyne.CurrentApp().NewWindow("Edit scenario — " + s.Title)
	ed.win.SetContent(ed.build())
	ed.win.Resize(fyne.NewSize(1200, 760))
	ed.win.Show()
	if len(s.Injects) > 0 {
		ed.injects.Select(0)
	}
	return ed
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if t := strings.TrimSpace(l); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func (ed *scenarioEditor) build() fyne.CanvasObject {
	s := ed.s
	bind := func(e *widget.Entry, v string, set func(string)) *widget.Entry {
		e.SetText(v)
		e.OnChanged = set
		return e
	}
	id := bind(widget.NewEntry(), s.ID, func(v string) { s.ID = v })
	title := bind(widget.NewEntry(), s.Title, func(v string) { s.Title = v })
	cats := make([]string, len(plan.Categories))
	for i, c := range plan.Categories {
		cats[i] = string(c)
	}
	cat := widget.NewSelect(cats, func(v string) { s.Category = plan.Category(v) })
	cat.SetSelected(string(s.Category))
	sev := bind(widget.NewEntry(), strconv.Itoa(s.StartingSeverity), func(v string) { s.StartingSeverity, _ = strconv.Atoi(v) })
	dur := bind(widget.NewEntry(), s.Duration.String(), func(v string) {
		if d, err := plan.ParseDuration(v); err == nil {
			s.Duration = d
		}
	})
	summary := bind(widget.NewMultiLineEntry(), s.Summary, func(v string) { s.Summary = v })
	summary.Wrapping = fyne.TextWrapWord
	objectives := bind(widget.NewMultiLineEntry(), strings.Join(s.Objectives, "\n"), func(v string) { s.Objectives = lines(v) })
	hotwash := bind(widget.NewMultiLineEntry(), strings.Join(s.Hotwash, "\n"), func(v string) { s.Hotwash = lines(v) })
	header := widget.NewForm(
		widget.NewFormItem("ID", id), widget.NewFormItem("Title", title), widget.NewFormItem("Category", cat),
		widget.NewFormItem("Starting severity", sev), widget.NewFormItem("Duration", dur),
		widget.NewFormItem("Summary", summary), widget.NewFormItem("Objectives (one a line)", objectives),
		widget.NewFormItem("Hot-wash questions (one a line)", hotwash),
	)

	ed.injects = widget.NewList(
		func() int { return len(ed.s.Injects) },
		func() fyne.CanvasObject { return widget.NewLabel("T+00:00 inject") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			in := ed.s.Injects[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s  %s  (%d expected)", in.At, in.ID, len(in.Expect)))
		},
	)
	ed.injects.OnSelected = func(i widget.ListItemID) { ed.selectInject(i) }
	add := widget.NewButtonWithIcon("Add inject", theme.ContentAddIcon(), ed.addInject)
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), ed.deleteInject)

	ed.at, ed.from, ed.channel, ed.to, ed.severity = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	ed.text = widget.NewMultiLineEntry()
	ed.text.Wrapping = fyne.TextWrapWord
	ed.text.SetMinRowsVisible(5)
	ed.at.OnChanged = ed.onInject(func(in *scenarios.Inject, v string) {
		if o, err := scenarios.ParseOffset(v); err == nil {
			in.At = o
		}
	})
	ed.from.OnChanged = ed.onInject(func(in *scenarios.Inject, v string) { in.From = v })
	ed.channel.OnChanged = ed.onInject(func(in *scenarios.Inject, v string) { in.Channel = v })
	ed.to.OnChanged = ed.onInject(func(in *scenarios.Inject, v string) {
		in.To = nil
		for _, r := range strings.Split(v, ",") {
			if r = strings.TrimSpace(r); r != "" {
				in.To = append(in.To, scenarios.Ref(r))
			}
		}
	})
	ed.severity.OnChanged = ed.onInject(func(in *scenarios.Inject, v string) { in.Severity, _ = strconv.Atoi(v) })
	ed.text.OnChanged = ed.onInject(func(in *scenarios.Inject, v string) { in.Text = v })
	ed.expects = container.NewVBox()
	addExpect := widget.NewButtonWithIcon("Add expectation", theme.ContentAddIcon(), func() {
		if in := ed.inject(); in != nil {
			in.Expect = append(in.Expect, scenarios.Expectation{Kind: scenarios.ExpectAcknowledge, Within: 10 * plan.Minute})
			ed.refreshExpects()
			ed.injects.Refresh()
		}
	})
	injectForm := widget.NewForm(
		widget.NewFormItem("At (T+mm:ss)", ed.at), widget.NewFormItem("From", ed.from), widget.NewFormItem("Channel", ed.channel),
		widget.NewFormItem("To (references)", ed.to), widget.NewFormItem("Severity now", ed.severity), widget.NewFormItem("Text (Markdown)", ed.text),
	)
	ed.detail = container.NewVBox(injectForm, widget.NewLabelWithStyle("Expected actions", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), ed.expects, addExpect)

	save := widget.NewButtonWithIcon("Save to library", theme.DocumentSaveIcon(), ed.save)
	save.Importance = widget.HighImportance
	left := container.NewBorder(nil, container.NewGridWithColumns(2, add, del), nil, nil, ed.injects)
	right := container.NewVScroll(ed.detail)
	body := container.NewHSplit(left, right)
	body.Offset = 0.3
	top := container.NewVScroll(header)
	top.SetMinSize(fyne.NewSize(0, 260))
	return container.NewBorder(top, container.NewHBox(save), nil, nil, body)
}

func (ed *scenarioEditor) inject() *scenarios.Inject {
	if ed.cur < 0 || ed.cur >= len(ed.s.Injects) {
		return nil
	}
	return &ed.s.Injects[ed.cur]
}

// onInject writes a field into the selected inject, ignoring changes made
// while the form is being filled.
func (ed *scenarioEditor) onInject(set func(*scenarios.Inject, string)) func(string) {
	return func(v string) {
		if in := ed.inject(); in != nil && !ed.loading {
			set(in, v)
			ed.injects.Refresh()
		}
	}
}

func (ed *scenarioEditor) selectInject(i int) {
	ed.cur = i
	in := ed.inject()
	if in == nil {
		return
	}
	ed.loading = true
	ed.at.SetText(in.At.String())
	ed.from.SetText(in.From)
	ed.channel.SetText(in.Channel)
	to := make([]string, len(in.To))
	for j, r := range in.To {
		to[j] = string(r)
	}
	ed.to.SetText(strings.Join(to, ", "))
	ed.severity.SetText(strconv.Itoa(in.Severity))
	ed.text.SetText(in.Text)
	ed.loading = false
	ed.refreshExpects()
}

func (ed *scenarioEditor) addInject() {
	at := scenarios.Offset(0)
	if n := len(ed.s.Injects); n > 0 {
		// Five minutes after the last inject, within the scenario's length.
		at = min(ed.s.Injects[n-1].At+scenarios.Offset(5*plan.Minute), scenarios.Offset(ed.s.Duration))
	}
	ed.s.Injects = append(ed.s.Injects, scenarios.Inject{ID: fmt.Sprintf("inject-%d", len(ed.s.Injects)+1), At: at, From: "monitoring", Text: "What happens next?"})
	ed.injects.Refresh()
	ed.injects.Select(len(ed.s.Injects) - 1)
}

func (ed *scenarioEditor) deleteInject() {
	if ed.inject() == nil {
		return
	}
	dialog.ShowConfirm("Delete inject", fmt.Sprintf("Delete inject %q and its expectations?", ed.s.Injects[ed.cur].ID), func(ok bool) {
		if !ok {
			return
		}
		ed.s.Injects = append(ed.s.Injects[:ed.cur], ed.s.Injects[ed.cur+1:]...)
		ed.injects.UnselectAll()
		ed.cur = -1
		ed.injects.Refresh()
		if len(ed.s.Injects) > 0 {
			ed.injects.Select(0)
		}
	}, ed.win)
}

// refreshExpects rebuilds the expectation rows of the selected inject.
func (ed *scenarioEditor) refreshExpects() {
	ed.expects.RemoveAll()
	in := ed.inject()
	if in == nil {
		return
	}
	kinds := make([]string, len(scenarios.ExpectKinds))
	for i, k := range scenarios.ExpectKinds {
		kinds[i] = string(k)
	}
	for j := range in.Expect {
		j := j
		x := &in.Expect[j]
		kind := widget.NewSelect(kinds, func(v string) { x.Kind = scenarios.ExpectKind(v) })
		kind.SetSelected(string(x.Kind))
		by := widget.NewEntry()
		by.SetPlaceHolder("by (role function)")
		by.SetText(string(x.By))
		by.OnChanged = func(v string) { x.By = scenarios.Ref(strings.TrimSpace(v)) }
		target := widget.NewEntry()
		target.SetPlaceHolder("target (e.g. stakeholder:customer)")
		target.SetText(string(x.Target))
		target.OnChanged = func(v string) { x.Target = scenarios.Ref(strings.TrimSpace(v)) }
		within := widget.NewEntry()
		within.SetText(x.Within.String())
		within.OnChanged = func(v string) {
			if d, err := plan.ParseDuration(v); err == nil {
				x.Within = d
			}
		}
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			in.Expect = append(in.Expect[:j], in.Expect[j+1:]...)
			ed.refreshExpects()
			ed.injects.Refresh()
		})
		ed.expects.Add(container.NewBorder(nil, nil, nil, remove, container.NewGridWithColumns(4, kind, by, target, within)))
	}
}

// save validates the scenario and puts it in the library.
func (ed *scenarioEditor) save() {
	if errs := ed.s.Validate(); len(errs) > 0 {
		for _, e := range errs {
			e.File = ed.s.ID
		}
		dialog.ShowError(errs, ed.win)
		return
	}
	s := scenarios.Clone(ed.s)
	s.Source = "edited"
	ed.l.add(s)
	ed.win.Close()
}
