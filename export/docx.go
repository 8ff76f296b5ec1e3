package export

import (
	"context"
	"fmt"
	"io"
	"strings"

	"drillbook/export/internal/wordml"
	"drillbook/internal/prose"
	"drillbook/plan"
)

// The Word after-action report: the after-action report and improvement
// plan of one exercise run, or of the whole assessment, as a .docx the
// consultant finishes in Word. It says what the PDF's after-action
// section and improvement plan say (the same report model, words,
// anonymisation and marking), with real Heading 1–3 paragraphs, tables
// and the timeline as a picture; export/internal/wordml writes the file.

// AllRuns, as DOCX's run, reports every run and the whole assessment's
// findings and improvement plan (unless a run has that ID).
const AllRuns = "all"

// DOCX writes the after-action report and improvement plan of the run
// with ID run ("" for the latest run, AllRuns for every run) to w as a
// Word document. An unknown run ID is an error naming the runs there are.
// A workspace without runs gives the whole assessment's report, saying
// that no exercise has been run. It checks ctx between runs; see PDF for
// progress and cancellation.
func DOCX(ctx context.Context, w io.Writer, in Input, opts Options, run string, progress Progress) error {
	r, err := newReport(in, opts)
	if err != nil {
		return err
	}
	runs, err := chooseRuns(r.ws, run)
	if err != nil {
		return err
	}
	d := &wordDoc{r: r, doc: &wordml.Doc{}, t: newTracker(ctx, progress, len(runs)+3)}
	if err := d.build(runs, len(runs) == 1 && run != AllRuns); err != nil {
		return err
	}
	return d.t.deliver("Word document", func() error { return d.doc.Write(w) })
}

// CheckRun returns the error DOCX would give for run on ws, so a caller
// writing several outputs can refuse a mistyped run before writing any.
func CheckRun(ws *plan.Workspace, run string) error {
	_, err := chooseRuns(ws, run)
	return err
}

// chooseRuns resolves DOCX's run to indexes into ws.Runs.
func chooseRuns(ws *plan.Workspace, run string) ([]int, error) {
	for i := range ws.Runs {
		if run != "" && ws.Runs[i].ID == run {
			return []int{i}, nil
		}
	}
	switch {
	case run == AllRuns || (run == "" && len(ws.Runs) == 0):
		all := make([]int, len(ws.Runs))
		for i := range all {
			all[i] = i
		}
		return all, nil
	case run == "":
		// The latest is the one started last; of runs started together
		// (or undated), the later in the file.
		latest := 0
		for i := range ws.Runs {
			if !ws.Runs[i].Started.Before(ws.Runs[latest].Started) {
				latest = i
			}
		}
		return []int{latest}, nil
	}
	ids := make([]string, len(ws.Runs))
	for i := range ws.Runs {
		ids[i] = ws.Runs[i].ID
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("no exercise run %q: the workspace has no runs", run)
	}
	if len(ids) > 10 {
		ids = append(ids[len(ids)-10:], fmt.Sprintf("and %d older", len(ids)-10))
	}
	return nil, fmt.Errorf("no exercise run %q (the runs are %s, or %s for every run)", run, strings.Join(ids, ", "), AllRuns)
}

// wordDoc is one Word report being written.
type wordDoc struct {
	r   *report
	doc *wordml.Doc
	t   *tracker
}

// txt is user or report text as a run, cleaned by the rules every export
// shares.
func txt(s string) wordml.Run { return wordml.Run{Text: cellText(s)} }

// tinted is text in a palette colour.
func tinted(s string, c rgb) wordml.Run {
	return wordml.Run{Text: cellText(s), Color: fmt.Sprintf("%02X%02X%02X", c.r, c.g, c.b)}
}

func (d *wordDoc) heading(level int, s string) { d.doc.Heading(level, cellText(s)) }
func (d *wordDoc) para(s string)               { d.doc.Para(txt(s)) }

// bullets lists items, or says none; as in the PDF, a long list is cut
// at most items with a count (every task is in the table below it).
func (d *wordDoc) bullets(items []string, none string, most int) {
	if len(items) == 0 {
		d.doc.Para(wordml.Run{Text: none, Italic: true})
	}
	for i, s := range items {
		if i == most {
			d.doc.Para(wordml.Run{Text: fmt.Sprintf("… and %d more (see the critical tasks below).", len(items)-most), Italic: true})
			break
		}
		d.doc.Bullet(txt(s))
	}
}

// table adds a table of report text; rows may hold tinted cells.
func (d *wordDoc) table(header []string, widths []float64, rows [][]wordml.Run) {
	d.doc.Table(wordml.Table{Header: header, Widths: widths, Rows: rows, Shade: "E2E9F3"})
}

// facts is a two-column table of label and value, leaving out empty
// values.
func (d *wordDoc) facts(pairs ...string) {
	var rows [][]wordml.Run
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.TrimSpace(pairs[i+1]) != "" {
			rows = append(rows, []wordml.Run{{Text: pairs[i], Bold: true}, txt(pairs[i+1])})
		}
	}
	d.doc.Table(wordml.Table{Widths: []float64{1, 3}, Rows: rows})
}

// step records progress and stops on cancellation.
func (d *wordDoc) step() error { return d.t.step(1) }

func (d *wordDoc) build(runs []int, single bool) error {
	r, doc := d.r, d.doc
	org := r.orgName()
	title := "After-action report and improvement plan"
	doc.Props = wordml.Properties{Title: cellText(title + ": " + org), Creator: "Drillbook", Keywords: cellText(r.opts.Marking), Created: r.created}
	if a := r.assessor(); a != "" {
		doc.Props.Creator = cellText(a)
	}
	doc.Header = cellText(r.opts.Marking)
	doc.Footer = cellText(org + " · " + title + " · " + r.date.String())

	doc.Title(title)
	readiness := fmt.Sprintf("Plan tier %s, %s, index %.1f", r.a.Tier, r.names.text(r.a.ValidationText()), r.a.Index)
	if single {
		run := &r.ws.Runs[runs[0]]
		doc.Props.Subject = cellText(runTitle(run))
		doc.Subtitle(cellText(org + " · " + runTitle(run)))
		d.runFacts(run, r.runResult(runs[0]), "Assessor", r.opts.AssessorLine(), "Report date", r.date.String(), "Readiness", readiness)
		if err := d.step(); err != nil {
			return err
		}
		if err := d.runBody(runs[0], 1); err != nil {
			return err
		}
	} else {
		doc.Props.Subject = cellText("All exercises, " + r.date.String())
		doc.Subtitle(cellText(org + " · all exercises"))
		d.facts("Organisation", org, "Exercises", fmt.Sprint(len(runs)), "Assessor", r.opts.AssessorLine(), "Report date", r.date.String(), "Readiness", readiness)
		d.overview(runs)
		if err := d.step(); err != nil {
			return err
		}
		for _, i := range runs {
			d.heading(1, runTitle(&r.ws.Runs[i]))
			d.runFacts(&r.ws.Runs[i], r.runResult(i))
			if err := d.runBody(i, 2); err != nil {
				return err
			}
		}
	}
	var scope *plan.Run
	if single {
		scope = &r.ws.Runs[runs[0]]
	}
	d.findings(scope)
	if err := d.step(); err != nil {
		return err
	}
	d.improvementPlan(scope)
	return d.step()
}

// overview summarises every run in one line each.
func (d *wordDoc) overview(runs []int) {
	d.heading(1, "Summary")
	if len(runs) == 0 {
		d.para("No exercise has been run yet. Run a scenario from the exercise library to test the plan; its after-action report will appear here.")
		return
	}
	d.para(fmt.Sprintf("This report covers %s of the plan, oldest first, then the findings of the assessment and the improvement plan.", prose.Count(len(runs), "exercise", "exercises")))
	for _, i := range runs {
		d.doc.Bullet(txt(runTitle(&d.r.ws.Runs[i])+": "), ratingRun(runRating(d.r.runResult(i))))
	}
}
