package scoring

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"drillbook/internal/prose"
	"drillbook/plan"
)

// Reader text. Findings, gaps and actions are printed in client reports,
// so every value they mention is written in words: durations by prose
// ("3 min 36 s", "180 days"), the plan's enum values as people say them
// ("DNS provider", "clinical safety"), never as the file's keys.

// say is fmt.Sprintf for reader text: durations and the plan's enum values
// among the arguments are written in words.
func say(format string, a ...any) string {
	args := make([]any, len(a))
	for i, v := range a {
		args[i] = inWords(v)
	}
	return fmt.Sprintf(format, args...)
}

// inWords is one argument of say in words; anything else is unchanged.
func inWords(v any) any {
	switch v := v.(type) {
	case plan.Duration:
		return prose.Duration(v.D())
	case time.Duration:
		return prose.Duration(v)
	case plan.ServiceClass:
		return serviceWords(v)
	case plan.Category:
		return plan.Words(string(v))
	case plan.Function:
		return plan.Words(string(v))
	case plan.Trigger:
		return triggerWords(v)
	case plan.Criticality:
		return string(v)
	}
	return v
}

var serviceNames = map[plan.ServiceClass]string{
	plan.ServiceCloud: "cloud provider", plan.ServiceDatabase: "database provider",
	plan.ServiceDNS: "DNS provider", plan.ServiceCDN: "CDN provider",
	plan.ServiceEmail: "email provider", plan.ServiceSMS: "SMS provider",
	plan.ServiceIdentity: "identity provider", plan.ServicePayments: "payments provider",
	plan.ServiceMonitoring: "monitoring provider", plan.ServiceSaaS: "SaaS supplier",
	plan.ServiceSecurity: "security supplier", plan.ServiceOther: "supplier",
}

// serviceWords names what a third party provides: "DNS provider".
func serviceWords(c plan.ServiceClass) string {
	if w, ok := serviceNames[c]; ok {
		return w
	}
	return plan.Words(string(c)) + " supplier"
}

// triggerWords says when an escalation rule fires: "unacknowledged",
// "without an update".
func triggerWords(t plan.Trigger) string {
	if t == plan.TriggerNoUpdate {
		return "without an update"
	}
	return plan.Words(string(t))
}

// taskWords says what a task kind tests, for "no exercise tested …".
var taskWords = map[string]string{
	"escalate": "escalating", "escalation-rule": "escalating",
	"notify-stakeholder": "updating stakeholders", "first-update": "updating stakeholders",
	"update-cadence": "updating stakeholders", "stakeholder-update": "updating stakeholders",
	"contact-third-party":     "contacting a supplier",
	"acknowledge":             "acknowledging a page",
	"on-call-not-reached":     "reaching the on-call engineer",
	"complete-playbook-step":  "completing a playbook step",
	"report-to-regulator":     "reporting to a regulator",
	"report-deadline":         "meeting a reporting deadline",
	"set-severity":            "setting the severity",
	"declare-incident":        "declaring an incident",
	"assign-incident-manager": "assigning an incident manager",
	"decide":                  "taking a decision",
	"resolve":                 "resolving the incident",
}

// tasksTesting says in words which tasks test a dimension: "escalating"
// or "acknowledging a page or reaching the on-call engineer".
func tasksTesting(d DimensionID) string {
	var out []string
	for _, k := range kindsFor(d) {
		w, ok := taskWords[k]
		if !ok {
			w = plan.Words(k)
		}
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return orList(out)
}

// orList joins "a", "a or b", "a, b or c".
func orList(items []string) string { return joinLast(items, " or ") }

// andList joins "a", "a and b", "a, b and c".
func andList(items []string) string { return joinLast(items, " and ") }

func joinLast(items []string, last string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + last + items[len(items)-1]
}

// exerciseName names an exercise for a reader: its scenario's title and the day
// it was run, never its ID.
func exerciseName(title, scenarioID string, date plan.Date) string {
	name := strings.TrimSpace(title)
	if name == "" {
		name = plan.Words(scenarioID)
	}
	if name == "" {
		name = "an untitled scenario"
	}
	if date.IsZero() {
		return "“" + name + "”"
	}
	return "“" + name + "” on " + date.String()
}

// runTitle is exerciseName for a run of the workspace.
func runTitle(r *plan.Run) string {
	var d plan.Date
	if !r.Started.IsZero() {
		d = plan.DateOf(r.Started)
	}
	return exerciseName(r.ScenarioTitle, r.ScenarioID, d)
}

// a puts "a" or "an" before a noun phrase: "a DNS provider", "an email
// provider", "an SMS provider".
func a(phrase string) string {
	if phrase != "" && (strings.ContainsRune("aeiouAEIO", rune(phrase[0])) || strings.HasPrefix(phrase, "SMS")) {
		return "an " + phrase
	}
	return "a " + phrase
}
