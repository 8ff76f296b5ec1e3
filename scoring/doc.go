// Package scoring turns a workspace (the plan, its exercise runs, N/A marks
// and improvement actions) into an Assessment: a maturity level 0–4 per
// dimension with the evidence behind it, ranked findings with
// recommendations, proposed improvement actions, an overall readiness tier
// and a trend index. It is pure Go with no GUI dependency, and Assess is
// deterministic for a given workspace and day.
//
// # Levels
//
// Each of the twelve dimensions (Dimensions) has written definitions for
// levels 0 absent · 1 ad hoc · 2 documented · 3 formalised · 4 assured, and
// a catalogue of criteria (Criteria), each pinned to one level. Levels are
// cumulative: a dimension reaches level L only when every criterion at
// levels 1…L holds. Progress, for charts, is the achieved level plus the
// fraction of the next level's criteria that pass.
//
// # Not applicable
//
// A criterion can be marked N/A with a reason (plan.NotApplicable). An N/A
// mark takes a failing criterion out of the counts (its level's
// denominator) so it no longer blocks the level. A criterion that passes
// anyway keeps counting as passing, so an N/A mark can never lower a
// score. Marks without a reason, or naming unknown criteria, are ignored
// and reported in Assessment.Notes.
//
// # Exercises
//
// Every task of a run (plan.Run.Tasks: scenario expectations and plan
// timers) is a critical task scored by completion × timeliness, where
// timeliness is target ÷ actual capped at 1 (target = Deadline − Start,
// actual = MetAt − Start). Scores are banded P/S/M/U with the published
// thresholds ThresholdP, ThresholdS and ThresholdM. Missed tasks score 0
// (U); not-needed tasks, and pending ones whose deadline had not come when
// the run ended, are left out. Each task tests the
// dimension its kind routes to (DimensionForTaskKind).
//
// Only runs started in the twelve months up to the assessment day count
// (RecentWindow). For each dimension, its rating is taken from the most
// recent such run that tested it, so a team is judged on its latest
// performance: a rating of M caps the dimension at level 2 and U at level 1.
// Level 4 of any dimension also needs at least one run in the window rated
// P or S overall.
//
// # Overall
//
// The readiness tier (None, Basic, Intermediate, Advanced) is reached only
// when every dimension reaches the tier's minimum level (the minimum rule);
// the dimensions holding it back are named. The index (0–100) is the mean
// progress ÷ 4 × 100, for trends only: it never replaces the tier.
//
// # Improvement actions
//
// ProposeActions drafts the actions still to add for an assessment's
// findings: one per remedy (and playbook), none for a finding that already
// has an open action or whose action the team cancelled (until the finding
// comes back), again for one marked done that is still failing. ActionFor
// drafts the action for one finding on request.
//
// # Where things are
//
// criteria_<dimension>.go holds each dimension's criteria, every check a
// named function written with the helpers in criteria_helpers.go (walk a
// plan list and add a gap at a field of each item that fails, or one gap
// for the whole plan); state.go the indexes the checks read. assess.go
// scores (Assess, NextLevel); assessment.go and validation.go are the
// result and its validation status; exercise*.go and findings_exercise.go
// score runs; actions.go proposes improvement actions; record.go stores
// snapshots, compares them and keeps N/A marks.
package scoring
