package scenarios

// expectWords are the expectation kinds as a facilitator says them: timer
// labels, the console and the reports show these, never the file's
// machine words ("assign-incident-manager").
var expectWords = map[ExpectKind]string{
	ExpectAcknowledge:     "Acknowledge",
	ExpectDeclare:         "Declare the incident",
	ExpectSetSeverity:     "Set the severity",
	ExpectAssignIM:        "Assign an incident manager",
	ExpectEscalate:        "Escalate",
	ExpectNotify:          "Update the stakeholder",
	ExpectContactSupplier: "Contact the third party",
	ExpectReport:          "Report to the regulator",
	ExpectPlaybookStep:    "Complete a playbook step",
	ExpectDecide:          "Decide",
	ActionResolve:         "Resolve",
}

// Words is the kind in words ("Assign an incident manager"); an unknown
// kind is returned as written.
func (k ExpectKind) Words() string {
	if w, ok := expectWords[k]; ok {
		return w
	}
	return string(k)
}
