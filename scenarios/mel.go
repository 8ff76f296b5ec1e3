package scenarios

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"drillbook/plan"
)

// A Master Events List (MEL) is the spreadsheet exercise planners keep:
// one row per inject. ImportMEL reads one from .xlsx (first sheet) or .csv
// with a header row naming the columns
//
//	time | from | channel | message | expected action | deadline
//
// in any order (case and spacing ignored; channel, expected action and
// deadline may be empty). "expected action" is an expectation kind,
// optionally followed by a reference: "escalate executive",
// "notify-stakeholder stakeholder:customer". Errors name the row.

// melColumns are the recognised headers; time, from and message are required.
var melColumns = []string{"time", "from", "channel", "message", "expected action", "deadline"}

// maxMELRows bounds an import: a real MEL has tens of rows.
const maxMELRows = 2000

// ImportMEL reads a Master Events List into a new scenario with the given
// ID and title. The scenario still needs a summary, objectives and
// hot-wash questions; defaults are filled in for the facilitator to edit.
func ImportMEL(path, id, title string) (*Scenario, error) {
	rows, err := readRows(path)
	if err != nil {
		return nil, err
	}
	return melScenario(filepath.Base(path), rows, id, title)
}

func readRows(path string) ([][]string, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".xlsx" && ext != ".xlsm" && ext != ".csv" {
		return nil, fmt.Errorf("%s: a Master Events List must be .xlsx or .csv", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if ext == ".csv" {
		return csvRows(path, f)
	}
	return xlsxRows(path, f)
}

func csvRows(name string, r io.Reader) ([][]string, error) {
	cr := csv.NewReader(io.LimitReader(r, 8<<20))
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return rows, nil
}

// xlsxRows reads the first sheet. The workbook comes from outside, so a
// panic in the Excel reader on a damaged file is turned into an error.
func xlsxRows(name string, r io.Reader) (rows [][]string, err error) {
	defer func() {
		if p := recover(); p != nil {
			rows, err = nil, fmt.Errorf("%s: not a readable Excel workbook (%v)", name, p)
		}
	}()
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, fmt.Errorf("%s: not a readable Excel workbook: %w", name, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("%s: the workbook has no sheets", name)
	}
	rows, err = f.GetRows(sheets[0])
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return rows, nil
}

func melScenario(name string, rows [][]string, id, title string) (*Scenario, error) {
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: the sheet is empty", name)
	}
	if len(rows) > maxMELRows+1 {
		return nil, fmt.Errorf("%s: %d rows; a Master Events List is limited to %d", name, len(rows)-1, maxMELRows)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		key := strings.Join(strings.Fields(strings.ToLower(h)), " ")
		for _, c := range melColumns {
			if key == c {
				col[c] = i
			}
		}
	}
	var missing []string
	for _, c := range []string{"time", "from", "message"} {
		if _, ok := col[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s row 1: missing column(s) %s (found %q)", name, strings.Join(missing, ", "), rows[0])
	}
	cell := func(r []string, c string) string {
		i, ok := col[c]
		if !ok || i >= len(r) {
			return ""
		}
		return strings.TrimSpace(r[i])
	}
	s := &Scenario{
		ID: id, Title: title, Category: plan.CategoryOther, StartingSeverity: 2,
		Summary:    "Imported from a Master Events List (" + name + ").",
		Objectives: []string{"Respond to each inject as the plan requires."},
		Hotwash:    []string{"What went well?", "What would you change in the plan?", "What should be practised again?"},
		Source:     name,
	}
	var errs []string
	var last plan.Duration
	var rowOf []int // the sheet row of each inject
	for n, r := range rows[1:] {
		rowNo := n + 2
		if strings.TrimSpace(strings.Join(r, "")) == "" {
			continue // blank rows are common at the end of sheets
		}
		at, err := parseMELTime(cell(r, "time"))
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s row %d: time: %v", name, rowNo, err))
			continue
		}
		in := Inject{ID: fmt.Sprintf("row-%d", rowNo), At: at, From: cell(r, "from"), Channel: cell(r, "channel"), Text: cell(r, "message")}
		if in.From == "" {
			errs = append(errs, fmt.Sprintf("%s row %d: from is empty", name, rowNo))
		}
		if in.Text == "" {
			errs = append(errs, fmt.Sprintf("%s row %d: message is empty", name, rowNo))
		}
		if action := cell(r, "expected action"); action != "" {
			x, err := parseMELAction(action, cell(r, "deadline"))
			if err != nil {
				errs = append(errs, fmt.Sprintf("%s row %d: %v", name, rowNo, err))
			} else {
				in.Expect = []Expectation{x}
			}
		}
		if plan.Duration(at) > last {
			last = plan.Duration(at)
		}
		s.Injects = append(s.Injects, in)
		rowOf = append(rowOf, rowNo)
	}
	if len(errs) > 0 {
		return nil, errors.New(strings.Join(errs, "\n"))
	}
	if len(s.Injects) == 0 {
		return nil, fmt.Errorf("%s: no inject rows under the header", name)
	}
	// Leave room after the last inject for the team to respond.
	s.Duration = min(maxScenario, max(minScenario, last+30*plan.Minute))
	if verrs := s.Validate(); len(verrs) > 0 {
		for _, e := range verrs {
			errs = append(errs, melError(name, e, rowOf))
		}
		return nil, errors.New(strings.Join(errs, "\n"))
	}
	return s, nil
}

// melError names the sheet row of a validation error about an inject.
func melError(name string, e *Error, rowOf []int) string {
	if p := e.at; len(p) >= 2 && p[0].key == "injects" && p[1].index >= 0 && p[1].index < len(rowOf) {
		rest := p[2:].String()
		if rest != "" {
			rest += ": "
		}
		return fmt.Sprintf("%s row %d: %s%s", name, rowOf[p[1].index], rest, e.Msg)
	}
	return fmt.Sprintf("%s: %s: %s", name, e.Path, e.Msg)
}

// parseMELTime accepts "T+05:00", "05:00", "1:05:00" or a number of
// minutes, from T+0 to the longest scenario.
func parseMELTime(s string) (Offset, error) {
	if s == "" {
		return 0, errors.New("empty")
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil {
		// Written so NaN fails too: every comparison with it is false.
		if !(n >= 0 && n <= float64(maxScenario/plan.Minute)) {
			return 0, fmt.Errorf("%q minutes is outside 0–%s", s, maxScenario)
		}
		return Offset(plan.Duration(n * float64(plan.Minute))), nil
	}
	if !strings.HasPrefix(s, "T+") && strings.Contains(s, ":") {
		s = "T+" + s
	}
	o, err := ParseOffset(s)
	if err != nil {
		return 0, err
	}
	if o.D() > maxScenario.D() {
		return 0, fmt.Errorf("%s is after the longest scenario (%s)", o, maxScenario)
	}
	return o, nil
}

func parseMELAction(action, deadline string) (Expectation, error) {
	f := strings.Fields(strings.ToLower(action))
	x := Expectation{Kind: ExpectKind(f[0])}
	if !slices.Contains(ExpectKinds, x.Kind) {
		return x, fmt.Errorf("expected action %q: unknown kind %q (use one of %s)", action, f[0], joinNames(ExpectKinds))
	}
	if len(f) > 1 && x.Kind != ExpectSetSeverity {
		x.Target = Ref(f[1])
		if err := x.Target.Check(); err != nil {
			return x, fmt.Errorf("expected action %q: %v", action, err)
		}
	}
	if x.Kind == ExpectSetSeverity {
		if len(f) > 1 {
			n, err := strconv.Atoi(f[1])
			if err != nil {
				return x, fmt.Errorf("expected action %q: set-severity needs a level number", action)
			}
			x.Severities = []int{n}
		} else {
			x.Severities = []int{1, 2}
		}
	}
	if deadline == "" {
		return x, fmt.Errorf("expected action %q has no deadline", action)
	}
	d, err := plan.ParseDuration(deadline)
	if err != nil {
		if n, nerr := strconv.ParseFloat(deadline, 64); nerr == nil {
			if !(n > 0 && n <= float64(maxWithin/plan.Minute)) { // NaN fails too
				return x, fmt.Errorf("deadline %q minutes is outside 0–%s", deadline, maxWithin)
			}
			d, err = plan.Duration(n*float64(plan.Minute)), nil
		}
	}
	if err != nil {
		return x, fmt.Errorf("deadline: %v", err)
	}
	if d <= 0 || d > maxWithin {
		return x, fmt.Errorf("deadline %s is outside 0–%s", d, maxWithin)
	}
	x.Within = d
	return x, nil
}
