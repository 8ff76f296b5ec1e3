package scoring

import "drillbook/internal/prose"

// exercised builds a dimension's level-4 criterion: the dimension was
// exercised in the last 12 months and its latest exercise was rated P or S.
// Every such criterion's remedy is the same (run an exercise that tests
// it), so their proposed actions are one.
func exercised(id string, dim DimensionID, what, why, rec string) Criterion {
	return Criterion{
		ID: id, Dimension: dim, Level: 4,
		Title:          what + " was exercised in the last 12 months and the latest exercise of it was rated P or S.",
		Missing:        what + " has not been exercised recently with a good rating.",
		Why:            why,
		Recommendation: rec,
		Severity:       SeverityMedium, Effort: EffortMedium,
		Remedy: RemedyExercise,
		check:  exercisedCheck(dim).check,
	}
}

// exercisedCheck is the check of a dimension's level-4 criterion.
type exercisedCheck DimensionID

func (d exercisedCheck) check(s *state) []Gap {
	dim := DimensionID(d)
	r := s.ex.latest[dim]
	if r == nil {
		return []Gap{gap("runs", "no exercise since %s tested %s", s.since, tasksTesting(dim))}
	}
	if !r.Rating.Good() {
		return []Gap{gap(r.RunPath, "rated %s (score %.2f over %s) in the exercise %s", r.Rating, r.Score, prose.Count(r.Tasks, "task", "tasks"), exerciseName(r.ScenarioTitle, "", r.Date))}
	}
	return nil
}
