package scoring

import (
	"slices"
	"strings"

	"drillbook/plan"
)

// Criteria for step 2 of the plan: roles, responsibilities and escalation.

// Single-point-of-failure limits for ROL-3.1. A person may be first in
// line (a role's first member) for at most MaxPrimaryKeyRoles key roles, a
// member of at most MaxKeyRoles, and the only member of at most
// MaxSoleKeyRoles.
const (
	MaxPrimaryKeyRoles = 2
	MaxKeyRoles        = 3
	MaxSoleKeyRoles    = 1
)

// keyFunctions are the functions whose roles must be filled during an
// incident; roles carrying any of them are key roles. The executive
// function is left out: executives naturally hold several.
var keyFunctions = []plan.Function{
	plan.FunctionIncidentManager, plan.FunctionTriage, plan.FunctionOnCall,
	plan.FunctionInternalComms, plan.FunctionCustomerComms, plan.FunctionRegulatory,
	plan.FunctionTechnicalLead, plan.FunctionSecurityLead, plan.FunctionDataProtection,
	plan.FunctionClinicalSafety, plan.FunctionSupplierManager,
}

func isKeyRole(r *plan.Role) bool {
	return slices.ContainsFunc(r.Functions, func(f plan.Function) bool { return slices.Contains(keyFunctions, f) })
}

func rolesCriteria() []Criterion {
	return []Criterion{
		{
			ID: "ROL-1.1", Dimension: DimRoles, Level: 1,
			Title:          "An incident-manager role exists and has someone in it.",
			Missing:        "Nobody is named as incident manager.",
			Why:            "Every incident needs one person in charge. Without a named incident manager the most senior person present takes over, whether or not they know the procedure.",
			Recommendation: "Create an Incident Manager role with the incident-manager function and at least two trained people.",
			Severity:       SeverityCritical, Effort: EffortSmall,
			check: func(s *state) []Gap {
				if !s.staffedWith(plan.FunctionIncidentManager) {
					return []Gap{gap("roles", "no staffed role carries the incident-manager function")}
				}
				return nil
			},
		},
		{
			ID: "ROL-2.1", Dimension: DimRoles, Level: 2,
			Title:          "Every role has at least one person in it.",
			Missing:        "A role has nobody in it.",
			Why:            "An empty role looks covered in the plan but pages nobody.",
			Recommendation: "Assign people to each role, or remove roles nobody holds.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i := range s.ws.Roles {
					r := &s.ws.Roles[i]
					if len(s.staffed(r)) == 0 {
						gs = append(gs, gap(at("roles", i, "members"), "%s has nobody in it", orID(r.Name, r.ID)))
					}
				}
				return gs
			},
		},
		{
			ID: "ROL-2.2", Dimension: DimRoles, Level: 2,
			Title:          "Everyone who holds a role has at least one contact.",
			Missing:        "A role holder has no contact details.",
			Why:            "A role holder with no contact detail cannot be reached when their role is called.",
			Recommendation: "Record at least a mobile number and a work email for everyone who holds a role.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, p := range s.ws.People {
					if len(s.personRoles[p.ID]) == 0 {
						continue
					}
					if !slices.ContainsFunc(p.Contacts, func(c plan.Contact) bool { return !blank(c.Value) }) {
						gs = append(gs, gap(at("people", i, "contacts"), "%s holds a role but has no contact details", orID(p.Name, p.ID)))
					}
				}
				return gs
			},
		},
		{
			ID: "ROL-2.3", Dimension: DimRoles, Level: 2,
			Title:          "Every incident manager has a deputy.",
			Missing:        "An incident manager has no deputy.",
			Why:            "Incident managers are away, asleep or on leave. Without a named deputy the role is empty exactly when it is needed, and nobody knows who decides.",
			Recommendation: "Name a deputy for each incident manager (the person's Deputy field), ideally another member of the incident-manager role who has run an exercise.",
			Severity:       SeverityCritical, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				seen := map[string]bool{}
				for _, ri := range s.rolesByFn[plan.FunctionIncidentManager] {
					r := &s.ws.Roles[ri]
					for j, m := range r.Members {
						if seen[m] {
							continue
						}
						seen[m] = true
						p, pi := s.person(m)
						if p == nil {
							gs = append(gs, gap(at(at("roles", ri, "members"), j, ""), "incident manager %q is not a person in the plan", m))
							continue
						}
						d := p.Deputy
						switch dp, _ := s.person(d); {
						case d == "":
							gs = append(gs, gap(at("people", pi, "deputy"), "%s (%s) has no deputy", orID(p.Name, p.ID), orID(r.Name, r.ID)))
						case d == p.ID:
							gs = append(gs, gap(at("people", pi, "deputy"), "%s is named as their own deputy", orID(p.Name, p.ID)))
						case dp == nil:
							gs = append(gs, gap(at("people", pi, "deputy"), "%s's deputy %q is not a person in the plan", orID(p.Name, p.ID), d))
						}
					}
				}
				return gs
			},
		},
		{
			ID: "ROL-3.1", Dimension: DimRoles, Level: 3,
			Title:          "No one is a single point of failure: nobody is first in line for more than 2 key roles, in more than 3, or the only member of more than 1.",
			Missing:        "One person holds too many critical roles.",
			Why:            "When one person holds many critical roles, an incident that needs two of them at once, or that person's day off, stalls the response.",
			Recommendation: "Spread the key roles: give each a different first-in-line holder, and add second members to roles only one person can fill.",
			Severity:       SeverityHigh, Effort: EffortMedium,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, p := range s.ws.People {
					var member, primary, sole []string
					for _, ri := range s.personRoles[p.ID] {
						r := &s.ws.Roles[ri]
						if !isKeyRole(r) {
							continue
						}
						name := orID(r.Name, r.ID)
						member = append(member, name)
						if len(r.Members) > 0 && r.Members[0] == p.ID {
							primary = append(primary, name)
						}
						if st := s.staffed(r); len(st) == 1 {
							sole = append(sole, name)
						}
					}
					who := orID(p.Name, p.ID)
					switch {
					case len(sole) > MaxSoleKeyRoles:
						gs = append(gs, gap(at("people", i, ""), "%s is the only person in %d key roles (%s)", who, len(sole), strings.Join(sole, ", ")))
					case len(primary) > MaxPrimaryKeyRoles:
						gs = append(gs, gap(at("people", i, ""), "%s is first in line for %d key roles (%s)", who, len(primary), strings.Join(primary, ", ")))
					case len(member) > MaxKeyRoles:
						gs = append(gs, gap(at("people", i, ""), "%s holds %d key roles (%s)", who, len(member), strings.Join(member, ", ")))
					}
				}
				return gs
			},
		},
		{
			ID: "ROL-3.2", Dimension: DimRoles, Level: 3,
			Title:          "Every key role has at least two people.",
			Missing:        "A key role depends on one person.",
			Why:            "A key role with one holder is unstaffed whenever that person is off, and incidents do not wait for them to return.",
			Recommendation: "Train and add a second person to each key role (incident manager, triage, on-call, comms, regulatory reporting, technical and specialist leads).",
			Severity:       SeverityHigh, Effort: EffortMedium,
			check: func(s *state) []Gap {
				var gs []Gap
				for i := range s.ws.Roles {
					r := &s.ws.Roles[i]
					if isKeyRole(r) && len(s.staffed(r)) == 1 {
						gs = append(gs, gap(at("roles", i, "members"), "%s has only %s", orID(r.Name, r.ID), s.personName(s.staffed(r)[0])))
					}
				}
				return gs
			},
		},
		{
			ID: "ROL-3.3", Dimension: DimRoles, Level: 3,
			Title:          "Every role responsible or accountable for an incident type has its duties written down.",
			Missing:        "A responsible role has no written duties.",
			Why:            "Someone stepping into a role for the first time needs to know what it is for before they open a playbook.",
			Recommendation: "Give each R or A role a description and a short list of its responsibilities.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: func(s *state) []Gap {
				needs := map[string]bool{}
				for _, r := range s.ws.Responsibilities {
					if r.RACI == plan.Responsible || r.RACI == plan.Accountable {
						needs[r.Role] = true
					}
				}
				var gs []Gap
				for i, r := range s.ws.Roles {
					if needs[r.ID] && blank(r.Description) && len(r.Responsibilities) == 0 {
						gs = append(gs, gap(at("roles", i, "responsibilities"), "%s has no description or responsibilities", orID(r.Name, r.ID)))
					}
				}
				return gs
			},
		},
		exercised("ROL-4.1", DimRoles, "Assigning an incident manager",
			"Under pressure teams start fixing before anyone takes command; exercising the assignment proves the role is taken up, including by deputies.",
			"In the next exercise make the first-in-line incident manager unavailable so the deputy has to step in, and time the assignment."),
	}
}

// escalationSources returns the roles an escalation with the trigger
// escalates away from: the on-call engineers for an unacknowledged page,
// the incident manager for an unresolved incident, the comms lead for a
// missed update.
func (s *state) escalationSources(t plan.Trigger) []int {
	switch t {
	case plan.TriggerUnacknowledged:
		// Whoever is paged first; without an on-call or triage role the
		// plan does not say, so nothing counts as "the same people".
		if r := s.rolesByFn[plan.FunctionOnCall]; len(r) > 0 {
			return r
		}
		return s.rolesByFn[plan.FunctionTriage]
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
	}
	return s.rolesByFn[plan.FunctionIncidentManager]
}

func (s *state) rulesFor(level int, trigger plan.Trigger) []int {
	var out []int
	for i, r := range s.ws.EscalationRules {
		if r.Trigger == trigger && r.After > 0 && slices.Contains(r.Severities, level) {
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
			check: func(s *state) []Gap {
				if len(s.ws.EscalationRules) == 0 {
					return []Gap{gap("escalationRules", "the plan has no escalation rules")}
				}
				return nil
			},
		},
		{
			ID: "ESC-2.1", Dimension: DimEscalation, Level: 2,
			Title:          "Every escalation rule resolves to a role with people in it.",
			Missing:        "An escalation rule resolves to nobody.",
			Why:            "An escalation to an unknown or empty role silently goes nowhere, exactly when the incident is already going badly.",
			Recommendation: "Point each rule (and its hand-over) at a role that exists and has at least two people.",
			Severity:       SeverityCritical, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, r := range s.ws.EscalationRules {
					if !s.roleStaffed(r.EscalateTo) {
						gs = append(gs, gap(at("escalationRules", i, "escalateTo"), "%s escalates to %q, which does not exist or has nobody in it", orID(r.Name, r.ID), r.EscalateTo))
					}
					if r.HandoverTo != "" && !s.roleStaffed(r.HandoverTo) {
						gs = append(gs, gap(at("escalationRules", i, "handoverTo"), "%s hands over to %q, which does not exist or has nobody in it", orID(r.Name, r.ID), r.HandoverTo))
					}
				}
				return gs
			},
		},
		{
			ID: "ESC-2.2", Dimension: DimEscalation, Level: 2,
			Title:          "No escalation rule escalates to the same people it escalates from.",
			Missing:        "An escalation rule resolves to the same person.",
			Why:            "Escalating to the person who already has the incident adds no help and no fresh eyes: the rule looks like a safeguard but changes nothing.",
			Recommendation: "Escalate unacknowledged pages beyond the on-call engineers, unresolved incidents beyond the incident managers, and overdue updates beyond the comms lead, to a role held by different people.",
			Severity:       SeverityCritical, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, rule := range s.ws.EscalationRules {
					to, _ := s.role(rule.EscalateTo)
					if to != nil {
						if why := s.sameAs(to, s.escalationSources(rule.Trigger)); why != "" {
							gs = append(gs, gap(at("escalationRules", i, "escalateTo"), "%s escalates to %s, %s", orID(rule.Name, rule.ID), orID(to.Name, to.ID), why))
						}
					}
					if h, _ := s.role(rule.HandoverTo); h != nil {
						if why := s.sameAs(h, s.rolesByFn[plan.FunctionIncidentManager]); why != "" {
							gs = append(gs, gap(at("escalationRules", i, "handoverTo"), "%s hands incident command to %s, %s", orID(rule.Name, rule.ID), orID(h.Name, h.ID), why))
						}
					}
				}
				return gs
			},
		},
		{
			ID: "ESC-2.3", Dimension: DimEscalation, Level: 2,
			Title:          "Unresolved incidents at the most severe level escalate after a set time.",
			Missing:        "No rule escalates high-severity incidents that stay unresolved.",
			Why:            "Responders get stuck trying to resolve an incident on their own when an escalation would bring a faster resolution; a time-based rule takes the decision out of their hands.",
			Recommendation: "Add an \"unresolved\" rule for Sev 1, e.g. not resolved within 30 minutes → escalate to the Head of Engineering.",
			Severity:       SeverityCritical, Effort: EffortSmall,
			check: func(s *state) []Gap {
				top := max(s.mostSevere, 1)
				if len(s.rulesFor(top, plan.TriggerUnresolved)) == 0 {
					return []Gap{gap("escalationRules", "no rule escalates a Sev %d incident that stays unresolved", top)}
				}
				return nil
			},
		},
		{
			ID: "ESC-3.1", Dimension: DimEscalation, Level: 3,
			Title:          "Severities 1 and 2 escalate both when unacknowledged and when unresolved.",
			Missing:        "A high severity lacks an unacknowledged or unresolved escalation rule.",
			Why:            "An unacknowledged page is the most common silent failure at night, and an unresolved Sev 2 quietly turning into a Sev 1 is the next.",
			Recommendation: "For Sev 1 and Sev 2 add an \"unacknowledged\" rule at the acknowledge target and an \"unresolved\" rule well inside the resolve target.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for _, l := range s.highSeverities() {
					for _, t := range []plan.Trigger{plan.TriggerUnacknowledged, plan.TriggerUnresolved} {
						if len(s.rulesFor(l, t)) == 0 {
							gs = append(gs, gap("escalationRules", "Sev %d has no %q escalation rule", l, t))
						}
					}
				}
				return gs
			},
		},
		{
			ID: "ESC-3.2", Dimension: DimEscalation, Level: 3,
			Title:          "Escalation timings fit the severity targets.",
			Missing:        "An escalation rule fires too late for its severity's targets.",
			Why:            "A rule that fires after the target is already breached escalates too late to help.",
			Recommendation: "Set \"unresolved\" rules at or before the resolve target, \"unacknowledged\" rules within twice the acknowledge target and \"no update\" rules within twice the update cadence.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, r := range s.ws.EscalationRules {
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
							limit, name = 2*t.Acknowledge, "twice the acknowledge target"
						case plan.TriggerNoUpdate:
							limit, name = 2*t.UpdateCadence, "twice the update cadence"
						}
						if limit > 0 && r.After > limit {
							gs = append(gs, gap(at("escalationRules", i, "after"), "%s fires after %s, later than %s for Sev %d (%s)", orID(r.Name, r.ID), r.After, name, l, limit))
						}
					}
				}
				return gs
			},
		},
		{
			ID: "ESC-3.3", Dimension: DimEscalation, Level: 3,
			Title:          "Incident command hands over on escalation of the most severe incidents.",
			Missing:        "The plan does not say whether the incident manager changes on escalation.",
			Why:            "If the plan does not say whether the incident manager changes when a Sev 1 is escalated, two people command at once, or nobody does.",
			Recommendation: "On the Sev 1 escalation rule, set the role that takes over incident command; if the incident manager deliberately stays in command, mark this N/A with that reason.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				top := max(s.mostSevere, 1)
				for _, r := range s.ws.EscalationRules {
					if r.HandoverTo != "" && slices.Contains(r.Severities, top) {
						return nil
					}
				}
				return []Gap{gap("escalationRules", "no Sev %d escalation rule hands over incident command", top)}
			},
		},
		{
			ID: "ESC-3.4", Dimension: DimEscalation, Level: 3,
			Title:          "Under 24/7 cover, everyone an escalation reaches can be contacted out of hours.",
			Missing:        "An escalation target cannot be reached out of hours.",
			Why:            "Night-time escalations go to people who are not on call; without an out-of-hours number they cannot be reached.",
			Recommendation: "Record an out-of-hours mobile number for every member of each escalation and hand-over role.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: func(s *state) []Gap {
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
								gs = append(gs, gap(at("people", pi, "contacts"), "%s (%s, an escalation target) has no out-of-hours contact", orID(p.Name, p.ID), orID(r.Name, r.ID)))
							}
						}
					}
				}
				return gs
			},
		},
		exercised("ESC-4.1", DimEscalation, "Escalation",
			"Escalation rules are easy to write and easy to forget mid-incident; exercise timers show whether they are followed on time.",
			"Let an incident run past an escalation threshold in the next exercise and time the escalation and any hand-over of command."),
	}
}

// sameAs explains why escalating to role to reaches the same people as
// the source roles, or returns "".
func (s *state) sameAs(to *plan.Role, from []int) string {
	members := s.staffed(to)
	if len(members) == 0 || len(from) == 0 {
		return ""
	}
	pool := map[string]bool{}
	var names []string
	for _, i := range from {
		r := &s.ws.Roles[i]
		if r.ID == to.ID {
			return "the role the incident is escalated from"
		}
		names = append(names, orID(r.Name, r.ID))
		if len(r.Members) > 0 && r.Members[0] == members[0] && to.Members[0] == members[0] {
			return "whose first-in-line holder " + s.personName(members[0]) + " is already first in line for " + orID(r.Name, r.ID)
		}
		for _, m := range r.Members {
			pool[m] = true
		}
	}
	for _, m := range members {
		if !pool[m] {
			return ""
		}
	}
	return "whose people all already hold " + strings.Join(names, " or ")
}

// highSeverities returns the levels 1 and 2 that the plan defines (level 1
// when it defines none).
func (s *state) highSeverities() []int {
	var out []int
	for _, l := range []int{1, 2} {
		if _, ok := s.severities[l]; ok {
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		out = []int{max(s.mostSevere, 1)}
	}
	return out
}

func regulatoryCriteria() []Criterion {
	return []Criterion{
		{
			ID: "REG-1.1", Dimension: DimRegulatory, Level: 1,
			Title:          "At least one reporting obligation is recorded.",
			Missing:        "No reporting obligations are recorded.",
			Why:            "Most organisations owe someone a report: the data protection regulator within 72 hours, customers under contract, an insurer before forensics start. Missing one turns an incident into a breach of law or contract.",
			Recommendation: "List each body you must report to, the deadline from detection and the role that sends the report; if there genuinely is none, mark this criterion N/A with the reason.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: func(s *state) []Gap {
				if len(s.ws.ReportingObligations) == 0 {
					return []Gap{gap("reportingObligations", "the plan records no reporting obligations")}
				}
				return nil
			},
		},
		{
			ID: "REG-2.1", Dimension: DimRegulatory, Level: 2,
			Title:          "Every reporting obligation has a staffed owner role and a deadline.",
			Missing:        "A regulator obligation has no owner or deadline.",
			Why:            "A reporting duty without an owner is missed because everyone assumes someone else has it; without a deadline nobody starts the clock.",
			Recommendation: "Give each obligation its deadline from detection (e.g. 72 hours for UK GDPR Article 33) and an owner role with people in it.",
			Severity:       SeverityCritical, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, o := range s.ws.ReportingObligations {
					if !s.roleStaffed(o.OwnerRole) {
						gs = append(gs, gap(at("reportingObligations", i, "ownerRole"), "the %s obligation has no staffed owner role", orID(o.Body, o.ID)))
					}
					if o.Deadline <= 0 {
						gs = append(gs, gap(at("reportingObligations", i, "deadline"), "the %s obligation has no deadline", orID(o.Body, o.ID)))
					}
				}
				return gs
			},
		},
		{
			ID: "REG-2.2", Dimension: DimRegulatory, Level: 2,
			Title:          "A role carries the regulatory-reporting function and has people in it.",
			Missing:        "No role carries the regulatory-reporting function.",
			Why:            "Scenarios bind \"the regulator reporter\" to this function; without it the regulatory part of a response has no owner.",
			Recommendation: "Give the DPO or compliance role the regulatory-reporting function.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: func(s *state) []Gap {
				if !s.staffedWith(plan.FunctionRegulatory) {
					return []Gap{gap("roles", "no staffed role carries the regulatory-reporting function")}
				}
				return nil
			},
		},
		{
			ID: "REG-2.3", Dimension: DimRegulatory, Level: 2,
			Title:          "Every information-governance and clinical-safety incident type is covered by a reporting obligation.",
			Missing:        "A data or safety incident type has no reporting obligation.",
			Why:            "Personal data breaches and patient-safety incidents almost always carry statutory reporting duties; a type with none is usually an oversight, not an exemption.",
			Recommendation: "Add the obligation that applies (e.g. the data protection regulator at 72 hours) and link it to the type, or mark this N/A with the legal reason.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: func(s *state) []Gap {
				all := false
				covered := map[string]bool{}
				for _, o := range s.ws.ReportingObligations {
					if len(o.IncidentTypes) == 0 {
						all = true
					}
					for _, t := range o.IncidentTypes {
						covered[t] = true
					}
				}
				if all {
					return nil
				}
				var gs []Gap
				for i, t := range s.ws.IncidentTypes {
					if (t.Category == plan.CategoryInfoGov || t.Category == plan.CategoryClinical) && !covered[t.ID] {
						gs = append(gs, gap(at("incidentTypes", i, ""), "%s (%s) is not covered by any reporting obligation", orID(t.Name, t.ID), t.Category))
					}
				}
				return gs
			},
		},
		{
			ID: "REG-3.1", Dimension: DimRegulatory, Level: 3,
			Title:          "Every reporting obligation says how to report and under what rule.",
			Missing:        "A reporting obligation does not say how to report or under what rule.",
			Why:            "At hour 70 of 72 nobody should be searching for the regulator's form or the contract clause.",
			Recommendation: "Record the method (portal, form, phone) and the legal or contractual reference for each obligation.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, o := range s.ws.ReportingObligations {
					if blank(o.Method) {
						gs = append(gs, gap(at("reportingObligations", i, "method"), "the %s obligation does not say how to report", orID(o.Body, o.ID)))
					}
					if blank(o.Reference) {
						gs = append(gs, gap(at("reportingObligations", i, "reference"), "the %s obligation cites no legal or contractual reference", orID(o.Body, o.ID)))
					}
				}
				return gs
			},
		},
		{
			ID: "REG-3.2", Dimension: DimRegulatory, Level: 3,
			Title:          "Every reporting obligation's owner role has at least two people.",
			Missing:        "A reporting obligation depends on one person.",
			Why:            "Reporting clocks run through weekends and holidays; an owner role of one person misses the deadline when they are away.",
			Recommendation: "Add a second person (a deputy DPO, compliance manager) to each owner role and brief them on the reports.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, o := range s.ws.ReportingObligations {
					if r, _ := s.role(o.OwnerRole); r != nil && len(s.staffed(r)) == 1 {
						gs = append(gs, gap(at("reportingObligations", i, "ownerRole"), "the %s obligation rests on %s alone", orID(o.Body, o.ID), s.personName(s.staffed(r)[0])))
					}
				}
				return gs
			},
		},
		{
			ID: "REG-3.3", Dimension: DimRegulatory, Level: 3,
			Title:          "Every reporting obligation's owner role has a playbook.",
			Missing:        "A reporting obligation's owner has no playbook.",
			Why:            "Reports are rare, so the steps are forgotten between incidents; a playbook keeps the decision, the evidence to gather and the submission steps ready.",
			Recommendation: "Write a playbook for the owner role: how to decide whether a report is needed, what to gather, how and where to submit, and what to record.",
			Severity:       SeverityMedium, Effort: EffortMedium,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, o := range s.ws.ReportingObligations {
					if o.OwnerRole != "" && !s.roleHasPlaybook[o.OwnerRole] {
						gs = append(gs, gap(at("reportingObligations", i, "ownerRole"), "%s owns the %s obligation but has no playbook", s.roleName(o.OwnerRole), orID(o.Body, o.ID)))
					}
				}
				return gs
			},
		},
		exercised("REG-4.1", DimRegulatory, "Reporting to a regulator",
			"Statutory reports are rare, so the first real one is usually the first attempt; a rehearsed report meets its deadline.",
			"Run a personal-data-breach scenario through to a drafted regulator report within the deadline, using the real form offline."),
	}
}
