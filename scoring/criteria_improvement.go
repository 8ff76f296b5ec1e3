package scoring

import (
	"slices"
	"strings"

	"drillbook/internal/prose"
	"drillbook/plan"
)

// inWindow reports whether d falls in the 12 months up to today.
func (s *state) inWindow(d plan.Date) bool {
	return !d.IsZero() && !d.Before(s.since) && !s.today.Before(d)
}

// open reports whether an action is still to be done.
func open(a *plan.Action) bool {
	return a.Status == plan.ActionOpen || a.Status == plan.ActionInProgress
}

func improvementCriteria() []Criterion {
	return []Criterion{
		{
			ID: "IMP-1.1", Dimension: DimImprovement, Level: 1,
			Title:          "The plan was improved in the last 12 months: a playbook revision or an improvement action.",
			Missing:        "Nothing in the plan has changed in the last 12 months.",
			Why:            "A plan nobody changes drifts away from the organisation it describes.",
			Recommendation: "Make improvement routine: after each incident and exercise, update the affected playbooks and publish revisions.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: planWasImprovedLast12Months,
		},
		{
			ID: "IMP-2.1", Dimension: DimImprovement, Level: 2,
			Title:          "An improvement plan exists: at least one improvement action is recorded.",
			Missing:        "There is no improvement plan.",
			Why:            "Findings without actions are forgotten; an action list with owners is what turns an assessment into change.",
			Recommendation: "Hold a review after every exercise and assessment that turns each finding into an improvement action with an owner and a due date.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			Remedy: RemedyNone,
			check:  improvementPlanExists,
		},
		{
			ID: "IMP-2.2", Dimension: DimImprovement, Level: 2,
			Title:          "Every open improvement action has an owner and a due date.",
			Missing:        "An open action has no owner or due date.",
			Why:            "An action without an owner is nobody's job; without a due date it is never late, so never chased.",
			Recommendation: "Give each open action an owner (role or person) and a due date.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			Remedy: RemedyNone,
			check:  openActionsOwnedAndDue,
		},
		{
			ID: "IMP-2.3", Dimension: DimImprovement, Level: 2,
			Title:          "Every improvement action is linked to the finding it answers.",
			Missing:        "An action is not linked to a finding.",
			Why:            "The link lets the next assessment show which actions closed which gaps, and which gaps came back.",
			Recommendation: "Record against each improvement action the finding it answers, so the next assessment can show which gaps it closed.",
			Severity:       SeverityLow, Effort: EffortSmall,
			Remedy: RemedyNone,
			check:  actionsLinkedToFindings,
		},
		{
			ID: "IMP-3.1", Dimension: DimImprovement, Level: 3,
			Title:          "No open improvement action is overdue.",
			Missing:        "An improvement action is overdue.",
			Why:            "Overdue actions are risk that nobody agreed to accept.",
			Recommendation: "At the next review, close, re-plan (recording why) or escalate each overdue action.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			Remedy: RemedyNone,
			check:  noOpenImprovementActionOverdue,
		},
		{
			ID: "IMP-3.2", Dimension: DimImprovement, Level: 3,
			Title:          "The plan was assessed in the 12 months before today (not applicable at a first assessment).",
			Missing:        "No earlier assessment in the last 12 months.",
			Why:            "Regular reassessment shows whether actions are moving the levels; without a baseline there is no trend to report.",
			Recommendation: "Store this assessment and repeat it at least yearly, and after major changes or incidents.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: assessedInLastYear,
		},
		{
			ID: "IMP-3.3", Dimension: DimImprovement, Level: 3,
			Title:          "Every current exercise (the latest run of each scenario in the last 12 months) with tasks rated M or U has a follow-up action.",
			Missing:        "Exercise gaps have no follow-up actions.",
			Why:            "Exercise gaps that do not become actions recur in the next exercise, and in the next real incident.",
			Recommendation: "In each exercise debrief, give every task rated M or U an improvement action with an owner and a due date, recorded against its finding.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			Remedy: RemedyNone,
			check:  weakExerciseTasksHaveActions,
		},
		{
			ID: "IMP-4.1", Dimension: DimImprovement, Level: 4,
			Title:          "Every completed action linked to a playbook is backed by a published revision.",
			Missing:        "A playbook action is marked done without a new revision.",
			Why:            "A playbook action marked done with no later revision means the change never reached the version responders use.",
			Recommendation: "Publish the playbook revision that implements the action, or reopen the action.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			Remedy: RemedyNone,
			check:  doneActionsBackedByRevision,
		},
		{
			ID: "IMP-4.2", Dimension: DimImprovement, Level: 4,
			Title:          "Improvements are closed: at least 80% of actions older than 90 days are done or cancelled.",
			Missing:        "Older improvement actions are not being closed.",
			Why:            "Assurance means gaps actually close; an improvement plan that only grows shows lessons are not being absorbed.",
			Recommendation: "Review the improvement plan monthly; finish, or cancel with a reason, actions older than three months.",
			Severity:       SeverityMedium, Effort: EffortMedium,
			Remedy: RemedyNone,
			check:  oldActionsMostlyClosed,
		},
	}
}

// planWasImprovedLast12Months checks IMP-1.1: the plan was improved in the last 12 months: a playbook revision or an improvement action.
func planWasImprovedLast12Months(s *state) []Gap {
	for _, pb := range s.ws.Playbooks {
		for k, r := range pb.Revisions {
			// Republishing the same steps is a review (PBK-3.3), not an
			// improvement.
			if s.inWindow(r.Date) && (k == 0 || !slices.EqualFunc(r.Steps, pb.Revisions[k-1].Steps, stepEqual)) {
				return nil
			}
		}
	}
	for _, a := range s.ws.Actions {
		if s.inWindow(a.Created) {
			return nil
		}
	}
	return []Gap{gap("playbooks", "no playbook revision that changed its steps and no improvement action since %s", s.since)}
}

// improvementPlanExists checks IMP-2.1: an improvement plan exists: at least one improvement action is recorded.
func improvementPlanExists(s *state) []Gap {
	return noneIn(s.ws.Actions, "actions", "no improvement actions are recorded")
}

// openActionsOwnedAndDue checks IMP-2.2: every open improvement action has an owner and a due date.
func openActionsOwnedAndDue(s *state) []Gap {
	return eachItem(s.ws.Actions, "actions", func(a *plan.Action, add addGap) {
		if !open(a) {
			return
		}
		if a.OwnerRole == "" && a.OwnerPerson == "" {
			add("ownerRole", "%s has no owner", actionName(a))
		}
		if a.Due.IsZero() {
			add("due", "%s has no due date", actionName(a))
		}
	})
}

// actionsLinkedToFindings checks IMP-2.3: every improvement action is linked to the finding it answers.
func actionsLinkedToFindings(s *state) []Gap {
	return eachItem(s.ws.Actions, "actions", func(a *plan.Action, add addGap) {
		if plan.Placeholder(a.Finding) && a.Status != plan.ActionCancelled {
			add("finding", "%s is not linked to a finding", actionName(a))
		}
	})
}

// noOpenImprovementActionOverdue checks IMP-3.1: no open improvement action is overdue.
func noOpenImprovementActionOverdue(s *state) []Gap {
	return eachItem(s.ws.Actions, "actions", func(a *plan.Action, add addGap) {
		if Overdue(a, s.today) {
			add("due", "%s was due on %s and is still %s", actionName(a), a.Due, plan.Words(string(a.Status)))
		}
	})
}

// assessedInLastYear checks IMP-3.2: the plan was assessed in the 12 months before today.
func assessedInLastYear(s *state) []Gap {
	// A client's first assessment has no earlier one to compare with:
	// not applicable rather than a gap, or no first assessment could
	// ever reach level 3.
	if !slices.ContainsFunc(s.ws.Assessments, func(r plan.AssessmentRecord) bool { return r.Date.Before(s.today) }) {
		return nil
	}
	for _, r := range s.ws.Assessments {
		if s.inWindow(r.Date) && r.Date.Before(s.today) {
			return nil
		}
	}
	return []Gap{gap("assessments", "no assessment is stored between %s and yesterday", s.since)}
}

// weakExerciseTasksHaveActions checks IMP-3.3: every current exercise (the latest run of each scenario in the last 12 months) with tasks rated M or U has a follow-up action.
func weakExerciseTasksHaveActions(s *state) []Gap {
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
		if !slices.ContainsFunc(s.ws.Actions, func(a plan.Action) bool { return strings.HasPrefix(a.Finding, prefix) }) {
			gs = append(gs, gap(r.Path, "the exercise %s had %s rated M or U and no action is linked to them", exerciseName(r.ScenarioTitle, r.ScenarioID, r.Date), prose.Count(weak, "task", "tasks")))
		}
	}
	return gs
}

// doneActionsBackedByRevision checks IMP-4.1: every completed action linked to a playbook is backed by a published revision.
func doneActionsBackedByRevision(s *state) []Gap {
	return eachItem(s.ws.Actions, "actions", func(a *plan.Action, add addGap) {
		if a.Status != plan.ActionDone || a.Playbook == "" {
			return
		}
		if pi, ok := s.playbooks[a.Playbook]; !ok || revisionFor(&s.ws.Playbooks[pi], a) == nil {
			add("addressedByRevision", "%s is done but no revision of %s addresses it", actionName(a), s.playbookName(a.Playbook))
		}
	})
}

// oldActionsMostlyClosed checks IMP-4.2: improvements are closed: at least 80% of actions older than 90 days are done or cancelled.
func oldActionsMostlyClosed(s *state) []Gap {
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
	return gapIf(old > 0 && float64(closed) < ClosureRate*float64(old), "actions", "only %d of %s created before %s %s closed", closed, prose.Count(old, "action", "actions"), cutoff, prose.Plural(old, "is", "are"))
}
