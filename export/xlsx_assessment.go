package export

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"drillbook/plan"
	"drillbook/scoring"
)

// dimensionsSheet has one row per dimension: level, progress, cap, the
// latest exercise rating and the five level definitions.
func (x *xlsxDoc) dimensionsSheet() error {
	s, err := x.streamSheet(sheetDimensions,
		xcol{"Dimension", 22}, xcol{"Level", 6}, xcol{"Level name", 11}, xcol{"Criteria level", 8},
		xcol{"Progress", 8}, xcol{"Cap", 5}, xcol{"Capped by", 30}, xcol{"Exercise rating", 8}, xcol{"Exercise score", 8},
		xcol{"Passing", 7}, xcol{"Failing", 7}, xcol{"N/A", 5},
		xcol{"Level 0", 22}, xcol{"Level 1", 22}, xcol{"Level 2", 22}, xcol{"Level 3", 22}, xcol{"Level 4", 22}, refCol)
	if err != nil {
		return err
	}
	for _, d := range x.r.a.Dimensions {
		var rating any
		var score any
		if d.Exercise != nil {
			rating, score = d.Exercise.Rating.String(), xnum(d.Exercise.Score)
		}
		row := []any{xbold(d.Dimension.Name), d.Level, scoring.LevelNames[d.Level], d.CriteriaLevel,
			xnum(d.Progress), d.Cap, x.text(d.CappedBy), rating, score, len(d.Passing), len(d.Failing), len(d.NA)}
		for _, def := range d.Dimension.Levels {
			row = append(row, def)
		}
		row = append(row, string(d.Dimension.ID))
		if err := s.add(row...); err != nil {
			return err
		}
	}
	return s.finish("Dimensions")
}

// criteriaSheet lists every criterion with its outcome, the evidence of
// failures and the reason given for N/A marks.
func (x *xlsxDoc) criteriaSheet() error {
	s, err := x.streamSheet(sheetCriteria,
		xcol{"Dimension", 20}, xcol{"Level", 6}, xcol{"Status", 7}, xcol{"What holds when passing", 44},
		xcol{"Evidence (failing)", 50}, xcol{"N/A reason", 30}, refCol)
	if err != nil {
		return err
	}
	for _, d := range x.r.a.Dimensions {
		for _, list := range [][]scoring.CriterionResult{d.Failing, d.Passing, d.NA} {
			for _, cr := range list {
				ev := make([]string, len(cr.Gaps))
				ref := []string{"Criterion", cr.Criterion.ID}
				for i, g := range cr.Gaps {
					ev[i] = x.text(g.Sentence())
					ref = append(ref, "", g.Path)
				}
				if err := s.add(d.Dimension.Name, cr.Criterion.Level, words(string(cr.Status)), x.text(cr.Criterion.Title), strings.Join(ev, "\n"), cr.Reason, reference(ref...)); err != nil {
					return err
				}
			}
		}
	}
	return s.finish("Criteria")
}

// findingsSheet is an Excel table (filter buttons on every column) of
// every finding in ranked order, in words; the finding's ID, criterion
// and the places in the plan it points at are kept for traceability in
// the Reference column at the right.
func (x *xlsxDoc) findingsSheet() error {
	s, err := x.streamSheet(sheetFindings,
		xcol{"Rank", 5}, xcol{"Finding", 34}, xcol{"Dimension", 16}, xcol{"Severity", 9}, xcol{"Effort", 8},
		xcol{"Why it matters", 34}, xcol{"Recommendation", 34}, xcol{"Evidence", 30}, refCol)
	if err != nil {
		return err
	}
	for i, fd := range x.r.a.Findings {
		var evidence []string
		paths := []string{"Finding", fd.ID}
		if fd.Criterion != fd.ID {
			paths = append(paths, "Criterion", fd.Criterion)
		}
		for _, g := range fd.Gaps {
			if len(fd.Gaps) > 1 {
				evidence = append(evidence, x.text(g.Sentence()))
			}
			paths = append(paths, "", g.Path)
		}
		if len(fd.Gaps) == 0 {
			paths = append(paths, "", fd.Where)
		}
		if err := s.add(i+1, x.text(fd.What), dimensionName(fd.Dimension), fd.Severity.String(), fd.Effort.String(),
			x.text(fd.Why), x.text(fd.Recommendation), strings.Join(evidence, "\n"), reference(paths...)); err != nil {
			return err
		}
	}
	return s.finish("Findings")
}

// improvementSheet is the improvement plan, written with the normal API
// (not streamed) so the Status column can carry a drop-down list of the
// valid statuses and truncated cells can link to their full text. Due
// dates are real dates; IDs are kept in the Reference column only.
func (x *xlsxDoc) improvementSheet() error {
	f, s, n := x.f, sheetImprovement, x.r.names
	if err := x.newSheet(s); err != nil {
		return err
	}
	cols := []xcol{{"Action", 50}, {"Finding", 44}, {"Owner", 28}, {"Due", 11}, {"Status", 12}, {"Playbook", 24}, {"Revision", 9},
		{"Source", 12}, {"Notes", 44}, refCol}
	rows := make([][]any, 0, len(x.r.actions))
	for _, a := range x.r.actions {
		source := "In the plan"
		if a.Proposed {
			source = "Proposed"
		}
		var rev any
		if a.AddressedByRevision > 0 {
			rev = a.AddressedByRevision
		}
		var playbook any
		if a.Playbook != "" {
			playbook = lookup(n.playbooks, a.Playbook)
		}
		rows = append(rows, []any{x.text(a.Text), x.findingWords(a.Finding), x.text(a.Owner), xdate(a.Due), words(string(a.Status)), playbook, rev, source,
			x.text(a.Notes), reference("Action", a.ID, "Finding", a.Finding)})
	}
	if len(rows) == 0 {
		rows = append(rows, []any{"(none)"})
	}
	widths, err := x.columns(s, cols, rows)
	if err != nil {
		return err
	}
	for i, values := range rows {
		if i%excelRowsPerCheck == 0 {
			if err := x.t.check(); err != nil {
				return err
			}
		}
		if err := x.setRow(s, i+2, values...); err != nil {
			return err
		}
		if err := x.fitRow(s, i+2, widths, values); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(cols), len(rows)+1)
	if err := f.AddTable(s, &excelize.Table{Range: "A1:" + last, Name: "ImprovementPlan", StyleName: "TableStyleLight9"}); err != nil {
		return err
	}
	// Room for actions added by hand below the table.
	dv := excelize.NewDataValidation(true)
	dv.Sqref = "E2:E" + strconv.Itoa(len(rows)+501)
	statuses := make([]string, len(plan.ActionStatuses))
	for i, st := range plan.ActionStatuses {
		statuses[i] = words(string(st))
	}
	if err := dv.SetDropList(statuses); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "Status", "Choose one of: "+strings.Join(statuses, ", "))
	if err := f.AddDataValidation(s, dv); err != nil {
		return err
	}
	return x.printArea(s, len(cols), len(rows)+1, true)
}

// findingWords names a finding by what it says, for columns a reader
// reads; its ID goes to the Reference column.
func (x *xlsxDoc) findingWords(id string) string {
	if fd := x.r.a.Finding(id); fd != nil {
		return x.text(fd.What)
	}
	return ""
}

// reference writes a traceability reference from label, value pairs,
// one per line, leaving out the empty values.
func reference(pairs ...string) string {
	var out []string
	for i := 0; i+1 < len(pairs); i += 2 {
		if v := strings.TrimSpace(pairs[i+1]); v != "" {
			out = append(out, strings.TrimSpace(pairs[i]+" "+v))
		}
	}
	return strings.Join(out, "\n")
}
