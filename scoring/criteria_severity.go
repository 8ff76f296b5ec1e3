package scoring

import (
	"slices"
	"strings"

	"drillbook/plan"
)

var targetNames = [4]string{"acknowledge", "firstUpdate", "updateCadence", "resolve"}

func targetValues(t plan.Targets) [4]plan.Duration {
	return [4]plan.Duration{t.Acknowledge, t.FirstUpdate, t.UpdateCadence, t.Resolve}
}

func severityCriteria() []Criterion {
	return []Criterion{
		{
			ID: "SEV-1.1", Dimension: DimSeverity, Level: 1,
			Title:          "At least one severity level is defined.",
			Missing:        "No severity levels are defined.",
			Why:            "Severity decides how fast everyone moves and who is woken; without it every incident is either a crisis or nothing.",
			Recommendation: "Define three or four levels (1 = most severe) with a one-line definition each, e.g. Critical, Major, Moderate, Minor.",
			Severity:       SeverityCritical, Effort: EffortSmall,
			check: oneSeverityLevelDefined,
		},
		{
			ID: "SEV-2.1", Dimension: DimSeverity, Level: 2,
			Title:          "Every severity level has acknowledge and resolve targets.",
			Missing:        "A severity has no targets.",
			Why:            "Targets are what escalation timers and exercises measure against: a level without them cannot be escalated on time or scored, and customers cannot be told what to expect.",
			Recommendation: "Set at least an acknowledge and a resolve target for each level (for example Sev 1: 5 minutes and 4 hours).",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: severitiesHaveAckAndResolve,
		},
		{
			ID: "SEV-2.2", Dimension: DimSeverity, Level: 2,
			Title:          "Every severity level has a definition.",
			Missing:        "A severity level has no definition.",
			Why:            "Triage picks a severity by comparing what it sees with the definitions; without them the same outage is graded 1 by one person and 3 by another.",
			Recommendation: "Define each level by impact: who is affected, which journeys fail, and whether people, data or money are at risk.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: everySeverityLevelHasDefinition,
		},
		{
			ID: "SEV-2.3", Dimension: DimSeverity, Level: 2,
			Title:          "There are at least two severity levels, numbered 1…n without gaps.",
			Missing:        "The severity scale is too short or has gaps.",
			Why:            "One level cannot separate \"wake people up\" from \"deal with it tomorrow\"; gaps in the numbering confuse escalation rules, obligations and reports that name levels.",
			Recommendation: "Number the levels 1 (most severe) to n without gaps; three or four levels suit most teams.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: severityLevelsNumberedWithoutGaps,
		},
		{
			ID: "SEV-2.4", Dimension: DimSeverity, Level: 2,
			Title:          "Severity targets are plausible: the most severe level acknowledged within an hour under 24/7 cover (a working day otherwise), the next level within a day under 24/7 cover, and resolve targets between 15 minutes and 90 days.",
			Missing:        "A severity target is not a real target.",
			Why:            "A team that promises 24/7 cover but gives itself a day to acknowledge its worst incidents has no real target: every escalation and exercise timer built on it measures nothing.",
			Recommendation: "Set the top severity's acknowledge target to what the rota can really do, typically 5–15 minutes under 24/7 cover.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: topAcknowledgePlausible,
		},
		{
			ID: "SEV-3.1", Dimension: DimSeverity, Level: 3,
			Title:          "Every severity level has all four targets: acknowledge, first update, update cadence and resolve (levels at which no stakeholder is updated need only acknowledge and resolve).",
			Missing:        "A severity level is missing response targets.",
			Why:            "The first update and cadence targets drive the stakeholder timers in exercises and tell the comms lead when the next update is due; without them updates slip silently.",
			Recommendation: "Add the missing targets; a common pattern is a first update at two to three times the acknowledge target and a 30-minute cadence at Sev 1.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: severitiesHaveAllTargets,
		},
		{
			ID: "SEV-3.2", Dimension: DimSeverity, Level: 3,
			Title:          "Targets tighten as severity rises: a more severe level never has a slower target.",
			Missing:        "A more severe level has a slower target than a less severe one.",
			Why:            "If Sev 1 may be acknowledged more slowly than Sev 2, responders and escalation timers get contradictory instructions and raising the severity can slow the response.",
			Recommendation: "Make each target no longer than the same target at the next, less severe level.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: targetsTightenWithSeverity,
		},
		{
			ID: "SEV-3.3", Dimension: DimSeverity, Level: 3,
			Title:          "Every severity level has examples.",
			Missing:        "A severity level has no examples.",
			Why:            "Examples anchor the definitions in the product's own terms, which is what people reach for at 3 a.m.",
			Recommendation: "Add two or three examples per level, taken from your own incidents where possible.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: everySeverityLevelHasExamples,
		},
		exercised("SEV-4.1", DimSeverity, "Setting the severity",
			"Severity set too low delays escalation and regulatory clocks; only an exercise shows whether the team applies the definitions under pressure and re-grades as the picture changes.",
			"Include re-grading injects (impact growing, a data angle appearing) in the next exercise, and sharpen the definitions where the team hesitated."),
	}
}

// oneSeverityLevelDefined checks SEV-1.1: at least one severity level is defined.
func oneSeverityLevelDefined(s *state) []Gap {
	return noneIn(s.ws.Severities, "severities", "the plan has no severity levels")
}

// severitiesHaveAckAndResolve checks SEV-2.1: every severity level has acknowledge and resolve targets.
func severitiesHaveAckAndResolve(s *state) []Gap {
	return eachItem(s.ws.Severities, "severities", func(sv *plan.Severity, add addGap) {
		var missing []string
		if sv.Targets.Acknowledge <= 0 {
			missing = append(missing, "acknowledge")
		}
		if sv.Targets.Resolve <= 0 {
			missing = append(missing, "resolve")
		}
		if len(missing) > 0 {
			add("targets", "Sev %d (%s) has no %s target", sv.Level, sv.Name, strings.Join(missing, " or "))
		}
	})
}

// everySeverityLevelHasDefinition checks SEV-2.2: every severity level has a definition.
func everySeverityLevelHasDefinition(s *state) []Gap {
	return eachItem(s.ws.Severities, "severities", func(sv *plan.Severity, add addGap) {
		if plan.Placeholder(sv.Definition) {
			add("definition", "Sev %d (%s) has no definition", sv.Level, sv.Name)
		}
	})
}

// severityLevelsNumberedWithoutGaps checks SEV-2.3: there are at least two severity levels, numbered 1…n without gaps.
func severityLevelsNumberedWithoutGaps(s *state) []Gap {
	n := len(s.ws.Severities)
	if n < 2 {
		return []Gap{gap("severities", "only %d severity level is defined", n)}
	}
	for l := 1; l <= n; l++ {
		if _, ok := s.severities[l]; !ok {
			return []Gap{gap("severities", "level %d is missing from the 1…%d scale", l, n)}
		}
	}
	return nil
}

// severitiesHaveAllTargets checks SEV-3.1: every severity level has all four targets: acknowledge, first update, update cadence and resolve.
func severitiesHaveAllTargets(s *state) []Gap {
	// A level at which no stakeholder is told anything (a backlog ticket)
	// needs no first-update or cadence target; the most severe level
	// always does.
	told := map[int]bool{s.mostSevere: true}
	for _, st := range s.ws.Stakeholders {
		for _, c := range st.Cadence {
			told[c.Severity] = true
		}
	}
	return eachItem(s.ws.Severities, "severities", func(sv *plan.Severity, add addGap) {
		for k, v := range targetValues(sv.Targets) {
			update := targetNames[k] == "firstUpdate" || targetNames[k] == "updateCadence"
			if v <= 0 && (!update || told[sv.Level]) {
				add("targets."+targetNames[k], "Sev %d (%s) has no %s target", sv.Level, sv.Name, targetNames[k])
			}
		}
	})
}

// targetsTightenWithSeverity checks SEV-3.2: targets tighten as severity rises: a more severe level never has a slower target.
func targetsTightenWithSeverity(s *state) []Gap {
	order := make([]int, 0, len(s.ws.Severities))
	for i := range s.ws.Severities {
		order = append(order, i)
	}
	slices.SortStableFunc(order, func(a, b int) int { return s.ws.Severities[a].Level - s.ws.Severities[b].Level })
	var gs []Gap
	for k := 0; k+1 < len(order); k++ {
		a, b := &s.ws.Severities[order[k]], &s.ws.Severities[order[k+1]]
		va, vb := targetValues(a.Targets), targetValues(b.Targets)
		for t := range va {
			if va[t] > 0 && vb[t] > 0 && va[t] > vb[t] {
				gs = append(gs, gap(at("severities", order[k], "targets."+targetNames[t]), "Sev %d's %s target (%s) is slower than Sev %d's (%s)", a.Level, targetNames[t], va[t], b.Level, vb[t]))
			}
		}
	}
	return gs
}

// everySeverityLevelHasExamples checks SEV-3.3: every severity level has examples.
func everySeverityLevelHasExamples(s *state) []Gap {
	return eachItem(s.ws.Severities, "severities", func(sv *plan.Severity, add addGap) {
		if !anyText(sv.Examples) {
			add("examples", "Sev %d (%s) has no examples", sv.Level, sv.Name)
		}
	})
}

// Bounds outside which a severity target is no real target.
const (
	minResolve     = 15 * plan.Minute // no team reliably resolves faster
	maxResolve     = 90 * plan.Day    // beyond a quarter it is a backlog, not a target
	maxHighAck24x7 = plan.Day         // levels 1–2 under 24/7 cover
)

// topAcknowledgePlausible checks SEV-2.4: the top severity's acknowledge
// target fits the cover mode, and no level's targets are absurd.
func topAcknowledgePlausible(s *state) []Gap {
	var gs []Gap
	if i, ok := s.severities[s.mostSevere]; ok {
		ack := s.ws.Severities[i].Targets.Acknowledge
		limit, cover := ackLimit(s.is24x7), "business-hours"
		if s.is24x7 {
			cover = "24/7"
		}
		if ack > limit {
			gs = append(gs, gap(at("severities", i, "targets.acknowledge"), "Sev %d is to be acknowledged within %s under %s cover (at most %s is plausible)", s.mostSevere, ack, cover, limit))
		}
	}
	return append(gs, eachItem(s.ws.Severities, "severities", func(sv *plan.Severity, add addGap) {
		t := sv.Targets
		switch {
		case t.Resolve > 0 && t.Resolve < minResolve:
			add("targets.resolve", "Sev %d is to be resolved within %s, faster than any team can promise", sv.Level, t.Resolve)
		case t.Resolve > maxResolve:
			add("targets.resolve", "Sev %d is to be resolved within %s, which is no target", sv.Level, t.Resolve)
		case t.Resolve > 0 && t.Acknowledge > t.Resolve:
			add("targets.resolve", "Sev %d is to be resolved (%s) before it is acknowledged (%s)", sv.Level, t.Resolve, t.Acknowledge)
		}
		if t.Resolve > 0 && (t.FirstUpdate > t.Resolve || t.UpdateCadence > t.Resolve) {
			add("targets.updateCadence", "Sev %d's updates (first within %s, then every %s) come after it is to be resolved (%s)", sv.Level, t.FirstUpdate, t.UpdateCadence, t.Resolve)
		}
		if s.is24x7 && sv.Level != s.mostSevere && sv.Level <= s.mostSevere+1 && t.Acknowledge > maxHighAck24x7 {
			add("targets.acknowledge", "Sev %d is to be acknowledged within %s under 24/7 cover", sv.Level, t.Acknowledge)
		}
	})...)
}

// ackLimit is the slowest plausible acknowledge target for the most severe
// incidents: an hour when someone is on call around the clock, a working
// day otherwise.
func ackLimit(is24x7 bool) plan.Duration {
	if is24x7 {
		return plan.Hour
	}
	return plan.Day
}
