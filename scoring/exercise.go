package scoring

import (
	"math"
	"sort"

	"drillbook/plan"
)

// Rating is an HSEEP performance rating of a critical task, a dimension in
// one run, or a whole run.
type Rating string

// HSEEP ratings.
const (
	// RatingP: performed without challenges.
	RatingP Rating = "P"
	// RatingS: performed with some challenges.
	RatingS Rating = "S"
	// RatingM: performed with major challenges.
	RatingM Rating = "M"
	// RatingU: unable to be performed.
	RatingU Rating = "U"
)

// Published thresholds on a task score (completion × timeliness, 0–1). A
// score of at least ThresholdP is rated P, at least ThresholdS is S, at
// least ThresholdM is M, and anything lower is U. A missed task scores 0
// and is always U. A pending task (its deadline had not come when the run
// ended) is not scored: the team never had the chance to meet it.
const (
	// ThresholdP: a task done on time, or at most about 11% over its
	// target (target ÷ actual ≥ 0.9).
	ThresholdP = 0.9
	// ThresholdS: done late by up to about 43% of its target.
	ThresholdS = 0.7
	// ThresholdM: done, but taking up to 2.5 times its target.
	ThresholdM = 0.4
)

// LateWithoutTime is the timeliness given to a task recorded as late with
// no time of completion: halfway, an M.
const LateWithoutTime = 0.5

// RecentWindow is how far back exercise runs count, in months before the
// assessment day: for caps, for the level-4 requirement and for findings.
const RecentWindow = 12

// RatingFor bands a score with the published thresholds.
func RatingFor(score float64) Rating {
	switch {
	case score >= ThresholdP:
		return RatingP
	case score >= ThresholdS:
		return RatingS
	case score >= ThresholdM:
		return RatingM
	default:
		return RatingU
	}
}

// Good reports whether the rating is P or S, the ratings level 4 needs.
func (r Rating) Good() bool { return r == RatingP || r == RatingS }

// Cap is the highest level a dimension rated r can reach: 2 for M, 1 for
// U, otherwise 4.
func (r Rating) Cap() int {
	switch r {
	case RatingM:
		return 2
	case RatingU:
		return 1
	default:
		return 4
	}
}

// String returns the letter, or "–" for an unrated result.
func (r Rating) String() string {
	if r == "" {
		return "–"
	}
	return string(r)
}

// taskRoutes maps task kinds (scenario expectation kinds and plan timer
// kinds) to the dimension they test.
var taskRoutes = map[string]DimensionID{
	"escalate":                DimEscalation,
	"escalation-rule":         DimEscalation,
	"notify-stakeholder":      DimComms,
	"first-update":            DimComms,
	"update-cadence":          DimComms,
	"stakeholder-update":      DimComms,
	"contact-third-party":     DimThirdParties,
	"acknowledge":             DimCover,
	"on-call-not-reached":     DimCover,
	"complete-playbook-step":  DimPlaybooks,
	"report-to-regulator":     DimRegulatory,
	"report-deadline":         DimRegulatory,
	"set-severity":            DimSeverity,
	"declare-incident":        DimTriage,
	"assign-incident-manager": DimRoles,
	"decide":                  DimExercise,
}

// DimensionForTaskKind returns the dimension a task of the kind tests:
// escalations → escalation; stakeholder notifications and update timers →
// communications; contacting a supplier → third parties; acknowledging a
// page → cover & on-call; playbook steps → playbooks; regulator reports and
// deadlines → regulatory reporting; setting severity → severity model;
// declaring → reporting & triage; assigning an incident manager → roles;
// decisions, resolve timers and any other kind → exercise performance.
func DimensionForTaskKind(kind string) DimensionID {
	if d, ok := taskRoutes[kind]; ok {
		return d
	}
	return DimExercise
}

// kindsFor lists the task kinds routed to a dimension, for messages.
func kindsFor(d DimensionID) []string {
	var out []string
	for k, v := range taskRoutes {
		if v == d {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// TaskResult is one scored critical task of a run.
type TaskResult struct {
	Task      plan.Task
	Path      string // e.g. "runs[3].tasks[5]"
	Dimension DimensionID
	// Excluded is true for not-needed and pending tasks, which are not scored.
	Excluded   bool
	Completion float64 // 1 when done (on time or late), 0 when not
	Timeliness float64 // target ÷ actual, capped at 1
	Score      float64 // Completion × Timeliness
	Rating     Rating  // "" when excluded
	// Unreached explains why a task recorded as done counts as missed:
	// the escalation went to a role with nobody in it, or the supplier has
	// no way to be reached.
	Unreached string
	// Implausible explains why the task cannot be rated P: the plan
	// target it was measured against is not a real target.
	Implausible string
}

// DimensionRating is how one dimension's tasks went in one run.
type DimensionRating struct {
	Dimension DimensionID
	RunID     string
	RunPath   string
	// ScenarioTitle names the run for readers (RunID is for links).
	ScenarioTitle string
	Date          plan.Date
	Score         float64 // weighted mean of the task scores
	Rating        Rating
	Tasks         int // scored tasks
}

// RunResult is one exercise run's scoring.
type RunResult struct {
	RunID, ScenarioID, ScenarioTitle string
	Path                             string // "runs[i]"
	Date                             plan.Date
	// Recent is true when the run started within RecentWindow months up to
	// the assessment day; only recent runs cap levels or give findings.
	Recent bool
	Score  float64
	// Rating is the run's overall rating: the band of the weighted mean
	// task score, lowered from P to S when any task was U. "" when no task
	// could be scored.
	Rating     Rating
	Tasks      []TaskResult
	Dimensions []DimensionRating // dimensions the run tested, in display order
}

// ScoreTask scores one task: completion × timeliness, where timeliness is
// target ÷ actual capped at 1 (target = Deadline − Start, actual = MetAt −
// Start). Not-needed tasks and pending ones (deadline after the end of the
// run) are excluded; missed and unknown statuses score 0.
func ScoreTask(t plan.Task) TaskResult {
	r := TaskResult{Task: t, Dimension: DimensionForTaskKind(t.Kind)}
	switch t.Status {
	case plan.TaskNotNeeded, plan.TaskPending:
		r.Excluded = true
		return r
	case plan.TaskMet, plan.TaskLate:
		r.Completion = 1
		switch {
		case t.MetAt != nil:
			r.Timeliness = timeliness(t.Deadline-t.Start, *t.MetAt-t.Start)
		case t.Status == plan.TaskLate:
			r.Timeliness = LateWithoutTime
		default:
			r.Timeliness = 1
		}
	}
	r.Score = r.Completion * r.Timeliness
	r.Rating = RatingFor(r.Score)
	return r
}

func timeliness(target, actual plan.Duration) float64 {
	switch {
	case actual <= target || actual <= 0:
		return 1
	case target <= 0:
		return 0
	}
	return math.Min(1, float64(target)/float64(actual))
}

// aggregate combines task results: weighted mean score (weights ≤ 0 count
// as 1), banded, with P lowered to S when any task was U.
func aggregate(tasks []TaskResult, keep func(*TaskResult) bool) (score float64, rating Rating, n int) {
	var sum, wsum float64
	anyU := false
	for i := range tasks {
		t := &tasks[i]
		if t.Excluded || !keep(t) {
			continue
		}
		w := t.Task.Weight
		if !(w > 0) || math.IsInf(w, 0) {
			w = 1
		}
		sum += w * t.Score
		wsum += w
		n++
		anyU = anyU || t.Rating == RatingU
	}
	if n == 0 {
		return 0, "", 0
	}
	score = sum / wsum
	rating = RatingFor(score)
	if rating == RatingP && anyU {
		rating = RatingS
	}
	return score, rating, n
}

// exercises is the evaluation of all runs for one assessment.
type exercises struct {
	runs   []RunResult
	recent []int // indexes into runs of recent runs, newest first
	// current holds the recent runs not superseded by a later run of the
	// same scenario, newest first.
	current []int
	// latest holds, per dimension, its rating in the most recent recent
	// run that tested it.
	latest map[DimensionID]*DimensionRating
	// newestRated is the newest recent run with a rating, or -1.
	newestRated int
	// good is the newest recent run rated P or S, or -1.
	good int
}

// clinical says whether clinical safety applies to the organisation: if not,
// a scenario's clinical-safety expectations test nothing it has and are not
// scored.
func evaluateRuns(s *state) *exercises {
	ws, today, since, clinical := s.ws, s.today, s.since, s.clinical
	ex := &exercises{runs: make([]RunResult, len(ws.Runs)), latest: map[DimensionID]*DimensionRating{}, newestRated: -1, good: -1}
	for i := range ws.Runs {
		run := &ws.Runs[i]
		rr := RunResult{RunID: run.ID, ScenarioID: run.ScenarioID, ScenarioTitle: run.ScenarioTitle, Path: at("runs", i, "")}
		if !run.Started.IsZero() {
			rr.Date = plan.DateOf(run.Started)
			rr.Recent = !rr.Date.Before(since) && !today.Before(rr.Date)
		}
		rr.Tasks = make([]TaskResult, len(run.Tasks))
		tested := map[DimensionID]bool{}
		for j, t := range run.Tasks {
			tr := ScoreTask(t)
			if !clinical && t.Source == plan.SourceScenario && plan.ClinicalRef(t.Target) {
				tr = TaskResult{Task: t, Dimension: tr.Dimension, Excluded: true}
			}
			judgeAgainstPlan(s, run, &tr)
			tr.Path = at(rr.Path+".tasks", j, "")
			rr.Tasks[j] = tr
			if !tr.Excluded {
				tested[tr.Dimension] = true
			}
		}
		rr.Score, rr.Rating, _ = aggregate(rr.Tasks, func(*TaskResult) bool { return true })
		for _, d := range dimensions {
			if !tested[d.ID] {
				continue
			}
			score, rating, n := aggregate(rr.Tasks, func(t *TaskResult) bool { return t.Dimension == d.ID })
			rr.Dimensions = append(rr.Dimensions, DimensionRating{Dimension: d.ID, RunID: rr.RunID, RunPath: rr.Path, ScenarioTitle: rr.ScenarioTitle, Date: rr.Date, Score: score, Rating: rating, Tasks: n})
		}
		ex.runs[i] = rr
		if rr.Recent {
			ex.recent = append(ex.recent, i)
		}
	}
	sort.SliceStable(ex.recent, func(a, b int) bool {
		ra, rb := &ws.Runs[ex.recent[a]], &ws.Runs[ex.recent[b]]
		if !ra.Started.Equal(rb.Started) {
			return ra.Started.After(rb.Started)
		}
		return ex.recent[a] > ex.recent[b]
	})
	played := map[string]bool{}
	for _, i := range ex.recent {
		rr := &ex.runs[i]
		key := rr.ScenarioID
		if key == "" {
			key = "run:" + rr.RunID
		}
		if !played[key] {
			played[key] = true
			ex.current = append(ex.current, i)
		}
		if rr.Rating != "" && ex.newestRated < 0 {
			ex.newestRated = i
		}
		if rr.Rating.Good() && ex.good < 0 {
			ex.good = i
		}
		for k := range rr.Dimensions {
			d := &rr.Dimensions[k]
			if ex.latest[d.Dimension] == nil {
				ex.latest[d.Dimension] = d
			}
		}
	}
	return ex
}
