package frameworks

// The European (and UK) regulations. Articles and time limits are those of
// the texts published in the Official Journal of the European Union; DORA's
// reporting time limits are set by the delegated regulation its Art. 20
// calls for.

const (
	nis2Source  = "Directive (EU) 2022/2555 (NIS2), OJ L 333, 27.12.2022"
	doraSource  = "Regulation (EU) 2022/2554 (DORA), OJ L 333, 27.12.2022"
	doraRTS     = "Commission Delegated Regulation (EU) 2025/301, Art. 5"
	gdprSource  = "Regulation (EU) 2016/679 (GDPR), OJ L 119, 4.5.2016"
	ukgdprTitle = "UK GDPR (Regulation (EU) 2016/679 as retained in UK law by the European Union (Withdrawal) Act 2018 and amended)"
)

// article is one article or paragraph of a regulation; id is how the
// source numbers it without "Art." ("23(4)(a)").
func article(source, id, summary string, deadlines ...Deadline) Clause {
	return Clause{ID: id, Reference: "Art. " + id, Summary: summary, Citation: source + ", Art. " + id, Deadlines: deadlines}
}

func outOfScope(c Clause, reason string) Clause {
	c.OutOfScope = reason
	return c
}

func nis2() Framework {
	a := func(id, summary string, d ...Deadline) Clause { return article(nis2Source, id, summary, d...) }
	return Framework{
		ID: NIS2, Name: "NIS2 Directive (EU) 2022/2555", Short: "NIS2", Source: nis2Source,
		Clauses: []Clause{
			a("21(2)(b)", "Risk measures include handling incidents."),
			a("21(2)(c)", "Risk measures include business continuity (backups, disaster recovery) and crisis management."),
			a("21(2)(d)", "Risk measures include the security of the supply chain and of direct suppliers."),
			a("23(1)", "Significant incidents are notified to the CSIRT or competent authority without undue delay, and service recipients told where their service is affected."),
			outOfScope(a("23(3)", "An incident is significant if it causes or can cause severe disruption or loss, or considerable damage to others."),
				"Whether an incident is significant is judged on its impact when it happens; the plan's severities are not NIS2's test."),
			// Art. 23(4)(a): "without undue delay and in any event within
			// 24 hours of becoming aware of the significant incident".
			a("23(4)(a)", "An early warning goes to the CSIRT or competent authority, saying whether unlawful or cross-border causes are suspected.",
				Deadline{24, Hours, "becoming aware of the significant incident"}),
			// Art. 23(4)(b): "within 72 hours of becoming aware".
			a("23(4)(b)", "An incident notification updates the early warning with a first assessment of severity, impact and indicators of compromise.",
				Deadline{72, Hours, "becoming aware of the significant incident"}),
			a("23(4)(c)", "An intermediate report on the incident's status is sent when the CSIRT or authority asks for one."),
			// Art. 23(4)(d): "not later than one month after the submission
			// of the incident notification".
			a("23(4)(d)", "A final report gives the incident's description, root cause, measures taken and any cross-border impact.",
				Deadline{1, Months, "the incident notification"}),
			// Art. 23(4)(e): the final report then follows "within one month
			// of their handling of the incident".
			a("23(4)(e)", "If the incident is still ongoing when the final report is due, a progress report is sent then and the final report once it is handled.",
				Deadline{1, Months, "the end of handling the incident"}),
		},
	}
}

func dora() Framework {
	a := func(id, summary string, d ...Deadline) Clause { return article(doraSource, id, summary, d...) }
	rts := func(c Clause) Clause {
		c.Citation += "; time limit: " + doraRTS
		return c
	}
	return Framework{
		ID: DORA, Name: "Digital Operational Resilience Act, Regulation (EU) 2022/2554", Short: "DORA", Source: doraSource,
		Clauses: []Clause{
			a("11(1)", "A financial entity keeps an ICT business continuity policy as part of its ICT risk management."),
			a("11(2)", "The policy is carried out through arrangements, plans and procedures that respond to and recover from ICT incidents."),
			a("11(6)", "ICT business continuity and response and recovery plans are tested at least once a year and after major changes."),
			a("17(1)", "An ICT-related incident management process detects, manages and notifies incidents."),
			a("17(3)", "The process sets early warnings, recording and classification, roles, communication plans, reporting to senior management and response procedures."),
			a("18(1)", "ICT-related incidents are classified, and their impact judged, on the criteria DORA sets."),
			a("19(1)", "Major ICT-related incidents are reported to the competent authority."),
			a("19(3)", "Clients whose financial interests a major incident affects are told without undue delay, with the measures taken."),
			// Delegated Regulation (EU) 2025/301, Art. 5(1): within 4 hours
			// of classifying the incident as major and no later than 24 hours
			// from becoming aware of it.
			rts(a("19(4)(a)", "An initial notification of a major incident goes to the competent authority.",
				Deadline{4, Hours, "classifying the incident as major"}, Deadline{24, Hours, "becoming aware of the incident"})),
			// Art. 5(2): within 72 hours of submitting the initial notification.
			rts(a("19(4)(b)", "An intermediate report follows the initial notification, and is updated as the situation changes.",
				Deadline{72, Hours, "submitting the initial notification"})),
			// Art. 5(3): no later than one month after the latest updated
			// intermediate report.
			rts(a("19(4)(c)", "A final report follows once the root cause analysis is done.",
				Deadline{1, Months, "the latest updated intermediate report"})),
			a("24(1)", "A financial entity keeps a digital operational resilience testing programme."),
			a("25(1)", "The testing programme includes suitable tests, scenario-based tests among them."),
		},
	}
}

// gdpr builds the GDPR or the UK GDPR: the UK kept the articles' numbers
// and time limits, with the Information Commissioner as the authority.
func gdpr(id string) Framework {
	f := Framework{ID: GDPR, Name: "General Data Protection Regulation (EU) 2016/679", Short: "GDPR", Source: gdprSource}
	authority := "the supervisory authority"
	if id == UKGDPR {
		f = Framework{ID: UKGDPR, Name: "UK General Data Protection Regulation", Short: "UK GDPR", Source: ukgdprTitle}
		authority = "the Information Commissioner"
	}
	a := func(id, summary string, d ...Deadline) Clause { return article(f.Source, id, summary, d...) }
	f.Clauses = []Clause{
		// Art. 33(1): "without undue delay and, where feasible, not later
		// than 72 hours after having become aware of it".
		a("33(1)", "A personal data breach is notified to "+authority+" unless it is unlikely to put people at risk; a late notice says why it is late.",
			Deadline{72, Hours, "becoming aware of the breach"}),
		a("33(2)", "A processor tells the controller of a breach without undue delay."),
		outOfScope(a("33(3)", "The notification describes the breach, the contact point, the likely consequences and the measures taken."),
			"The content of a notification is written during the incident; the workspace holds no draft of it to judge."),
		outOfScope(a("33(5)", "Every breach is documented: facts, effects and remedial action."),
			"The breach register is kept outside the workspace."),
		a("34(1)", "People are told without undue delay of a breach likely to put their rights and freedoms at high risk."),
	}
	return f
}
