package plan

import (
	"fmt"
	"strings"
	"testing"
)

// validBase returns a small workspace that exercises every collection and
// validates without a single problem. Each test case mutates a fresh copy.
func validBase() *Workspace {
	return &Workspace{
		SchemaVersion: SchemaVersion,
		Organisation: Organisation{
			Name:    "Harbourside Health",
			Sector:  "Digital health",
			Product: "Clinician web portal",
		},
		IncidentTypes: []IncidentType{
			{
				ID:       "security-breach",
				Name:     "Security breach",
				Category: CategorySecurity,
				Criteria: []string{"Unauthorised access to patient data is suspected"},
			},
			{
				ID:       "outage",
				Name:     "Portal outage",
				Category: CategoryAvailability,
				Criteria: []string{"Clinicians cannot sign in for more than 5 minutes"},
			},
		},
		Reporting: Reporting{
			Channels: []ReportingChannel{
				{ID: "service-desk", Name: "Service desk", Channel: ChannelEmail, Address: "help@example.org"},
			},
			Guidance: "Say what you saw and when.",
		},
		Triage: Triage{
			Role:       "incident-manager",
			Method:     "Severity matrix",
			Steps:      []string{"Confirm the report", "Assign a severity"},
			TargetTime: 15 * Minute,
		},
		Severities: []Severity{
			{
				Level: 1, Name: "Critical",
				Targets: Targets{Acknowledge: 15 * Minute, FirstUpdate: 30 * Minute, UpdateCadence: Hour, Resolve: 4 * Hour},
			},
			{
				Level: 2, Name: "Major",
				Targets: Targets{Acknowledge: Hour, FirstUpdate: 2 * Hour, UpdateCadence: 4 * Hour, Resolve: Day},
			},
		},
		ThirdParties: []ThirdParty{
			{
				ID: "aws", Name: "Amazon Web Services", ServiceClass: ServiceCloud, Criticality: CriticalityCritical,
				Contacts: []Contact{{Channel: ChannelPortal, Value: "https://console.aws.amazon.com/support"}},
			},
		},
		Coverage: Coverage{
			Mode:          Coverage24x7,
			TimeZone:      "Europe/London",
			BusinessHours: BusinessHours{Days: []Weekday{Mon, Tue, Wed, Thu, Fri}, Start: "09:00", End: "17:30"},
			Rota: Rota{
				Name: "On call",
				Shifts: []Shift{
					{
						ID: "day", Name: "Day shift", Role: "on-call",
						Days:  []Weekday{Mon, Tue, Wed, Thu, Fri, Sat, Sun},
						Start: "08:00", End: "20:00",
						Members: []string{"alice", "bob"},
					},
				},
			},
		},
		Stakeholders: []Stakeholder{
			{
				ID: "exec-team", Name: "Executive team", Kind: StakeholderExecutive, Channel: ChannelEmail,
				OwnerRole: "incident-manager",
				Cadence:   []Cadence{{Severity: 1, Every: Hour}, {Severity: 2, Every: 4 * Hour}},
			},
		},
		People: []Person{
			{ID: "alice", Name: "Alice Adams", Deputy: "bob", Contacts: []Contact{{Channel: ChannelPhone, Value: "+44 20 7946 0001"}}},
			{ID: "bob", Name: "Bob Brown", Deputy: "carol", Contacts: []Contact{{Channel: ChannelEmail, Value: "bob@example.org"}}},
			{ID: "carol", Name: "Carol Clarke", Deputy: "alice", Contacts: []Contact{{Channel: ChannelSMS, Value: "+44 7700 900003"}}},
		},
		Roles: []Role{
			{
				ID: "incident-manager", Name: "Incident manager",
				Functions: []Function{FunctionIncidentManager, FunctionTriage},
				Members:   []string{"alice", "bob"},
			},
			{
				ID: "on-call", Name: "On-call engineer",
				Functions: []Function{FunctionOnCall, FunctionTechnicalLead},
				Members:   []string{"bob", "carol"},
			},
		},
		Responsibilities: []Responsibility{
			{IncidentType: "security-breach", Role: "incident-manager", RACI: Accountable},
			{IncidentType: "security-breach", Role: "on-call", RACI: Responsible},
			{IncidentType: "outage", Role: "incident-manager", RACI: Accountable},
			{IncidentType: "outage", Role: "on-call", RACI: Responsible},
		},
		EscalationRules: []EscalationRule{
			{
				ID: "sev1-unresolved", Name: "Severity 1 not resolved",
				Trigger: TriggerUnresolved, Severities: []int{1}, After: 30 * Minute,
				EscalateTo: "incident-manager", HandoverTo: "on-call",
			},
		},
		ReportingObligations: []ReportingObligation{
			{
				ID: "ico", Body: "Information Commissioner's Office",
				IncidentTypes: []string{"security-breach"}, Severities: []int{1},
				Deadline: 72 * Hour, OwnerRole: "incident-manager", Stakeholder: "exec-team",
			},
		},
		Playbooks: []Playbook{
			{
				ID: "contain-breach", Title: "Contain a breach", Role: "on-call",
				IncidentTypes: []string{"security-breach"},
				Steps: []Step{
					{Text: "Revoke the leaked credentials", ExpectedDuration: 10 * Minute},
					{Text: "Restore from a clean image", References: []string{"restore-service"}},
				},
				References:     []string{"restore-service"},
				Owner:          "alice",
				ReviewInterval: 90 * Day,
				LastReviewed:   NewDate(2026, 1, 15),
				Revisions: []Revision{
					{Number: 1, Date: NewDate(2026, 1, 15), Author: "Alice Adams", Summary: "First version"},
				},
			},
			{
				ID: "restore-service", Title: "Restore the service", Role: "on-call",
				IncidentTypes: []string{"outage"},
				Steps: []Step{
					{Text: "Fail over to the standby region", ExpectedDuration: 20 * Minute},
				},
				Owner:          "bob",
				ReviewInterval: 180 * Day,
				Revisions: []Revision{
					{Number: 1, Date: NewDate(2025, 11, 3), Author: "Bob Brown", Summary: "First version"},
				},
			},
		},
	}
}

// vtWant is one expected problem.
type vtWant struct {
	path  string
	level Level
	msg   string // substring of the message
}

func (w vtWant) matches(p Problem) bool {
	return p.Path == w.path && p.Level == w.level && strings.Contains(p.Message, w.msg)
}

func (w vtWant) String() string { return fmt.Sprintf("%s (%s) ~ %q", w.path, w.level, w.msg) }

// vtCheck asserts that ps holds exactly the wanted problems, each once, and
// nothing else.
func vtCheck(t *testing.T, ps Problems, wants ...vtWant) {
	t.Helper()
	used := make([]bool, len(ps))
	for _, w := range wants {
		n := 0
		for i, p := range ps {
			if w.matches(p) {
				n++
				used[i] = true
			}
		}
		if n != 1 {
			t.Errorf("want exactly one problem %s, found %d", w, n)
		}
	}
	for i, p := range ps {
		if !used[i] {
			t.Errorf("unexpected problem %s (%s)", p, p.Level)
		}
	}
}

func TestValidateBaseIsClean(t *testing.T) {
	ps := validBase().Validate()
	for _, p := range ps {
		t.Errorf("base workspace: %s (%s)", p, p.Level)
	}
	if ps.Errors() != 0 {
		t.Errorf("Errors() = %d, want 0", ps.Errors())
	}
}

// TestValidateRules has one case per rule in validate.go. Each case applies
// one mutation to the valid base and expects exactly the listed problems.
func TestValidateRules(t *testing.T) {
	E, W := Error, Warning
	tests := []struct {
		name   string
		mutate func(w *Workspace)
		path   string
		level  Level
		msg    string
		also   []vtWant // collateral problems the same mutation causes
	}{
		// Organisation.
		{"organisation name empty", func(w *Workspace) { w.Organisation.Name = "" },
			"organisation.name", E, "organisation name is required", nil},
		{"organisation name blank", func(w *Workspace) { w.Organisation.Name = " \t " },
			"organisation.name", E, "organisation name is required", nil},

		// Incident types.
		{"incident type name empty", func(w *Workspace) { w.IncidentTypes[0].Name = "" },
			"incidentTypes[0].name", E, "name is required", nil},
		{"incident type unknown category", func(w *Workspace) { w.IncidentTypes[1].Category = "malware" },
			"incidentTypes[1].category", E, `unknown category "malware"`, nil},
		{"incident type empty category", func(w *Workspace) { w.IncidentTypes[0].Category = "" },
			"incidentTypes[0].category", E, `unknown category ""`, nil},
		{"incident type category wrong case", func(w *Workspace) { w.IncidentTypes[0].Category = "Security" },
			"incidentTypes[0].category", E, `unknown category "Security"`, nil},
		{"incident type without criteria", func(w *Workspace) { w.IncidentTypes[1].Criteria = nil },
			"incidentTypes[1].criteria", W, "no declaration criteria", nil},

		// Reporting channels.
		{"reporting channel name empty", func(w *Workspace) { w.Reporting.Channels[0].Name = "  " },
			"reporting.channels[0].name", E, "name is required", nil},
		{"reporting channel unknown channel", func(w *Workspace) { w.Reporting.Channels[0].Channel = "fax" },
			"reporting.channels[0].channel", E, `unknown channel "fax"`, nil},
		{"reporting channel empty channel", func(w *Workspace) { w.Reporting.Channels[0].Channel = "" },
			"reporting.channels[0].channel", E, `unknown channel ""`, nil},

		// Triage.
		{"triage unknown role", func(w *Workspace) { w.Triage.Role = "nobody" },
			"triage.role", E, `unknown role "nobody"`, nil},
		{"triage target negative", func(w *Workspace) { w.Triage.TargetTime = -Minute },
			"triage.targetTime", E, "duration -1m is negative", nil},
		{"triage target over a year", func(w *Workspace) { w.Triage.TargetTime = 366 * Day },
			"triage.targetTime", E, "duration 366d is longer than a year", nil},

		// Severities.
		{"severity level zero", func(w *Workspace) { w.Severities[0].Level = 0 },
			"severities[0].level", E, "level 0 is outside 1–10", []vtWant{
				{"severities", W, "level 1 is missing"},
				{"stakeholders[0].cadence[0].severity", E, "unknown severity 1"},
				{"escalationRules[0].severities[0]", E, "unknown severity 1"},
				{"reportingObligations[0].severities[0]", E, "unknown severity 1"}}},
		{"severity level eleven", func(w *Workspace) { w.Severities[1].Level = 11 },
			"severities[1].level", E, "level 11 is outside 1–10", []vtWant{
				{"severities", W, "level 2 is missing"},
				{"stakeholders[0].cadence[1].severity", E, "unknown severity 2"}}},
		{"severity level negative", func(w *Workspace) { w.Severities[1].Level = -2 },
			"severities[1].level", E, "level -2 is outside 1–10", []vtWant{
				{"severities", W, "level 2 is missing"},
				{"stakeholders[0].cadence[1].severity", E, "unknown severity 2"}}},
		{"severity level duplicate", func(w *Workspace) { w.Severities[1].Level = 1 },
			"severities[1].level", E, "duplicate severity level 1", []vtWant{
				{"severities", W, "level 2 is missing"},
				{"stakeholders[0].cadence[1].severity", E, "unknown severity 2"}}},
		{"severity levels with a gap", func(w *Workspace) { w.Severities[1].Level = 3 },
			"severities", W, "levels should run 1…2 without gaps; level 2 is missing", []vtWant{
				{"stakeholders[0].cadence[1].severity", E, "unknown severity 2"}}},
		{"severity levels not starting at one", func(w *Workspace) {
			w.Severities[0].Level = 3
			w.Stakeholders[0].Cadence = []Cadence{{Severity: 2, Every: Hour}}
			w.EscalationRules[0].Severities = []int{2}
			w.ReportingObligations[0].Severities = nil
		}, "severities", W, "level 1 is missing", nil},
		{"severity name empty", func(w *Workspace) { w.Severities[0].Name = "" },
			"severities[0].name", E, "name is required", nil},
		{"acknowledge target negative", func(w *Workspace) { w.Severities[0].Targets.Acknowledge = -5 * Minute },
			"severities[0].targets.acknowledge", E, "duration -5m is negative", nil},
		{"first update target over a year", func(w *Workspace) { w.Severities[1].Targets.FirstUpdate = 400 * Day },
			"severities[1].targets.firstUpdate", E, "longer than a year", nil},
		{"update cadence negative", func(w *Workspace) { w.Severities[0].Targets.UpdateCadence = -Hour },
			"severities[0].targets.updateCadence", E, "duration -1h is negative", nil},
		{"resolve target over a year", func(w *Workspace) { w.Severities[1].Targets.Resolve = 366 * Day },
			"severities[1].targets.resolve", E, "duration 366d is longer than a year", nil},
		{"acknowledge later than resolve", func(w *Workspace) {
			t := &w.Severities[0].Targets
			t.Acknowledge, t.FirstUpdate, t.Resolve = 5*Hour, 5*Hour, 4*Hour
		}, "severities[0].targets.acknowledge", E, "acknowledge target 5h is later than the resolve target 4h", nil},
		{"first update before acknowledgement", func(w *Workspace) { w.Severities[1].Targets.FirstUpdate = 30 * Minute },
			"severities[1].targets.firstUpdate", W, "first update 30m is due before acknowledgement 1h", nil},

		// Third parties and contacts.
		{"third party name empty", func(w *Workspace) { w.ThirdParties[0].Name = "" },
			"thirdParties[0].name", E, "name is required", nil},
		{"third party unknown service class", func(w *Workspace) { w.ThirdParties[0].ServiceClass = "mainframe" },
			"thirdParties[0].serviceClass", E, `unknown service class "mainframe"`, nil},
		{"third party unknown criticality", func(w *Workspace) { w.ThirdParties[0].Criticality = "extreme" },
			"thirdParties[0].criticality", E, `unknown criticality "extreme"`, nil},
		{"third party contact value empty", func(w *Workspace) { w.ThirdParties[0].Contacts[0].Value = "  " },
			"thirdParties[0].contacts[0].value", E, "contact value is required", nil},
		{"third party contact unknown channel", func(w *Workspace) { w.ThirdParties[0].Contacts[0].Channel = "fax" },
			"thirdParties[0].contacts[0].channel", E, `unknown channel "fax"`, nil},
		{"person contact value empty", func(w *Workspace) { w.People[1].Contacts[0].Value = "" },
			"people[1].contacts[0].value", E, "contact value is required", nil},
		{"person second contact unknown channel", func(w *Workspace) {
			w.People[2].Contacts = append(w.People[2].Contacts, Contact{Channel: "carrier-pigeon", Value: "loft 3"})
		}, "people[2].contacts[1].channel", E, `unknown channel "carrier-pigeon"`, nil},

		// Coverage.
		{"coverage mode empty", func(w *Workspace) { w.Coverage.Mode = "" },
			"coverage.mode", E, `unknown coverage mode ""`, nil},
		{"coverage mode misspelt", func(w *Workspace) { w.Coverage.Mode = "24/7" },
			"coverage.mode", E, `unknown coverage mode "24/7" (want "business-hours" or "24x7")`, nil},
		{"coverage unknown time zone", func(w *Workspace) { w.Coverage.TimeZone = "Mars/Olympus_Mons" },
			"coverage.timeZone", E, `unknown time zone "Mars/Olympus_Mons"`, nil},
		{"coverage time zone offset text", func(w *Workspace) { w.Coverage.TimeZone = "GMT+1:00" },
			"coverage.timeZone", E, `unknown time zone "GMT+1:00"`, nil},
		{"business hours unknown day", func(w *Workspace) { w.Coverage.BusinessHours.Days = []Weekday{Mon, "funday"} },
			"coverage.businessHours.days[1]", E, `unknown day "funday"`, nil},
		{"business hours day wrong case", func(w *Workspace) { w.Coverage.BusinessHours.Days = []Weekday{"Mon"} },
			"coverage.businessHours.days[0]", E, `unknown day "Mon"`, nil},
		{"business hours start malformed", func(w *Workspace) { w.Coverage.BusinessHours.Start = "9am" },
			"coverage.businessHours.start", E, `invalid time "9am"`, nil},
		{"business hours end out of range", func(w *Workspace) { w.Coverage.BusinessHours.End = "25:00" },
			"coverage.businessHours.end", E, `invalid time "25:00"`, nil},
		{"business hours end missing", func(w *Workspace) { w.Coverage.BusinessHours.End = "" },
			"coverage.businessHours.end", E, "time is required (HH:MM)", nil},
		{"business hours start missing", func(w *Workspace) { w.Coverage.BusinessHours.Start = "" },
			"coverage.businessHours.start", E, "time is required (HH:MM)", nil},
		{"business hours end before start", func(w *Workspace) {
			w.Coverage.BusinessHours.Start, w.Coverage.BusinessHours.End = "17:30", "09:00"
		}, "coverage.businessHours.end", E, "business hours end 09:00 is not after start 17:30", nil},
		{"business hours end equals start", func(w *Workspace) {
			w.Coverage.BusinessHours.Start, w.Coverage.BusinessHours.End = "09:00", "09:00"
		}, "coverage.businessHours.end", E, "is not after start", nil},

		// Shifts.
		{"shift name empty", func(w *Workspace) { w.Coverage.Rota.Shifts[0].Name = "" },
			"coverage.rota.shifts[0].name", E, "name is required", nil},
		{"shift role missing", func(w *Workspace) { w.Coverage.Rota.Shifts[0].Role = "" },
			"coverage.rota.shifts[0].role", E, "role is required", nil},
		{"shift role unknown", func(w *Workspace) { w.Coverage.Rota.Shifts[0].Role = "ghost" },
			"coverage.rota.shifts[0].role", E, `unknown role "ghost"`, nil},
		{"shift without days", func(w *Workspace) { w.Coverage.Rota.Shifts[0].Days = nil },
			"coverage.rota.shifts[0].days", E, "at least one day is required", nil},
		{"shift unknown day", func(w *Workspace) { w.Coverage.Rota.Shifts[0].Days = []Weekday{Mon, "someday"} },
			"coverage.rota.shifts[0].days[1]", E, `unknown day "someday"`, nil},
		{"shift start missing", func(w *Workspace) { w.Coverage.Rota.Shifts[0].Start = "" },
			"coverage.rota.shifts[0].start", E, "time is required (HH:MM)", nil},
		{"shift start malformed", func(w *Workspace) { w.Coverage.Rota.Shifts[0].Start = "8:00" },
			"coverage.rota.shifts[0].start", E, `invalid time "8:00"`, nil},
		{"shift end missing", func(w *Workspace) { w.Coverage.Rota.Shifts[0].End = "" },
			"coverage.rota.shifts[0].end", E, "time is required (HH:MM)", nil},
		{"shift end past midnight", func(w *Workspace) { w.Coverage.Rota.Shifts[0].End = "24:30" },
			"coverage.rota.shifts[0].end", E, `invalid time "24:30"`, nil},
		{"shift zero length", func(w *Workspace) { w.Coverage.Rota.Shifts[0].End = "08:00" },
			"coverage.rota.shifts[0].end", E, "shift starts and ends at 08:00: zero length", nil},
		{"shift member unknown", func(w *Workspace) { w.Coverage.Rota.Shifts[0].Members = []string{"alice", "zed"} },
			"coverage.rota.shifts[0].members[1]", E, `unknown person "zed"`, nil},
		{"shift member empty", func(w *Workspace) { w.Coverage.Rota.Shifts[0].Members = []string{"alice", ""} },
			"coverage.rota.shifts[0].members[1]", E, "person is required", nil},
		{"shift with no members", func(w *Workspace) { w.Coverage.Rota.Shifts[0].Members = nil },
			"coverage.rota.shifts[0].members", W, "shift has nobody on it", nil},

		// Stakeholders.
		{"stakeholder name empty", func(w *Workspace) { w.Stakeholders[0].Name = "" },
			"stakeholders[0].name", E, "name is required", nil},
		{"stakeholder unknown kind", func(w *Workspace) { w.Stakeholders[0].Kind = "press" },
			"stakeholders[0].kind", E, `unknown stakeholder kind "press"`, nil},
		{"stakeholder unknown channel", func(w *Workspace) { w.Stakeholders[0].Channel = "fax" },
			"stakeholders[0].channel", E, `unknown channel "fax"`, nil},
		{"stakeholder owner role missing", func(w *Workspace) { w.Stakeholders[0].OwnerRole = "" },
			"stakeholders[0].ownerRole", E, "role is required", nil},
		{"stakeholder owner role unknown", func(w *Workspace) { w.Stakeholders[0].OwnerRole = "ghost" },
			"stakeholders[0].ownerRole", E, `unknown role "ghost"`, nil},
		{"cadence unknown severity", func(w *Workspace) { w.Stakeholders[0].Cadence[1].Severity = 3 },
			"stakeholders[0].cadence[1].severity", E, "unknown severity 3", nil},
		{"cadence duplicate severity", func(w *Workspace) { w.Stakeholders[0].Cadence[1].Severity = 1 },
			"stakeholders[0].cadence[1].severity", E, "severity 1 has two cadences", nil},
		{"cadence zero interval", func(w *Workspace) { w.Stakeholders[0].Cadence[0].Every = 0 },
			"stakeholders[0].cadence[0].every", E, "duration must be greater than zero", nil},
		{"cadence negative interval", func(w *Workspace) { w.Stakeholders[0].Cadence[1].Every = -Hour },
			"stakeholders[0].cadence[1].every", E, "duration -1h is negative", nil},
		{"cadence interval over a year", func(w *Workspace) { w.Stakeholders[0].Cadence[0].Every = 400 * Day },
			"stakeholders[0].cadence[0].every", E, "longer than a year", nil},

		// People.
		{"person name empty", func(w *Workspace) { w.People[2].Name = "" },
			"people[2].name", E, "name is required", nil},
		{"person deputises for themselves", func(w *Workspace) { w.People[0].Deputy = "alice" },
			"people[0].deputy", E, "a person cannot deputise for themselves", nil},
		{"person deputy unknown", func(w *Workspace) { w.People[1].Deputy = "zed" },
			"people[1].deputy", E, `unknown person "zed"`, nil},

		// Roles.
		{"role name empty", func(w *Workspace) { w.Roles[1].Name = "" },
			"roles[1].name", E, "name is required", nil},
		{"role unknown function", func(w *Workspace) {
			w.Roles[0].Functions = append(w.Roles[0].Functions, "janitor")
		}, "roles[0].functions[2]", E, `unknown function "janitor"`, nil},
		{"role member unknown", func(w *Workspace) { w.Roles[0].Members = []string{"alice", "zed"} },
			"roles[0].members[1]", E, `unknown person "zed"`, nil},
		{"role member empty", func(w *Workspace) { w.Roles[0].Members = []string{"", "alice"} },
			"roles[0].members[0]", E, "person is required", nil},
		{"role member listed twice", func(w *Workspace) { w.Roles[0].Members = []string{"alice", "bob", "alice"} },
			"roles[0].members[2]", E, `"alice" is listed twice`, nil},
		{"role with no members", func(w *Workspace) { w.Roles[1].Members = nil },
			"roles[1].members", W, "nobody holds this role", nil},

		// Responsibilities.
		{"responsibility unknown incident type", func(w *Workspace) { w.Responsibilities[1].IncidentType = "ghost" },
			"responsibilities[1].incidentType", E, `unknown incident type "ghost"`, nil},
		{"responsibility incident type missing", func(w *Workspace) { w.Responsibilities[3].IncidentType = "" },
			"responsibilities[3].incidentType", E, "incident type is required", nil},
		{"responsibility unknown role", func(w *Workspace) { w.Responsibilities[1].Role = "ghost" },
			"responsibilities[1].role", E, `unknown role "ghost"`, nil},
		{"responsibility role missing", func(w *Workspace) { w.Responsibilities[3].Role = "" },
			"responsibilities[3].role", E, "role is required", nil},
		{"responsibility unknown code", func(w *Workspace) { w.Responsibilities[1].RACI = "X" },
			"responsibilities[1].raci", E, `unknown code "X" (want R, A, C or I)`, nil},
		{"responsibility lower-case code", func(w *Workspace) { w.Responsibilities[1].RACI = "r" },
			"responsibilities[1].raci", E, `unknown code "r"`, nil},
		{"responsibility duplicate pair", func(w *Workspace) {
			w.Responsibilities = append(w.Responsibilities, Responsibility{IncidentType: "security-breach", Role: "on-call", RACI: Consulted})
		}, "responsibilities[4]", E, `role "on-call" has two entries for incident type "security-breach"`, nil},
		{"responsibility two accountable roles", func(w *Workspace) { w.Responsibilities[3].RACI = Accountable },
			"responsibilities[3].raci", W, `incident type "outage" has more than one accountable role`, nil},

		// Escalation rules.
		{"escalation name empty", func(w *Workspace) { w.EscalationRules[0].Name = "" },
			"escalationRules[0].name", E, "name is required", nil},
		{"escalation unknown trigger", func(w *Workspace) { w.EscalationRules[0].Trigger = "ignored" },
			"escalationRules[0].trigger", E, `unknown trigger "ignored"`, nil},
		{"escalation empty trigger", func(w *Workspace) { w.EscalationRules[0].Trigger = "" },
			"escalationRules[0].trigger", E, `unknown trigger ""`, nil},
		{"escalation without severities", func(w *Workspace) { w.EscalationRules[0].Severities = nil },
			"escalationRules[0].severities", E, "at least one severity is required", nil},
		{"escalation unknown severity", func(w *Workspace) { w.EscalationRules[0].Severities = []int{1, 5} },
			"escalationRules[0].severities[1]", E, "unknown severity 5", nil},
		{"escalation after zero", func(w *Workspace) { w.EscalationRules[0].After = 0 },
			"escalationRules[0].after", E, "duration must be greater than zero", nil},
		{"escalation after negative", func(w *Workspace) { w.EscalationRules[0].After = -30 * Minute },
			"escalationRules[0].after", E, "duration -30m is negative", nil},
		{"escalation after over a year", func(w *Workspace) { w.EscalationRules[0].After = 400 * Day },
			"escalationRules[0].after", E, "longer than a year", nil},
		{"escalate to missing", func(w *Workspace) { w.EscalationRules[0].EscalateTo = "" },
			"escalationRules[0].escalateTo", E, "role is required", nil},
		{"escalate to unknown", func(w *Workspace) { w.EscalationRules[0].EscalateTo = "head-of-eng" },
			"escalationRules[0].escalateTo", E, `unknown role "head-of-eng"`, nil},
		{"handover to unknown", func(w *Workspace) { w.EscalationRules[0].HandoverTo = "ghost" },
			"escalationRules[0].handoverTo", E, `unknown role "ghost"`, nil},

		// Reporting obligations.
		{"obligation body empty", func(w *Workspace) { w.ReportingObligations[0].Body = " " },
			"reportingObligations[0].body", E, "body is required", nil},
		{"obligation deadline zero", func(w *Workspace) { w.ReportingObligations[0].Deadline = 0 },
			"reportingObligations[0].deadline", E, "duration must be greater than zero", nil},
		{"obligation deadline negative", func(w *Workspace) { w.ReportingObligations[0].Deadline = -Hour },
			"reportingObligations[0].deadline", E, "duration -1h is negative", nil},
		{"obligation deadline over a year", func(w *Workspace) { w.ReportingObligations[0].Deadline = 53 * Week },
			"reportingObligations[0].deadline", E, "duration 53w is longer than a year", nil},
		{"obligation owner role missing", func(w *Workspace) { w.ReportingObligations[0].OwnerRole = "" },
			"reportingObligations[0].ownerRole", E, "role is required", nil},
		{"obligation owner role unknown", func(w *Workspace) { w.ReportingObligations[0].OwnerRole = "dpo" },
			"reportingObligations[0].ownerRole", E, `unknown role "dpo"`, nil},
		{"obligation unknown incident type", func(w *Workspace) {
			w.ReportingObligations[0].IncidentTypes = []string{"security-breach", "ghost"}
		}, "reportingObligations[0].incidentTypes[1]", E, `unknown incident type "ghost"`, nil},
		{"obligation empty incident type", func(w *Workspace) { w.ReportingObligations[0].IncidentTypes = []string{""} },
			"reportingObligations[0].incidentTypes[0]", E, "incident type is required", nil},
		{"obligation unknown severity", func(w *Workspace) { w.ReportingObligations[0].Severities = []int{9} },
			"reportingObligations[0].severities[0]", E, "unknown severity 9", nil},
		{"obligation unknown stakeholder", func(w *Workspace) { w.ReportingObligations[0].Stakeholder = "ghost" },
			"reportingObligations[0].stakeholder", E, `unknown stakeholder "ghost"`, nil},

		// Playbooks.
		{"playbook title empty", func(w *Workspace) { w.Playbooks[0].Title = "" },
			"playbooks[0].title", E, "title is required", nil},
		{"playbook role missing", func(w *Workspace) { w.Playbooks[0].Role = "" },
			"playbooks[0].role", E, "role is required", nil},
		{"playbook role unknown", func(w *Workspace) { w.Playbooks[1].Role = "ghost" },
			"playbooks[1].role", E, `unknown role "ghost"`, nil},
		{"playbook unknown incident type", func(w *Workspace) {
			w.Playbooks[0].IncidentTypes = []string{"security-breach", "ghost"}
		}, "playbooks[0].incidentTypes[1]", E, `unknown incident type "ghost"`, nil},
		{"playbook empty incident type", func(w *Workspace) { w.Playbooks[1].IncidentTypes = []string{""} },
			"playbooks[1].incidentTypes[0]", E, "incident type is required", nil},
		{"playbook owner unknown", func(w *Workspace) { w.Playbooks[0].Owner = "zed" },
			"playbooks[0].owner", E, `unknown person "zed"`, nil},
		{"playbook review interval negative", func(w *Workspace) { w.Playbooks[0].ReviewInterval = -Day },
			"playbooks[0].reviewInterval", E, "duration -1d is negative", nil},
		{"playbook review interval over a year", func(w *Workspace) { w.Playbooks[1].ReviewInterval = 2 * 365 * Day },
			"playbooks[1].reviewInterval", E, "duration 730d is longer than a year", nil},
		{"playbook refers to itself", func(w *Workspace) {
			w.Playbooks[0].References = append(w.Playbooks[0].References, "contain-breach")
		}, "playbooks[0].references[1]", E, "playbook refers to itself", nil},
		{"playbook step refers to its own playbook", func(w *Workspace) {
			w.Playbooks[1].Steps[0].References = []string{"restore-service"}
		}, "playbooks[1].steps[0].references[0]", E, "playbook refers to itself", nil},
		{"playbook unknown reference", func(w *Workspace) {
			w.Playbooks[0].References = append(w.Playbooks[0].References, "ghost")
		}, "playbooks[0].references[1]", E, `unknown playbook "ghost"`, nil},
		{"playbook empty reference", func(w *Workspace) { w.Playbooks[1].References = []string{""} },
			"playbooks[1].references[0]", E, "playbook is required", nil},
		{"playbook step unknown reference", func(w *Workspace) { w.Playbooks[1].Steps[0].References = []string{"ghost"} },
			"playbooks[1].steps[0].references[0]", E, `unknown playbook "ghost"`, nil},
		{"playbook cycle A→B→A", func(w *Workspace) { w.Playbooks[1].References = []string{"contain-breach"} },
			"playbooks[1].references", W, "reference cycle: contain-breach → restore-service → contain-breach", nil},
		{"playbook cycle through a step reference", func(w *Workspace) {
			w.Playbooks[1].Steps[0].References = []string{"contain-breach"}
		}, "playbooks[1].references", W, "reference cycle: contain-breach → restore-service → contain-breach", nil},
		{"playbook cycle A→B→C→A", func(w *Workspace) {
			w.Playbooks[1].References = []string{"notify-customers"}
			w.Playbooks = append(w.Playbooks, Playbook{
				ID: "notify-customers", Title: "Notify customers", Role: "incident-manager",
				Steps:      []Step{{Text: "Post on the status page"}},
				References: []string{"contain-breach"},
			})
		}, "playbooks[2].references", W,
			"reference cycle: contain-breach → restore-service → notify-customers → contain-breach", nil},
		{"playbook without steps", func(w *Workspace) { w.Playbooks[1].Steps = nil },
			"playbooks[1].steps", W, "playbook has no steps", nil},
		{"playbook step text empty", func(w *Workspace) { w.Playbooks[0].Steps[1].Text = "  " },
			"playbooks[0].steps[1].text", E, "step text is required", nil},
		{"playbook step duration negative", func(w *Workspace) { w.Playbooks[0].Steps[0].ExpectedDuration = -Minute },
			"playbooks[0].steps[0].expectedDuration", E, "duration -1m is negative", nil},
		{"playbook step duration over a year", func(w *Workspace) { w.Playbooks[0].Steps[0].ExpectedDuration = 366 * Day },
			"playbooks[0].steps[0].expectedDuration", E, "longer than a year", nil},
		{"revision number repeated", func(w *Workspace) {
			r := w.Playbooks[0].Revisions[0]
			w.Playbooks[0].Revisions = append(w.Playbooks[0].Revisions, r)
		}, "playbooks[0].revisions[1].number", E, "revision 1 does not follow revision 1", nil},
		{"revision numbers descending", func(w *Workspace) {
			r := w.Playbooks[0].Revisions[0]
			w.Playbooks[0].Revisions[0].Number = 2
			w.Playbooks[0].Revisions = append(w.Playbooks[0].Revisions, r)
		}, "playbooks[0].revisions[1].number", E, "revision 1 does not follow revision 2", nil},
		{"revision number zero", func(w *Workspace) { w.Playbooks[1].Revisions[0].Number = 0 },
			"playbooks[1].revisions[0].number", E, "revision 0 does not follow", nil},
		{"revision number negative", func(w *Workspace) { w.Playbooks[1].Revisions[0].Number = -1 },
			"playbooks[1].revisions[0].number", E, "revision -1 does not follow", nil},
		{"revision date missing", func(w *Workspace) { w.Playbooks[1].Revisions[0].Date = Date{} },
			"playbooks[1].revisions[0].date", E, "revision date is required", nil},
		{"revision summary empty", func(w *Workspace) { w.Playbooks[0].Revisions[0].Summary = "" },
			"playbooks[0].revisions[0].summary", E, "revision summary is required", nil},
		{"revision author empty", func(w *Workspace) { w.Playbooks[0].Revisions[0].Author = "\n" },
			"playbooks[0].revisions[0].author", E, "revision author is required", nil},
	}

	// The passing case: the base has nothing at any of the tested paths.
	base := validBase().Validate()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := base.At(tc.path); len(got) != 0 {
				t.Fatalf("base already has problems at %s: %v", tc.path, got)
			}
			w := validBase()
			tc.mutate(w)
			wants := append([]vtWant{{tc.path, tc.level, tc.msg}}, tc.also...)
			vtCheck(t, w.Validate(), wants...)
		})
	}
}

// TestValidateIDs checks the required, malformed and duplicate ID rules for
// every collection that has IDs. A copy of an existing item is appended with
// the ID under test so that no other rule is disturbed.
func TestValidateIDs(t *testing.T) {
	collections := []struct {
		base     string
		existing string
		add      func(w *Workspace, id string) int
	}{
		{"incidentTypes", "outage", func(w *Workspace, id string) int {
			x := w.IncidentTypes[0]
			x.ID = id
			w.IncidentTypes = append(w.IncidentTypes, x)
			return len(w.IncidentTypes) - 1
		}},
		{"people", "bob", func(w *Workspace, id string) int {
			x := w.People[2]
			x.ID = id
			w.People = append(w.People, x)
			return len(w.People) - 1
		}},
		{"roles", "on-call", func(w *Workspace, id string) int {
			x := w.Roles[0]
			x.ID = id
			w.Roles = append(w.Roles, x)
			return len(w.Roles) - 1
		}},
		{"playbooks", "contain-breach", func(w *Workspace, id string) int {
			x := w.Playbooks[1]
			x.ID = id
			w.Playbooks = append(w.Playbooks, x)
			return len(w.Playbooks) - 1
		}},
		{"stakeholders", "exec-team", func(w *Workspace, id string) int {
			x := w.Stakeholders[0]
			x.ID = id
			w.Stakeholders = append(w.Stakeholders, x)
			return len(w.Stakeholders) - 1
		}},
		{"thirdParties", "aws", func(w *Workspace, id string) int {
			x := w.ThirdParties[0]
			x.ID = id
			w.ThirdParties = append(w.ThirdParties, x)
			return len(w.ThirdParties) - 1
		}},
		{"reporting.channels", "service-desk", func(w *Workspace, id string) int {
			x := w.Reporting.Channels[0]
			x.ID = id
			w.Reporting.Channels = append(w.Reporting.Channels, x)
			return len(w.Reporting.Channels) - 1
		}},
		{"coverage.rota.shifts", "day", func(w *Workspace, id string) int {
			x := w.Coverage.Rota.Shifts[0]
			x.ID = id
			w.Coverage.Rota.Shifts = append(w.Coverage.Rota.Shifts, x)
			return len(w.Coverage.Rota.Shifts) - 1
		}},
		{"escalationRules", "sev1-unresolved", func(w *Workspace, id string) int {
			x := w.EscalationRules[0]
			x.ID = id
			w.EscalationRules = append(w.EscalationRules, x)
			return len(w.EscalationRules) - 1
		}},
		{"reportingObligations", "ico", func(w *Workspace, id string) int {
			x := w.ReportingObligations[0]
			x.ID = id
			w.ReportingObligations = append(w.ReportingObligations, x)
			return len(w.ReportingObligations) - 1
		}},
	}
	for _, c := range collections {
		cases := []struct {
			name, id, msg string
		}{
			{"valid", "extra-1", ""},
			{"required", "", "ID is required"},
			{"malformed", "Bad ID", `ID "Bad ID" must be 1–64 characters of a–z, 0–9, '-', '_' or '.'`},
			{"leading hyphen", "-x", `ID "-x" must be`},
			{"duplicate", c.existing, fmt.Sprintf("duplicate ID %q", c.existing)},
		}
		for _, tc := range cases {
			t.Run(c.base+"/"+tc.name, func(t *testing.T) {
				w := validBase()
				i := c.add(w, tc.id)
				ps := w.Validate()
				if tc.msg == "" {
					vtCheck(t, ps)
					return
				}
				vtCheck(t, ps, vtWant{Root(c.base).At(i, "id").String(), Error, tc.msg})
			})
		}
	}
}

// TestValidateAcceptsEdgeCases lists valid plans near the rules' edges: none
// of them may produce a problem.
func TestValidateAcceptsEdgeCases(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(w *Workspace)
	}{
		{"unchanged", func(w *Workspace) {}},
		{"no triage role or target", func(w *Workspace) { w.Triage = Triage{} }},
		{"duration of exactly a year", func(w *Workspace) {
			w.Playbooks[0].ReviewInterval = 365 * Day
			w.Triage.TargetTime = 365 * Day
		}},
		{"unset severity targets", func(w *Workspace) { w.Severities[1].Targets = Targets{} }},
		{"acknowledge equals resolve", func(w *Workspace) {
			w.Severities[0].Targets = Targets{Acknowledge: Hour, FirstUpdate: Hour, Resolve: Hour}
		}},
		{"acknowledge set but resolve unset", func(w *Workspace) {
			w.Severities[0].Targets = Targets{Acknowledge: 2 * Hour}
		}},
		{"first update set but acknowledge unset", func(w *Workspace) {
			w.Severities[0].Targets = Targets{FirstUpdate: Minute}
		}},
		{"ten severity levels", func(w *Workspace) {
			for l := 3; l <= 10; l++ {
				w.Severities = append(w.Severities, Severity{Level: l, Name: fmt.Sprintf("Level %d", l)})
			}
		}},
		{"severities listed out of order", func(w *Workspace) {
			w.Severities[0], w.Severities[1] = w.Severities[1], w.Severities[0]
		}},
		{"no severities and nothing referring to them", func(w *Workspace) {
			w.Severities = nil
			w.Stakeholders[0].Cadence = nil
			w.EscalationRules = nil
			w.ReportingObligations[0].Severities = nil
		}},
		{"business-hours coverage", func(w *Workspace) { w.Coverage.Mode = CoverageBusinessHours }},
		{"no time zone", func(w *Workspace) { w.Coverage.TimeZone = "" }},
		{"UTC time zone", func(w *Workspace) { w.Coverage.TimeZone = "UTC" }},
		{"other IANA time zone", func(w *Workspace) { w.Coverage.TimeZone = "America/Argentina/Buenos_Aires" }},
		{"no business hours", func(w *Workspace) { w.Coverage.BusinessHours = BusinessHours{} }},
		{"business hours to midnight", func(w *Workspace) {
			w.Coverage.BusinessHours.Start, w.Coverage.BusinessHours.End = "00:00", "24:00"
		}},
		{"overnight shift", func(w *Workspace) {
			w.Coverage.Rota.Shifts[0].Start, w.Coverage.Rota.Shifts[0].End = "20:00", "08:00"
		}},
		{"shift ending at 24:00", func(w *Workspace) {
			w.Coverage.Rota.Shifts[0].Start, w.Coverage.Rota.Shifts[0].End = "16:00", "24:00"
		}},
		{"shift ending at 00:00", func(w *Workspace) {
			w.Coverage.Rota.Shifts[0].Start, w.Coverage.Rota.Shifts[0].End = "16:00", "00:00"
		}},
		{"business hours without rota", func(w *Workspace) {
			w.Coverage.Mode = CoverageBusinessHours
			w.Coverage.Rota = Rota{}
		}},
		{"stakeholder without cadence", func(w *Workspace) { w.Stakeholders[0].Cadence = nil }},
		{"person without deputy or contacts", func(w *Workspace) {
			w.People[0].Deputy = ""
			w.People[0].Contacts = nil
		}},
		{"deputies point at each other", func(w *Workspace) {
			w.People[0].Deputy, w.People[1].Deputy = "bob", "alice"
		}},
		{"role without functions", func(w *Workspace) { w.Roles[1].Functions = nil }},
		{"one accountable role and several responsible", func(w *Workspace) {
			w.Responsibilities[1].RACI = Responsible
			w.Responsibilities[3].RACI = Informed
		}},
		{"same role for two incident types", func(w *Workspace) {
			w.Responsibilities = w.Responsibilities[:1]
			w.Responsibilities = append(w.Responsibilities, Responsibility{IncidentType: "outage", Role: "incident-manager", RACI: Accountable})
		}},
		{"escalation without handover", func(w *Workspace) { w.EscalationRules[0].HandoverTo = "" }},
		{"every trigger", func(w *Workspace) {
			for _, tr := range Triggers {
				r := w.EscalationRules[0]
				r.ID, r.Trigger = "rule-"+string(tr), tr
				w.EscalationRules = append(w.EscalationRules, r)
			}
		}},
		{"obligation for all types and severities, no stakeholder", func(w *Workspace) {
			o := &w.ReportingObligations[0]
			o.IncidentTypes, o.Severities, o.Stakeholder = nil, nil, ""
		}},
		{"playbook without owner, interval, types or revisions", func(w *Workspace) {
			p := &w.Playbooks[1]
			p.Owner, p.ReviewInterval, p.IncidentTypes, p.Revisions = "", 0, nil, nil
		}},
		{"revision numbers with gaps", func(w *Workspace) {
			w.Playbooks[0].Revisions = append(w.Playbooks[0].Revisions,
				Revision{Number: 3, Date: NewDate(2026, 2, 1), Author: "Alice Adams", Summary: "Second"})
		}},
		{"diamond of references is not a cycle", func(w *Workspace) {
			w.Playbooks = append(w.Playbooks,
				Playbook{ID: "notify", Title: "Notify", Role: "incident-manager", Steps: []Step{{Text: "Tell them"}},
					References: []string{"restore-service"}},
				Playbook{ID: "lead", Title: "Lead", Role: "incident-manager", Steps: []Step{{Text: "Lead"}},
					References: []string{"contain-breach", "notify"}})
		}},
		{"empty collections", func(w *Workspace) {
			*w = Workspace{SchemaVersion: SchemaVersion, Organisation: w.Organisation, Coverage: Coverage{Mode: CoverageBusinessHours}}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := validBase()
			tc.mutate(w)
			vtCheck(t, w.Validate())
		})
	}
}

// TestValidateEveryProblemAtOnce breaks many things in one workspace and
// expects every problem to be reported, not just the first.
func TestValidateEveryProblemAtOnce(t *testing.T) {
	w := validBase()
	w.Organisation.Name = ""
	w.IncidentTypes[1].Category = "weather"
	w.Reporting.Channels[0].Channel = "fax"
	w.Triage.Role = "ghost"
	w.Severities[1].Targets.FirstUpdate = 30 * Minute
	w.ThirdParties[0].Criticality = "meh"
	w.Coverage.TimeZone = "Nowhere/Land"
	w.Coverage.Rota.Shifts[0].Members = nil
	w.Stakeholders[0].Cadence[0].Every = 0
	w.People[0].Deputy = "alice"
	w.People = append(w.People, w.People[1]) // duplicate ID "bob"
	w.Roles[1].Functions = []Function{"juggler"}
	w.Responsibilities[2].RACI = "Z"
	w.EscalationRules[0].EscalateTo = "ghost"
	w.ReportingObligations[0].Deadline = 0
	w.Playbooks[1].References = []string{"contain-breach"}
	w.Playbooks[0].Revisions[0].Author = ""

	ps := w.Validate()
	vtCheck(t, ps,
		vtWant{"people[3].id", Error, `duplicate ID "bob"`},
		vtWant{"organisation.name", Error, "organisation name is required"},
		vtWant{"incidentTypes[1].category", Error, `unknown category "weather"`},
		vtWant{"reporting.channels[0].channel", Error, `unknown channel "fax"`},
		vtWant{"triage.role", Error, `unknown role "ghost"`},
		vtWant{"severities[1].targets.firstUpdate", Warning, "due before acknowledgement"},
		vtWant{"thirdParties[0].criticality", Error, `unknown criticality "meh"`},
		vtWant{"coverage.timeZone", Error, `unknown time zone "Nowhere/Land"`},
		vtWant{"coverage.rota.shifts[0].members", Warning, "shift has nobody on it"},
		vtWant{"stakeholders[0].cadence[0].every", Error, "greater than zero"},
		vtWant{"people[0].deputy", Error, "cannot deputise for themselves"},
		vtWant{"roles[1].functions[0]", Error, `unknown function "juggler"`},
		vtWant{"responsibilities[2].raci", Error, `unknown code "Z"`},
		vtWant{"escalationRules[0].escalateTo", Error, `unknown role "ghost"`},
		vtWant{"reportingObligations[0].deadline", Error, "greater than zero"},
		vtWant{"playbooks[0].revisions[0].author", Error, "revision author is required"},
		vtWant{"playbooks[1].references", Warning, "reference cycle"},
	)
	if got, want := ps.Errors(), 14; got != want {
		t.Errorf("Errors() = %d, want %d", got, want)
	}
	if got := len(ps) - ps.Errors(); got != 3 {
		t.Errorf("warnings = %d, want 3", got)
	}
}

// TestValidateDoesNotPanicOnZeroWorkspace runs Validate on an empty value
// and on a workspace full of empty items.
func TestValidateDoesNotPanicOnZeroWorkspace(t *testing.T) {
	ps := (&Workspace{}).Validate()
	if len(ps.At("organisation.name")) != 1 {
		t.Errorf("zero workspace: want an organisation name problem, got %v", ps)
	}

	w := &Workspace{
		IncidentTypes:        make([]IncidentType, 2),
		Reporting:            Reporting{Channels: make([]ReportingChannel, 1)},
		Severities:           make([]Severity, 2),
		ThirdParties:         []ThirdParty{{Contacts: make([]Contact, 1)}},
		Coverage:             Coverage{Rota: Rota{Shifts: make([]Shift, 1)}},
		Stakeholders:         []Stakeholder{{Cadence: make([]Cadence, 2)}},
		People:               []Person{{Contacts: make([]Contact, 1)}},
		Roles:                []Role{{Members: make([]string, 2)}},
		Responsibilities:     make([]Responsibility, 2),
		EscalationRules:      make([]EscalationRule, 1),
		ReportingObligations: []ReportingObligation{{IncidentTypes: []string{""}, Severities: []int{0}}},
		Playbooks: []Playbook{
			{Steps: make([]Step, 1), References: []string{""}, Revisions: make([]Revision, 2)},
			{},
		},
	}
	ps = w.Validate()
	for _, path := range []string{
		"incidentTypes[0].id", "incidentTypes[1].id", "people[0].id", "playbooks[1].id",
		"severities[0].level", "coverage.rota.shifts[0].start", "roles[0].members[1]",
		"playbooks[0].revisions[1].number", "playbooks[0].steps[0].text",
	} {
		if len(ps.At(path)) == 0 {
			t.Errorf("empty items: no problem at %s", path)
		}
	}
	for _, p := range ps {
		if p.Path == "" || p.Message == "" {
			t.Errorf("problem without path or message: %#v", p)
		}
	}
}

func TestValidIDEdgeCases(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"a", true},
		{"0", true},
		{"9lives", true},
		{"incident-manager", true},
		{"snake_case", true},
		{"v1.2", true},
		{"a-", true},
		{"a..b", true},
		{"x-_.", true},
		{strings.Repeat("a", 64), true},
		{strings.Repeat("a", 65), false},
		{"", false},
		{"-a", false},
		{"_a", false},
		{".a", false},
		{"A", false},
		{"aB", false},
		{"a b", false},
		{" a", false},
		{"a\n", false},
		{"a/b", false},
		{"a:b", false},
		{"a+b", false},
		{"café", false},
		{"ａ", false}, // full-width a
		{"a\x00", false},
	}
	for _, tc := range tests {
		if got := ValidID(tc.id); got != tc.want {
			t.Errorf("ValidID(%q) = %v, want %v", tc.id, got, tc.want)
		}
	}
}

func TestProblemsErrorsAndAt(t *testing.T) {
	ps := Problems{
		{Path: "people[1].deputy", Level: Error, Message: "a"},
		{Path: "people[1].contacts[0].value", Level: Error, Message: "b"},
		{Path: "people[10].name", Level: Error, Message: "c"},
		{Path: "people[1]", Level: Warning, Message: "d"},
		{Path: "people", Level: Warning, Message: "e"},
		{Path: "severities", Level: Warning, Message: "f"},
		{Path: "severities[0].level", Level: Error, Message: "g"},
		{Path: "roles[0].members[1]", Level: Error, Message: "h"},
		{Path: "roles[0].membersX", Level: Error, Message: "i"},
		{Path: "coverage.rota.shifts[0].end", Level: Error, Message: "j"},
	}
	if got := ps.Errors(); got != 7 {
		t.Errorf("Errors() = %d, want 7", got)
	}
	if got := (Problems{}).Errors(); got != 0 {
		t.Errorf("empty Errors() = %d, want 0", got)
	}
	if got := (Problems{{Level: Warning}}).Errors(); got != 0 {
		t.Errorf("warnings-only Errors() = %d, want 0", got)
	}

	msgs := func(ps Problems) string {
		var b strings.Builder
		for _, p := range ps {
			b.WriteString(p.Message)
		}
		return b.String()
	}
	tests := []struct {
		path string
		want string // messages of the matching problems, in order
	}{
		{"people[1]", "abd"},
		{"people[1].deputy", "a"},
		{"people[1].contacts", "b"},
		{"people[1].contacts[0]", "b"},
		{"people[10]", "c"},
		{"people", "abcde"},
		{"people[", ""},
		{"peop", ""},
		{"severities", "fg"},
		{"severities[0]", "g"},
		{"roles[0].members", "h"},
		{"roles[0]", "hi"},
		{"coverage", "j"},
		{"coverage.rota", "j"},
		{"coverage.rota.shifts[0].end", "j"},
		{"coverage.rota.shifts[1]", ""},
		{"triage", ""},
	}
	for _, tc := range tests {
		if got := msgs(ps.At(tc.path)); got != tc.want {
			t.Errorf("At(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
	if got := (Problems(nil)).At("people"); len(got) != 0 {
		t.Errorf("nil At = %v, want empty", got)
	}
}

func TestProblemsFromValidateAreLocatable(t *testing.T) {
	w := validBase()
	w.People[1].Deputy = "zed"
	w.People[1].Contacts[0].Value = ""
	w.People = append(w.People, make([]Person, 7)...)
	for i := 3; i < len(w.People); i++ {
		w.People[i] = Person{ID: fmt.Sprintf("p%d", i), Name: fmt.Sprintf("Person %d", i)}
	}
	w.People[len(w.People)-1].Name = "" // people[9]
	w.People = append(w.People, Person{ID: "p10"})

	ps := w.Validate()
	if got := ps.At("people[1]"); len(got) != 2 {
		t.Errorf("At(people[1]) = %v, want the deputy and the contact value", got)
	}
	if got := ps.At("people[10]"); len(got) != 1 || got[0].Path != "people[10].name" {
		t.Errorf("At(people[10]) = %v, want only people[10].name", got)
	}
	if got := ps.At("people[9]"); len(got) != 1 || got[0].Path != "people[9].name" {
		t.Errorf("At(people[9]) = %v, want only people[9].name", got)
	}
	if got := ps.At("people"); len(got) != 4 {
		t.Errorf("At(people) = %v, want 4 problems", got)
	}
	if ps.Errors() != 4 {
		t.Errorf("Errors() = %d, want 4", ps.Errors())
	}
}

func TestProblemStringAndLevel(t *testing.T) {
	p := Problem{Path: "people[0].deputy", Level: Error, Message: "unknown person \"zed\""}
	if got, want := p.String(), `people[0].deputy: unknown person "zed"`; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if Error.String() != "error" || Warning.String() != "warning" {
		t.Errorf("Level strings = %q, %q", Error, Warning)
	}
}

func TestValidateReviewedRules(t *testing.T) {
	fullDay := validBase()
	fullDay.Coverage.Rota.Shifts[0].Start, fullDay.Coverage.Rota.Shifts[0].End = "00:00", "24:00"
	if ps := fullDay.Validate(); len(ps) != 0 {
		t.Errorf("00:00–24:00 is a full-day shift, got %v", ps)
	}
	cases := []struct {
		name, path string
		level      Level
		mutate     func(*Workspace)
	}{
		{"start at 24:00", "coverage.rota.shifts[0].start", Error, func(w *Workspace) { w.Coverage.Rota.Shifts[0].Start = "24:00" }},
		{"member twice", "coverage.rota.shifts[0].members[1]", Error, func(w *Workspace) {
			s := &w.Coverage.Rota.Shifts[0]
			s.Members = []string{s.Members[0], s.Members[0]}
		}},
		{"Local zone", "coverage.timeZone", Error, func(w *Workspace) { w.Coverage.TimeZone = "Local" }},
		{"24x7 without shifts", "coverage.rota.shifts", Warning, func(w *Workspace) { w.Coverage.Rota.Shifts = nil }},
		{"revision dated backwards", "playbooks[0].revisions[1].date", Warning, func(w *Workspace) {
			pb := &w.Playbooks[0]
			r := pb.Revisions[0]
			r.Number, r.Date = 2, r.Date.Add(-10*Day)
			pb.Revisions = append(pb.Revisions, r)
		}},
	}
	for _, c := range cases {
		w := validBase()
		c.mutate(w)
		found := false
		for _, p := range w.Validate() {
			if p.Path == c.path && p.Level == c.level {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no %s at %s in %v", c.name, c.level, c.path, w.Validate())
		}
	}
}

func TestCycleReportedOnce(t *testing.T) {
	w := validBase()
	a, b := &w.Playbooks[0], &w.Playbooks[1]
	a.References = []string{b.ID}
	b.References = []string{a.ID}
	b.Steps[0].References = []string{a.ID}
	n := 0
	for _, p := range w.Validate() {
		if strings.Contains(p.Message, "reference cycle") {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("cycle reported %d times, want once: %v", n, w.Validate())
	}
}

func TestNewWorkspaceIsValid(t *testing.T) {
	if ps := New("Acme").Validate(); ps.Errors() != 0 {
		t.Fatalf("a new workspace starts with errors: %v", ps)
	}
}
