package scoring

import (
	"slices"

	"drillbook/internal/prose"
	"drillbook/plan"
)

// DefaultReviewInterval is the review interval assumed for PBK-3.3 when a
// playbook sets none (PBK-3.1 reports the missing interval itself).
const DefaultReviewInterval = 365 * plan.Day

func playbookCriteria() []Criterion {
	return []Criterion{
		{
			ID: "PBK-1.1", Dimension: DimPlaybooks, Level: 1,
			Title:          "At least one playbook exists.",
			Missing:        "There are no playbooks.",
			Why:            "Without playbooks, the response depends on who happens to be on call and what they remember.",
			Recommendation: "Write the first playbook for the most likely incident (e.g. \"On-call engineer: service outage\") as steps one person can complete alone.",
			Severity:       SeverityCritical, Effort: EffortMedium,
			check: onePlaybookExists,
		},
		{
			ID: "PBK-2.1", Dimension: DimPlaybooks, Level: 2,
			Title:          "Every playbook has steps.",
			Missing:        "A playbook has no steps.",
			Why:            "A playbook with only a title gives false assurance: it is listed as covering a role and type but tells the responder nothing.",
			Recommendation: "Write the steps as short instructions one person can follow, referring to other playbooks where another role takes over.",
			Severity:       SeverityHigh, Effort: EffortMedium,
			check: everyPlaybookHasSteps,
		},
		{
			ID: "PBK-2.2", Dimension: DimPlaybooks, Level: 2,
			Title:          "Every role responsible (R) for an incident type has a playbook for that type.",
			Missing:        "A role has no playbook for an incident type it responds to.",
			Why:            "A responsible role without a playbook improvises: steps are skipped, evidence is lost and the response differs with whoever is on shift.",
			Recommendation: "Write a playbook for the role and type (e.g. \"On-call engineer: suspected intrusion\"), or change the responsibility if the role does not really respond.",
			Severity:       SeverityHigh, Effort: EffortMedium,
			check: responsibleRolesHavePlaybooks,
		},
		{
			ID: "PBK-2.3", Dimension: DimPlaybooks, Level: 2,
			Title:          "No playbook references a missing playbook.",
			Missing:        "A playbook references a missing playbook.",
			Why:            "A step that says \"now follow the DNS failover playbook\" and leads nowhere stops the responder mid-incident.",
			Recommendation: "Write the missing playbook, or correct the reference to the playbook that replaced it.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: noPlaybookReferencesMissingPlaybook,
		},
		{
			ID: "PBK-2.4", Dimension: DimPlaybooks, Level: 2,
			Title:          "Every playbook has an owner who is a person in the plan.",
			Missing:        "A playbook has no owner.",
			Why:            "Living documents need someone responsible for keeping them current; unowned playbooks go stale.",
			Recommendation: "Set an owner for each playbook: a person in, or managing, the playbook's role.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: playbooksHaveOwner,
		},
		{
			ID: "PBK-2.5", Dimension: DimPlaybooks, Level: 2,
			Title:          "Every playbook names the incident types it is for.",
			Missing:        "A playbook names no incident types.",
			Why:            "Responders find playbooks by incident type; one with no types is never offered and cannot cover a role's responsibility.",
			Recommendation: "Set the incident types each playbook applies to.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: everyPlaybookNamesIncidentTypes,
		},
		{
			ID: "PBK-2.6", Dimension: DimPlaybooks, Level: 2,
			Title:          "Playbooks of roles responsible for an incident type have at least three steps.",
			Missing:        "A responsible role's playbook is a single line.",
			Why:            "A playbook of one or two steps (\"Handle the incident\") restates the role's name: it gives a responder under stress nothing to follow and nothing an exercise can check.",
			Recommendation: "Write the steps one person can complete alone, in order: at least what to check, whom to tell and how to hand over.",
			Severity:       SeverityMedium, Effort: EffortMedium,
			check: responsiblePlaybooksHaveDepth,
		},
		{
			ID: "PBK-3.1", Dimension: DimPlaybooks, Level: 3,
			Title:          "Every playbook has a review interval and a last-reviewed date.",
			Missing:        "A playbook has no review schedule.",
			Why:            "Without a review schedule nobody notices a playbook describing last year's architecture, suppliers or people.",
			Recommendation: "Set a review interval (90–180 days is common, shorter for fast-changing systems) and record the date of the last review.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: playbooksHaveReviewSchedule,
		},
		{
			ID: "PBK-3.2", Dimension: DimPlaybooks, Level: 3,
			Title:          "No playbook is past its review date.",
			Missing:        "A playbook is past its review date.",
			Why:            "An overdue playbook may name people who have left, suppliers you no longer use or commands that no longer work, and that is discovered mid-incident.",
			Recommendation: "Review the playbook with its role holders now, record the review date, and publish a revision if anything changed.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: noPlaybookPastReviewDate,
		},
		{
			ID: "PBK-3.3", Dimension: DimPlaybooks, Level: 3,
			Title:          "Every playbook has a revision published within its last review interval.",
			Missing:        "A playbook has had no revision in its last review interval.",
			Why:            "Reviews that never change anything are often not happening; a playbook unchanged for longer than its own review interval is probably stale, and responders cannot tell it is still current.",
			Recommendation: "Publish a revision after each review, even if it only confirms contacts and links, with a summary of what changed.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: playbooksRevisedWithinInterval,
		},
		{
			ID: "PBK-3.4", Dimension: DimPlaybooks, Level: 3,
			Title:          "Every playbook's working steps are its latest published revision.",
			Missing:        "A playbook has unpublished changes.",
			Why:            "Responders use the published version; unpublished edits mean two versions are in circulation and nobody knows which is right.",
			Recommendation: "Publish a revision containing the current steps, with a summary of what changed.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: workingStepsArePublished,
		},
		{
			ID: "PBK-3.5", Dimension: DimPlaybooks, Level: 3,
			Title:          "Every playbook step has an expected duration.",
			Missing:        "Playbook steps have no expected duration.",
			Why:            "Expected durations let exercises time each step and show where a playbook cannot fit inside the severity targets.",
			Recommendation: "Add an expected duration to each step; if a step regularly takes longer than the targets allow, split or parallelise it.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: stepsHaveDurations,
		},
		exercised("PBK-4.1", DimPlaybooks, "Following playbook steps",
			"Only following a playbook under time pressure shows missing steps, wrong commands and unclear hand-offs.",
			"Have responders follow their playbooks step by step in the next exercise, note every deviation and publish a revision afterwards."),
	}
}

// onePlaybookExists checks PBK-1.1: at least one playbook exists.
func onePlaybookExists(s *state) []Gap {
	return noneIn(s.ws.Playbooks, "playbooks", "the plan has no playbooks")
}

// everyPlaybookHasSteps checks PBK-2.1: every playbook has steps.
func everyPlaybookHasSteps(s *state) []Gap {
	return eachItem(s.ws.Playbooks, "playbooks", func(pb *plan.Playbook, add addGap) {
		if !slices.ContainsFunc(pb.Steps, func(st plan.Step) bool { return !plan.Placeholder(st.Text) }) {
			add("steps", "%s has no steps (placeholder text such as \"TBD\" is not a step)", plan.OrID(pb.Title, pb.ID))
		}
	})
}

// responsibleRolesHavePlaybooks checks PBK-2.2: every role responsible (R) for an incident type has a playbook for that type.
func responsibleRolesHavePlaybooks(s *state) []Gap {
	return eachItem(s.ws.Responsibilities, "responsibilities", func(r *plan.Responsibility, add addGap) {
		if r.RACI != plan.Responsible {
			return
		}
		_, roleOK := s.roles[r.Role]
		_, typeOK := s.types[r.IncidentType]
		if roleOK && typeOK && !s.pbFor[[2]string{r.Role, r.IncidentType}] {
			add("", "%s is Responsible for %s but has no playbook for it", s.roleName(r.Role), s.typeName(r.IncidentType))
		}
	})
}

// noPlaybookReferencesMissingPlaybook checks PBK-2.3: no playbook references a missing playbook.
func noPlaybookReferencesMissingPlaybook(s *state) []Gap {
	return eachItem(s.ws.Playbooks, "playbooks", func(pb *plan.Playbook, add addGap) {
		// Fields are built only for broken references: a large plan has
		// tens of thousands of good ones.
		check := func(field func(j int) string, refs []string) {
			for j, ref := range refs {
				if _, ok := s.playbooks[ref]; !ok && ref != pb.ID {
					add(field(j), "%s refers to playbook %q, which is not in the plan", plan.OrID(pb.Title, pb.ID), ref)
				}
			}
		}
		check(func(j int) string { return at("references", j, "") }, pb.References)
		for k := range pb.Steps {
			check(func(j int) string { return at(at("steps", k, "references"), j, "") }, pb.Steps[k].References)
		}
	})
}

// playbooksHaveOwner checks PBK-2.4: every playbook has an owner who is a person in the plan.
func playbooksHaveOwner(s *state) []Gap {
	return eachItem(s.ws.Playbooks, "playbooks", func(pb *plan.Playbook, add addGap) {
		if _, ok := s.people[pb.Owner]; !ok {
			add("owner", "%s has no owner in the plan", plan.OrID(pb.Title, pb.ID))
		}
	})
}

// everyPlaybookNamesIncidentTypes checks PBK-2.5: every playbook names the incident types it is for.
func everyPlaybookNamesIncidentTypes(s *state) []Gap {
	return eachItem(s.ws.Playbooks, "playbooks", func(pb *plan.Playbook, add addGap) {
		if len(pb.IncidentTypes) == 0 {
			add("incidentTypes", "%s names no incident types", plan.OrID(pb.Title, pb.ID))
		}
	})
}

// playbooksHaveReviewSchedule checks PBK-3.1: every playbook has a review interval and a last-reviewed date.
func playbooksHaveReviewSchedule(s *state) []Gap {
	return eachItem(s.ws.Playbooks, "playbooks", func(pb *plan.Playbook, add addGap) {
		if pb.ReviewInterval <= 0 {
			add("reviewInterval", "%s has no review interval", plan.OrID(pb.Title, pb.ID))
		}
		if pb.LastReviewed.IsZero() {
			add("lastReviewed", "%s has never been reviewed", plan.OrID(pb.Title, pb.ID))
		}
	})
}

// noPlaybookPastReviewDate checks PBK-3.2: no playbook is past its review date.
func noPlaybookPastReviewDate(s *state) []Gap {
	return eachItem(s.ws.Playbooks, "playbooks", func(pb *plan.Playbook, add addGap) {
		if pb.ReviewOverdue(s.today) {
			add("lastReviewed", "%s was due for review on %s (last reviewed %s, every %s)", plan.OrID(pb.Title, pb.ID), pb.ReviewDue(), pb.LastReviewed, pb.ReviewInterval)
		}
	})
}

// playbooksRevisedWithinInterval checks PBK-3.3: every playbook has a revision published within its last review interval.
func playbooksRevisedWithinInterval(s *state) []Gap {
	return eachItem(s.ws.Playbooks, "playbooks", func(pb *plan.Playbook, add addGap) {
		interval := pb.ReviewInterval
		if interval <= 0 {
			interval = DefaultReviewInterval
		}
		from := s.today.Add(-interval)
		latest := plan.Date{}
		number := 0
		for _, r := range pb.Revisions {
			if !s.today.Before(r.Date) && (latest.IsZero() || latest.Before(r.Date)) {
				latest, number = r.Date, r.Number
			}
		}
		switch {
		case latest.IsZero():
			add("revisions", "%s has no published revision", plan.OrID(pb.Title, pb.ID))
		case latest.Before(from):
			add("revisions", "%s's latest revision (%d, %s) is older than its review interval of %s", plan.OrID(pb.Title, pb.ID), number, latest, interval)
		}
	})
}

// workingStepsArePublished checks PBK-3.4: every playbook's working steps are its latest published revision.
func workingStepsArePublished(s *state) []Gap {
	return eachItem(s.ws.Playbooks, "playbooks", func(pb *plan.Playbook, add addGap) {
		cur := pb.CurrentRevision()
		if cur == nil || cur.Steps == nil {
			return // never published (PBK-3.3) or steps not kept
		}
		if !slices.EqualFunc(cur.Steps, pb.Steps, stepEqual) {
			add("steps", "%s's steps differ from its latest revision (%d)", plan.OrID(pb.Title, pb.ID), cur.Number)
		}
	})
}

// stepsHaveDurations checks PBK-3.5: every playbook step has an expected duration.
func stepsHaveDurations(s *state) []Gap {
	return eachItem(s.ws.Playbooks, "playbooks", func(pb *plan.Playbook, add addGap) {
		first, n := -1, 0
		for j, st := range pb.Steps {
			if st.ExpectedDuration <= 0 {
				n++
				if first < 0 {
					first = j
				}
			}
		}
		if n > 0 {
			add(at("steps", first, "expectedDuration"), "%d of %s's %s %s no expected duration", n, plan.OrID(pb.Title, pb.ID), prose.Count(len(pb.Steps), "step", "steps"), prose.Plural(n, "has", "have"))
		}
	})
}

func stepEqual(a, b plan.Step) bool {
	return a.Text == b.Text && a.ExpectedDuration == b.ExpectedDuration && slices.Equal(a.References, b.References)
}

// minPlaybookSteps is the least a responder can follow: check, tell,
// hand over.
const minPlaybookSteps = 3

// responsiblePlaybooksHaveDepth checks PBK-2.6.
func responsiblePlaybooksHaveDepth(s *state) []Gap {
	responsible := s.rolesHolding(plan.Responsible)
	return eachItem(s.ws.Playbooks, "playbooks", func(pb *plan.Playbook, add addGap) {
		if !responsible[pb.Role] {
			return
		}
		n := 0
		for _, st := range pb.Steps {
			if !plan.Placeholder(st.Text) {
				if n++; n == minPlaybookSteps {
					break
				}
			}
		}
		if n > 0 && n < minPlaybookSteps {
			add("steps", "%s has %s", plan.OrID(pb.Title, pb.ID), prose.Count(n, "step", "steps"))
		}
	})
}
