package frameworks

// The NIST frameworks and ISO/IEC 27035-1. Subcategory IDs follow NIST
// CSWP 29, The NIST Cybersecurity Framework (CSF) 2.0 (February 26, 2024),
// Appendix A; summaries are Drillbook's own.

const csfSource = "NIST CSWP 29, The NIST Cybersecurity Framework (CSF) 2.0, February 2024"

// Reasons shared by several clauses Drillbook cannot give evidence for.
const (
	technicalWork  = "Drillbook assesses the response plan, its people and its drills; the technical work itself (forensics, containment, restoring systems) leaves no evidence in a workspace."
	noRecoveryPlan = "The workspace holds no recovery plan of its own (recovery steps, restoration criteria or backup checks), so Drillbook has nothing to judge it by."
)

// sub is one CSF subcategory; scope is its out-of-scope reason ("" when
// Drillbook gives evidence for it).
func sub(id, summary, scope string) Clause {
	return Clause{ID: id, Reference: id, Summary: summary, Citation: csfSource + ", Appendix A, " + id, OutOfScope: scope}
}

func csf() Framework {
	return Framework{
		ID: NISTCSF, Name: "NIST Cybersecurity Framework 2.0", Short: "NIST CSF 2.0", Source: csfSource,
		Clauses: []Clause{
			sub("GV.RR-01", "Leadership owns cybersecurity risk and is accountable for it.", "Leadership's accountability for cybersecurity risk as a whole reaches beyond an incident-response plan."),
			sub("GV.RR-02", "Cybersecurity roles, duties and authority are set, made known and upheld.", ""),
			sub("GV.RR-03", "Enough people and means are given to the roles the strategy needs.", ""),
			sub("GV.RR-04", "Cybersecurity is part of hiring, training and leaving practices.", "Human-resources practices are not recorded in a workspace."),
			sub("GV.SC-08", "Suppliers and other third parties take part in incident planning, response and recovery.", ""),
			sub("ID.IM-01", "Assessments and evaluations lead to improvements.", ""),
			sub("ID.IM-02", "Tests and exercises, including those with suppliers, lead to improvements.", ""),
			sub("ID.IM-03", "Running day-to-day processes and real incidents leads to improvements.", "Drillbook records exercises, not the reviews of real incidents or day-to-day operations."),
			sub("ID.IM-04", "Incident-response plans are set up, made known, kept current and improved.", ""),
			sub("DE.AE-08", "An incident is declared when events meet the defined criteria.", ""),
			sub("RS.MA-01", "Once an incident is declared, the response plan is carried out together with the third parties involved.", ""),
			sub("RS.MA-02", "Incident reports are triaged and checked.", ""),
			sub("RS.MA-03", "Incidents are categorised and prioritised.", ""),
			sub("RS.MA-04", "Incidents are escalated or raised as needed.", ""),
			sub("RS.MA-05", "The criteria for starting recovery are applied.", "The workspace records no criteria for moving from response to recovery."),
			sub("RS.AN-03", "Analysis finds what happened in an incident and its root cause.", technicalWork),
			sub("RS.AN-06", "What investigators do is recorded, with the record's integrity and origin kept.", "Actions in a real investigation are recorded in case tooling, not in the plan; Drillbook's own logs record drills only."),
			sub("RS.AN-07", "Incident data and metadata are gathered with their integrity and origin kept.", technicalWork),
			sub("RS.AN-08", "How big an incident is gets estimated and confirmed.", ""),
			sub("RS.CO-02", "Internal and external stakeholders are told about incidents.", ""),
			sub("RS.CO-03", "Information is shared with the designated internal and external stakeholders.", ""),
			sub("RS.MI-01", "Incidents are contained.", technicalWork),
			sub("RS.MI-02", "Incidents are eradicated.", technicalWork),
			sub("RC.RP-01", "The recovery part of the response plan is carried out once the response starts it.", noRecoveryPlan),
			sub("RC.RP-02", "Recovery actions are chosen, scoped, prioritised and done.", noRecoveryPlan),
			sub("RC.RP-03", "Backups and other restoration assets are checked for integrity before use.", technicalWork),
			sub("RC.RP-04", "Critical functions and risk are weighed when setting how to operate after an incident.", noRecoveryPlan),
			sub("RC.RP-05", "Restored assets are checked, services are restored and normal operation is confirmed.", technicalWork),
			sub("RC.RP-06", "The end of recovery is declared on criteria and the incident's records are completed.", noRecoveryPlan),
			sub("RC.CO-03", "Recovery progress is reported to the designated internal and external stakeholders.", ""),
			sub("RC.CO-04", "Public updates on recovery go out by approved means and messages.", ""),
		},
	}
}

const sp80061Source = "NIST SP 800-61 Rev. 3, Incident Response Recommendations and Considerations for Cybersecurity Risk Management: A CSF 2.0 Community Profile, April 2025"

// category is one CSF 2.0 category as SP 800-61r3 treats it: its
// recommendations are written against that category's subcategories, so
// the clause maps onto them.
func category(id, name, function, summary string, subcategories ...string) Clause {
	c := Clause{
		ID: id, Reference: id + " " + name, Summary: summary,
		Citation: sp80061Source + ", Section 3, " + function + " Function, " + id,
	}
	for _, s := range subcategories {
		c.MapsTo = append(c.MapsTo, Ref(NISTCSF, s))
	}
	return c
}

func sp80061() Framework {
	return Framework{
		ID: SP80061, Name: "NIST SP 800-61 Rev. 3 (incident response profile of CSF 2.0)", Short: "NIST SP 800-61r3", Source: sp80061Source,
		Clauses: []Clause{
			category("GV.RR", "Roles, Responsibilities, and Authorities", "Govern", "Incident-response roles and their authority are set and staffed.", "GV.RR-01", "GV.RR-02", "GV.RR-03", "GV.RR-04"),
			category("GV.SC", "Cybersecurity Supply Chain Risk Management", "Govern", "Suppliers are part of incident planning and response.", "GV.SC-08"),
			category("ID.IM", "Improvement", "Identify", "Lessons from assessments, exercises and incidents improve the plan.", "ID.IM-01", "ID.IM-02", "ID.IM-03", "ID.IM-04"),
			category("DE.AE", "Adverse Event Analysis", "Detect", "Events are judged against incident criteria and declared.", "DE.AE-08"),
			category("RS.MA", "Incident Management", "Respond", "Declared incidents are triaged, prioritised, escalated and handled by plan.", "RS.MA-01", "RS.MA-02", "RS.MA-03", "RS.MA-04", "RS.MA-05"),
			category("RS.AN", "Incident Analysis", "Respond", "Incidents are investigated and their scale established.", "RS.AN-03", "RS.AN-06", "RS.AN-07", "RS.AN-08"),
			category("RS.CO", "Incident Response Reporting and Communication", "Respond", "Stakeholders and authorities are told about incidents.", "RS.CO-02", "RS.CO-03"),
			category("RS.MI", "Incident Mitigation", "Respond", "Incidents are contained and eradicated.", "RS.MI-01", "RS.MI-02"),
			category("RC.RP", "Incident Recovery Plan Execution", "Recover", "Systems and services are restored by plan.", "RC.RP-01", "RC.RP-02", "RC.RP-03", "RC.RP-04", "RC.RP-05", "RC.RP-06"),
			category("RC.CO", "Incident Recovery Communication", "Recover", "Recovery is reported to stakeholders and the public.", "RC.CO-03", "RC.CO-04"),
		},
	}
}

const isoSource = "ISO/IEC 27035-1:2023, Information security incident management — Part 1: Principles and process"

// phase is one phase of the ISO/IEC 27035-1 incident management process;
// the phases are its clauses 5.2 to 5.6 (as ISO/IEC 27035-2:2023, clause 1,
// cites them).
func phase(id, name, section, summary string) Clause {
	return Clause{ID: id, Reference: name, Summary: summary, Citation: isoSource + ", " + section}
}

func iso27035() Framework {
	return Framework{
		ID: ISO27035, Name: "ISO/IEC 27035-1:2023 incident management process", Short: "ISO/IEC 27035-1", Source: isoSource,
		Clauses: []Clause{
			phase("plan-prepare", "Plan and prepare", "5.2", "A policy, plan, team, roles, outside contacts and training are in place before incidents happen."),
			phase("detect-report", "Detect and report", "5.3", "Events are spotted and reported through known channels."),
			phase("assess-decide", "Assess and decide", "5.4", "Reported events are assessed and a decision is made whether they are incidents, and how severe."),
			phase("respond", "Respond", "5.5", "Incidents are contained, escalated, communicated and resolved as planned."),
			phase("learn", "Learn lessons", "5.6", "Reviews of incidents and exercises lead to improvements of the plan and of the team."),
		},
	}
}
