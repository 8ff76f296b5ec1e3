package export

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"drillbook/plan"
	"drillbook/scoring"
)

// Section is a part of the PDF report the user can choose.
type Section string

// PDF report sections, in the order they appear.
const (
	SectionCover       Section = "cover"
	SectionSummary     Section = "summary"
	SectionDimensions  Section = "dimensions"
	SectionFrameworks  Section = "frameworks"
	SectionExercises   Section = "exercises"
	SectionImprovement Section = "improvement"
	SectionAppendix    Section = "appendix"
)

// Sections lists every section in report order.
var Sections = []Section{SectionCover, SectionSummary, SectionDimensions, SectionFrameworks, SectionExercises, SectionImprovement, SectionAppendix}

// SectionTitle returns the heading a section has in the report and in the
// outline.
func SectionTitle(s Section) string {
	switch s {
	case SectionCover:
		return "Cover"
	case SectionSummary:
		return "Executive summary"
	case SectionDimensions:
		return "Dimension details"
	case SectionFrameworks:
		return "Framework coverage"
	case SectionExercises:
		return "Exercise after-action reports"
	case SectionImprovement:
		return "Improvement plan"
	case SectionAppendix:
		return "Plan appendix"
	}
	return string(s)
}

// ParseSections reads a comma-separated list of section names ("cover,
// summary"); "all" or "" selects every section. Unknown names are an error
// that lists the valid ones, so a typo in a script fails loudly instead of
// silently dropping a section.
func ParseSections(list string) ([]Section, error) {
	list = strings.TrimSpace(list)
	if list == "" || list == "all" {
		return slices.Clone(Sections), nil
	}
	var out []Section
	for _, name := range strings.Split(list, ",") {
		s := Section(strings.ToLower(strings.TrimSpace(name)))
		if s == "" {
			continue
		}
		if !slices.Contains(Sections, s) {
			names := make([]string, len(Sections))
			for i, v := range Sections {
				names[i] = string(v)
			}
			return nil, fmt.Errorf("unknown section %q (want some of %s, or all)", name, strings.Join(names, ", "))
		}
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no section chosen")
	}
	return out, nil
}

// Input is what a report is made from: the workspace and, optionally, an
// assessment already computed from it (the GUI has one on screen; reusing
// it guarantees the report shows the same numbers). When Assessment is nil
// it is computed with scoring.Assess at the report date.
type Input struct {
	Workspace  *plan.Workspace
	Assessment *scoring.Assessment
}

// Options says what to put in a report and how to label it.
type Options struct {
	// Sections chosen for the PDF, in any order (they are always printed
	// in report order); nil means all. The Excel workbook always has
	// every sheet: it is the data behind the report.
	Sections []Section
	// Date is the report date (and the assessment day when Input has no
	// assessment); zero means today.
	Date plan.Date
	// Assessor is named on the cover and in the document properties,
	// unless NonAttributable is set.
	Assessor string
	// NonAttributable names nobody: the assessor is left out and every
	// person in the plan and its exercises is shown by their role
	// ("Incident Manager", "Participant 1"; see personLabels) in every
	// output and its document properties.
	NonAttributable bool
	// Marking is the confidentiality marking printed on every page and
	// sheet, e.g. "CONFIDENTIAL — Harbourside Health". Empty prints none.
	Marking string
	// Created is the creation time written into the documents' metadata;
	// zero means now. Golden tests fix it.
	Created time.Time
	// Deterministic makes the PDF byte-for-byte reproducible and easy to
	// inspect: fixed creation and modification dates (Created, else the
	// report date), sorted catalog, no compression. It is meant for golden
	// tests; files are larger.
	Deterministic bool
}

// Progress is told how much of an export is done; done reaches total at
// the end. The GUI draws a progress bar from it. It is called on the
// exporting goroutine.
type Progress func(done, total int)

// report is the resolved input shared by the PDF and Excel writers.
type report struct {
	ws   *plan.Workspace
	a    *scoring.Assessment
	opts Options
	date plan.Date
	// created is the metadata timestamp.
	created time.Time
	names   *names
	// derived, computed once
	actions []actionRow
	trend   []trendPoint
	// untypeset are the people whose names the PDF cannot draw (see
	// typesetNames); the PDF only.
	untypeset []untypeset
}

func newReport(in Input, opts Options) (*report, error) {
	if in.Workspace == nil {
		return nil, errors.New("export: no workspace")
	}
	r := &report{ws: in.Workspace, a: in.Assessment, opts: opts, date: opts.Date}
	if r.date.IsZero() {
		if r.a != nil && !r.a.Date.IsZero() {
			r.date = r.a.Date
		} else {
			r.date = plan.DateOf(time.Now())
		}
	}
	if opts.NonAttributable {
		// The assessment's sentences name people too, so it is made
		// again from the anonymous copy, on the same day: the scores
		// do not depend on names and come out the same.
		ws, err := anonymous(r.ws)
		if err != nil {
			return nil, err
		}
		day := r.date
		if r.a != nil && !r.a.Date.IsZero() {
			day = r.a.Date
		}
		r.ws, r.a = ws, scoring.Assess(ws, day)
	}
	if r.a == nil {
		r.a = scoring.Assess(r.ws, r.date)
	}
	r.created = opts.Created
	if r.created.IsZero() {
		if opts.Deterministic {
			r.created = r.date.Time()
		} else {
			r.created = time.Now()
		}
	}
	if len(r.opts.Sections) == 0 {
		r.opts.Sections = slices.Clone(Sections)
	}
	r.derive()
	return r, nil
}

// derive computes what the writers share from the workspace and
// assessment.
func (r *report) derive() {
	r.names = newNames(r.ws)
	r.actions = improvementRows(r.ws, r.a, r.date)
	r.trend = trendPoints(r.ws, r.a)
}

func (r *report) has(s Section) bool { return slices.Contains(r.opts.Sections, s) }

// assessor returns the name to print, or "" when the report is
// non-attributable or no assessor was given.
func (r *report) assessor() string {
	if r.opts.NonAttributable {
		return ""
	}
	return strings.TrimSpace(r.opts.Assessor)
}

// AssessorLine is how a report names its assessor: the name, "Not
// stated" when none is given, or a note that the report is
// non-attributable. The GUI's first-page preview uses it too.
func (o Options) AssessorLine() string {
	switch a := strings.TrimSpace(o.Assessor); {
	case o.NonAttributable:
		return "Not attributed (non-attributable report)"
	case a == "":
		return "Not stated"
	default:
		return a
	}
}

// orgName is the organisation's name, or a placeholder.
func (r *report) orgName() string {
	if n := strings.TrimSpace(r.ws.Organisation.Name); n != "" {
		return n
	}
	return "Unnamed organisation"
}

// tracker counts work units and reports progress; check returns the
// context's error so long loops stop promptly when the user cancels.
type tracker struct {
	ctx         context.Context
	progress    Progress
	done, total int
}

func newTracker(ctx context.Context, p Progress, total int) *tracker {
	if ctx == nil {
		ctx = context.Background()
	}
	return &tracker{ctx: ctx, progress: p, total: max(total, 1)}
}

// step marks n units done and reports progress; it fails when the export
// was cancelled.
func (t *tracker) step(n int) error {
	t.done = min(t.done+n, t.total)
	if t.progress != nil {
		t.progress(t.done, t.total)
	}
	return t.ctx.Err()
}

// check fails when the export was cancelled, without counting progress.
func (t *tracker) check() error { return t.ctx.Err() }

// deliver writes the finished document (unless the export was cancelled
// meanwhile) and reports completion; what names it in a write error.
func (t *tracker) deliver(what string, write func() error) error {
	if err := t.check(); err != nil {
		return err
	}
	if err := write(); err != nil {
		return fmt.Errorf("writing %s: %w", what, err)
	}
	t.finish()
	return nil
}

// finish reports completion.
func (t *tracker) finish() {
	t.done = t.total
	if t.progress != nil {
		t.progress(t.total, t.total)
	}
}
