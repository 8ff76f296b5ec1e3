package guideview

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/editors"
	"drillbook/app/form"
	"drillbook/app/host"
	"drillbook/app/widgets"
	guided "drillbook/guide"
	"drillbook/plan"
)

// guide walks the three steps in order, one question of the seed article
// per page. Each page edits the real plan in place with the same editor
// as the editor screens, shows what is already answered and what is still
// missing, and offers starting points. Progress comes from
// guided.Evaluate every time, never stored, so editing anywhere
// moves the guide on.
type guide struct {
	h         host.Host
	questions []guided.Question
	progress  guided.Progress
	page      int
	// shown is the workspace the guide last showed: another one (File →
	// New, Open) opens the guide again at its first unanswered question.
	shown *plan.Workspace
	parts map[string]form.Part

	overall     *widget.Label
	start       *widget.Label // "Start here", while the plan answers nothing
	bars        [3]*widget.ProgressBar
	stepButtons [3]*widget.Button
	list        *widgets.KeyList
	heading     *widget.Label
	where       *widget.Label
	prompt      *widget.RichText
	help        *widget.Label
	summary     *widget.Label
	todo        *widget.Label
	defaults    *widget.Button
	editor      *fyne.Container
	back        *widget.Button
	next        *widget.Button
	root        fyne.CanvasObject
}

// New is the guide screen.
func New(h host.Host) host.Screen { return newGuide(h) }

func newGuide(h host.Host) *guide {
	g := &guide{h: h, questions: guided.Questions(), parts: map[string]form.Part{}}
	g.overall = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	g.start = widget.NewLabel(startHere)
	g.start.Wrapping = fyne.TextWrapWord
	g.start.Importance = widget.HighImportance
	bars := container.NewGridWithColumns(3)
	for i := range g.bars {
		step := i
		g.bars[i] = widget.NewProgressBar()
		g.bars[i].TextFormatter = func() string {
			s := g.progress.Steps[step]
			return fmt.Sprintf("%d %s: %d/%d", s.Step, stepShort[step], s.Answered, s.Total)
		}
		// The bar is drawn under a flat button, so it reads as the step
		// and a tap jumps to it.
		g.stepButtons[i] = widget.NewButton("", func() { g.goStep(step + 1) })
		g.stepButtons[i].Importance = widget.LowImportance
		bars.Add(container.NewStack(g.bars[i], g.stepButtons[i]))
	}
	g.list = widgets.NewKeyList(
		func() int { return len(g.questions) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("3.2 Keeping playbooks up to date")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), nil, l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) { g.updateRow(id, o.(*fyne.Container)) },
	)
	g.list.OnSelected = func(id widget.ListItemID) {
		if id != g.page {
			g.showPage(id)
		}
	}

	g.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	g.heading.SizeName = theme.SizeNameSubHeadingText
	g.heading.Truncation = fyne.TextTruncateEllipsis
	g.where = widget.NewLabel("")
	g.where.Truncation = fyne.TextTruncateEllipsis
	g.prompt = widget.NewRichText()
	g.prompt.Wrapping = fyne.TextWrapWord
	g.help = widget.NewLabel("")
	g.help.Wrapping = fyne.TextWrapWord
	g.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	g.summary.Wrapping = fyne.TextWrapWord
	g.todo = widget.NewLabel("")
	g.todo.Wrapping = fyne.TextWrapWord
	g.defaults = widget.NewButtonWithIcon("", theme.ContentAddIcon(), g.addDefaults)
	g.defaults.Importance = widget.HighImportance
	g.editor = container.NewStack()
	g.back = widget.NewButtonWithIcon("Back", theme.NavigateBackIcon(), func() { g.go_(g.page - 1) })
	g.next = widget.NewButtonWithIcon("Next", theme.NavigateNextIcon(), func() { g.go_(g.page + 1) })
	g.next.IconPlacement = widget.ButtonIconTrailingText
	nextOpen := widget.NewButton("Next unanswered", func() {
		for i, q := range g.progress.Questions {
			if !q.Answered && i != g.page {
				g.go_(i)
				return
			}
		}
	})

	// The explanation scrolls above the editor; the starting points sit
	// in the bar below the page with the navigation, so no height of the
	// window clips them.
	answered := widget.NewCard("", "", container.NewVBox(g.summary, g.todo))
	info := container.NewVBox(g.start, g.heading, g.where, g.prompt, g.help, answered)
	// The editor scrolls inside the page rather than widen the window:
	// some forms are wider than a 1280 px screen leaves them, more so in
	// presentation mode.
	pageSplit := container.NewVSplit(container.NewVScroll(info), container.NewScroll(g.editor))
	pageSplit.Offset = 0.4
	nav := container.NewHBox(g.back, g.next, nextOpen)
	page := container.NewBorder(nil, container.NewVBox(container.NewHScroll(container.NewHBox(g.defaults)), nav), nil, nil, pageSplit)
	list := container.New(fixedWidth{}, g.list)
	g.root = container.NewBorder(container.NewVBox(g.overall, bars), nil, list, nil, page)
	return g
}

func (g *guide) Title() string             { return "Guide" }
func (g *guide) Icon() fyne.Resource       { return theme.HelpIcon() }
func (g *guide) Object() fyne.CanvasObject { return g.root }

func (g *guide) updateRow(id int, row *fyne.Container) {
	if id >= len(g.questions) {
		return
	}
	q := g.questions[id]
	n := 0
	for _, x := range g.questions[:id+1] {
		if x.Step == q.Step {
			n++
		}
	}
	row.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%d.%d %s", q.Step, n, q.Title))
	icon := row.Objects[1].(*widget.Icon)
	if id < len(g.progress.Questions) && g.progress.Questions[id].Answered {
		icon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
	} else {
		icon.SetResource(theme.RadioButtonIcon())
	}
}

// refresh recomputes progress from the plan and reloads the page.
func (g *guide) Refresh() {
	g.evaluate()
	if ws := g.h.Workspace(); ws != g.shown {
		g.shown = ws
		g.page = max(0, slices.IndexFunc(g.questions, func(q guided.Question) bool { return q.ID == g.progress.Next }))
	}
	g.list.Select(g.page)
	g.showPage(g.page)
}

// edited follows an edit made on the page: progress, the answered
// summary and the editor's rows and problems, not the field being typed.
func (g *guide) AfterEdit(path string) {
	g.evaluate()
	g.showStatus()
	if p := g.currentPart(); p != nil {
		p.AfterEdit(path)
	}
}

func (g *guide) evaluate() {
	g.progress = guided.Evaluate(g.h.Workspace(), g.h.Today())
	for i, b := range g.bars {
		s := g.progress.Steps[i]
		b.Max = float64(max(s.Total, 1))
		b.SetValue(float64(s.Answered))
	}
	g.list.Refresh()
}

// goStep shows the first question of a step.
func (g *guide) goStep(step int) {
	g.go_(slices.IndexFunc(g.questions, func(q guided.Question) bool { return q.Step == step }))
}

// go_ moves to another page.
func (g *guide) go_(i int) {
	if i < 0 || i >= len(g.questions) {
		return
	}
	g.list.Select(i) // shows the page
}

func (g *guide) currentPart() form.Part {
	return g.parts[guidePages[g.questions[g.page].ID].part]
}

// showPage shows question i with its editor.
func (g *guide) showPage(i int) {
	g.page = i
	q := g.questions[i]
	n, of := 0, 0
	for j, x := range g.questions {
		if x.Step == q.Step {
			of++
			if j <= i {
				n++
			}
		}
	}
	g.heading.SetText(q.Title)
	g.where.SetText(fmt.Sprintf("Step %d of %d · %s · question %d of %d", q.Step, len(plan.StepNames), plan.StepNames[q.Step-1], n, of))
	widgets.SetMarkdown(g.prompt, "> "+q.Prompt)
	g.help.SetText(q.Help)
	pg := guidePages[q.ID]
	p, ok := g.parts[pg.part]
	if !ok {
		p = editors.NewPart(g.h, pg.part)
		g.parts[pg.part] = p
	}
	// Reload the editor from the plan before it is drawn: after an undo
	// its rows may still describe entries that are gone.
	p.Refresh()
	g.editor.Objects = []fyne.CanvasObject{p.Object()}
	g.editor.Refresh()
	widgets.Enable(g.back, i > 0)
	widgets.Enable(g.next, i < len(g.questions)-1)
	g.showStatus()
}

// showStatus shows what is answered and what is missing on this page.
func (g *guide) showStatus() {
	if g.page >= len(g.progress.Questions) {
		return
	}
	st := g.progress.Questions[g.page]
	// The header names the step of the page shown, never another.
	g.overall.SetText(g.progress.Steps[st.Step-1].String())
	if g.progress.Answered == 0 && g.page == 0 {
		g.start.Show()
	} else {
		g.start.Hide()
	}
	if st.Answered {
		g.summary.Importance = widget.SuccessImportance
		g.summary.SetText("✔ Answered: " + widgets.Shown(st.Summary))
	} else {
		g.summary.Importance = widget.WarningImportance
		g.summary.SetText("So far: " + widgets.Shown(st.Summary))
	}
	if len(st.Todo) > 0 {
		todo := make([]string, len(st.Todo))
		for i, s := range st.Todo {
			todo[i] = widgets.Shown(s)
		}
		g.todo.SetText("Still to do:\n• " + strings.Join(todo, "\n• "))
		g.todo.Show()
	} else {
		g.todo.Hide()
	}
	pg := guidePages[st.ID]
	if pg.defaults == "" {
		g.defaults.Hide()
	} else {
		g.defaults.SetText(pg.offer)
		g.defaults.Show()
	}
}

// addDefaults adds the page's starting points the plan lacks.
func (g *guide) addDefaults() {
	pg := guidePages[g.questions[g.page].ID]
	if pg.defaults == "" {
		return
	}
	n, err := applyDefaults(g.h, pg.defaults)
	switch {
	case err != nil:
		g.h.ShowError(err)
	case n == 0:
		dialog.ShowInformation("Nothing to add", "The plan already has everything these starting points would add.", g.h.Window())
	default:
		if p := g.currentPart(); p != nil {
			p.Refresh()
		}
	}
}

// showHere shows a path on the current page if its editor can, so undo on
// a guide page stays on the page.
func (g *guide) ShowHere(path string) bool {
	p := g.currentPart()
	if p == nil || !p.CanShow(path) {
		return false
	}
	p.ShowPath(path)
	return true
}
