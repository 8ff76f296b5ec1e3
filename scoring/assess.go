package scoring

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"drillbook/plan"
)

// Assess scores the workspace as of today. It is deterministic for a given
// workspace and day, never modifies the workspace, and copes with
// workspaces that fail validation (dangling references, duplicate IDs,
// empty collections).
func Assess(ws *plan.Workspace, today plan.Date) *Assessment {
	if ws == nil {
		ws = &plan.Workspace{}
	}
	s := newState(ws, today)
	a := &Assessment{Date: today, Runs: s.ex.runs}
	na := naMarks(ws, &a.Notes)
	s.na = na

	byDim := make(map[DimensionID]*DimensionResult, len(dimensions))
	a.Dimensions = make([]DimensionResult, len(dimensions))
	for i, d := range dimensions {
		a.Dimensions[i] = DimensionResult{Dimension: d, Cap: 4, Exercise: s.ex.latest[d.ID]}
		byDim[d.ID] = &a.Dimensions[i]
	}
	for _, c := range catalogue() {
		r := CriterionResult{Criterion: c, Reason: na[c.ID]}
		r.Gaps = c.check(s)
		s.placeGaps(r.Gaps)
		d := byDim[c.Dimension]
		switch {
		case len(r.Gaps) == 0:
			r.Status = Pass
			d.Passing = append(d.Passing, r)
		case r.Reason != "":
			r.Status, r.Gaps = NA, nil
			d.NA = append(d.NA, r)
		default:
			r.Status = Fail
			d.Failing = append(d.Failing, r)
			a.Findings = append(a.Findings, criterionFinding(r, s))
		}
	}

	sum, n := 0.0, 0
	minLevel := 4
	for i := range a.Dimensions {
		d := &a.Dimensions[i]
		score(d, s)
		if PlanDimension(d.Dimension.ID) {
			sum += d.Progress
			n++
			minLevel = min(minLevel, d.Level)
		}
	}
	a.Index = math.Round(sum/float64(n)/4*1000) / 10
	a.Tier = TierNone
	next := 0
	for _, t := range Tiers {
		if minLevel >= t.MinLevel {
			a.Tier = t.Tier
		} else if next == 0 {
			next = t.MinLevel
		}
	}
	if next > 0 {
		for _, d := range a.Dimensions {
			if PlanDimension(d.Dimension.ID) && d.Level < next {
				a.HeldBackBy = append(a.HeldBackBy, d.Dimension.ID)
			}
		}
	}
	a.Validation = validation(a, s)
	for _, f := range exerciseFindings(s) {
		if reason := na[f.ID]; reason != "" {
			a.Notes = append(a.Notes, fmt.Sprintf("%s is marked not applicable: %s", f.ID, reason))
			continue
		}
		a.Findings = append(a.Findings, f)
	}
	rankFindings(a.Findings)
	a.Frameworks = frameworkCoverage(a, ChosenFrameworks(ws))
	return a
}

// naMarks returns the honoured N/A marks (criterion → reason) and notes
// the ignored ones.
func naMarks(ws *plan.Workspace, notes *[]string) map[string]string {
	na := map[string]string{}
	for i, m := range ws.NotApplicable {
		id := strings.TrimSpace(m.Criterion)
		switch {
		case !markable(id):
			*notes = append(*notes, fmt.Sprintf("%s: unknown criterion %q is marked N/A; ignored", at("notApplicable", i, ""), m.Criterion))
		case plan.Placeholder(m.Reason):
			*notes = append(*notes, fmt.Sprintf("%s: %s is marked N/A without a reason; ignored", at("notApplicable", i, ""), id))
		case na[id] == "":
			na[id] = strings.TrimSpace(m.Reason)
		}
	}
	return na
}

// score applies the cumulative rule, progress and exercise caps to one
// dimension.
func score(d *DimensionResult, s *state) {
	var applicable, passing, failing [5]int
	for _, r := range d.Passing {
		applicable[r.Criterion.Level]++
		passing[r.Criterion.Level]++
	}
	for _, r := range d.Failing {
		applicable[r.Criterion.Level]++
		failing[r.Criterion.Level]++
	}
	level := 0
	for l := 1; l <= 4 && failing[l] == 0; l++ {
		level = l
	}
	progress := float64(level)
	if level < 4 && applicable[level+1] > 0 {
		progress += float64(passing[level+1]) / float64(applicable[level+1])
	}
	d.CriteriaLevel = level

	if r := d.Exercise; r != nil && r.Rating.Cap() < d.Cap {
		d.Cap = r.Rating.Cap()
		d.CappedBy = fmt.Sprintf("rated %s in the exercise %s (score %.2f); %s rating caps the dimension at level %d", r.Rating, exerciseName(r.ScenarioTitle, "", r.Date), r.Score, a(string(r.Rating)), d.Cap)
	}
	if d.Cap > 3 && s.ex.good < 0 {
		d.Cap = 3
		d.CappedBy = gateReason(d, s)
	}
	if progress > float64(d.Cap) {
		level, progress = min(level, d.Cap), float64(d.Cap)
	} else {
		d.CappedBy = ""
	}
	d.Level = level
	d.Progress = math.Round(progress*100) / 100
}

// gateReason says why level 4 is out of reach when no recent exercise was
// rated P or S as a whole. The rule is about whole exercises, while a
// dimension's own rating is about its tasks alone, so a dimension rated P
// in an exercise rated M overall is told exactly that.
func gateReason(d *DimensionResult, s *state) string {
	need := fmt.Sprintf("level 4 needs an exercise since %s rated P or S as a whole", s.since)
	if r := d.Exercise; r != nil && r.Rating.Good() {
		whole := "was not rated"
		if i, _, ok := plan.Root(r.RunPath).Cut("runs"); ok && i < len(s.ex.runs) && s.ex.runs[i].Rating != "" {
			whole = "was rated " + string(s.ex.runs[i].Rating)
		}
		return fmt.Sprintf("%s; this dimension was rated %s in the exercise %s, but that exercise as a whole %s", need, r.Rating, exerciseName(r.ScenarioTitle, "", r.Date), whole)
	}
	switch n := len(s.ex.recent); n {
	case 0:
		return need + ", and no exercise has been run since then"
	case 1:
		return need + ", and the one exercise run since then was not"
	default:
		return fmt.Sprintf("%s, and none of the %d exercises run since then was", need, n)
	}
}

func criterionFinding(r CriterionResult, s *state) Finding {
	c := r.Criterion
	f := Finding{
		ID: c.ID, Criterion: c.ID, Dimension: c.Dimension, Level: c.Level,
		Severity: c.Severity, Effort: c.Effort,
		Why: c.Why, Recommendation: c.Recommendation,
		Gaps: r.Gaps, Where: r.Gaps[0].Path, Place: r.Gaps[0].Place,
		Title: strings.TrimSuffix(c.Missing, "."),
	}
	if len(r.Gaps) == 1 {
		f.What = r.Gaps[0].Sentence()
	} else {
		f.What = fmt.Sprintf("%s (%d places)", strings.TrimSuffix(c.Missing, "."), len(r.Gaps))
		f.Place = places(s, r.Gaps)
	}
	f.Evidence = make([]string, len(r.Gaps))
	for i, g := range r.Gaps {
		f.Evidence[i] = g.Sentence()
	}
	return f
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// rankFindings orders findings by severity (most severe first), then
// effort (quick wins first), then dimension order, then ID.
func rankFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		switch {
		case a.Severity != b.Severity:
			return int(b.Severity) - int(a.Severity)
		case a.Effort != b.Effort:
			return int(a.Effort) - int(b.Effort)
		}
		if da, db := dimensionOrder(a.Dimension), dimensionOrder(b.Dimension); da != db {
			return da - db
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// NextLevel returns the findings that stand between a dimension and its
// next level, most important first: the failing criteria at or below the
// next level and, when an exercise cap holds the dimension back, the
// exercise findings (or the missing P/S exercise) behind the cap. It
// returns nil at level 4 or for an unknown dimension.
func NextLevel(a *Assessment, id DimensionID) []Finding {
	d := a.Dimension(id)
	if d == nil || d.Level >= 4 {
		return nil
	}
	target := d.Level + 1
	var out []Finding
	for _, f := range a.Findings {
		if f.Dimension == id && f.Criterion != "" && f.Level <= target {
			out = append(out, f)
		}
	}
	if d.CappedBy == "" || d.Cap >= target {
		return out
	}
	if d.Exercise != nil && d.Exercise.Rating.Cap() == d.Cap {
		prefix := "RUN-" + d.Exercise.RunID + "-"
		for _, f := range a.Findings {
			if f.Dimension == id && strings.HasPrefix(f.ID, prefix) {
				out = append(out, f)
			}
		}
		return out
	}
	if f := a.Finding("EXR-4.1"); f != nil {
		return append(out, *f)
	}
	return append(out, Finding{
		ID: "EXR-GATE", Dimension: id, Level: 4,
		Severity: SeverityMedium, Effort: EffortMedium,
		Title: "No recent exercise was rated P or S as a whole",
		What:  "No exercise in the last 12 months was rated P or S as a whole.", Where: "runs", Place: "the exercise record",
		Why:            "Level 4 (assured) of any dimension needs recent evidence that the plan works: an exercise performed without, or with only some, challenges.",
		Recommendation: "Run an exercise that tests this dimension and close its findings until it is rated P or S.",
		Gaps:           []Gap{{Path: "runs", What: d.CappedBy, Place: "the exercise record"}},
		Evidence:       []string{capitalise(d.CappedBy) + "."},
	})
}
