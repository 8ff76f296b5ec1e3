package export

import (
	"regexp"
	"strings"

	"drillbook/plan"
)

// keyWords are the plan's machine words (enum values, expectation and
// timer kinds, event kinds) as a reader says them. The expectation kinds
// repeat scenarios.ExpectKind.Words, which export cannot import (the
// dependency points the other way); a test keeps the two equal.
var keyWords = map[string]string{
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
	plan.TaskNotNeeded:  "not needed",
	plan.TaskPending:    "pending",
	plan.SourceScenario: "from the scenario",
	plan.SourcePlan:     "plan deadline",
	// enum values whose key is not already a word
	string(plan.ActionInProgress):        "in progress",
	string(plan.Coverage24x7):            "24/7",
	string(plan.CoverageBusinessHours):   "business hours",
	string(plan.CategoryInfoGov):         "information governance",
	string(plan.CategoryClinical):        "clinical safety",
	string(plan.ChannelSMS):              "SMS",
	string(plan.ChannelStatus):           "status page",
	string(plan.ServiceDNS):              "DNS",
	string(plan.ServiceCDN):              "CDN",
	string(plan.ServiceSaaS):             "SaaS",
	string(plan.TriggerNoUpdate):         "no update",
	string(plan.FunctionIncidentManager): "incident manager",
	string(plan.FunctionInternalComms):   "internal communications",
	string(plan.FunctionCustomerComms):   "customer communications",
	string(plan.FunctionRegulatory):      "regulatory reporting",
	string(plan.FunctionTechnicalLead):   "technical lead",
	string(plan.FunctionSecurityLead):    "security lead",
	string(plan.FunctionDataProtection):  "data protection",
	string(plan.FunctionSupplierManager): "supplier liaison",
}

// words writes a machine word for a reader: the known ones from
// keyWords, any other with its hyphens as spaces ("in-progress" → "in
// progress"), so no enum key reaches a page as written in the file.
func words[S ~string](key S) string {
	if w, ok := keyWords[string(key)]; ok {
		return w
	}
	return strings.ReplaceAll(string(key), "-", " ")
}

// wordList joins the words of several keys by commas.
func wordList[S ~string](keys []S) string { return joinMapped(keys, words[S]) }

// dayWords are the rota's days as printed ("Mon, Tue").
func dayWords(days []plan.Weekday) string {
	return joinMapped(days, func(d plan.Weekday) string {
		s := string(d)
		if s == "" {
			return s
		}
		return strings.ToUpper(s[:1]) + s[1:]
	})
}

// labelWords rewrites a task label the engine wrote with machine words
// ("On-call Engineer: assign-incident-manager", "Report to the ICO within
// 72h", "if no-update after 15m") into words ("… Assign an incident
// manager", "within 3 days", "if no update after 15 min").
func labelWords(label string) string { return readable(label, nil) }

// readable rewrites machine words in a sentence the app wrote (a task
// label, a finding): a whole token that is a run ID becomes its entry in
// runs, one in the plan's duration notation ("15m", "180d") becomes
// prose, and a hyphenated machine key ("report-deadline") its words. Only
// whole tokens are replaced, so "on-call" or a name such as "Resolve-team"
// keeps its spelling.
func readable(s string, runs map[string]string) string {
	return idToken.ReplaceAllStringFunc(s, func(tok string) string {
		if t, ok := runs[tok]; ok {
			return t
		}
		if planDuration.MatchString(tok) {
			if d, err := plan.ParseDuration(tok); err == nil {
				return durText(d)
			}
		}
		if w, ok := keyWords[tok]; ok && strings.Contains(tok, "-") {
			return w
		}
		return tok
	})
}

var (
	// idToken is a whole plan ID or word (letters, digits, ".", "_",
	// "-"), not counting a full stop that ends a sentence.
	idToken = regexp.MustCompile(`[A-Za-z0-9_](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?`)
	// planDuration is the plan file's notation ("15m", "1h30m", "3d").
	planDuration = regexp.MustCompile(`^(?:\d+[wdhms])+$`)
)

// refWords writes a scenario reference ("stakeholder:internal-staff") as
// words: "stakeholder “internal staff”".
func refWords(ref string) string {
	kind, key, ok := strings.Cut(ref, ":")
	if !ok {
		return "“" + words(ref) + "”"
	}
	return words(kind) + " “" + words(key) + "”"
}
