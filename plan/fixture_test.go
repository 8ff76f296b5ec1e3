package plan

import "time"

// smallPlan is a small valid plan with something in every part, for tests
// that break one thing in a fresh copy and as a fuzzing seed.
func smallPlan() *Workspace {
	return &Workspace{
		SchemaVersion: SchemaVersion,
		Organisation:  Organisation{Name: "Acme"},
		IncidentTypes: []IncidentType{
			{ID: "outage", Name: "Outage", Category: CategoryAvailability, Criteria: []string{"Site down for 5 minutes"}},
			{ID: "breach", Name: "Breach", Category: CategorySecurity, Criteria: []string{"Unauthorised access"}},
		},
		Reporting: Reporting{Channels: []ReportingChannel{{ID: "desk", Name: "Service desk", Channel: ChannelEmail}}},
		Triage:    Triage{Role: "im", TargetTime: 15 * Minute},
		Severities: []Severity{
			{Level: 1, Name: "Critical", Targets: Targets{Acknowledge: 5 * Minute, FirstUpdate: 15 * Minute, UpdateCadence: 30 * Minute, Resolve: 4 * Hour}},
			{Level: 2, Name: "Major", Targets: Targets{Acknowledge: 15 * Minute, FirstUpdate: 30 * Minute, UpdateCadence: Hour, Resolve: 8 * Hour}},
		},
		ThirdParties: []ThirdParty{{ID: "cloud", Name: "Cloud", ServiceClass: ServiceCloud, Criticality: CriticalityCritical,
			Contacts: []Contact{{Channel: ChannelPhone, Value: "+44 20 7946 0000", OutOfHours: true}}}},
		Coverage: Coverage{Mode: Coverage24x7, Rota: Rota{Shifts: []Shift{
			{ID: "all", Name: "All week", Role: "oncall", Days: Weekdays, Start: "00:00", End: "24:00", Members: []string{"bob"}},
		}}},
		Stakeholders: []Stakeholder{{ID: "staff", Name: "Staff", Kind: StakeholderInternal, Channel: ChannelChat, OwnerRole: "comms",
			Cadence: []Cadence{{Severity: 1, Every: Hour}}}},
		People: []Person{{ID: "alice", Name: "Alice"}, {ID: "bob", Name: "Bob"}, {ID: "carol", Name: "Carol"}},
		Roles: []Role{
			{ID: "im", Name: "Incident manager", Functions: []Function{FunctionIncidentManager, FunctionTriage}, Members: []string{"alice"}},
			{ID: "oncall", Name: "On-call engineer", Functions: []Function{FunctionOnCall}, Members: []string{"bob"}},
			{ID: "comms", Name: "Comms lead", Functions: []Function{FunctionInternalComms, FunctionCustomerComms}, Members: []string{"carol"}},
			{ID: "head", Name: "Head of engineering", Functions: []Function{FunctionExecutive}, Members: []string{"carol"}},
		},
		Responsibilities: []Responsibility{
			{IncidentType: "outage", Role: "oncall", RACI: Responsible},
			{IncidentType: "breach", Role: "oncall", RACI: Responsible},
			{IncidentType: "breach", Role: "im", RACI: Accountable},
		},
		EscalationRules:      []EscalationRule{{ID: "sev1", Name: "Sev 1 unresolved", Trigger: TriggerUnresolved, Severities: []int{1}, After: 30 * Minute, EscalateTo: "head", HandoverTo: "head"}},
		ReportingObligations: []ReportingObligation{{ID: "reg", Body: "Regulator", Deadline: 3 * Day, OwnerRole: "im"}},
		Playbooks: []Playbook{{ID: "restore", Title: "Restore", Role: "oncall", IncidentTypes: []string{"outage", "breach"},
			Steps: []Step{{Text: "Fail over"}}, Owner: "alice", ReviewInterval: 90 * Day, LastReviewed: NewDate(2026, time.October, 1)}},
	}
}
