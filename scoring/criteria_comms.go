package scoring

import (
	"slices"

	"drillbook/plan"
)

func commsCriteria() []Criterion {
	return []Criterion{
		{
			ID: "COM-1.1", Dimension: DimComms, Level: 1,
			Title:          "At least one stakeholder is in the communication plan.",
			Missing:        "There is no stakeholder communication plan.",
			Why:            "Silence during an incident gets filled with guesses: customers flood the service desk and executives hear about it from customers.",
			Recommendation: "List at least the internal staff channel and the customer contact list, with the role that owns each.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: oneStakeholderCommunicationPlan,
		},
		{
			ID: "COM-2.1", Dimension: DimComms, Level: 2,
			Title:          "Internal and customer stakeholders are both in the plan.",
			Missing:        "Internal staff or customers are missing from the communication plan.",
			Why:            "Staff and customers need different messages at different times; a plan with only one leaves the other uninformed.",
			Recommendation: "Add the missing group: an internal channel for staff, and a customer list or status page for users.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: internalAndCustomerStakeholders,
		},
		{
			ID: "COM-2.2", Dimension: DimComms, Level: 2,
			Title:          "A communications role is staffed (internal or customer comms function).",
			Missing:        "No role owns incident communications.",
			Why:            "Without a comms owner the incident manager writes updates while running the response, and both suffer.",
			Recommendation: "Give a role the internal communications and customer communications functions and put at least two people in it.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: commsRoleStaffed,
		},
		{
			ID: "COM-2.3", Dimension: DimComms, Level: 2,
			Title:          "Every stakeholder is owned by a role that has people in it.",
			Missing:        "A stakeholder's owner role is missing or empty.",
			Why:            "A stakeholder whose owner role is empty is never updated: everyone assumes someone else is doing it.",
			Recommendation: "Set each stakeholder's owner role to a staffed role, normally the comms lead (or the DPO for regulators).",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: stakeholderOwnersStaffed,
		},
		{
			ID: "COM-2.4", Dimension: DimComms, Level: 2,
			Title:          "Every stakeholder has an address: channel, list, number or URL.",
			Missing:        "A stakeholder has no address.",
			Why:            "Under pressure nobody should be hunting for the customer mailing list or the status page login.",
			Recommendation: "Record where updates go for each stakeholder: the chat channel, mailing list, SMS group or status page URL.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: stakeholdersHaveAddress,
		},
		{
			ID: "COM-3.1", Dimension: DimComms, Level: 3,
			Title:          "Every stakeholder other than regulators has an update cadence at the most severe level.",
			Missing:        "A stakeholder has no update cadence for the most severe incidents.",
			Why:            "A cadence is a promise (\"next update in 30 minutes\") that stops stakeholders chasing the team; exercises time it.",
			Recommendation: "Set how often each stakeholder is updated at Sev 1 (and Sev 2), matching the severity's update target where you can.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: stakeholderCadenceAtTopSeverity,
		},
		{
			ID: "COM-3.2", Dimension: DimComms, Level: 3,
			Title:          "Every stakeholder has a message template.",
			Missing:        "A stakeholder has no message template.",
			Why:            "Templates make first updates fast and consistent and keep speculation about causes out of them.",
			Recommendation: "Write a short template per stakeholder: what is happening, who is affected, what to do now, when the next update comes.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: everyStakeholderHasMessageTemplate,
		},
		{
			ID: "COM-3.3", Dimension: DimComms, Level: 3,
			Title:          "Executives are in the communication plan (in a team of ten or fewer people they run the response and need no briefing).",
			Missing:        "Executives are not in the communication plan.",
			Why:            "Executives who learn of a major incident from a customer lose trust in the response and step in, usually unhelpfully.",
			Recommendation: "Add the executive team as a stakeholder with brief SMS or chat updates at Sev 1 and 2.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: executivesCommunicationPlan,
		},
		exercised("COM-4.1", DimComms, "Stakeholder updates",
			"Update cadences are the first thing to slip under pressure; exercising them shows whether the comms lead can keep the promised rhythm with the templates.",
			"Time the first update and the cadence in the next exercise, using the real templates and channels (with a test audience)."),
	}
}

// oneStakeholderCommunicationPlan checks COM-1.1: at least one stakeholder is in the communication plan.
func oneStakeholderCommunicationPlan(s *state) []Gap {
	return noneIn(s.ws.Stakeholders, "stakeholders", "the communication plan has no stakeholders")
}

// internalAndCustomerStakeholders checks COM-2.1: internal and customer stakeholders are both in the plan.
func internalAndCustomerStakeholders(s *state) []Gap {
	have := map[plan.StakeholderKind]bool{}
	for _, st := range s.ws.Stakeholders {
		have[st.Kind] = true
	}
	return append(gapIf(!have[plan.StakeholderInternal], "stakeholders", "no internal stakeholder is in the plan"),
		gapIf(!have[plan.StakeholderCustomer] && !have[plan.StakeholderPublic], "stakeholders", "no customer or public stakeholder is in the plan")...)
}

// commsRoleStaffed checks COM-2.2: a communications role is staffed (internal or customer comms function).
func commsRoleStaffed(s *state) []Gap {
	return s.unstaffed(plan.FunctionInternalComms, plan.FunctionCustomerComms)
}

// stakeholderOwnersStaffed checks COM-2.3: every stakeholder is owned by a role that has people in it.
func stakeholderOwnersStaffed(s *state) []Gap {
	return eachItem(s.ws.Stakeholders, "stakeholders", func(st *plan.Stakeholder, add addGap) {
		if !s.roleStaffed(st.OwnerRole) {
			add("ownerRole", "%s's owner role %q does not exist or has nobody in it", plan.OrID(st.Name, st.ID), st.OwnerRole)
		}
	})
}

// stakeholdersHaveAddress checks COM-2.4: every stakeholder has an address: channel, list, number or URL.
func stakeholdersHaveAddress(s *state) []Gap {
	return eachItem(s.ws.Stakeholders, "stakeholders", func(st *plan.Stakeholder, add addGap) {
		if plan.Placeholder(st.Address) {
			add("address", "%s has no address", plan.OrID(st.Name, st.ID))
		}
	})
}

// stakeholderCadenceAtTopSeverity checks COM-3.1: every stakeholder other than regulators has an update cadence at the most severe level.
func stakeholderCadenceAtTopSeverity(s *state) []Gap {
	top := max(s.mostSevere, 1)
	return eachItem(s.ws.Stakeholders, "stakeholders", func(st *plan.Stakeholder, add addGap) {
		if st.Kind != plan.StakeholderRegulator && !slices.ContainsFunc(st.Cadence, func(c plan.Cadence) bool { return c.Severity == top && c.Every > 0 }) {
			add("cadence", "%s has no update cadence at Sev %d", plan.OrID(st.Name, st.ID), top)
		}
	})
}

// everyStakeholderHasMessageTemplate checks COM-3.2: every stakeholder has a message template.
func everyStakeholderHasMessageTemplate(s *state) []Gap {
	return eachItem(s.ws.Stakeholders, "stakeholders", func(st *plan.Stakeholder, add addGap) {
		if plan.Placeholder(st.Template) {
			add("template", "%s has no message template", plan.OrID(st.Name, st.ID))
		}
	})
}

// executivesCommunicationPlan checks COM-3.3: executives are in the communication plan.
func executivesCommunicationPlan(s *state) []Gap {
	// In a team of ten or fewer the executives are the responders: there
	// is nobody further up to brief.
	if len(s.ws.People) <= smallTeam {
		return nil
	}
	return gapIf(!slices.ContainsFunc(s.ws.Stakeholders, func(st plan.Stakeholder) bool { return st.Kind == plan.StakeholderExecutive }),
		"stakeholders", "no executive stakeholder is in the plan")
}

// smallTeam is the size at which founders run incidents themselves.
const smallTeam = 10
