package guide

// questions is the question list; the prompts quote the seed article's
// checklists so the guided mode reads as the method it implements.
//
// Each question is answered by the documented-level (1 and 2) criteria
// that judge what its page asks, and between them the questions name every
// level-1 and level-2 criterion of the plan dimensions, so a plan that
// answers the whole guide meets them all. Further rules shape the lists:
//   - A criterion that holds vacuously on an empty plan ("every incident
//     type has criteria" with no types) comes with the level-1 criterion
//     that asks for the thing to exist, so no question is answered on an
//     empty plan.
//   - A criterion goes with the question it answers: who is on the rota
//     (COV-2.2, 2.4, 2.5) with "Who is on call", the playbook owner
//     (PBK-2.4: "living documents need someone responsible") with upkeep.
//   - Level-3 criteria join where the page already asks for them: upkeep
//     (reviews scheduled and on time, revisions published and current).
//     "Who is on call" also takes COV-3.5, the closest criterion to "a
//     role with the on-call function has people", which none states.
//   - Under business-hours cover with no rota, every rota criterion of
//     "Who is on call" holds vacuously once the hours are set (COV-1.1),
//     which says nothing about people; so the question also takes
//     ROL-1.1, the level-1 criterion that somebody is named to respond
//     (a staffed incident-manager role). Setting the hours of an
//     otherwise empty plan answers 1.6, not 2.2.
var questions = []Question{
	// Step 1: the procedure.
	{ID: "incident-types", Step: 1, Title: "Incident types",
		Prompt:   "What are the different types of incidents that are relevant to your organisation? Consider security, availability, information governance, clinical safety etc.",
		Help:     "List each kind of incident you respond to, with its category. The defaults give one per category to rename, adapt or remove.",
		Parts:    []string{"incidentTypes"},
		Criteria: []string{"TYP-1.1", "TYP-2.3"}, summary: incidentTypesSummary},
	{ID: "criteria", Step: 1, Title: "What is an incident",
		Prompt:   "What constitutes an incident that requires invoking the incident management procedure?",
		Help:     "For each incident type write declaration criteria: observable conditions, any one of which means the incident procedure starts.",
		Parts:    []string{"incidentTypes"},
		Criteria: []string{"TYP-1.1", "TYP-2.1"}, summary: criteriaSummary},
	{ID: "reporting", Step: 1, Title: "Reporting incidents",
		Prompt:   "How are incidents reported?",
		Help:     "List the routes by which staff, customers and monitoring raise a possible incident, and when each one is read. Tell reporters what to include.",
		Parts:    []string{"reporting"},
		Criteria: []string{"TRI-1.1", "TRI-2.2", "TRI-2.3", "TRI-2.4"}, summary: reportingSummary},
	{ID: "severities", Step: 1, Title: "Criticality levels",
		Prompt:   "What are the criticality levels of incidents?",
		Help:     "Define severity levels (1 is the most severe), each with targets to acknowledge, give a first update, update regularly and resolve.",
		Parts:    []string{"severities"},
		Criteria: []string{"SEV-1.1", "SEV-2.1", "SEV-2.2", "SEV-2.3", "SEV-2.4"}, summary: severitiesSummary},
	{ID: "third-parties", Step: 1, Title: "Third parties",
		Prompt:   "What are the 3rd parties that you likely need to liaise with when responding to incidents? How do you contact them?",
		Help:     "Think of your cloud provider and other suppliers critical to your product: database, DNS and CDN providers and so on. Record how to reach each, including out of hours.",
		Parts:    []string{"thirdParties"},
		Criteria: []string{"TP-1.1", "TP-2.1", "TP-2.2", "TP-2.3"}, summary: thirdPartiesSummary},
	{ID: "coverage", Step: 1, Title: "24/7 and on call",
		Prompt:   "Do you need to respond to incidents 24/7? If yes, do you have an on call schedule?",
		Help:     "Choose business hours or 24/7 cover. For 24/7, the on-call rota's shifts should cover every hour of the week.",
		Parts:    []string{"coverage"},
		Criteria: []string{"COV-1.1", "COV-2.1", "COV-2.3"}, summary: coverageSummary},
	{ID: "communication", Step: 1, Title: "Communication plan",
		Prompt:   "What is the communication plan for stakeholders?",
		Help:     "For each group to keep informed, say how they are told, which role owns their updates and how often they are updated at each severity.",
		Parts:    []string{"stakeholders"},
		Criteria: []string{"COM-1.1", "COM-2.1", "COM-2.3", "COM-2.4"}, summary: communicationSummary},

	// Step 2: roles, responsibilities and escalation.
	{ID: "responders", Step: 2, Title: "Who responds",
		Prompt:   "Who in your organisation must respond to the different types of incidents you can encounter?",
		Help:     "Fill in the responsibility matrix: for each incident type, which roles are Responsible, Accountable, Consulted or Informed. Every type needs a Responsible role with people in it.",
		Parts:    []string{"responsibilities", "roles"},
		Criteria: []string{"TYP-1.1", "TYP-2.2", "ROL-2.1", "ROL-2.2"}, summary: respondersSummary},
	{ID: "on-call-members", Step: 2, Title: "Who is on call",
		Prompt:   "If you have an on call schedule, who is in it?",
		Help:     "Put people on every on-call shift; the first listed is the primary.",
		Parts:    []string{"coverage.rota.shifts"},
		Criteria: []string{"COV-1.1", "COV-2.1", "COV-2.2", "COV-2.4", "COV-2.5", "COV-3.5", "ROL-1.1"}, summary: onCallSummary},
	{ID: "comms", Step: 2, Title: "Who handles communications",
		Prompt:   "In case of an incident, who manages communications with internal stakeholders and customers?",
		Help:     "Give the internal-comms and customer-comms functions to a role (or two) and put people in it.",
		Parts:    []string{"roles"},
		Criteria: []string{"COM-2.2"}, summary: commsSummary},
	{ID: "incident-manager", Step: 2, Title: "Incident manager",
		Prompt:   "Who acts as the incident manager, and does the incident manager change when the incident is escalated?",
		Help:     "Give the incident-manager function to a role with people in it. If command passes to someone more senior on escalation, set \"hand over to\" on that escalation rule.",
		Parts:    []string{"roles", "escalationRules"},
		Criteria: []string{"ROL-1.1", "ROL-2.3"}, summary: incidentManagerSummary},
	{ID: "triage", Step: 2, Title: "Triage",
		Prompt:   "Is there a triage function and who runs it?",
		Help:     "Choose the role that assesses new reports, how it decides, and how quickly.",
		Parts:    []string{"triage"},
		Criteria: []string{"TRI-2.1"}, summary: triageSummary},
	{ID: "reporting-obligations", Step: 2, Title: "Reporting to third parties",
		Prompt:   "When incidents need to be reported to third parties, eg. certain customers or regulatory bodies, who sends the reports?",
		Help:     "List each duty to report (regulators, customers, insurers) with its deadline from detection and the role that sends the report.",
		Parts:    []string{"reportingObligations"},
		Criteria: []string{"REG-1.1", "REG-2.1", "REG-2.2", "REG-2.3", "REG-2.4", "REG-2.5", "REG-2.6"}, summary: obligationsSummary},
	{ID: "escalation", Step: 2, Title: "Escalation rules",
		Prompt:   "It's worth creating very clear rules on escalation. Consider setting up a rule to escalate all high-priority incidents to more senior stakeholders of your organisation if they are not resolved within a certain time period.",
		Help:     "Add time-based rules (\"severity 1 not resolved in 30 minutes → Head of Engineering\"); at least one must escalate the most severe incidents that are not resolved in time.",
		Parts:    []string{"escalationRules"},
		Criteria: []string{"ESC-1.1", "ESC-2.1", "ESC-2.2", "ESC-2.3"}, summary: escalationSummary},

	// Step 3: playbooks.
	{ID: "playbooks", Step: 3, Title: "Playbooks per role",
		Prompt:   "Your incident management procedure should include playbooks to be followed for different roles in the incident response capability.",
		Help:     "Each playbook is a series of steps one person in one role can complete, e.g. what a Cloud Engineer does in an availability incident. Every role Responsible for an incident type needs a playbook for it.",
		Parts:    []string{"playbooks"},
		Criteria: []string{"PBK-1.1", "PBK-2.1", "PBK-2.2", "PBK-2.3", "PBK-2.5", "PBK-2.6"}, summary: playbooksSummary},
	{ID: "upkeep", Step: 3, Title: "Keeping playbooks up to date",
		Prompt:   "It is also important that they are treated as living documents. Do you have a way of keeping them up to date, and does your team have the latest version?",
		Help:     "Give every playbook an owner and a review interval, review it before it falls due, and publish a revision when it changes.",
		Parts:    []string{"playbooks"},
		Criteria: []string{"PBK-1.1", "PBK-2.4", "PBK-3.1", "PBK-3.2", "PBK-3.3", "PBK-3.4"}, summary: upkeepSummary},
}
