package plan

import (
	"slices"
	"strings"
)

// machineWords are the plan's and the engine's machine words (enum
// values, expectation and timer kinds, event kinds) as a reader says
// them. Every screen and report words them through Words, so a key is
// said the same way everywhere.
var machineWords = map[string]string{
	// expectation kinds
	"acknowledge":             "Acknowledge",
	"declare-incident":        "Declare the incident",
	"set-severity":            "Set the severity",
	"assign-incident-manager": "Assign an incident manager",
	"escalate":                "Escalate",
	"notify-stakeholder":      "Update the stakeholder",
	"contact-third-party":     "Contact the third party",
	"report-to-regulator":     "Report to the regulator",
	"complete-playbook-step":  "Complete a playbook step",
	"decide":                  "Decide",
	"resolve":                 "Resolve",
	// plan timer kinds
	"first-update":       "First update",
	"update-cadence":     "Regular update",
	"escalation-rule":    "Escalation rule",
	"stakeholder-update": "Stakeholder update",
	"report-deadline":    "Regulator report deadline",
	// task statuses and sources
	TaskNotNeeded:  "not needed",
	TaskPending:    "pending",
	SourceScenario: "from the scenario",
	SourcePlan:     "plan deadline",
	// enum values whose key is not already a word
	string(ActionInProgress):        "in progress",
	string(Coverage24x7):            "24/7",
	string(CoverageBusinessHours):   "business hours",
	string(CategoryInfoGov):         "information governance",
	string(CategoryClinical):        "clinical safety",
	string(ChannelSMS):              "SMS",
	string(ChannelStatus):           "status page",
	string(ServiceDNS):              "DNS",
	string(ServiceCDN):              "CDN",
	string(ServiceSaaS):             "SaaS",
	string(TriggerNoUpdate):         "no update",
	string(FunctionIncidentManager): "incident manager",
	string(FunctionInternalComms):   "internal communications",
	string(FunctionCustomerComms):   "customer communications",
	string(FunctionRegulatory):      "regulatory reporting",
	string(FunctionOnCall):          "on-call", // already English: "the on-call function"
	string(FunctionTechnicalLead):   "technical lead",
	string(FunctionSecurityLead):    "security lead",
	string(FunctionDataProtection):  "data protection",
	string(FunctionSupplierManager): "supplier liaison",
	// event kinds a log shows
	EventTimerMet:      "timer met",
	EventBreach:        "deadline missed",
	EventEscalationDue: "escalation due",
	EventDecisionDue:   "decision due",
	EventCorrection:    "correction",
	"timer-start":      "timer started",
}

// Words writes a machine word for a reader: a known one as machineWords
// says it, any other with its hyphens as spaces ("in-progress" → "in
// progress"), so no key reaches a page or a screen as written in a file.
func Words(key string) string {
	if w, ok := machineWords[key]; ok {
		return w
	}
	return strings.ReplaceAll(key, "-", " ")
}

// MachineWord is the reader's words for a known machine word, and false
// for any other text (a name that happens to contain a hyphen).
func MachineWord(key string) (string, bool) {
	w, ok := machineWords[key]
	return w, ok
}

// MachineWords lists the known machine words, sorted (for tests that
// search outputs for them).
func MachineWords() []string {
	keys := make([]string, 0, len(machineWords))
	for k := range machineWords {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
