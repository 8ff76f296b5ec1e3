package scoring

import (
	"drillbook/internal/prose"
	"drillbook/plan"
)

// Improvement closure rule for IMP-4.2: at least ClosureRate of the actions
// created more than ClosureAge ago must be done or cancelled.
const (
	ClosureRate = 0.8
	ClosureAge  = 90 * plan.Day
)

func exerciseCriteria() []Criterion {
	return []Criterion{
		{
			ID: "EXR-1.1", Dimension: DimExercise, Level: 1,
			Title:          "At least one exercise has been run.",
			Missing:        "The plan has never been exercised.",
			Why:            "An untested plan is a hypothesis: exercises find the gaps before a real incident does.",
			Recommendation: "Run a 60–90 minute tabletop with the incident manager, on-call engineer and comms lead using a built-in scenario for your most likely incident.",
			Severity:       SeverityHigh, Effort: EffortMedium,
			Remedy: RemedyExercise,
			check:  oneExerciseHasBeenRun,
		},
		{
			ID: "EXR-2.1", Dimension: DimExercise, Level: 2,
			Title:          "An exercise was run in the last 12 months.",
			Missing:        "No exercise in the last 12 months.",
			Why:            "People, suppliers and systems change within a year; an older exercise says little about today's readiness.",
			Recommendation: "Hold at least one exercise a year, ideally one a quarter, rotating scenarios across incident types.",
			Severity:       SeverityHigh, Effort: EffortMedium,
			Remedy: RemedyExercise,
			check:  exerciseWasRunLast12Months,
		},
		{
			ID: "EXR-2.2", Dimension: DimExercise, Level: 2,
			Title:          "The latest exercise bound every scenario reference to the plan.",
			Missing:        "The latest exercise found parts of the scenario with nobody in the plan.",
			Why:            "An unbound reference (\"the DNS provider\", \"the regulator reporter\") means the scenario found no one in the plan for that part; a real incident would find the same gap.",
			Recommendation: "Add the missing role, supplier, stakeholder or obligation named in each binding gap, then re-run the scenario.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: latestExerciseFullyBound,
		},
		{
			ID: "EXR-2.3", Dimension: DimExercise, Level: 2,
			Title:          "Every exercise in the last 12 months recorded scored critical tasks.",
			Missing:        "An exercise recorded no scored tasks.",
			Why:            "Without scored tasks there is evidence that the team met, not of how it performed.",
			Recommendation: "Run exercises through the exercise engine (or record expectations and timers) so each critical task is timed and rated.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: recentExercisesHaveScoredTasks,
		},
		{
			ID: "EXR-3.1", Dimension: DimExercise, Level: 3,
			Title:          "The latest scored exercise was not rated U.",
			Missing:        "The latest exercise was rated U (unable to perform).",
			Why:            "A U rating means the team could not perform its critical tasks; until a re-run shows otherwise, the plan does not work in practice.",
			Recommendation: "Work through the U-rated tasks' findings, fix the plan or the training, and re-run the same scenario within three months.",
			Severity:       SeverityHigh, Effort: EffortMedium,
			check: latestExerciseNotRatedU,
		},
		{
			ID: "EXR-3.2", Dimension: DimExercise, Level: 3,
			Title:          "Every exercise in the last 12 months has a recorded hot wash.",
			Missing:        "An exercise has no recorded hot wash.",
			Why:            "The hot wash captures what participants saw while it is fresh; it is the main source of improvement actions.",
			Recommendation: "End every exercise with 15 minutes of hot-wash questions and record the answers.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: recentExercisesHaveHotWash,
		},
		{
			ID: "EXR-3.3", Dimension: DimExercise, Level: 3,
			Title:          "At least two exercises were run in the last 12 months.",
			Missing:        "Exercises are not regular.",
			Why:            "A yearly exercise leaves most of the rota unpractised; two or more a year keep skills and contacts current.",
			Recommendation: "Set an exercise calendar of at least two a year, with different people on the rota each time.",
			Severity:       SeverityMedium, Effort: EffortMedium,
			Remedy: RemedyExercise,
			check:  twoExercisesAYear,
		},
		{
			ID: "EXR-4.1", Dimension: DimExercise, Level: 4,
			Title:          "The latest scored exercise was rated P or S.",
			Missing:        "The latest exercise was not rated P or S.",
			Why:            "Assurance means the plan has recently been shown to work: performed without, or with only some, challenges.",
			Recommendation: "Close the latest exercise's findings and re-run it; aim for P or S on every critical task.",
			Severity:       SeverityMedium, Effort: EffortMedium,
			Remedy: RemedyExercise,
			check:  latestExerciseRatedPOrS,
		},
		{
			ID: "EXR-4.2", Dimension: DimExercise, Level: 4,
			Title:          "The latest exercise had no decision graded poor.",
			Missing:        "A decision in the latest exercise was graded poor.",
			Why:            "A poor decision in an exercise (waiting on a supplier instead of failing over, staying silent to customers) usually reflects a gap in a playbook or in authority, not just the individual.",
			Recommendation: "Discuss each poor decision in the hot wash and record what guidance or authority would have led to the better option; update the playbook.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: noPoorDecisions,
		},
	}
}

// oneExerciseHasBeenRun checks EXR-1.1: at least one exercise has been run.
func oneExerciseHasBeenRun(s *state) []Gap {
	return noneIn(s.ws.Runs, "runs", "no exercise run is recorded")
}

// exerciseWasRunLast12Months checks EXR-2.1: an exercise was run in the last 12 months.
func exerciseWasRunLast12Months(s *state) []Gap {
	if len(s.ex.recent) > 0 {
		return nil
	}
	var last plan.Date
	for _, r := range s.ex.runs {
		if last.Before(r.Date) {
			last = r.Date
		}
	}
	if last.IsZero() {
		return []Gap{gap("runs", "no exercise since %s", s.since)}
	}
	return []Gap{gap("runs", "the latest exercise was on %s, before %s", last, s.since)}
}

// latestExerciseFullyBound checks EXR-2.2: the latest exercise bound every scenario reference to the plan.
func latestExerciseFullyBound(s *state) []Gap {
	if len(s.ex.recent) == 0 {
		return nil // EXR-2.1
	}
	i := s.ex.recent[0]
	var gs []Gap
	for _, j := range s.bindingGaps(i) {
		b := s.ws.Runs[i].Bindings[j]
		gs = append(gs, gap(at(at("runs", i, "bindings"), j, ""), "the scenario needed %s: %s", refWords(b.Ref), b.Gap))
	}
	return gs
}

// recentExercisesHaveScoredTasks checks EXR-2.3: every exercise in the last 12 months recorded scored critical tasks.
func recentExercisesHaveScoredTasks(s *state) []Gap {
	return s.eachRecentRun("tasks", "has no scored tasks", func(i int) bool { return s.ex.runs[i].Rating == "" })
}

// latestExerciseNotRatedU checks EXR-3.1: the latest scored exercise was not rated U.
func latestExerciseNotRatedU(s *state) []Gap {
	if i := s.ex.newestRated; i >= 0 && s.ex.runs[i].Rating == RatingU {
		r := s.ex.runs[i]
		return []Gap{gap(r.Path, "the exercise %s was rated U (score %.2f)", exerciseName(r.ScenarioTitle, r.ScenarioID, r.Date), r.Score)}
	}
	return nil
}

// recentExercisesHaveHotWash checks EXR-3.2: every exercise in the last 12 months has a recorded hot wash.
func recentExercisesHaveHotWash(s *state) []Gap {
	return s.eachRecentRun("hotwash", "has no hot wash notes", func(i int) bool { return len(s.ws.Runs[i].Hotwash) == 0 })
}

// twoExercisesAYear checks EXR-3.3: at least two exercises were run in the last 12 months.
func twoExercisesAYear(s *state) []Gap {
	n := len(s.ex.recent)
	return gapIf(n < 2, "runs", "%s since %s; at least 2 are needed", prose.Count(n, "exercise", "exercises"), s.since)
}

// latestExerciseRatedPOrS checks EXR-4.1: the latest scored exercise was rated P or S.
func latestExerciseRatedPOrS(s *state) []Gap {
	i := s.ex.newestRated
	if i < 0 {
		return []Gap{gap("runs", "no scored exercise since %s", s.since)}
	}
	if r := s.ex.runs[i]; !r.Rating.Good() {
		return []Gap{gap(r.Path, "the exercise %s was rated %s (score %.2f)", exerciseName(r.ScenarioTitle, r.ScenarioID, r.Date), r.Rating, r.Score)}
	}
	return nil
}

// noPoorDecisions checks EXR-4.2: the latest exercise had no decision graded poor.
func noPoorDecisions(s *state) []Gap {
	if len(s.ex.recent) == 0 {
		return []Gap{gap("runs", "no exercise since %s", s.since)}
	}
	i := s.ex.recent[0]
	return eachItem(s.ws.Runs[i].Decisions, at("runs", i, "decisions"), func(d *plan.DecisionRecord, add addGap) {
		if d.Grade == "poor" {
			add("", "%q: the team chose %q, graded poor", d.Prompt, d.Choice)
		}
	})
}

// eachRecentRun adds a gap at runs[i].field, "the exercise … <what>", for
// every run of the last 12 months that fails.
func (s *state) eachRecentRun(field, what string, fails func(run int) bool) []Gap {
	var gs []Gap
	for _, i := range s.ex.recent {
		if fails(i) {
			r := &s.ex.runs[i]
			gs = append(gs, gap(at("runs", i, field), "the exercise %s %s", exerciseName(r.ScenarioTitle, r.ScenarioID, r.Date), what))
		}
	}
	return gs
}
