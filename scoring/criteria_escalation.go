package scoring

import (
	"slices"

	"drillbook/plan"
)

// escalationSources returns the roles an escalation with the trigger
// escalates away from: the on-call engineers for an unacknowledged page,
// the incident manager for an unresolved incident, the comms lead for a
// missed update.
func (s *state) escalationSources(rule plan.EscalationRule) []int {
	onCall := s.rolesByFn[plan.FunctionOnCall]
	if len(onCall) == 0 {
		// Without an on-call role the plan does not say who is paged
		// first; triage is the next best guess.
		onCall = s.rolesByFn[plan.FunctionTriage]
	}
	switch rule.Trigger {
	case plan.TriggerUnacknowledged:
		return onCall
	case plan.TriggerNoUpdate:
		var out []int
		out = append(out, s.rolesByFn[plan.FunctionInternalComms]...)
		for _, i := range s.rolesByFn[plan.FunctionCustomerComms] {
			if !slices.Contains(out, i) {
				out = append(out, i)
			}
		}
		if len(out) > 0 {
			return out
		}
	case plan.TriggerUnresolved:
		// The worst incidents always have an incident manager on them;
		// a lesser one may be worked by the on-call engineer alone, and
		// escalating it to the incident manager brings someone new.
		if !slices.Contains(rule.Severities, max(s.mostSevere, 1)) && len(onCall) > 0 {
			return onCall
		}
	}
	return s.rolesByFn[plan.FunctionIncidentManager]
}

func (s *state) rulesFor(level int, trigger plan.Trigger) []int {
	var out []int
	for i, r := range s.ws.EscalationRules {
		if r.Trigger == trigger && (r.After > 0 || r.Follows != "") && slices.Contains(r.Severities, level) {
			out = append(out, i)
		}
	}
	return out
}

func escalationCriteria() []Criterion {
	return []Criterion{
		{
			ID: "ESC-1.1", Dimension: DimEscalation, Level: 1,
			Title:          "At least one escalation rule exists.",
			Missing:        "There are no escalation rules.",
			Why:            "Responders get stuck trying to fix an incident alone; rules make asking for help automatic instead of a judgement call made too late.",
			Recommendation: "Start with one rule: a Sev 1 not resolved within 30 minutes escalates to a senior engineering leader.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: oneEscalationRuleExists,
		},
		{
			ID: "ESC-2.1", Dimension: DimEscalation, Level: 2,
			Title:          "Every escalation rule resolves to a role with people in it who can be contacted.",
			Missing:        "An escalation rule resolves to nobody.",
			Why:            "An escalation to an unknown or empty role silently goes nowhere, exactly when the incident is already going badly.",
			Recommendation: "Point each rule (and its hand-over) at a role that exists and has at least two people.",
			Severity:       SeverityCritical, Effort: EffortSmall,
			check: escalationTargetsStaffed,
		},
		{
			ID: "ESC-2.2", Dimension: DimEscalation, Level: 2,
			Title:          "No escalation tier reaches only the person already on the incident (judged per tier and per person on shift).",
			Missing:        "An escalation rule resolves to the same person.",
			Why:            "Escalating to the person who already has the incident adds no help and no fresh eyes: the rule looks like a safeguard but changes nothing.",
			Recommendation: "Escalate unacknowledged pages beyond the on-call engineers, unresolved incidents beyond the incident managers, and overdue updates beyond the comms lead, to a role held by different people.",
			Severity:       SeverityCritical, Effort: EffortSmall,
			check: escalationReachesSomeoneNew,
		},
		{
			ID: "ESC-2.3", Dimension: DimEscalation, Level: 2,
			Title:          "Unresolved incidents at the most severe level escalate after a set time.",
			Missing:        "No rule escalates high-severity incidents that stay unresolved.",
			Why:            "Responders get stuck trying to resolve an incident on their own when an escalation would bring a faster resolution; a time-based rule takes the decision out of their hands.",
			Recommendation: "Add an \"unresolved\" rule for Sev 1, e.g. not resolved within 30 minutes → escalate to the Head of Engineering.",
			Severity:       SeverityCritical, Effort: EffortSmall,
			check: topSeverityEscalatesWhenUnresolved,
		},
		{
			ID: "ESC-3.1", Dimension: DimEscalation, Level: 3,
			Title:          "Severities 1 and 2 escalate both when unacknowledged and when unresolved.",
			Missing:        "A high severity lacks an unacknowledged or unresolved escalation rule.",
			Why:            "An unacknowledged page is the most common silent failure at night, and an unresolved Sev 2 quietly turning into a Sev 1 is the next.",
			Recommendation: "For Sev 1 and Sev 2 add an \"unacknowledged\" rule at the acknowledge target and an \"unresolved\" rule well inside the resolve target.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: highSeveritiesEscalateOnBothTriggers,
		},
		{
			ID: "ESC-3.2", Dimension: DimEscalation, Level: 3,
			Title:          "Each escalation tier's own delay fits the severity targets.",
			Missing:        "An escalation rule fires too late for its severity's targets.",
			Why:            "A rule that fires after the target is already breached escalates too late to help.",
			Recommendation: "Set \"unresolved\" rules at or before the resolve target, \"unacknowledged\" tiers at or before the acknowledge target and \"no update\" rules within twice the update cadence.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: escalationTimingsFitSeverityTargets,
		},
		{
			ID: "ESC-3.3", Dimension: DimEscalation, Level: 3,
			Title:          "Incident command hands over on escalation of the most severe incidents.",
			Missing:        "The plan does not say whether the incident manager changes on escalation.",
			Why:            "If the plan does not say whether the incident manager changes when a Sev 1 is escalated, two people command at once, or nobody does.",
			Recommendation: "On the Sev 1 escalation rule, set the role that takes over incident command; if the incident manager deliberately stays in command, mark this N/A with that reason.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: commandHandsOverForWorstIncidents,
		},
		{
			ID: "ESC-3.4", Dimension: DimEscalation, Level: 3,
			Title:          "Under 24/7 cover, everyone an escalation reaches can be contacted out of hours.",
			Missing:        "An escalation target cannot be reached out of hours.",
			Why:            "Night-time escalations go to people who are not on call; without an out-of-hours number they cannot be reached.",
			Recommendation: "Record an out-of-hours mobile number for every member of each escalation and hand-over role.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: escalationTargetsReachableOutOfHours,
		},
		exercised("ESC-4.1", DimEscalation, "Escalation",
			"Escalation rules are easy to write and easy to forget mid-incident; exercise timers show whether they are followed on time.",
			"Let an incident run past an escalation threshold in the next exercise and time the escalation and any hand-over of command."),
	}
}

// oneEscalationRuleExists checks ESC-1.1: at least one escalation rule exists.
func oneEscalationRuleExists(s *state) []Gap {
	return noneIn(s.ws.EscalationRules, "escalationRules", "the plan has no escalation rules")
}

// escalationTargetsStaffed checks ESC-2.1: every escalation rule resolves to a role with people in it.
func escalationTargetsStaffed(s *state) []Gap {
	return eachItem(s.ws.EscalationRules, "escalationRules", func(r *plan.EscalationRule, add addGap) {
		switch {
		case !s.roleStaffed(r.EscalateTo):
			add("escalateTo", "%s escalates to %q, which does not exist or has nobody in it", plan.OrID(r.Name, r.ID), r.EscalateTo)
		case !s.roleContactable(r.EscalateTo):
			add("escalateTo", "%s escalates to %s, but nobody in it has a contact to escalate to", plan.OrID(r.Name, r.ID), s.roleName(r.EscalateTo))
		}
		if r.HandoverTo != "" && !s.roleStaffed(r.HandoverTo) {
			add("handoverTo", "%s hands over to %q, which does not exist or has nobody in it", plan.OrID(r.Name, r.ID), r.HandoverTo)
		}
	})
}

// escalationReachesSomeoneNew checks ESC-2.2: no escalation rule escalates to the same people it escalates from.
func escalationReachesSomeoneNew(s *state) []Gap {
	var gs []Gap
	rules := s.ws.EscalationRules
	for _, l := range s.ws.Ladders() {
		for k, t := range l.Tiers {
			rule := rules[t.Rule]
			to, _ := s.role(rule.EscalateTo)
			if to == nil {
				continue
			}
			// The first tier escalates away from whoever the trigger
			// engaged; each later tier away from the tier before.
			var from []string
			if k == 0 {
				// The target itself may carry the source function (a
				// secondary on-call rotation): compare with the others.
				sources := s.escalationSources(rule)
				for _, ri := range sources {
					if id := s.ws.Roles[ri].ID; id != to.ID {
						from = append(from, id)
					}
				}
				if len(from) == 0 && len(sources) > 0 {
					from = []string{to.ID}
				}
			} else {
				from = []string{rules[l.Tiers[k-1].Rule].EscalateTo}
			}
			for _, f := range from {
				if p, same := s.planIndex().SamePersonOnShift(f, to.ID); same {
					gs = append(gs, gap(at("escalationRules", t.Rule, "escalateTo"), "%s escalates to %s, which can reach only %s, who is already on it through %s", plan.OrID(rule.Name, rule.ID), plan.OrID(to.Name, to.ID), s.personName(p), s.roleName(f)))
					break
				}
			}
		}
	}
	for i, rule := range rules {
		h, _ := s.role(rule.HandoverTo)
		if h == nil {
			continue
		}
		// Handing command to another holder of the incident manager's
		// role (a fresh commander after hours) is sound doctrine; handing
		// it to the person already in command changes nothing.
		for _, ri := range s.rolesByFn[plan.FunctionIncidentManager] {
			im := s.ws.Roles[ri].ID
			if im == h.ID {
				if staffed := s.staffed(h); len(staffed) == 1 {
					gs = append(gs, gap(at("escalationRules", i, "handoverTo"), "%s hands incident command to %s, whose only member, %s, is already in command", plan.OrID(rule.Name, rule.ID), plan.OrID(h.Name, h.ID), s.personName(staffed[0])))
				}
				break
			}
			if p, same := s.planIndex().SamePersonOnShift(im, h.ID); same {
				gs = append(gs, gap(at("escalationRules", i, "handoverTo"), "%s hands incident command to %s, which can reach only %s, who is already in command", plan.OrID(rule.Name, rule.ID), plan.OrID(h.Name, h.ID), s.personName(p)))
				break
			}
		}
	}
	return gs
}

// topSeverityEscalatesWhenUnresolved checks ESC-2.3: unresolved incidents at the most severe level escalate after a set time.
func topSeverityEscalatesWhenUnresolved(s *state) []Gap {
	top := max(s.mostSevere, 1)
	return gapIf(len(s.rulesFor(top, plan.TriggerUnresolved)) == 0, "escalationRules", "no rule escalates a Sev %d incident that stays unresolved", top)
}

// highSeveritiesEscalateOnBothTriggers checks ESC-3.1: severities 1 and 2 escalate both when unacknowledged and when unresolved.
func highSeveritiesEscalateOnBothTriggers(s *state) []Gap {
	var gs []Gap
	for _, l := range s.highSeverities() {
		for _, t := range []plan.Trigger{plan.TriggerUnacknowledged, plan.TriggerUnresolved} {
			if len(s.rulesFor(l, t)) == 0 {
				gs = append(gs, gap("escalationRules", "Sev %d has no %q escalation rule", l, t))
			}
		}
	}
	return gs
}

// escalationTimingsFitSeverityTargets checks ESC-3.2: escalation timings fit the severity targets.
func escalationTimingsFitSeverityTargets(s *state) []Gap {
	return eachItem(s.ws.EscalationRules, "escalationRules", func(r *plan.EscalationRule, add addGap) {
		// Each tier is judged by its own delay: a ladder of three
		// 15-minute tiers escalates every 15 minutes, not once at 45.
		for _, l := range r.Severities {
			si, ok := s.severities[l]
			if !ok || r.After <= 0 {
				continue
			}
			t := s.ws.Severities[si].Targets
			var limit plan.Duration
			var name string
			switch r.Trigger {
			case plan.TriggerUnresolved:
				limit, name = t.Resolve, "the resolve target"
			case plan.TriggerUnacknowledged:
				// A page nobody took is escalated when the target is
				// missed, not long after.
				limit, name = t.Acknowledge, "the acknowledge target"
			case plan.TriggerNoUpdate:
				limit, name = 2*t.UpdateCadence, "twice the update cadence"
			}
			what := "fires after"
			if r.Follows != "" {
				what = "waits, after the tier before,"
			}
			if limit > 0 && r.After > limit {
				add("after", "%s %s %s, longer than %s for Sev %d (%s)", plan.OrID(r.Name, r.ID), what, r.After, name, l, limit)
			}
		}
	})
}

// commandHandsOverForWorstIncidents checks ESC-3.3: incident command hands over on escalation of the most severe incidents.
func commandHandsOverForWorstIncidents(s *state) []Gap {
	top := max(s.mostSevere, 1)
	handsOver := slices.ContainsFunc(s.ws.EscalationRules, func(r plan.EscalationRule) bool { return r.HandoverTo != "" && slices.Contains(r.Severities, top) })
	return gapIf(!handsOver, "escalationRules", "no Sev %d escalation rule hands over incident command", top)
}

// escalationTargetsReachableOutOfHours checks ESC-3.4: under 24/7 cover, everyone an escalation reaches can be contacted out of hours.
func escalationTargetsReachableOutOfHours(s *state) []Gap {
	if !s.is24x7 {
		return nil
	}
	var gs []Gap
	seen := map[string]bool{}
	for _, rule := range s.ws.EscalationRules {
		for _, rid := range []string{rule.EscalateTo, rule.HandoverTo} {
			r, _ := s.role(rid)
			if r == nil {
				continue
			}
			for _, m := range r.Members {
				if seen[m] {
					continue
				}
				seen[m] = true
				if p, pi := s.person(m); p != nil && !reachableOutOfHours(p.Contacts) {
					gs = append(gs, gap(at("people", pi, "contacts"), "%s (%s, an escalation target) has no out-of-hours contact", plan.OrID(p.Name, p.ID), plan.OrID(r.Name, r.ID)))
				}
			}
		}
	}
	return gs
}
