package export

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Sheet names, in workbook order.
const (
	sheetSummary      = "Summary"
	sheetCharts       = "Charts"
	sheetDimensions   = "Dimensions"
	sheetCriteria     = "Criteria"
	sheetFindings     = "Findings"
	sheetImprovement  = "Improvement plan"
	sheetExerciseLog  = "Exercise log"
	sheetTimers       = "Timers"
	sheetResponsible  = "Responsibilities"
	sheetContacts     = "Contacts"
	sheetPlaybooks    = "Playbooks"
	sheetLongText     = "Long text"
	excelRowsPerCheck = 1024
)

// Excel writes the workbook behind the report to w: every sheet, always
// (the section choice applies to the PDF only). Long sheets are streamed,
// so a workspace with 100 runs of 500 events stays fast and small in
// memory. It checks ctx between sheets and every thousand rows and
// returns ctx's error when cancelled; progress, when not nil, is called as
// sheets complete.
//
// Every piece of user text is written as a string cell (never a formula,
// whatever it starts with), cleaned as described in text_sanitize.go, and
// never silently cut: see longText.
func Excel(ctx context.Context, w io.Writer, in Input, opts Options, progress Progress) error {
	r, err := newReport(in, opts)
	if err != nil {
		return err
	}
	return writeExcel(ctx, w, r, progress)
}

// writeExcel writes the workbook of a resolved report.
func writeExcel(ctx context.Context, w io.Writer, r *report, progress Progress) error {
	x, err := newXLSXDoc(ctx, r, progress)
	if err != nil {
		return err
	}
	defer x.f.Close()
	steps := []func() error{
		x.summarySheet, x.chartsSheet, x.dimensionsSheet, x.criteriaSheet, x.findingsSheet, x.frameworksSheet, x.improvementSheet,
		x.exerciseLogSheet, x.timersSheet, x.responsibilitiesSheet, x.contactsSheet, x.playbooksSheet,
		x.longTextSheet,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
		if err := x.t.step(1); err != nil {
			return err
		}
	}
	if err := x.docProps(); err != nil {
		return err
	}
	return x.t.deliver("workbook", func() error { _, err := x.f.WriteTo(w); return err })
}

// xlsxDoc is one workbook being written.
type xlsxDoc struct {
	f     *excelize.File
	r     *report
	t     *tracker
	long  *longText
	style styles
	// first is true until the first sheet has replaced the default one.
	first bool
	// levels and trendRows are the Summary sheet's rows (heading, last)
	// of the tables the charts draw.
	levels, trendRows [2]int
}

func newXLSXDoc(ctx context.Context, r *report, progress Progress) (*xlsxDoc, error) {
	f := excelize.NewFile()
	x := &xlsxDoc{f: f, r: r, long: &longText{}, first: true}
	// 13 sheets, one unit each, plus one per run for the exercise log.
	x.t = newTracker(ctx, progress, 13+len(r.ws.Runs)+1)
	if err := x.style.create(f); err != nil {
		f.Close()
		return nil, err
	}
	return x, nil
}

// newSheet creates (or, for the first, renames the default) sheet and
// sets it up for printing (pageSetup), so printed sheets carry the
// marking like the PDF's pages.
func (x *xlsxDoc) newSheet(name string) error {
	if x.first {
		x.first = false
		if err := x.f.SetSheetName("Sheet1", name); err != nil {
			return err
		}
	} else if _, err := x.f.NewSheet(name); err != nil {
		return err
	}
	return x.pageSetup(name)
}

// hfText escapes text for an Excel header or footer, where "&" starts a
// code; it is also cut to keep within Excel's 255-character limit.
func hfText(s string) string {
	s = oneLine(cellText(s))
	if r := []rune(s); len(r) > 100 {
		s = string(r[:100]) + "…"
	}
	return strings.ReplaceAll(s, "&", "&&")
}

// docProps sets the workbook's document properties.
func (x *xlsxDoc) docProps() error {
	r := x.r
	creator := "Drillbook"
	if a := r.assessor(); a != "" {
		creator = oneLine(cellText(a))
	}
	created := r.created.UTC().Format(time.RFC3339)
	return x.f.SetDocProps(&excelize.DocProperties{
		Title:          oneLine(cellText("Incident-response readiness: " + r.orgName())),
		Subject:        fmt.Sprintf("Plan tier %s, %s, index %.1f, %s", r.a.Tier, r.a.ValidationText(), r.a.Index, r.date),
		Creator:        creator,
		LastModifiedBy: creator,
		Created:        created,
		Modified:       created,
		Description:    oneLine(cellText(r.opts.Marking)),
		Keywords:       "incident response; readiness; assessment; exercise",
		Category:       "Incident-response readiness report",
		ContentStatus:  oneLine(cellText(r.opts.Marking)),
		Language:       "en-GB",
	})
}

// text is a sentence copied from the assessment or a run as the workbook
// prints it (names.text: run, action, role and person IDs, durations and
// machine words in words).
func (x *xlsxDoc) text(s string) string { return x.r.names.text(s) }
