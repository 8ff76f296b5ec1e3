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

// Status is the outcome of one criterion.
type Status string

// Criterion outcomes.
const (
	Pass Status = "pass"
	Fail Status = "fail"
	// NA: marked not applicable (with a reason) and would otherwise fail,
	// so it is left out of the counts.
	NA Status = "n/a"
)

// CriterionResult is one criterion's outcome with its evidence.
type CriterionResult struct {
	Criterion Criterion
	Status    Status
	// Gaps are the places where it fails (empty when it passes or is N/A).
	Gaps []Gap
	// Reason is the N/A reason when the criterion is marked not
	// applicable; it is also kept for a passing criterion that carries an
	// N/A mark, which then has no effect.
	Reason string
}

// DimensionResult is one dimension's level with the evidence for it.
type DimensionResult struct {
	Dimension Dimension
	// Level is the achieved level 0–4 after exercise caps.
	Level int
	// CriteriaLevel is the cumulative level from the criteria alone,
	// before exercise caps.
	CriteriaLevel int
	// Progress is Level plus the fraction of the next level's applicable
	// criteria that pass (0–4, for charts); it never exceeds Cap.
	Progress float64
	Passing  []CriterionResult
	Failing  []CriterionResult
	NA       []CriterionResult
	// Cap is the highest level the exercise rules allow (4 when none
	// applies) and CappedBy explains it when it lowered the result.
	Cap      int
	CappedBy string
	// Exercise is the dimension's rating in the most recent run of the
	// last 12 months that tested it, or nil.
	Exercise *DimensionRating
}

// Tier is the overall readiness tier.
type Tier string

// Readiness tiers, lowest first.
const (
	TierNone         Tier = "None"
	TierBasic        Tier = "Basic"
	TierIntermediate Tier = "Intermediate"
	TierAdvanced     Tier = "Advanced"
)

// Tiers lists the tiers that can be reached with the minimum level every
// plan dimension needs for each (the minimum rule).
var Tiers = []struct {
	Tier     Tier
	MinLevel int
}{{TierBasic, 1}, {TierIntermediate, 2}, {TierAdvanced, 3}}

// PlanDimension reports whether a dimension judges the plan itself and so
// counts towards the tier. Exercise performance and improvement are
// evidence about the plan, reported beside the tier: exercise results only
// ever lower (cap) the plan dimensions they showed to be weak.
func PlanDimension(id DimensionID) bool { return id != DimExercise && id != DimImprovement }

// ValidationStatus says what exercises showed about the plan.
type ValidationStatus string

// Validation statuses.
const (
	// NotExercised: no exercise with scored tasks in the last 12 months.
	NotExercised ValidationStatus = "not yet exercised"
	// Validated: the latest scored exercise was rated P or S and lowered
	// no plan dimension.
	Validated ValidationStatus = "validated"
	// Contradicted: in the latest run that tested it, a plan dimension
	// was rated M or U (the plan did not hold up), or the latest scored
	// run was rated M or U overall.
	Contradicted ValidationStatus = "contradicted by exercise"
)

// Validation is the exercise evidence reported beside the plan tier.
type Validation struct {
	Status ValidationStatus
	// The run the status rests on: the latest scored recent run, or for
	// Contradicted the newest run that lowered a dimension.
	RunID, ScenarioTitle string
	Date                 plan.Date
	Rating               Rating
	// Lowered lists the plan dimensions an exercise capped below their
	// plan level; Weak those rated M or U in the latest run that tested
	// them, even where the plan was already no higher than the cap.
	Lowered, Weak []DimensionID
}

// Headline is the one-line verdict, e.g. "Intermediate — not yet validated
// by an exercise; schedule one".
func (a *Assessment) Headline() string {
	return fmt.Sprintf("%s — %s", a.Tier, a.ValidationText())
}

// ValidationSentence is ValidationText as a sentence for reports and
// screens: "Validated by the exercise “DNS outage” on 2026-11-02 (rated S)."
func (a *Assessment) ValidationSentence() string {
	t := a.ValidationText()
	return strings.ToUpper(t[:1]) + t[1:] + "."
}

// ValidationText is the validation status as a phrase for reports, e.g.
// "validated by the exercise “DNS outage” on 2026-11-02 (rated S)".
func (a *Assessment) ValidationText() string {
	v := a.Validation
	switch v.Status {
	case Validated:
		return fmt.Sprintf("validated by %s on %s (rated %s)", runName(v), v.Date, v.Rating)
	case Contradicted:
		if len(v.Weak) == 0 {
			return fmt.Sprintf("contradicted by %s on %s (rated %s)", runName(v), v.Date, v.Rating)
		}
		names := make([]string, len(v.Weak))
		for i, id := range v.Weak {
			d, _ := DimensionByID(id)
			names[i] = strings.ToLower(d.Name[:1]) + d.Name[1:]
		}
		verb := "was"
		if len(names) > 1 {
			verb = "were"
		}
		return fmt.Sprintf("contradicted by %s on %s: %s %s rated M or U", runName(v), v.Date, strings.Join(names, ", "), verb)
	}
	return "not yet validated by an exercise; schedule one"
}

func runName(v Validation) string {
	if v.ScenarioTitle != "" {
		return "the exercise “" + v.ScenarioTitle + "”"
	}
	return "an exercise"
}

// Finding is one gap to report: a failing criterion, an exercise task
// rated M or U (ID "RUN-<run>-<task>"), or a scenario reference the plan
// could not bind (ID "BIND-<run>-<ref>").
type Finding struct {
	ID string
	// Criterion is the criterion ID, or "" for exercise findings.
	Criterion string
	Dimension DimensionID
	// Level is the criterion's level (0 for exercise findings).
	Level    int
	Severity Severity
	Effort   Effort
	// What is missing, Where in the plan (the first place; Gaps has all),
	// Why it matters and what to do about it.
	What, Where, Why, Recommendation string
	Gaps                             []Gap
	// Evidence lists the facts behind the finding, one per line.
	Evidence []string
}

// Assessment is the scored state of a workspace on one day.
type Assessment struct {
	Date       plan.Date
	Dimensions []DimensionResult // in display order
	// Tier is the headline: the plan's tier by the minimum rule over the
	// plan dimensions. Exercises can lower it (by capping a dimension)
	// but never raise it above what the plan gets with no exercise.
	Tier Tier
	// Validation is what exercises showed, reported beside the tier.
	Validation Validation
	// HeldBackBy names the plan dimensions below the next tier's minimum
	// level.
	HeldBackBy []DimensionID
	// Index is the plan dimensions' mean progress ÷ 4 × 100, rounded to
	// one decimal, for trends only.
	Index    float64
	Findings []Finding // ranked: severity, then effort, then dimension
	Runs     []RunResult
	// Notes reports N/A marks that were ignored (no reason, unknown ID).
	Notes []string
}

// Dimension returns the result for a dimension, or nil.
func (a *Assessment) Dimension(id DimensionID) *DimensionResult {
	for i := range a.Dimensions {
		if a.Dimensions[i].Dimension.ID == id {
			return &a.Dimensions[i]
		}
	}
	return nil
}

// Criterion returns the result of a criterion, or nil.
func (a *Assessment) Criterion(id string) *CriterionResult {
	for i := range a.Dimensions {
		d := &a.Dimensions[i]
		for _, list := range [][]CriterionResult{d.Passing, d.Failing, d.NA} {
			for j := range list {
				if list[j].Criterion.ID == id {
					return &list[j]
				}
			}
		}
	}
	return nil
}

// Finding returns the finding with the ID, or nil.
func (a *Assessment) Finding(id string) *Finding {
	for i := range a.Findings {
		if a.Findings[i].ID == id {
			return &a.Findings[i]
		}
	}
	return nil
}

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
			a.Findings = append(a.Findings, criterionFinding(r))
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
		case blank(m.Reason):
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
		d.CappedBy = fmt.Sprintf("rated %s in exercise %s on %s (score %.2f); an %s rating caps the dimension at level %d", r.Rating, r.RunID, r.Date, r.Score, r.Rating, d.Cap)
	}
	if d.Cap > 3 && s.ex.good < 0 {
		d.Cap = 3
		d.CappedBy = fmt.Sprintf("level 4 needs an exercise rated P or S since %s, and there is none", s.since)
	}
	if progress > float64(d.Cap) {
		level, progress = min(level, d.Cap), float64(d.Cap)
	} else {
		d.CappedBy = ""
	}
	d.Level = level
	d.Progress = math.Round(progress*100) / 100
}

func criterionFinding(r CriterionResult) Finding {
	c := r.Criterion
	f := Finding{
		ID: c.ID, Criterion: c.ID, Dimension: c.Dimension, Level: c.Level,
		Severity: c.Severity, Effort: c.Effort,
		Why: c.Why, Recommendation: c.Recommendation,
		Gaps: r.Gaps, Where: r.Gaps[0].Path,
	}
	if len(r.Gaps) == 1 {
		f.What = r.Gaps[0].Sentence()
	} else {
		f.What = fmt.Sprintf("%s (%d places)", strings.TrimSuffix(c.Missing, "."), len(r.Gaps))
	}
	f.Evidence = make([]string, len(r.Gaps))
	for i, g := range r.Gaps {
		f.Evidence[i] = g.String()
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
		What: "No exercise in the last 12 months was rated P or S.", Where: "runs",
		Why:            "Level 4 (assured) of any dimension needs recent evidence that the plan works: an exercise performed without, or with only some, challenges.",
		Recommendation: "Run an exercise that tests this dimension and close its findings until it is rated P or S.",
		Gaps:           []Gap{{Path: "runs", What: d.CappedBy}},
		Evidence:       []string{"runs: " + d.CappedBy},
	})
}

// validation derives the validation status from the recent runs and the
// caps they put on plan dimensions.
func validation(a *Assessment, s *state) Validation {
	var v Validation
	from := func(i int) {
		rr := &s.ex.runs[i]
		v.RunID, v.ScenarioTitle, v.Date, v.Rating = rr.RunID, rr.ScenarioTitle, rr.Date, rr.Rating
	}
	lowering := ""
	for _, d := range a.Dimensions {
		if !PlanDimension(d.Dimension.ID) || d.Exercise == nil {
			continue
		}
		// A cap of 3 only withholds level 4 for want of a good exercise;
		// it contradicts nothing the plan claims.
		if d.Level < min(d.CriteriaLevel, 3) {
			v.Lowered = append(v.Lowered, d.Dimension.ID)
		}
		if !d.Exercise.Rating.Good() {
			v.Weak = append(v.Weak, d.Dimension.ID)
			if lowering == "" {
				lowering = d.Exercise.RunID
			}
		}
	}
	switch {
	case s.ex.newestRated < 0:
		v.Status = NotExercised
	case len(v.Weak) > 0:
		v.Status = Contradicted
		for _, i := range s.ex.recent {
			if s.ex.runs[i].RunID == lowering {
				from(i)
				break
			}
		}
	default:
		from(s.ex.newestRated)
		v.Status = Validated
		if !v.Rating.Good() {
			v.Status = Contradicted
		}
	}
	return v
}
