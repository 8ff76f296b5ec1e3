package assessview

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/widgets"
	"drillbook/internal/prose"
	"drillbook/plan"
	"drillbook/scenarios"
	"drillbook/scoring"
)

// runsView lists stored exercise runs with their ratings; a run shows its
// critical tasks (with P/S/M/U) and its event log.
type runsView struct {
	s      *assessmentScreen
	list   *widget.List
	cur    int
	tasks  *widget.List
	log    *widget.List
	header *widget.Label
	root   fyne.CanvasObject
}

func newRunsView(s *assessmentScreen) *runsView {
	v := &runsView{s: s, cur: -1}
	v.list = widget.NewList(
		func() int { return len(v.results()) },
		func() fyne.CanvasObject { return widget.NewLabel("date · rating · scenario") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := v.results()[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s · %s · %s", r.Date, r.Rating, r.ScenarioTitle))
		},
	)
	v.list.OnSelected = func(i widget.ListItemID) { v.cur = i; v.showRun() }
	v.header = widget.NewLabel("")
	v.header.Wrapping = fyne.TextWrapWord
	row := func() fyne.CanvasObject {
		l := widget.NewLabel("row")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	v.tasks = widget.NewList(
		func() int {
			if r := v.run(); r != nil {
				return len(r.Tasks)
			}
			return 0
		}, row,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			t := v.run().Tasks[i]
			met := "—"
			if t.Task.MetAt != nil {
				met = scenarios.Offset(t.Task.MetAt.D()).String()
			}
			o.(*widget.Label).SetText(fmt.Sprintf("%s  %-8s met %s / due %s  %s", t.Rating, plan.Words(t.Task.Status), met, scenarios.Offset(t.Task.Deadline.D()), t.Task.Label))
		},
	)
	v.log = widget.NewList(
		func() int {
			if i := v.stored(); i >= 0 {
				return len(v.s.h.Workspace().Runs[i].Events)
			}
			return 0
		}, row,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			ev := v.s.h.Workspace().Runs[v.stored()].Events[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s  %s  %s", scenarios.Offset(ev.At.D()), plan.Words(ev.Kind), widgets.FirstLine(ev.Text)))
		},
	)
	detail := container.NewBorder(v.header, nil, nil, nil, container.NewAppTabs(
		container.NewTabItem("Critical tasks", v.tasks), container.NewTabItem("Event log", v.log)))
	split := container.NewHSplit(v.list, detail)
	split.Offset = 0.35
	v.root = split
	return v
}

func (v *runsView) results() []scoring.RunResult {
	if v.s.a == nil {
		return nil
	}
	return v.s.a.Runs
}

func (v *runsView) run() *scoring.RunResult {
	rs := v.results()
	if v.cur < 0 || v.cur >= len(rs) {
		return nil
	}
	return &rs[v.cur]
}

// stored returns the index of the selected run in the workspace.
func (v *runsView) stored() int {
	r := v.run()
	if r == nil {
		return -1
	}
	for i, run := range v.s.h.Workspace().Runs {
		if run.ID == r.RunID {
			return i
		}
	}
	return -1
}

func (v *runsView) refresh() {
	v.list.Refresh()
	v.showRun()
}

func (v *runsView) showRun() {
	r := v.run()
	if r == nil {
		v.header.SetText(prose.Count(len(v.results()), "exercise run", "exercise runs") + " stored. Select one for its tasks and log.")
	} else {
		var dims []string
		for _, d := range r.Dimensions {
			name := string(d.Dimension)
			if dim, ok := scoring.DimensionByID(d.Dimension); ok {
				name = dim.Name
			}
			dims = append(dims, fmt.Sprintf("%s %s", name, d.Rating))
		}
		v.header.SetText(fmt.Sprintf("%s — %s, rated %s (score %.2f). By dimension: %s", r.ScenarioTitle, r.Date, r.Rating, r.Score, strings.Join(dims, ", ")))
	}
	v.tasks.Refresh()
	v.log.Refresh()
}

// show selects the run (and task) a path like "runs[3].tasks[5]" names.
func (v *runsView) show(path string) {
	p, err := plan.ParsePath(path)
	if err != nil {
		return
	}
	ri, rest, ok := p.Cut("runs")
	if !ok || ri >= len(v.s.h.Workspace().Runs) {
		return
	}
	ti, _, hasTask := rest.Cut("tasks")
	id := v.s.h.Workspace().Runs[ri].ID
	for i, r := range v.results() {
		if r.RunID == id {
			v.list.Select(i)
			if hasTask {
				v.tasks.Select(ti)
				v.tasks.ScrollTo(ti)
			}
		}
	}
}
