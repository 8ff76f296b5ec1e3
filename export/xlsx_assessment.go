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
		xcol{"ID", 14}, xcol{"Dimension", 26}, xcol{"Level", 7}, xcol{"Level name", 12}, xcol{"Criteria level", 9},
		xcol{"Progress", 9}, xcol{"Cap", 6}, xcol{"Capped by", 40}, xcol{"Exercise rating", 9}, xcol{"Exercise score", 9},
		xcol{"Passing", 8}, xcol{"Failing", 8}, xcol{"N/A", 6},
		xcol{"Level 0", 30}, xcol{"Level 1", 30}, xcol{"Level 2", 30}, xcol{"Level 3", 30}, xcol{"Level 4", 30})
	if err != nil {
		return err
	}
	for _, d := range x.r.a.Dimensions {
		var rating any
		var score any
		if d.Exercise != nil {
			rating, score = d.Exercise.Rating.String(), xnum(d.Exercise.Score)
		}
		row := []any{string(d.Dimension.ID), xbold(d.Dimension.Name), d.Level, scoring.LevelNames[d.Level], d.CriteriaLevel,
			xnum(d.Progress), d.Cap, d.CappedBy, rating, score, len(d.Passing), len(d.Failing), len(d.NA)}
		for _, def := range d.Dimension.Levels {
			row = append(row, def)
		}
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
		xcol{"Criterion", 10}, xcol{"Dimension", 24}, xcol{"Level", 7}, xcol{"Status", 8}, xcol{"What holds when passing", 50},
		xcol{"Evidence (failing)", 60}, xcol{"N/A reason", 40})
	if err != nil {
		return err
	}
	for _, d := range x.r.a.Dimensions {
		for _, list := range [][]scoring.CriterionResult{d.Failing, d.Passing, d.NA} {
			for _, cr := range list {
				ev := make([]string, len(cr.Gaps))
				for i, g := range cr.Gaps {
					ev[i] = g.String()
				}
				if err := s.add(cr.Criterion.ID, d.Dimension.Name, cr.Criterion.Level, string(cr.Status), cr.Criterion.Title, strings.Join(ev, "\n"), cr.Reason); err != nil {
					return err
				}
			}
		}
	}
	return s.finish("Criteria")
}

// findingsSheet is an Excel table (filter buttons on every column) of
// every finding in ranked order.
func (x *xlsxDoc) findingsSheet() error {
	s, err := x.streamSheet(sheetFindings,
		xcol{"Rank", 6}, xcol{"ID", 12}, xcol{"Dimension", 22}, xcol{"Criterion", 10}, xcol{"Level", 7}, xcol{"Severity", 9}, xcol{"Effort", 8},
		xcol{"What", 50}, xcol{"Where", 28}, xcol{"Why it matters", 50}, xcol{"Recommendation", 50}, xcol{"Evidence", 60})
	if err != nil {
		return err
	}
	for i, fd := range x.r.a.Findings {
		if err := s.add(i+1, fd.ID, dimensionName(fd.Dimension), fd.Criterion, fd.Level, fd.Severity.String(), fd.Effort.String(),
			fd.What, fd.Where, fd.Why, fd.Recommendation, strings.Join(fd.Evidence, "\n")); err != nil {
			return err
		}
	}
	return s.finish("Findings")
}

// improvementSheet is the improvement plan, written with the normal API
// (not streamed) so the Status column can carry a drop-down list of the
// valid statuses and truncated cells can link to their full text. Due
// dates are real dates.
func (x *xlsxDoc) improvementSheet() error {
	f, s := x.f, sheetImprovement
	if err := x.newSheet(s); err != nil {
		return err
	}
	widths := []float64{22, 50, 12, 28, 14, 12, 14, 11, 22, 10, 12, 50}
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(s, col, col, w); err != nil {
			return err
		}
	}
	titles := []string{"ID", "Action", "Finding", "Owner", "Owner role", "Owner person", "Due", "Status", "Playbook", "Revision", "Source", "Notes"}
	if err := x.header(s, 1, titles...); err != nil {
		return err
	}
	if err := f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	row := 1
	for _, a := range x.r.actions {
		row++
		if row%excelRowsPerCheck == 0 {
			if err := x.t.check(); err != nil {
				return err
			}
		}
		source := "plan"
		if a.Proposed {
			source = "proposed"
		}
		var rev any
		if a.AddressedByRevision > 0 {
			rev = a.AddressedByRevision
		}
		if err := x.setRow(s, row, a.ID, a.Text, a.Finding, a.Owner, a.OwnerRole, a.OwnerPerson, xdate(a.Due), string(a.Status), a.Playbook, rev, source, a.Notes); err != nil {
			return err
		}
	}
	if row == 1 {
		row++
		if err := x.set(s, 1, row, "(none)"); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(titles), row)
	if err := f.AddTable(s, &excelize.Table{Range: "A1:" + last, Name: "ImprovementPlan", StyleName: "TableStyleLight9"}); err != nil {
		return err
	}
	// Room for actions added by hand below the table.
	dv := excelize.NewDataValidation(true)
	dv.Sqref = "H2:H" + strconv.Itoa(row+500)
	statuses := make([]string, len(plan.ActionStatuses))
	for i, st := range plan.ActionStatuses {
		statuses[i] = string(st)
	}
	if err := dv.SetDropList(statuses); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "Status", "Choose one of: "+strings.Join(statuses, ", "))
	return f.AddDataValidation(s, dv)
}
