package frameworks

// The US rules and the card industry's standard.

const (
	hipaaSource = "45 CFR Part 164 Subpart D, Notification in the Case of Breach of Unsecured Protected Health Information (§§ 164.400–414)"
	secSource   = "SEC Form 8-K, Item 1.05 Material Cybersecurity Incidents (Release 33-11216, 2023); 17 CFR 229.106 (Regulation S-K Item 106)"
	pciSource   = "PCI DSS v4.0, Payment Card Industry Data Security Standard, March 2022, Requirement 12.10"
)

func hipaa() Framework {
	// §§ 164.404(b), 164.406(b), 164.408(b) and 164.410(b): "without
	// unreasonable delay and in no case later than 60 calendar days after
	// discovery of a breach".
	sixty := Deadline{60, CalendarDays, "discovering the breach"}
	s := func(id, summary string, d ...Deadline) Clause {
		return Clause{ID: id, Reference: "45 CFR " + id, Summary: summary, Citation: "45 CFR " + id, Deadlines: d}
	}
	return Framework{
		ID: HIPAA, Name: "HIPAA Breach Notification Rule", Short: "HIPAA breach", Source: hipaaSource,
		Clauses: []Clause{
			s("164.404", "A covered entity tells each affected individual of a breach of their unsecured health information.", sixty),
			s("164.406", "A breach affecting more than 500 residents of a State or jurisdiction is also announced through prominent media there.", sixty),
			s("164.408", "The Secretary of HHS is told: at the same time as individuals when 500 or more are affected, otherwise in a yearly log.", sixty),
			s("164.410", "A business associate tells the covered entity of a breach it discovers.", sixty),
			outOfScope(s("164.412", "Notice is delayed when law enforcement says it would impede an investigation."),
				"A law-enforcement delay is decided during a real incident; the plan holds nothing to judge it by."),
			outOfScope(s("164.414", "The covered entity or business associate must be able to show that every notice was given."),
				"The records of notices given are kept outside the workspace."),
		},
	}
}

func sec8k() Framework {
	return Framework{
		ID: SEC8K, Name: "SEC Form 8-K Item 1.05 (material cybersecurity incidents)", Short: "SEC 8-K 1.05", Source: secSource,
		Clauses: []Clause{
			// Form 8-K General Instruction B.1 and Item 1.05(a): filed within
			// four business days after the registrant determines that the
			// incident is material.
			{ID: "1.05(a)", Reference: "Item 1.05(a)", Summary: "A registrant discloses a material cybersecurity incident: its nature, scope, timing and likely material impact.",
				Citation: "SEC Form 8-K, Item 1.05(a) and General Instruction B.1", Deadlines: []Deadline{{4, BusinessDays, "determining that the incident is material"}}},
			{ID: "1.05-instruction-1", Reference: "Item 1.05, Instruction 1", Summary: "Whether an incident is material is determined without unreasonable delay after it is discovered.",
				Citation: "SEC Form 8-K, Item 1.05, Instruction 1"},
			// Instruction 2: an amendment within four business days after the
			// missing information is determined or becomes available.
			{ID: "1.05-instruction-2", Reference: "Item 1.05, Instruction 2", Summary: "Information not known at filing is added by an amended 8-K once it is known.",
				Citation: "SEC Form 8-K, Item 1.05, Instruction 2", Deadlines: []Deadline{{4, BusinessDays, "the missing information becoming available"}}},
			outOfScope(Clause{ID: "1.05(c)", Reference: "Item 1.05(c)", Summary: "Disclosure may be delayed when the Attorney General finds it a substantial risk to national security or public safety.",
				Citation: "SEC Form 8-K, Item 1.05(c)"}, "A national-security delay is decided during a real incident; the plan holds nothing to judge it by."),
			outOfScope(Clause{ID: "106(b)", Reference: "Regulation S-K Item 106(b)", Summary: "The annual report describes how cybersecurity risks are assessed, identified and managed.",
				Citation: "17 CFR 229.106(b)"}, "The annual disclosure of risk management covers far more than incident response."),
			{ID: "106(c)", Reference: "Regulation S-K Item 106(c)", Summary: "The annual report describes the board's oversight and which management roles assess and manage cybersecurity risk.",
				Citation: "17 CFR 229.106(c)"},
		},
	}
}

func pciDSS() Framework {
	r := func(id, summary string) Clause {
		return Clause{ID: id, Reference: "Requirement " + id, Summary: summary, Citation: "PCI DSS v4.0, Requirement " + id}
	}
	return Framework{
		ID: PCIDSS, Name: "PCI DSS v4.0 Requirement 12.10 (incident response)", Short: "PCI DSS 12.10", Source: pciSource,
		Clauses: []Clause{
			r("12.10.1", "An incident response plan is ready to start: roles, communication and contacts (payment brands included), containment and recovery, legal reporting duties, critical components."),
			r("12.10.2", "At least every 12 months the plan is reviewed, updated as needed and tested, every element of 12.10.1 included."),
			r("12.10.3", "Named people are available around the clock to respond to suspected incidents."),
			r("12.10.4", "The people who respond to incidents are trained for it, periodically."),
			outOfScope(r("12.10.4.1", "How often responders are trained is set by a targeted risk analysis."),
				"The targeted risk analysis is kept outside the workspace."),
			outOfScope(r("12.10.5", "The plan covers monitoring and responding to alerts from the security monitoring systems."),
				"The plan records reporting channels, not which security monitoring systems feed them."),
			r("12.10.6", "The plan is changed as lessons are learnt and as the industry moves on."),
			outOfScope(r("12.10.7", "There are procedures for when stored card numbers turn up where they are not expected."),
				"Whether a playbook covers unexpected stored card numbers is in its text, which Drillbook does not judge."),
		},
	}
}
