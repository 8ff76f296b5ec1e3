package scoring

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"drillbook/plan"
)

// Record makes the compact snapshot of an assessment that is stored in the
// workspace for trends.
func Record(a *Assessment) plan.AssessmentRecord {
	rec := plan.AssessmentRecord{Date: a.Date, Tier: string(a.Tier), Index: a.Index}
	for _, d := range a.Dimensions {
		rec.Dimensions = append(rec.Dimensions, plan.DimensionRecord{ID: string(d.Dimension.ID), Level: d.Level, Progress: d.Progress})
		for _, r := range d.Failing {
			rec.Failing = append(rec.Failing, r.Criterion.ID)
		}
		for _, r := range d.NA {
			rec.NotApplicable = append(rec.NotApplicable, r.Criterion.ID)
		}
	}
	return rec
}

// StoreRecord adds a snapshot to the workspace's assessments, replacing
// one made on the same day, and keeps them oldest first.
func StoreRecord(ws *plan.Workspace, rec plan.AssessmentRecord) {
	for i := range ws.Assessments {
		if ws.Assessments[i].Date == rec.Date {
			ws.Assessments[i] = rec
			return
		}
	}
	ws.Assessments = append(ws.Assessments, rec)
	slices.SortStableFunc(ws.Assessments, func(a, b plan.AssessmentRecord) int {
		return a.Date.Time().Compare(b.Date.Time())
	})
}

// MarkNotApplicable marks a criterion N/A in the workspace with a reason,
// replacing any earlier mark for it.
func MarkNotApplicable(ws *plan.Workspace, criterion, reason, by string, day plan.Date) error {
	if !markable(criterion) {
		return fmt.Errorf("unknown criterion %q", criterion)
	}
	if plan.Placeholder(reason) {
		return fmt.Errorf("criterion %s: a reason is required to mark it not applicable", criterion)
	}
	mark := plan.NotApplicable{Criterion: criterion, Reason: strings.TrimSpace(reason), By: by, Date: day}
	for i := range ws.NotApplicable {
		if ws.NotApplicable[i].Criterion == criterion {
			ws.NotApplicable[i] = mark
			return nil
		}
	}
	ws.NotApplicable = append(ws.NotApplicable, mark)
	return nil
}

// ClearNotApplicable removes any N/A mark on a criterion and reports whether there
// was one.
func ClearNotApplicable(ws *plan.Workspace, criterion string) bool {
	n := len(ws.NotApplicable)
	ws.NotApplicable = slices.DeleteFunc(ws.NotApplicable, func(m plan.NotApplicable) bool { return m.Criterion == criterion })
	return len(ws.NotApplicable) != n
}

// DimensionChange is one dimension's movement between two assessments.
type DimensionChange struct {
	Dimension                DimensionID
	FromLevel, ToLevel       int
	FromProgress, ToProgress float64
}

// Comparison lists what changed between two assessments.
type Comparison struct {
	From, To         plan.Date
	FromTier, ToTier string
	IndexChange      float64
	// Improved and Regressed hold the dimensions whose level rose or fell.
	Improved, Regressed []DimensionChange
	// NewlyPassing lists criteria failing before that now pass (not those
	// now marked N/A, which are in NowNotApplicable); NewlyFailing lists
	// criteria failing now that did not before.
	NewlyPassing, NewlyFailing, NowNotApplicable []string
}

// Compare lists what improved and what regressed from the earlier
// assessment to the later one.
func Compare(earlier, later plan.AssessmentRecord) Comparison {
	c := Comparison{
		From: earlier.Date, To: later.Date, FromTier: earlier.Tier, ToTier: later.Tier,
		IndexChange: roundTenth(later.Index - earlier.Index),
	}
	prev := map[string]plan.DimensionRecord{}
	for _, d := range earlier.Dimensions {
		prev[d.ID] = d
	}
	for _, d := range later.Dimensions {
		p, ok := prev[d.ID]
		if !ok {
			continue
		}
		ch := DimensionChange{Dimension: DimensionID(d.ID), FromLevel: p.Level, ToLevel: d.Level, FromProgress: p.Progress, ToProgress: d.Progress}
		switch {
		case d.Level > p.Level:
			c.Improved = append(c.Improved, ch)
		case d.Level < p.Level:
			c.Regressed = append(c.Regressed, ch)
		}
	}
	oldFail := set(earlier.Failing)
	newFail := set(later.Failing)
	newNA := set(later.NotApplicable)
	for _, id := range earlier.Failing {
		switch {
		case newFail[id]:
		case newNA[id]:
			c.NowNotApplicable = append(c.NowNotApplicable, id)
		default:
			c.NewlyPassing = append(c.NewlyPassing, id)
		}
	}
	for _, id := range later.Failing {
		if !oldFail[id] {
			c.NewlyFailing = append(c.NewlyFailing, id)
		}
	}
	return c
}

func set(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

func roundTenth(f float64) float64 { return math.Round(f*10) / 10 }

// DefaultTarget is the level a dimension aims for when the workspace sets
// none: formalised (owned, complete, reviewed on schedule).
const DefaultTarget = 3

// TargetLevel returns the workspace's target level for a dimension.
func TargetLevel(ws *plan.Workspace, id DimensionID) int {
	if l, ok := ws.TargetLevels[string(id)]; ok && l >= 0 && l <= 4 {
		return l
	}
	return DefaultTarget
}

// markable reports whether an ID can carry an N/A mark: a criterion, or an
// exercise finding (an unbound scenario reference, a weak task).
func markable(id string) bool {
	_, ok := CriterionByID(id)
	return ok || strings.HasPrefix(id, "BIND-") || strings.HasPrefix(id, "RUN-")
}
