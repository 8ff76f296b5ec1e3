package scoring

import (
	"slices"

	"drillbook/plan"
)

func criticalOrHigh(c plan.Criticality) bool {
	return c == plan.CriticalityCritical || c == plan.CriticalityHigh
}

// unreachableOutOfHours lists the suppliers of the wanted criticality with
// no contact marked out-of-hours.
func unreachableOutOfHours(s *state, want func(plan.Criticality) bool) []Gap {
	return eachItem(s.ws.ThirdParties, "thirdParties", func(t *plan.ThirdParty, add addGap) {
		if want(t.Criticality) && !reachableOutOfHours(t.Contacts) {
			add("contacts", "%s (%s %s) has no contact marked out-of-hours", plan.OrID(t.Name, t.ID), t.Criticality, t.ServiceClass)
		}
	})
}

func thirdPartyCriteria() []Criterion {
	return []Criterion{
		{
			ID: "TP-1.1", Dimension: DimThirdParties, Level: 1,
			Title:          "At least one third party is listed.",
			Missing:        "No third parties are listed.",
			Why:            "Web products run on suppliers (cloud, database, DNS, CDN); in their outages the first question is how to reach them.",
			Recommendation: "List every supplier the product cannot run without, with its service class and criticality.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: oneThirdPartyListed,
		},
		{
			ID: "TP-2.1", Dimension: DimThirdParties, Level: 2,
			Title:          "Every third party has at least one contact.",
			Missing:        "A third party has no contact.",
			Why:            "A supplier with no contact route turns a five-minute support case into a search through old emails and invoices.",
			Recommendation: "Record the support portal, phone line and account-manager email for each supplier, with what each is for.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: suppliersHaveContact,
		},
		{
			ID: "TP-2.2", Dimension: DimThirdParties, Level: 2,
			Title:          "Every critical third party can be reached out of hours.",
			Missing:        "A third party critical to the product has no out-of-hours contact.",
			Why:            "Critical suppliers fail at night and at weekends too. If the only routes are business-hours tickets, an outage that starts on Friday evening waits until Monday morning for the supplier.",
			Recommendation: "Record a 24/7 route (support line, priority ticket, emergency contact) and mark it out-of-hours. If the support plan has none, upgrade it, or document and rehearse the failover that makes you independent of the supplier.",
			Severity:       SeverityCritical, Effort: EffortMedium,
			check: criticalSuppliersReachableOutOfHours,
		},
		{
			ID: "TP-2.3", Dimension: DimThirdParties, Level: 2,
			Title:          "The cloud (hosting) and DNS providers are listed.",
			Missing:        "The hosting or DNS provider is not listed.",
			Why:            "Every web product depends on hosting and DNS. An unlisted provider has no contacts or criticality recorded, and scenarios that need it cannot be bound to the plan.",
			Recommendation: "Add the hosting and DNS providers (even when one company supplies both) with their contacts. If you self-host, mark this criterion N/A with that reason.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: cloudAndDNSListed,
		},
		{
			ID: "TP-3.1", Dimension: DimThirdParties, Level: 3,
			Title:          "Every critical or high third party has a status page recorded.",
			Missing:        "A critical or high third party has no status page recorded.",
			Why:            "A status page answers \"is it them or us?\" in seconds and is where suppliers post updates and ETAs.",
			Recommendation: "Record each supplier's status page and subscribe the incident channel to it.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: keySuppliersHaveStatusPage,
		},
		{
			ID: "TP-3.2", Dimension: DimThirdParties, Level: 3,
			Title:          "Every critical or high third party has its support plan and account reference recorded.",
			Missing:        "A critical or high third party has no support plan or account reference.",
			Why:            "Support lines ask for the account reference first, and the support plan says what response to expect and whether 24/7 help is included at all.",
			Recommendation: "Record the support plan (response times and hours) and the account or tenant ID for each critical and high supplier.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: keySuppliersHaveSupportPlan,
		},
		{
			ID: "TP-3.3", Dimension: DimThirdParties, Level: 3,
			Title:          "Under 24/7 cover, every high-criticality third party can also be reached out of hours.",
			Missing:        "A high-criticality third party has no out-of-hours contact under 24/7 cover.",
			Why:            "A 24/7 service that depends on a supplier answered only in office hours is not really 24/7.",
			Recommendation: "Record a 24/7 contact for each high supplier and mark it out-of-hours, or agree and document a workaround that does not need them at night.",
			Severity:       SeverityMedium, Effort: EffortMedium,
			check: highSuppliersReachableOutOfHours,
		},
		{
			ID: "TP-3.4", Dimension: DimThirdParties, Level: 3,
			Title:          "A supplier liaison role is staffed.",
			Missing:        "Nobody owns supplier liaison during incidents.",
			Why:            "Someone must own supplier cases during an incident so engineers keep fixing while the case is chased and escalated.",
			Recommendation: "Give a role (platform lead, service delivery manager) the supplier liaison function, with at least one person.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: supplierLiaisonRoleStaffed,
		},
		exercised("TP-4.1", DimThirdParties, "Contacting a third party",
			"Supplier contacts rot: numbers change, support PINs are lost, plans lapse. An exercise is the cheap way to find out before an outage does.",
			"Have the team actually open a (test) case with a critical supplier during the next exercise and time it against the support plan."),
	}
}

// oneThirdPartyListed checks TP-1.1: at least one third party is listed.
func oneThirdPartyListed(s *state) []Gap {
	return noneIn(s.ws.ThirdParties, "thirdParties", "the plan lists no third parties")
}

// suppliersHaveContact checks TP-2.1: every third party has at least one contact.
func suppliersHaveContact(s *state) []Gap {
	return eachItem(s.ws.ThirdParties, "thirdParties", func(t *plan.ThirdParty, add addGap) {
		if !slices.ContainsFunc(t.Contacts, plan.PlausibleContact) {
			add("contacts", "%s has no contact", plan.OrID(t.Name, t.ID))
		}
	})
}

// criticalSuppliersReachableOutOfHours checks TP-2.2: every critical third party can be reached out of hours.
func criticalSuppliersReachableOutOfHours(s *state) []Gap {
	return unreachableOutOfHours(s, func(c plan.Criticality) bool { return c == plan.CriticalityCritical })
}

// cloudAndDNSListed checks TP-2.3: the cloud (hosting) and DNS providers are listed.
func cloudAndDNSListed(s *state) []Gap {
	have := map[plan.ServiceClass]bool{}
	for _, t := range s.ws.ThirdParties {
		have[t.ServiceClass] = true
	}
	var gs []Gap
	for _, c := range []plan.ServiceClass{plan.ServiceCloud, plan.ServiceDNS} {
		if !have[c] {
			gs = append(gs, gap("thirdParties", "no %s provider is listed", c))
		}
	}
	return gs
}

// keySuppliersHaveStatusPage checks TP-3.1: every critical or high third party has a status page recorded.
func keySuppliersHaveStatusPage(s *state) []Gap {
	return eachItem(s.ws.ThirdParties, "thirdParties", func(t *plan.ThirdParty, add addGap) {
		if criticalOrHigh(t.Criticality) && plan.Placeholder(t.StatusPage) {
			add("statusPage", "%s (%s) has no status page recorded", plan.OrID(t.Name, t.ID), t.Criticality)
		}
	})
}

// keySuppliersHaveSupportPlan checks TP-3.2: every critical or high third party has its support plan and account reference recorded.
func keySuppliersHaveSupportPlan(s *state) []Gap {
	return eachItem(s.ws.ThirdParties, "thirdParties", func(t *plan.ThirdParty, add addGap) {
		if !criticalOrHigh(t.Criticality) {
			return
		}
		if plan.Placeholder(t.SupportPlan) {
			add("supportPlan", "%s has no support plan recorded", plan.OrID(t.Name, t.ID))
		}
		if plan.Placeholder(t.AccountRef) {
			add("accountRef", "%s has no account reference recorded", plan.OrID(t.Name, t.ID))
		}
	})
}

// highSuppliersReachableOutOfHours checks TP-3.3: under 24/7 cover, every high-criticality third party can also be reached out of hours.
func highSuppliersReachableOutOfHours(s *state) []Gap {
	if !s.is24x7 {
		return nil
	}
	return unreachableOutOfHours(s, func(c plan.Criticality) bool { return c == plan.CriticalityHigh })
}

// supplierLiaisonRoleStaffed checks TP-3.4: a supplier liaison role is staffed.
func supplierLiaisonRoleStaffed(s *state) []Gap {
	return s.unstaffed(plan.FunctionSupplierManager)
}
