package export

import (
	"fmt"
	"strconv"
	"strings"

	"drillbook/plan"
	"drillbook/scoring"
)

// loggedKinds are the events an after-action report lists: what was put
// to the team and what it did. Engine bookkeeping (checkpoints, clock
// changes, timers, which the timer table shows) is left out of the PDF;
// the workbook's Exercise log sheet has every event.
var loggedKinds = map[string]bool{
	plan.EventInject: true, plan.EventAction: true, plan.EventDecision: true,
	plan.EventSeverity: true, plan.EventNote: true, plan.EventObservation: true,
}

// exercises draws an after-action report per run, newest last (the
// workspace order).
func (d *pdfDoc) exercises() {
	r := d.r
	d.sectionTitle(SectionTitle(SectionExercises))
	d.markSection(SectionExercises)
	if len(r.ws.Runs) == 0 {
		d.paragraph("No exercise has been run yet. Run a scenario from the exercise library to test the plan; its after-action report will appear here.")
		d.step(1)
		return
	}
	for i := range r.ws.Runs {
		if i > 0 {
			d.newPage()
		}
		d.afterAction(&r.ws.Runs[i], r.runResult(i))
		d.step(1)
		if d.err != nil {
			return
		}
	}
}

func (d *pdfDoc) afterAction(run *plan.Run, rr *scoring.RunResult) {
	n := d.r.names
	d.subTitle(runTitle(run), true, 60)

	d.facts(runFactPairs(run, rr, n)...)
	if len(run.Objectives) > 0 {
		d.minorTitle("Objectives", 8)
		for _, o := range run.Objectives {
			d.bullet(plainMarkdown(o))
		}
	}

	d.minorTitle("Timeline", 50)
	d.timeline(run)

	if rr != nil && len(rr.Dimensions) > 0 {
		d.minorTitle("Ratings by dimension", 22)
		t := d.table(col("Dimension", 6), column{"Tasks", 1, "R"}, column{"Score", 1, "R"}, column{"Rating", 1, "C"})
		t.begin()
		for _, dm := range rr.Dimensions {
			t.row(c(dimensionName(dm.Dimension)), c(strconv.Itoa(dm.Tasks)), c(fmt.Sprintf("%.2f", dm.Score)), ratingCell(dm.Rating.String()))
		}
		t.end()
	}

	v := reviewRun(run, rr, n)
	d.minorTitle("Strengths", 8)
	d.list(v.Strengths, "None recorded.", 12)
	d.minorTitle("Areas for improvement", 8)
	d.list(v.Improvements, "None recorded.", 40)

	d.minorTitle("Critical tasks and timer deadlines", 26)
	d.taskTable(run, rr)

	if len(run.Decisions) > 0 {
		d.minorTitle("Decisions", 22)
		t := d.table(column{"At", 1.3, "L"}, col("Decision", 5), col("Choice", 5), col("By", 2.5), column{"Grade", 1.6, "C"})
		t.begin()
		for _, dec := range run.Decisions {
			t.row(c(clock(dec.At)), c(plainMarkdown(dec.Prompt)), c(plainMarkdown(dec.Choice)), c(n.actor(dec.By)), colored(dec.Grade, gradeColor(dec.Grade)))
		}
		t.end()
	}

	d.minorTitle("Injects, actions and decisions", 22)
	bound := bindingNames(run)
	t := d.table(column{"At", 1.3, "L"}, column{"Kind", 2.2, "L"}, col("Who", 2.4), col("To / about", 2.6), col("What happened", 7.2))
	t.begin()
	rows := 0
	for _, e := range run.Events {
		if !loggedKinds[e.Kind] {
			continue
		}
		rows++
		kind := words(e.Kind)
		if e.Kind == plan.EventAction && e.Action != "" {
			kind = words(e.Action)
		}
		text := plainMarkdown(e.Text)
		if note := plainMarkdown(e.Note); note != "" && !strings.Contains(text, note) {
			text = strings.TrimSpace(text + "\n" + note)
		}
		if e.Kind == plan.EventSeverity && text == "" {
			text = "Severity set to " + strconv.Itoa(e.Severity)
		}
		who := n.actor(e.Actor)
		if e.Kind == plan.EventInject && who == e.Actor {
			who = words(e.Actor) // where the inject comes from: "social-media"
		}
		t.row(c(clock(e.At)), c(kind), c(who), c(n.taskTarget(bound, e.Target)), c(text))
		if d.err != nil {
			return
		}
	}
	if rows == 0 {
		t.row(c(""), c(""), c(""), c(""), c("Nothing was recorded."))
	}
	t.end()

	if len(run.Hotwash) > 0 {
		d.minorTitle("Hot-wash notes", 10)
		for _, h := range run.Hotwash {
			d.font("B", bodySize)
			d.indented(plainMarkdown(h.Question), 0, "")
			d.font("", bodySize)
			d.indented(plainMarkdown(h.Answer), 5, "")
		}
	}
}

// list prints bullets, or a muted line when there are none. Long lists
// are cut at most items with a count, to keep the report readable.
func (d *pdfDoc) list(items []string, none string, most int) {
	if d.nothing(len(items), none) {
		return
	}
	for i, s := range items {
		if i == most {
			d.muted(fmt.Sprintf("… and %d more (see the workbook's Timers sheet).", len(items)-most))
			break
		}
		d.bullet(s)
	}
}

// taskTable lists every critical task in order of start time with its
// deadline, when it was met, the margin, and its rating: met in green,
// breached in red.
func (d *pdfDoc) taskTable(run *plan.Run, rr *scoring.RunResult) {
	n := d.r.names
	bound := bindingNames(run)
	t := d.table(col("Task", 3.8), col("Target", 2.3), column{"Start", 1.6, "L"}, column{"Deadline", 1.6, "L"}, column{"Met at", 1.6, "L"}, column{"Status", 2.1, "L"}, column{"Margin", 1.2, "R"}, column{"Rating", 1.2, "C"})
	t.begin()
	for _, i := range taskOrder(run) {
		tk := run.Tasks[i]
		met, margin := "", ""
		if tk.MetAt != nil {
			met = clock(*tk.MetAt)
			m := tk.Deadline - *tk.MetAt
			margin = marginText(m)
		}
		rating := "–"
		if rr != nil && i < len(rr.Tasks) && !rr.Tasks[i].Excluded {
			rating = rr.Tasks[i].Rating.String()
		}
		t.row(c(taskLabel(tk)+"\n"+words(tk.Source)), c(n.taskTarget(bound, tk.Target)), c(clock(tk.Start)), c(clock(tk.Deadline)), c(met), statusCell(tk.Status), c(margin), ratingCell(rating))
		if d.err != nil {
			return
		}
	}
	if len(run.Tasks) == 0 {
		t.row(c("No critical tasks were recorded."))
	}
	t.end()
}

func statusCell(s string) pcell {
	switch s {
	case plan.TaskMet:
		return colored("met", colMet)
	case plan.TaskLate:
		return colored("late (breached)", colBreach)
	case plan.TaskMissed:
		return colored("missed (breached)", colBreach)
	}
	return pcell{text: words(s), col: &colMuted}
}
