package scoring

import (
	"slices"
	"strings"

	"drillbook/plan"
)

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
			Title:          "An incident manager role exists and has someone in it.",
			Missing:        "Nobody is named as incident manager.",
			Why:            "Every incident needs one person in charge. Without a named incident manager the most senior person present takes over, whether or not they know the procedure.",
			Recommendation: "Create an Incident Manager role with the incident manager function and at least two trained people.",
			Severity:       SeverityCritical, Effort: EffortSmall,
			check: incidentManagerNamed,
		},
		{
			ID: "ROL-2.1", Dimension: DimRoles, Level: 2,
			Title:          "Every role has at least one person in it.",
			Missing:        "A role has nobody in it.",
			Why:            "An empty role looks covered in the plan but pages nobody.",
			Recommendation: "Assign people to each role, or remove roles nobody holds.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: rolesStaffed,
		},
		{
			ID: "ROL-2.2", Dimension: DimRoles, Level: 2,
			Title:          "Everyone who holds a role has at least one contact.",
			Missing:        "A role holder has no contact details.",
			Why:            "A role holder with no contact detail cannot be reached when their role is called.",
			Recommendation: "Record at least a mobile number and a work email for everyone who holds a role.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: roleHoldersHaveContacts,
		},
		{
			ID: "ROL-2.3", Dimension: DimRoles, Level: 2,
			Title:          "Every incident manager has a deputy.",
			Missing:        "An incident manager has no deputy.",
			Why:            "Incident managers are away, asleep or on leave. Without a named deputy the role is empty exactly when it is needed, and nobody knows who decides.",
			Recommendation: "Name a deputy for each incident manager (the person's Deputy field), ideally another member of the Incident Manager role who has run an exercise.",
			Severity:       SeverityCritical, Effort: EffortSmall,
			check: incidentManagersHaveDeputy,
		},
		{
			ID: "ROL-3.1", Dimension: DimRoles, Level: 3,
			Title:          "No one is a single point of failure: nobody is first in line for more than 2 key roles, in more than 3, or the only member of more than 1.",
			Missing:        "One person holds too many critical roles.",
			Why:            "When one person holds many critical roles, an incident that needs two of them at once, or that person's day off, stalls the response.",
			Recommendation: "Spread the key roles: give each a different first-in-line holder, and add second members to roles only one person can fill.",
			Severity:       SeverityHigh, Effort: EffortMedium,
			check: noSinglePointOfFailure,
		},
		{
			ID: "ROL-3.2", Dimension: DimRoles, Level: 3,
			Title:          "Every key role has at least two people.",
			Missing:        "A key role depends on one person.",
			Why:            "A key role with one holder is unstaffed whenever that person is off, and incidents do not wait for them to return.",
			Recommendation: "Train and add a second person to each key role (incident manager, triage, on-call, comms, regulatory reporting, technical and specialist leads).",
			Severity:       SeverityHigh, Effort: EffortMedium,
			check: keyRolesHaveTwoPeople,
		},
		{
			ID: "ROL-3.3", Dimension: DimRoles, Level: 3,
			Title:          "Every role responsible or accountable for an incident type has its duties written down.",
			Missing:        "A responsible role has no written duties.",
			Why:            "Someone stepping into a role for the first time needs to know what it is for before they open a playbook.",
			Recommendation: "Give each R or A role a description and a short list of its responsibilities.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: responsibleRolesHaveDuties,
		},
		exercised("ROL-4.1", DimRoles, "Assigning an incident manager",
			"Under pressure teams start fixing before anyone takes command; exercising the assignment proves the role is taken up, including by deputies.",
			"In the next exercise make the first-in-line incident manager unavailable so the deputy has to step in, and time the assignment."),
	}
}

// incidentManagerNamed checks ROL-1.1: an incident manager role exists and has someone in it.
func incidentManagerNamed(s *state) []Gap {
	return s.unstaffed(plan.FunctionIncidentManager)
}

// rolesStaffed checks ROL-2.1: every role has at least one person in it.
func rolesStaffed(s *state) []Gap {
	return eachItem(s.ws.Roles, "roles", func(r *plan.Role, add addGap) {
		if len(s.staffed(r)) == 0 {
			add("members", "%s has nobody in it", plan.OrID(r.Name, r.ID))
		}
	})
}

// roleHoldersHaveContacts checks ROL-2.2: everyone who holds a role has at least one contact.
func roleHoldersHaveContacts(s *state) []Gap {
	return eachItem(s.ws.People, "people", func(p *plan.Person, add addGap) {
		if len(s.personRoles[p.ID]) > 0 && !slices.ContainsFunc(p.Contacts, plan.PlausibleContact) {
			add("contacts", "%s holds a role but has no contact details", plan.OrID(p.Name, p.ID))
		}
	})
}

// incidentManagersHaveDeputy checks ROL-2.3: every incident manager has a deputy.
func incidentManagersHaveDeputy(s *state) []Gap {
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
				gs = append(gs, gap(at("people", pi, "deputy"), "%s (%s) has no deputy", plan.OrID(p.Name, p.ID), plan.OrID(r.Name, r.ID)))
			case d == p.ID:
				gs = append(gs, gap(at("people", pi, "deputy"), "%s is named as their own deputy", plan.OrID(p.Name, p.ID)))
			case dp == nil:
				gs = append(gs, gap(at("people", pi, "deputy"), "%s's deputy %q is not a person in the plan", plan.OrID(p.Name, p.ID), d))
			}
		}
	}
	return gs
}

// noSinglePointOfFailure checks ROL-3.1: no one is a single point of failure: nobody is first in line for more than 2 key roles, in more than 3, or the only member of more than 1.
func noSinglePointOfFailure(s *state) []Gap {
	return eachItem(s.ws.People, "people", func(p *plan.Person, add addGap) {
		var member, primary, sole []string
		for _, ri := range s.personRoles[p.ID] {
			r := &s.ws.Roles[ri]
			if !isKeyRole(r) {
				continue
			}
			name := plan.OrID(r.Name, r.ID)
			member = append(member, name)
			if r.Primary() == p.ID {
				primary = append(primary, name)
			}
			if len(s.staffed(r)) == 1 {
				sole = append(sole, name)
			}
		}
		who := plan.OrID(p.Name, p.ID)
		switch {
		case len(sole) > MaxSoleKeyRoles:
			add("", "%s is the only person in %d key roles (%s)", who, len(sole), strings.Join(sole, ", "))
		case len(primary) > MaxPrimaryKeyRoles:
			add("", "%s is first in line for %d key roles (%s)", who, len(primary), strings.Join(primary, ", "))
		case len(member) > MaxKeyRoles:
			add("", "%s holds %d key roles (%s)", who, len(member), strings.Join(member, ", "))
		}
	})
}

// keyRolesHaveTwoPeople checks ROL-3.2: every key role has at least two people.
func keyRolesHaveTwoPeople(s *state) []Gap {
	return eachItem(s.ws.Roles, "roles", func(r *plan.Role, add addGap) {
		if isKeyRole(r) && len(s.staffed(r)) == 1 {
			add("members", "%s has only %s", plan.OrID(r.Name, r.ID), s.personName(s.staffed(r)[0]))
		}
	})
}

// responsibleRolesHaveDuties checks ROL-3.3: every role responsible or accountable for an incident type has its duties written down.
func responsibleRolesHaveDuties(s *state) []Gap {
	needs := s.rolesHolding(plan.Responsible, plan.Accountable)
	return eachItem(s.ws.Roles, "roles", func(r *plan.Role, add addGap) {
		if needs[r.ID] && plan.Placeholder(r.Description) && len(r.Responsibilities) == 0 {
			add("responsibilities", "%s has no description or responsibilities", plan.OrID(r.Name, r.ID))
		}
	})
}
