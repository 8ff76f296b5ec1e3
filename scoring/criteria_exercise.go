package scoring

import (
	"strings"

	"drillbook/plan"
)

// Criteria for exercising the plan and improving it.

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
			check: func(s *state) []Gap {
				if len(s.ws.Runs) == 0 {
					return []Gap{gap("runs", "no exercise run is recorded")}
				}
				return nil
			},
		},
		{
			ID: "EXR-2.1", Dimension: DimExercise, Level: 2,
			Title:          "An exercise was run in the last 12 months.",
			Missing:        "No exercise in the last 12 months.",
			Why:            "People, suppliers and systems change within a year; an older exercise says little about today's readiness.",
			Recommendation: "Hold at least one exercise a year, ideally one a quarter, rotating scenarios across incident types.",
			Severity:       SeverityHigh, Effort: EffortMedium,
			check: func(s *state) []Gap {
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
			},
		},
		{
			ID: "EXR-2.2", Dimension: DimExercise, Level: 2,
			Title:          "The latest exercise bound every scenario reference to the plan.",
			Missing:        "The latest exercise found parts of the scenario with nobody in the plan.",
			Why:            "An unbound reference (\"the DNS provider\", \"the regulator reporter\") means the scenario found no one in the plan for that part; a real incident would find the same gap.",
			Recommendation: "Add the missing role, supplier, stakeholder or obligation named in each binding gap, then re-run the scenario.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				if len(s.ex.recent) == 0 {
					return nil // EXR-2.1
				}
				i := s.ex.recent[0]
				var gs []Gap
				for j, b := range s.ws.Runs[i].Bindings {
					if b.Gap != "" {
						gs = append(gs, gap(at(at("runs", i, "bindings"), j, ""), "%s could not be bound: %s", b.Ref, b.Gap))
					}
				}
				return gs
			},
		},
		{
			ID: "EXR-2.3", Dimension: DimExercise, Level: 2,
			Title:          "Every exercise in the last 12 months recorded scored critical tasks.",
			Missing:        "An exercise recorded no scored tasks.",
			Why:            "Without scored tasks there is evidence that the team met, not of how it performed.",
			Recommendation: "Run exercises through the exercise engine (or record expectations and timers) so each critical task is timed and rated.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for _, i := range s.ex.recent {
					if s.ex.runs[i].Rating == "" {
						gs = append(gs, gap(at("runs", i, "tasks"), "run %s on %s has no scored tasks", s.ex.runs[i].RunID, s.ex.runs[i].Date))
					}
				}
				return gs
			},
		},
		{
			ID: "EXR-3.1", Dimension: DimExercise, Level: 3,
			Title:          "The latest scored exercise was not rated U.",
			Missing:        "The latest exercise was rated U (unable to perform).",
			Why:            "A U rating means the team could not perform its critical tasks; until a re-run shows otherwise, the plan does not work in practice.",
			Recommendation: "Work through the U-rated tasks' findings, fix the plan or the training, and re-run the same scenario within three months.",
			Severity:       SeverityHigh, Effort: EffortMedium,
			check: func(s *state) []Gap {
				if i := s.ex.newestRated; i >= 0 && s.ex.runs[i].Rating == RatingU {
					r := s.ex.runs[i]
					return []Gap{gap(r.Path, "run %s on %s was rated U (score %.2f)", r.RunID, r.Date, r.Score)}
				}
				return nil
			},
		},
		{
			ID: "EXR-3.2", Dimension: DimExercise, Level: 3,
			Title:          "Every exercise in the last 12 months has a recorded hot wash.",
			Missing:        "An exercise has no recorded hot wash.",
			Why:            "The hot wash captures what participants saw while it is fresh; it is the main source of improvement actions.",
			Recommendation: "End every exercise with 15 minutes of hot-wash questions and record the answers.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for _, i := range s.ex.recent {
					if len(s.ws.Runs[i].Hotwash) == 0 {
						gs = append(gs, gap(at("runs", i, "hotwash"), "run %s on %s has no hot-wash notes", s.ex.runs[i].RunID, s.ex.runs[i].Date))
					}
				}
				return gs
			},
		},
		{
			ID: "EXR-3.3", Dimension: DimExercise, Level: 3,
			Title:          "At least two exercises were run in the last 12 months.",
			Missing:        "Exercises are not regular.",
			Why:            "A yearly exercise leaves most of the rota unpractised; two or more a year keep skills and contacts current.",
			Recommendation: "Set an exercise calendar of at least two a year, with different people on the rota each time.",
			Severity:       SeverityMedium, Effort: EffortMedium,
			check: func(s *state) []Gap {
				if n := len(s.ex.recent); n < 2 {
					return []Gap{gap("runs", "%d exercises since %s; at least 2 are needed", n, s.since)}
				}
				return nil
			},
		},
		{
			ID: "EXR-4.1", Dimension: DimExercise, Level: 4,
			Title:          "The latest scored exercise was rated P or S.",
			Missing:        "The latest exercise was not rated P or S.",
			Why:            "Assurance means the plan has recently been shown to work: performed without, or with only some, challenges.",
			Recommendation: "Close the latest exercise's findings and re-run it; aim for P or S on every critical task.",
			Severity:       SeverityMedium, Effort: EffortMedium,
			check: func(s *state) []Gap {
				i := s.ex.newestRated
				if i < 0 {
					return []Gap{gap("runs", "no scored exercise since %s", s.since)}
				}
				if r := s.ex.runs[i]; !r.Rating.Good() {
					return []Gap{gap(r.Path, "run %s on %s was rated %s (score %.2f)", r.RunID, r.Date, r.Rating, r.Score)}
				}
				return nil
			},
		},
		{
			ID: "EXR-4.2", Dimension: DimExercise, Level: 4,
			Title:          "The latest exercise had no decision graded poor.",
			Missing:        "A decision in the latest exercise was graded poor.",
			Why:            "A poor decision in an exercise (waiting on a supplier instead of failing over, staying silent to customers) usually reflects a gap in a playbook or in authority, not just the individual.",
			Recommendation: "Discuss each poor decision in the hot wash and record what guidance or authority would have led to the better option; update the playbook.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: func(s *state) []Gap {
				if len(s.ex.recent) == 0 {
					return []Gap{gap("runs", "no exercise since %s", s.since)}
				}
				i := s.ex.recent[0]
				var gs []Gap
				for j, d := range s.ws.Runs[i].Decisions {
					if d.Grade == "poor" {
						gs = append(gs, gap(at(at("runs", i, "decisions"), j, ""), "%q: the team chose %q, graded poor", d.Prompt, d.Choice))
					}
				}
				return gs
			},
		},
	}
}

// inWindow reports whether d falls in the 12 months up to today.
func (s *state) inWindow(d plan.Date) bool {
	return !d.IsZero() && !d.Before(s.since) && !s.today.Before(d)
}

func improvementCriteria() []Criterion {
	open := func(a *plan.Action) bool { return a.Status == plan.ActionOpen || a.Status == plan.ActionInProgress }
	return []Criterion{
		{
			ID: "IMP-1.1", Dimension: DimImprovement, Level: 1,
			Title:          "The plan was improved in the last 12 months: a playbook revision or an improvement action.",
			Missing:        "Nothing in the plan has changed in the last 12 months.",
			Why:            "A plan nobody changes drifts away from the organisation it describes.",
			Recommendation: "Make improvement routine: after each incident and exercise, update the affected playbooks and publish revisions.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				for _, pb := range s.ws.Playbooks {
					for _, r := range pb.Revisions {
						if s.inWindow(r.Date) {
							return nil
						}
					}
				}
				for _, a := range s.ws.Actions {
					if s.inWindow(a.Created) {
						return nil
					}
				}
				return []Gap{gap("playbooks", "no playbook revision or improvement action since %s", s.since)}
			},
		},
		{
			ID: "IMP-2.1", Dimension: DimImprovement, Level: 2,
			Title:          "An improvement plan exists: at least one improvement action is recorded.",
			Missing:        "There is no improvement plan.",
			Why:            "Findings without actions are forgotten; an action list with owners is what turns an assessment into change.",
			Recommendation: "Create actions from this assessment's findings (Drillbook proposes them) and agree owners and due dates.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				if len(s.ws.Actions) == 0 {
					return []Gap{gap("actions", "no improvement actions are recorded")}
				}
				return nil
			},
		},
		{
			ID: "IMP-2.2", Dimension: DimImprovement, Level: 2,
			Title:          "Every open improvement action has an owner and a due date.",
			Missing:        "An open action has no owner or due date.",
			Why:            "An action without an owner is nobody's job; without a due date it is never late, so never chased.",
			Recommendation: "Give each open action an owner (role or person) and a due date.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i := range s.ws.Actions {
					a := &s.ws.Actions[i]
					if !open(a) {
						continue
					}
					if a.OwnerRole == "" && a.OwnerPerson == "" {
						gs = append(gs, gap(at("actions", i, "ownerRole"), "action %s has no owner", a.ID))
					}
					if a.Due.IsZero() {
						gs = append(gs, gap(at("actions", i, "due"), "action %s has no due date", a.ID))
					}
				}
				return gs
			},
		},
		{
			ID: "IMP-2.3", Dimension: DimImprovement, Level: 2,
			Title:          "Every improvement action is linked to the finding it answers.",
			Missing:        "An action is not linked to a finding.",
			Why:            "The link lets the next assessment show which actions closed which gaps, and which gaps came back.",
			Recommendation: "Link each action to its finding ID (criterion, RUN- or BIND- finding).",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, a := range s.ws.Actions {
					if blank(a.Finding) && a.Status != plan.ActionCancelled {
						gs = append(gs, gap(at("actions", i, "finding"), "action %s is not linked to a finding", a.ID))
					}
				}
				return gs
			},
		},
		{
			ID: "IMP-3.1", Dimension: DimImprovement, Level: 3,
			Title:          "No open improvement action is overdue.",
			Missing:        "An improvement action is overdue.",
			Why:            "Overdue actions are risk that nobody agreed to accept.",
			Recommendation: "At the next review, close, re-plan (recording why) or escalate each overdue action.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i := range s.ws.Actions {
					a := &s.ws.Actions[i]
					if open(a) && !a.Due.IsZero() && a.Due.Before(s.today) {
						gs = append(gs, gap(at("actions", i, "due"), "action %s was due on %s and is still %s", a.ID, a.Due, a.Status))
					}
				}
				return gs
			},
		},
		{
			ID: "IMP-3.2", Dimension: DimImprovement, Level: 3,
			Title:          "The plan was assessed in the 12 months before today.",
			Missing:        "No earlier assessment in the last 12 months.",
			Why:            "Regular reassessment shows whether actions are moving the levels; without a baseline there is no trend to report.",
			Recommendation: "Store this assessment and repeat it at least yearly, and after major changes or incidents.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				for _, r := range s.ws.Assessments {
					if s.inWindow(r.Date) && r.Date.Before(s.today) {
						return nil
					}
				}
				return []Gap{gap("assessments", "no assessment is stored between %s and yesterday", s.since)}
			},
		},
		{
			ID: "IMP-3.3", Dimension: DimImprovement, Level: 3,
			Title:          "Every current exercise (the latest run of each scenario in the last 12 months) with tasks rated M or U has a follow-up action.",
			Missing:        "Exercise gaps have no follow-up actions.",
			Why:            "Exercise gaps that do not become actions recur in the next exercise, and in the next real incident.",
			Recommendation: "Create an action for each M- or U-rated task (Drillbook proposes them), linked to its RUN finding.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for _, i := range s.ex.current {
					r := &s.ex.runs[i]
					weak := 0
					for _, t := range r.Tasks {
						if t.Rating == RatingM || t.Rating == RatingU {
							weak++
						}
					}
					if weak == 0 {
						continue
					}
					prefix := "RUN-" + r.RunID + "-"
					followed := false
					for _, a := range s.ws.Actions {
						if strings.HasPrefix(a.Finding, prefix) {
							followed = true
							break
						}
					}
					if !followed {
						gs = append(gs, gap(r.Path, "run %s on %s had %d tasks rated M or U and no action is linked to them", r.RunID, r.Date, weak))
					}
				}
				return gs
			},
		},
		{
			ID: "IMP-4.1", Dimension: DimImprovement, Level: 4,
			Title:          "Every completed action linked to a playbook is backed by a published revision.",
			Missing:        "A playbook action is marked done without a new revision.",
			Why:            "A playbook action marked done with no later revision means the change never reached the version responders use.",
			Recommendation: "Publish the playbook revision that implements the action, or reopen the action.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i := range s.ws.Actions {
					a := &s.ws.Actions[i]
					if a.Status != plan.ActionDone || a.Playbook == "" {
						continue
					}
					if pi, ok := s.playbooks[a.Playbook]; ok && revisionFor(&s.ws.Playbooks[pi], a) != nil {
						continue
					}
					gs = append(gs, gap(at("actions", i, "addressedByRevision"), "action %s is done but no revision of %s addresses it", a.ID, a.Playbook))
				}
				return gs
			},
		},
		{
			ID: "IMP-4.2", Dimension: DimImprovement, Level: 4,
			Title:          "Improvements are closed: at least 80% of actions older than 90 days are done or cancelled.",
			Missing:        "Older improvement actions are not being closed.",
			Why:            "Assurance means gaps actually close; an improvement plan that only grows shows lessons are not being absorbed.",
			Recommendation: "Review the improvement plan monthly; finish, or cancel with a reason, actions older than three months.",
			Severity:       SeverityMedium, Effort: EffortMedium,
			check: func(s *state) []Gap {
				cutoff := s.today.Add(-ClosureAge)
				old, closed := 0, 0
				for _, a := range s.ws.Actions {
					if a.Created.IsZero() || !a.Created.Before(cutoff) {
						continue
					}
					old++
					if a.Status.Closed() {
						closed++
					}
				}
				if old > 0 && float64(closed) < ClosureRate*float64(old) {
					return []Gap{gap("actions", "only %d of %d actions created before %s are closed", closed, old, cutoff)}
				}
				return nil
			},
		},
	}
}
