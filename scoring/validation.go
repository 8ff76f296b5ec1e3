package scoring

import (
	"fmt"
	"strings"

	"drillbook/plan"
)

// The validation status: what exercises showed about the plan, reported
// beside the plan tier.

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
	// WeakRatings are the ratings of the Weak dimensions, in order.
	WeakRatings []Rating
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
		// Each dimension with the rating it got, so the sentence says
		// what happened ("rated U"), not a range it fell in.
		byRating := map[Rating][]string{}
		var order []Rating
		for i, id := range v.Weak {
			d, _ := DimensionByID(id)
			r := v.WeakRatings[i]
			if _, seen := byRating[r]; !seen {
				order = append(order, r)
			}
			byRating[r] = append(byRating[r], strings.ToLower(d.Name[:1])+d.Name[1:])
		}
		parts := make([]string, len(order))
		for i, r := range order {
			verb := "was"
			if len(byRating[r]) > 1 {
				verb = "were"
			}
			parts[i] = fmt.Sprintf("%s %s rated %s", andList(byRating[r]), verb, r)
		}
		return fmt.Sprintf("contradicted by %s on %s: %s", runName(v), v.Date, strings.Join(parts, "; "))
	}
	return "not yet validated by an exercise; schedule one"
}

func runName(v Validation) string {
	if v.ScenarioTitle != "" {
		return "the exercise “" + v.ScenarioTitle + "”"
	}
	return "an exercise"
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
			v.WeakRatings = append(v.WeakRatings, d.Exercise.Rating)
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
