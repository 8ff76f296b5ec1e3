package export

import (
	"testing"

	"drillbook/plan"
	"drillbook/scenarios"
)

// keyWords repeats the scenarios' wording of expectation kinds (export
// cannot import scenarios); this keeps the two equal.
func TestKeyWordsMatchScenarioWords(t *testing.T) {
	for _, k := range append(scenarios.ExpectKinds, scenarios.ActionResolve) {
		if got, want := words(k), k.Words(); got != want {
			t.Errorf("%s: report says %q, the console %q", k, got, want)
		}
	}
}

func TestLabelWords(t *testing.T) {
	for in, want := range map[string]string{
		"On-call Engineer: assign-incident-manager":                 "On-call Engineer: Assign an incident manager",
		"Report to ICO within 72h":                                  "Report to ICO within 3 days",
		"Sev 1 unresolved: if no-update after 15m, escalate to HoE": "Sev 1 unresolved: if no update after 15 min, escalate to HoE",
		"Resolve-team on-call rota":                                 "Resolve-team on-call rota",
	} {
		if got := labelWords(in); got != want {
			t.Errorf("labelWords(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWordsOfEnums(t *testing.T) {
	for in, want := range map[string]string{
		string(plan.ActionInProgress): "in progress", string(plan.Coverage24x7): "24/7",
		"some-new-key": "some new key", string(plan.FunctionCustomerComms): "customer communications",
	} {
		if got := words(in); got != want {
			t.Errorf("words(%q) = %q, want %q", in, got, want)
		}
	}
	if got := dayWords([]plan.Weekday{plan.Mon, plan.Sun}); got != "Mon, Sun" {
		t.Errorf("days %q", got)
	}
}
