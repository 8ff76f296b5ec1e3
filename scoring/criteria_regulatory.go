package scoring

import (
	"strings"

	"drillbook/internal/prose"
	"drillbook/plan"
)

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
			check: oneReportingObligationRecorded,
		},
		{
			ID: "REG-2.1", Dimension: DimRegulatory, Level: 2,
			Title:          "Every reporting obligation names whom to report to and has a staffed owner role and a deadline.",
			Missing:        "A regulator obligation has no owner or deadline.",
			Why:            "A reporting duty without an owner is missed because everyone assumes someone else has it; without a deadline nobody starts the clock.",
			Recommendation: "Give each obligation its deadline from detection (e.g. 72 hours for UK GDPR Article 33) and an owner role with people in it.",
			Severity:       SeverityCritical, Effort: EffortSmall,
			check: obligationsOwnedAndTimed,
		},
		{
			ID: "REG-2.2", Dimension: DimRegulatory, Level: 2,
			Title:          "A role carries the regulatory reporting function and has people in it.",
			Missing:        "No role carries the regulatory reporting function.",
			Why:            "Scenarios bind \"the regulator reporter\" to this function; without it the regulatory part of a response has no owner.",
			Recommendation: "Give the DPO or compliance role the regulatory reporting function.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: regulatoryRoleStaffed,
		},
		{
			ID: "REG-2.3", Dimension: DimRegulatory, Level: 2,
			Title:          "Every information governance and clinical safety incident type is covered by a reporting obligation.",
			Missing:        "A data or safety incident type has no reporting obligation.",
			Why:            "Personal data breaches and patient-safety incidents almost always carry statutory reporting duties; a type with none is usually an oversight, not an exemption.",
			Recommendation: "Add the obligation that applies (e.g. the data protection regulator at 72 hours) and link it to the type, or mark this N/A with the legal reason.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: reportableTypesHaveObligations,
		},
		{
			ID: "REG-2.4", Dimension: DimRegulatory, Level: 2,
			Title:          "Reporting deadlines are within what any regime allows (60 days at most).",
			Missing:        "A reporting deadline is far beyond any regime.",
			Why:            "Regulators count in hours (GDPR 72 hours, NIS2 24 hours for an early warning, DORA 4 hours after classification); even the longest common rule (HIPAA's 60 days to individuals) is shorter. A longer deadline is a placeholder, and a drill timed against it tests nothing.",
			Recommendation: "Take each obligation's deadline from the rule it cites.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: deadlinesWithinRegimes,
		},
		{
			ID: "REG-2.5", Dimension: DimRegulatory, Level: 2,
			Title:          "Every regime the organisation declares has a reporting obligation in the plan.",
			Missing:        "A declared regime has no reporting obligation in the plan.",
			Why:            "Declaring that NIS2, DORA, GDPR, HIPAA or the SEC's rules apply says the organisation owes their reports; with no obligation in the plan nobody owns the report and no drill times it.",
			Recommendation: "Add the regime's obligations (Reporting obligations → Add obligations from regimes…: NIS2 Art. 23(4), DORA Art. 19(4), GDPR Art. 33, 45 CFR 164.404–408, Form 8-K Item 1.05), or remove the regime if it does not apply.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: declaredRegimesHaveObligations,
		},
		{
			ID: "REG-2.6", Dimension: DimRegulatory, Level: 2,
			Title:          "No reporting obligation is slower than the regime it cites allows.",
			Missing:        "A reporting obligation is slower than its regime allows.",
			Why:            "A plan deadline later than the law's (96 hours where GDPR Art. 33 allows 72) makes every drill pass a report that would be late for real, and the real report late.",
			Recommendation: "Set the deadline to the regime's own or shorter: NIS2 24 h early warning and 72 h notification (Art. 23(4)); DORA initial notification at most 24 h from awareness (Art. 19(4), Delegated Regulation (EU) 2025/301 Art. 5); GDPR and UK GDPR 72 h (Art. 33(1)); HIPAA 60 days (45 CFR 164.404).",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: obligationsWithinTheirRegime,
		},
		{
			ID: "REG-3.1", Dimension: DimRegulatory, Level: 3,
			Title:          "Every reporting obligation says how to report and under what rule.",
			Missing:        "A reporting obligation does not say how to report or under what rule.",
			Why:            "At hour 70 of 72 nobody should be searching for the regulator's form or the contract clause.",
			Recommendation: "Record the method (portal, form, phone) and the legal or contractual reference for each obligation.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: obligationsSayHow,
		},
		{
			ID: "REG-3.2", Dimension: DimRegulatory, Level: 3,
			Title:          "Every reporting obligation's owner role has at least two people.",
			Missing:        "A reporting obligation depends on one person.",
			Why:            "Reporting clocks run through weekends and holidays; an owner role of one person misses the deadline when they are away.",
			Recommendation: "Add a second person (a deputy DPO, compliance manager) to each owner role and brief them on the reports.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: obligationOwnersHaveCover,
		},
		{
			ID: "REG-3.3", Dimension: DimRegulatory, Level: 3,
			Title:          "Every reporting obligation's owner role has a playbook.",
			Missing:        "A reporting obligation's owner has no playbook.",
			Why:            "Reports are rare, so the steps are forgotten between incidents; a playbook keeps the decision, the evidence to gather and the submission steps ready.",
			Recommendation: "Write a playbook for the owner role: how to decide whether a report is needed, what to gather, how and where to submit, and what to record.",
			Severity:       SeverityMedium, Effort: EffortMedium,
			check: obligationOwnersHavePlaybooks,
		},
		exercised("REG-4.1", DimRegulatory, "Reporting to a regulator",
			"Statutory reports are rare, so the first real one is usually the first attempt; a rehearsed report meets its deadline.",
			"Run a personal data breach scenario through to a drafted regulator report within the deadline, using the real form offline."),
	}
}

// oneReportingObligationRecorded checks REG-1.1: at least one reporting obligation is recorded.
func oneReportingObligationRecorded(s *state) []Gap {
	return noneIn(s.ws.ReportingObligations, "reportingObligations", "the plan records no reporting obligations")
}

// obligationsOwnedAndTimed checks REG-2.1: every reporting obligation has a staffed owner role and a deadline.
func obligationsOwnedAndTimed(s *state) []Gap {
	return eachItem(s.ws.ReportingObligations, "reportingObligations", func(o *plan.ReportingObligation, add addGap) {
		if plan.Placeholder(o.Body) || genericBodies[strings.ToLower(strings.TrimSpace(o.Body))] {
			add("body", "the obligation is owed to %q, which names no one to report to", o.Body)
		}
		if !s.roleStaffed(o.OwnerRole) {
			add("ownerRole", "the %s obligation has no staffed owner role", plan.OrID(o.Body, o.ID))
		}
		if o.Deadline <= 0 {
			add("deadline", "the %s obligation has no deadline", plan.OrID(o.Body, o.ID))
		}
	})
}

// regulatoryRoleStaffed checks REG-2.2: a role carries the regulatory reporting function and has people in it.
func regulatoryRoleStaffed(s *state) []Gap {
	return s.unstaffed(plan.FunctionRegulatory)
}

// reportableTypesHaveObligations checks REG-2.3: every information governance and clinical safety incident type is covered by a reporting obligation.
func reportableTypesHaveObligations(s *state) []Gap {
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
	return eachItem(s.ws.IncidentTypes, "incidentTypes", func(t *plan.IncidentType, add addGap) {
		if (t.Category == plan.CategoryInfoGov || t.Category == plan.CategoryClinical) && !covered[t.ID] {
			add("", "%s (%s) is not covered by any reporting obligation", plan.OrID(t.Name, t.ID), t.Category)
		}
	})
}

// obligationsSayHow checks REG-3.1: every reporting obligation says how to report and under what rule.
func obligationsSayHow(s *state) []Gap {
	return eachItem(s.ws.ReportingObligations, "reportingObligations", func(o *plan.ReportingObligation, add addGap) {
		if plan.Placeholder(o.Method) {
			add("method", "the %s obligation does not say how to report", plan.OrID(o.Body, o.ID))
		}
		if plan.Placeholder(o.Reference) {
			add("reference", "the %s obligation cites no legal or contractual reference", plan.OrID(o.Body, o.ID))
		}
	})
}

// obligationOwnersHaveCover checks REG-3.2: every reporting obligation's owner role has at least two people.
func obligationOwnersHaveCover(s *state) []Gap {
	return eachItem(s.ws.ReportingObligations, "reportingObligations", func(o *plan.ReportingObligation, add addGap) {
		if r, _ := s.role(o.OwnerRole); r != nil && len(s.staffed(r)) == 1 {
			add("ownerRole", "the %s obligation rests on %s alone", plan.OrID(o.Body, o.ID), s.personName(s.staffed(r)[0]))
		}
	})
}

// obligationOwnersHavePlaybooks checks REG-3.3: every reporting obligation's owner role has a playbook.
func obligationOwnersHavePlaybooks(s *state) []Gap {
	return eachItem(s.ws.ReportingObligations, "reportingObligations", func(o *plan.ReportingObligation, add addGap) {
		if o.OwnerRole != "" && !s.roleHasPlaybook[o.OwnerRole] {
			add("ownerRole", "%s owns the %s obligation but has no playbook", s.roleName(o.OwnerRole), plan.OrID(o.Body, o.ID))
		}
	})
}

// maxRegimeDeadline is the longest deadline of the common regimes (HIPAA's
// 60 days to individuals).
const maxRegimeDeadline = 60 * plan.Day

// deadlinesWithinRegimes checks REG-2.4.
func deadlinesWithinRegimes(s *state) []Gap {
	return eachItem(s.ws.ReportingObligations, "reportingObligations", func(o *plan.ReportingObligation, add addGap) {
		if o.Deadline > maxRegimeDeadline {
			add("deadline", "%s is to be told within %s", plan.OrID(o.Body, o.ID), o.Deadline)
		}
	})
}

// genericBodies are names that say "someone" rather than whom to report to.
var genericBodies = map[string]bool{
	"regulator": true, "the regulator": true, "regulators": true, "relevant authority": true,
	"the relevant authority": true, "authority": true, "authorities": true, "the authorities": true,
	"relevant regulator": true, "supervisory authority": true,
}

// declaredRegimesHaveObligations checks REG-2.5: no declared regime is
// without an obligation about it (RegimesOf: by ID, body and reference).
func declaredRegimesHaveObligations(s *state) []Gap {
	has := map[string]bool{}
	for i := range s.ws.ReportingObligations {
		for _, m := range plan.RegimesOf(&s.ws.ReportingObligations[i]) {
			has[m.Regime.ID] = true
		}
	}
	return eachItem(s.ws.Organisation.Regimes, "organisation.regimes", func(id *string, add addGap) {
		if r := plan.RegimeByID(*id); r != nil && !has[r.ID] {
			add("", "the plan has no reporting obligation under %s, which the organisation declares (%s)", r.Short, r.Name)
		}
	})
}

// obligationsWithinTheirRegime checks REG-2.6: an obligation about a
// regime is no slower than the latest the duty it stands for allows from
// detection (RegimeObligation.Limit). When the text names the regime but
// not the duty, only a deadline beyond every duty of the regime is slower.
func obligationsWithinTheirRegime(s *state) []Gap {
	return eachItem(s.ws.ReportingObligations, "reportingObligations", func(o *plan.ReportingObligation, add addGap) {
		if o.Deadline <= 0 {
			return // REG-2.1 asks for the deadline
		}
		for _, m := range plan.RegimesOf(o) {
			limit, ref := regimeLimit(m)
			if limit > 0 && o.Deadline > limit {
				add("deadline", "the %s obligation allows %s where %s allows %s", plan.OrID(o.Body, o.ID), prose.Duration(o.Deadline.D()), ref, prose.Duration(limit.D()))
			}
		}
	})
}

// regimeLimit is the longest deadline from detection a matched regime
// allows, and the rule to cite; 0 when it sets none.
func regimeLimit(m plan.RegimeMatch) (plan.Duration, string) {
	if m.Duty != nil {
		if m.Duty.Untimed != "" {
			return 0, ""
		}
		return m.Duty.Limit, m.Duty.Reference
	}
	var limit plan.Duration
	for _, d := range m.Regime.Obligations {
		if d.Untimed == "" && d.Limit == 0 {
			return 0, "" // one of its duties has no ceiling
		}
		limit = max(limit, d.Limit)
	}
	return limit, m.Regime.Short
}
