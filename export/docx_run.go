package export

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"drillbook/export/internal/wordml"
	"drillbook/internal/prose"
	"drillbook/plan"
	"drillbook/scoring"
)

// runRating is a run's overall rating as the reports write it.
func runRating(rr *scoring.RunResult) string {
	if rr == nil || rr.Rating == "" {
		return "not rated"
	}
	rating := fmt.Sprintf("%s (score %.2f)", rr.Rating, rr.Score)
	if !rr.Recent {
		rating += "; older than 12 months, not counted"
	}
	return rating
}

// runFactPairs are the label and value pairs that head a run's
// after-action report, in the PDF and the Word document alike.
func runFactPairs(run *plan.Run, rr *scoring.RunResult, n *names) []string {
	scenario := strings.TrimSpace(run.ScenarioTitle)
	if run.Category != "" {
		scenario = strings.TrimPrefix(scenario+" · "+words(run.Category), " · ")
	}
	return []string{
		"Scenario", scenario,
		"Started", startedText(run),
		"Exercise length", durText(run.Length),
		"Starting severity", strconv.Itoa(run.StartingSeverity),
		"Facilitator", n.person(run.Facilitator),
		"Participants", n.participants(run.Participants),
		"Overall rating", runRating(rr),
	}
}

// ratingColor is the palette colour of a P/S/M/U rating ("" for none).
func ratingColor(r string) (rgb, bool) {
	switch strings.SplitN(r, " ", 2)[0] {
	case "P", "S":
		return colMet, true
	case "M":
		return colLate, true
	case "U":
		return colBreach, true
	}
	return rgb{}, false
}

// ratingRun is a rating, in its colour.
func ratingRun(r string) wordml.Run {
	if c, ok := ratingColor(r); ok {
		run := tinted(r, c)
		run.Bold = true
		return run
	}
	return txt(r)
}

func (d *wordDoc) runFacts(run *plan.Run, rr *scoring.RunResult, more ...string) {
	d.facts(append(runFactPairs(run, rr, d.r.names), more...)...)
}

// runBody writes a run's after-action report below its facts, its
// headings at level (1 for a report of one run, 2 under the run's title).
func (d *wordDoc) runBody(i, level int) error {
	run, rr, n := &d.r.ws.Runs[i], d.r.runResult(i), d.r.names
	d.heading(level, "Summary")
	d.para(runSummary(run, rr))
	if len(run.Objectives) > 0 {
		d.heading(level+1, "Objectives")
		for _, o := range run.Objectives {
			d.doc.Bullet(txt(plainMarkdown(o)))
		}
	}
	v := reviewRun(run, rr, n)
	d.heading(level+1, "Strengths")
	d.bullets(v.Strengths, "None recorded.", 12)
	d.heading(level+1, "Areas for improvement")
	d.bullets(v.Improvements, "None recorded.", 40)

	d.heading(level, "Timeline")
	img, w, h, alt, err := timelinePNG(run)
	if err != nil {
		return err
	}
	// As wide as the text, unless that would be taller than a page.
	width := min(wordml.ContentWidth, wordml.ContentHeight*w/h)
	if err := d.doc.Image(img, w, h, width, cellText(alt)); err != nil {
		return err
	}
	d.doc.Caption(cellText(alt))

	d.heading(level, "Critical tasks and timer deadlines")
	d.taskTable(run, rr)

	if rr != nil && len(rr.Dimensions) > 0 {
		d.heading(level, "Ratings by dimension")
		var rows [][]wordml.Run
		for _, dm := range rr.Dimensions {
			rows = append(rows, []wordml.Run{txt(dimensionName(dm.Dimension)), txt(strconv.Itoa(dm.Tasks)), txt(fmt.Sprintf("%.2f", dm.Score)), ratingRun(dm.Rating.String())})
		}
		d.table([]string{"Dimension", "Tasks", "Score", "Rating"}, []float64{6, 1, 1, 1}, rows)
	}

	d.heading(level, "Decisions")
	if len(run.Decisions) == 0 {
		d.para("No decision point was reached.")
	} else {
		var rows [][]wordml.Run
		for _, dec := range run.Decisions {
			rows = append(rows, []wordml.Run{txt(clock(dec.At)), txt(plainMarkdown(dec.Prompt)), txt(plainMarkdown(dec.Choice)), txt(n.actor(dec.By)), tinted(dec.Grade, gradeColor(dec.Grade))})
		}
		d.table([]string{"At", "Decision", "Choice", "By", "Grade"}, []float64{1.9, 5, 4.5, 2.5, 2.2}, rows)
	}

	if len(run.Hotwash) > 0 {
		d.heading(level, "Hot-wash notes")
		for _, h := range run.Hotwash {
			d.doc.Para(wordml.Run{Text: cellText(plainMarkdown(h.Question)), Bold: true})
			d.para(plainMarkdown(h.Answer))
		}
	}
	return d.step()
}

// runSummary is a sentence on how the run went: its rating and how its
// critical tasks ended.
func runSummary(run *plan.Run, rr *scoring.RunResult) string {
	count := map[string]int{}
	for _, t := range run.Tasks {
		count[t.Status]++
	}
	scored := len(run.Tasks) - count[plan.TaskNotNeeded]
	s := fmt.Sprintf("The exercise was rated %s. Of its %s, %d %s met on time, %d late and %d missed",
		runRating(rr), prose.Count(scored, "critical task", "critical tasks"), count[plan.TaskMet], prose.Plural(count[plan.TaskMet], "was", "were"),
		count[plan.TaskLate], count[plan.TaskMissed])
	if p := count[plan.TaskPending]; p > 0 {
		s += fmt.Sprintf("; %d had a deadline after the end of the exercise", p)
	}
	return s + "."
}

// taskTable lists the critical tasks in order of start time.
func (d *wordDoc) taskTable(run *plan.Run, rr *scoring.RunResult) {
	if len(run.Tasks) == 0 {
		d.para("No critical tasks were recorded.")
		return
	}
	n, bound := d.r.names, bindingNames(run)
	var rows [][]wordml.Run
	for _, i := range taskOrder(run) {
		tk := run.Tasks[i]
		met, margin := "", ""
		if tk.MetAt != nil {
			met, margin = clock(*tk.MetAt), marginText(tk.Deadline-*tk.MetAt)
		}
		rating := "–"
		if rr != nil && i < len(rr.Tasks) && !rr.Tasks[i].Excluded {
			rating = rr.Tasks[i].Rating.String()
		}
		status := statusWords(tk.Status)
		st := txt(status)
		if tk.Status == plan.TaskMet {
			st = tinted(status, colMet)
		} else if tk.Status == plan.TaskLate || tk.Status == plan.TaskMissed {
			st = tinted(status, colBreach)
		}
		rows = append(rows, []wordml.Run{txt(taskLabel(tk)), txt(n.taskTarget(bound, tk.Target)), txt(clock(tk.Deadline)), txt(met), st, txt(margin), ratingRun(rating)})
	}
	d.table([]string{"Task", "Target", "Deadline", "Done at", "Status", "Margin", "Rating"}, []float64{3.6, 2.2, 2.1, 1.9, 2.5, 2, 1.5}, rows)
}

// statusWords is a task status as the reports write it.
func statusWords(s string) string {
	switch s {
	case plan.TaskLate:
		return "late (breached)"
	case plan.TaskMissed:
		return "missed (breached)"
	}
	return words(s)
}

// findings lists the assessment's findings: those from run, or all when
// run is nil.
func (d *wordDoc) findings(run *plan.Run) {
	r := d.r
	d.heading(1, "Findings")
	var rows [][]wordml.Run
	for _, f := range r.a.Findings {
		if run != nil && f.RunID != run.ID {
			continue
		}
		sev := txt(f.Severity.String())
		if f.Severity >= scoring.SeverityHigh {
			sev = tinted(f.Severity.String(), colBreach)
		}
		rows = append(rows, []wordml.Run{txt(r.names.text(f.What)), txt(dimensionName(f.Dimension)), sev, txt(r.names.text(f.Recommendation))})
	}
	if len(rows) == 0 {
		if run != nil {
			d.para("The exercise raised no finding: every critical task it rated was met, and every scenario reference was found in the plan.")
		} else {
			d.para("The assessment found no gap.")
		}
		return
	}
	if run != nil {
		d.para("What the exercise showed the plan or the team needs to improve, from the assessment of " + r.date.String() + ".")
	}
	d.table([]string{"Finding", "Area", "Severity", "Recommendation"}, []float64{6, 2.2, 1.9, 6}, rows)
}

// improvementPlan lists the actions: those answering run's findings, or
// all when run is nil; proposed ones are labelled.
func (d *wordDoc) improvementPlan(run *plan.Run) {
	r := d.r
	d.heading(1, "Improvement plan")
	var ids []string
	if run != nil {
		for _, f := range r.a.Findings {
			if f.RunID == run.ID {
				ids = append(ids, f.ID)
			}
		}
	}
	var rows [][]wordml.Run
	for _, a := range r.actions {
		if run != nil && !slices.Contains(ids, a.Finding) && !slices.ContainsFunc(a.Findings, func(id string) bool { return slices.Contains(ids, id) }) {
			continue
		}
		status := txt(a.statusText())
		switch {
		case !a.Status.Closed() && !a.Due.IsZero() && a.Due.Before(r.date):
			status = tinted(a.statusText()+" — overdue", colBreach)
		case a.Status.Closed():
			status = tinted(a.statusText(), colMet)
		}
		text := r.names.text(a.Text)
		if a.Notes != "" {
			text += "\n" + r.names.text(a.Notes)
		}
		rows = append(rows, []wordml.Run{txt(text), txt(a.Owner), txt(a.Due.String()), status, txt(r.names.text(a.DoneWhen))})
	}
	if len(rows) == 0 {
		d.para("There are no actions.")
		return
	}
	d.para("Proposed actions are drafts from the assessment: accept them in Drillbook to track them.")
	d.table([]string{"Action", "Owner", "Due", "Status", "Done when"}, []float64{6, 2.6, 1.6, 1.9, 4.5}, rows)
}
