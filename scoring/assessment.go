package scoring

import (
	"fmt"
	"slices"

	"drillbook/plan"
)

// The result of an assessment: per-criterion outcomes, per-dimension
// levels, the tier and the ranked findings.

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

// Headline is the one-line verdict, e.g. "Intermediate — not yet validated
// by an exercise; schedule one".
func (a *Assessment) Headline() string {
	return fmt.Sprintf("%s — %s", a.Tier, a.ValidationText())
}

// Finding is one gap to report: a failing criterion, an exercise task
// rated M or U (ID "RUN-<run>-<task>"), or a scenario reference the plan
// could not bind (ID "BIND-<run>-<ref>").
type Finding struct {
	ID string
	// Criterion is the criterion ID, or "" for exercise findings.
	Criterion string
	// RunID is the exercise run an exercise finding comes from ("" for
	// criterion findings), for links; readers see the run by name.
	RunID     string
	Dimension DimensionID
	// Level is the criterion's level (0 for exercise findings).
	Level    int
	Severity Severity
	Effort   Effort
	// Title is a one-line heading for lists, in words: the criterion's
	// gap in general terms, or for an exercise finding the scenario's
	// title and date and what went wrong ("The DNS provider suspends our
	// zone, 2026-10-30: the internal staff update was late").
	Title string
	// What is missing, Where in the plan (the first gap's plan path; Gaps
	// has all), Why it matters and what to do about it. Where is the
	// traceability reference only; Place is the same place in words
	// ("Amira Khan", "the on-call rota"), which readers see. Every
	// string but Where and ID is reader text: no IDs, paths or enum keys.
	What, Where, Place, Why, Recommendation string
	Gaps                                    []Gap
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
	// Frameworks is the coverage of each chosen framework (the workspace's
	// frameworks, NIST CSF 2.0 when it names none), in catalogue order.
	Frameworks []FrameworkCoverage
}

// Dimension returns the result for a dimension, or nil.
func (a *Assessment) Dimension(id DimensionID) *DimensionResult {
	if i := slices.IndexFunc(a.Dimensions, func(d DimensionResult) bool { return d.Dimension.ID == id }); i >= 0 {
		return &a.Dimensions[i]
	}
	return nil
}

// Criterion returns the result of a criterion, or nil.
func (a *Assessment) Criterion(id string) *CriterionResult {
	for i := range a.Dimensions {
		d := &a.Dimensions[i]
		for _, list := range [][]CriterionResult{d.Passing, d.Failing, d.NA} {
			if j := slices.IndexFunc(list, func(r CriterionResult) bool { return r.Criterion.ID == id }); j >= 0 {
				return &list[j]
			}
		}
	}
	return nil
}

// Finding returns the finding with the ID, or nil.
func (a *Assessment) Finding(id string) *Finding {
	if i := slices.IndexFunc(a.Findings, func(f Finding) bool { return f.ID == id }); i >= 0 {
		return &a.Findings[i]
	}
	return nil
}
