package scenarios

import (
	"testing"
	"time"

	"drillbook/plan"
)

// fixtureWorkspace is a small plan whose timers the engine tests compute
// by hand.
func fixtureWorkspace() *plan.Workspace {
	ws := plan.New("Fixture Health")
	ws.IncidentTypes = []plan.IncidentType{
		{ID: "outage", Name: "Outage", Category: plan.CategoryAvailability, Criteria: []string{"down"}},
		{ID: "breach", Name: "Data breach", Category: plan.CategoryInfoGov, Criteria: []string{"leak"}},
	}
	ws.Severities = []plan.Severity{
		{Level: 1, Name: "Critical", Targets: plan.Targets{Acknowledge: 5 * plan.Minute, FirstUpdate: 15 * plan.Minute, UpdateCadence: 30 * plan.Minute, Resolve: 4 * plan.Hour}},
		{Level: 2, Name: "Major", Targets: plan.Targets{Acknowledge: 15 * plan.Minute, FirstUpdate: 30 * plan.Minute, UpdateCadence: plan.Hour, Resolve: 8 * plan.Hour}},
	}
	ws.People = []plan.Person{{ID: "ann", Name: "Ann"}, {ID: "bob", Name: "Bob"}, {ID: "cat", Name: "Cat"}, {ID: "dan", Name: "Dan"}, {ID: "eve", Name: "Eve"}}
	ws.Roles = []plan.Role{
		{ID: "im", Name: "Incident Manager", Functions: []plan.Function{plan.FunctionIncidentManager}, Members: []string{"ann"}},
		{ID: "oncall", Name: "On-call Engineer", Functions: []plan.Function{plan.FunctionOnCall}, Members: []string{"bob"}},
		{ID: "comms", Name: "Comms Lead", Functions: []plan.Function{plan.FunctionCustomerComms}, Members: []string{"cat"}},
		{ID: "exec", Name: "Head of Engineering", Functions: []plan.Function{plan.FunctionExecutive}, Members: []string{"dan"}},
		{ID: "dpo", Name: "DPO", Functions: []plan.Function{plan.FunctionDataProtection}, Members: []string{"eve"}},
	}
	ws.ThirdParties = []plan.ThirdParty{{ID: "nimbus", Name: "Nimbus Cloud", ServiceClass: plan.ServiceCloud, Criticality: plan.CriticalityCritical}}
	ws.Stakeholders = []plan.Stakeholder{{ID: "customers", Name: "NHS customers", Kind: plan.StakeholderCustomer, Channel: plan.ChannelEmail, OwnerRole: "comms",
		Cadence: []plan.Cadence{{Severity: 1, Every: plan.Hour}, {Severity: 2, Every: 2 * plan.Hour}}}}
	ws.EscalationRules = []plan.EscalationRule{
		{ID: "r1", Name: "Unacknowledged critical", Trigger: plan.TriggerUnacknowledged, Severities: []int{1}, After: 10 * plan.Minute, EscalateTo: "im"},
		{ID: "r2", Name: "Unresolved critical", Trigger: plan.TriggerUnresolved, Severities: []int{1}, After: plan.Hour, EscalateTo: "exec", HandoverTo: "exec"},
		{ID: "r3", Name: "Quiet major", Trigger: plan.TriggerNoUpdate, Severities: []int{2}, After: 2 * plan.Hour, EscalateTo: "exec"},
	}
	ws.ReportingObligations = []plan.ReportingObligation{
		{ID: "ico", Body: "ICO", IncidentTypes: []string{"breach"}, Deadline: 3 * plan.Day, OwnerRole: "dpo"},
		{ID: "contract", Body: "Trust contract", Deadline: 3 * plan.Hour, OwnerRole: "comms"},
	}
	return ws
}

const fixtureScenario = `
id: fixture-outage
title: Fixture outage
category: availability
startingSeverity: 2
duration: 4h
summary: A cloud outage used to pin the engine's arithmetic.
objectives: [Acknowledge in time, Escalate in time]
injects:
  - id: a1
    at: T+00:00
    from: monitoring
    to: [on-call]
    text: Alert
    expect:
      - {kind: acknowledge, by: on-call, within: 10m}
      - {kind: declare-incident, by: on-call, within: 20m}
  - id: a2
    at: T+30:00
    from: customer
    severity: 1
    text: Everything is down
    expect:
      - {kind: set-severity, by: incident-manager, within: 15m, severities: [1]}
      - {kind: notify-stakeholder, by: customer-comms, target: stakeholder:customer, within: 30m}
  - id: a3
    at: T+2:00:00
    from: press
    text: Journalist calls
    expect:
      - {kind: escalate, by: incident-manager, target: executive, within: 15m}
  - id: a4
    at: T+3:00:00
    from: third-party:cloud
    text: Provider status page
    expect:
      - {kind: contact-third-party, by: on-call, target: third-party:cloud, within: 20m}
  - id: a5
    at: T+3:30:00
    from: staff
    text: Runbook time
    expect:
      - {kind: complete-playbook-step, by: on-call, within: 10m}
decisions:
  - id: d1
    at: T+1:00:00
    by: incident-manager
    prompt: Fail over?
    options:
      - {text: Fail over, grade: good}
      - {text: Wait, grade: poor, then: [f1]}
floating:
  - id: f1
    from: executive
    text: Why are we waiting?
    expect:
      - {kind: escalate, by: incident-manager, target: executive, within: 10m}
hotwash: [One, Two, Three]
`

func fixture(t testing.TB) (*Scenario, *plan.Workspace) {
	t.Helper()
	sc, err := Parse("fixture.yaml", []byte(fixtureScenario))
	if err != nil {
		t.Fatal(err)
	}
	ws := fixtureWorkspace()
	if ps := ws.Validate(); ps.Errors() > 0 {
		t.Fatalf("fixture workspace invalid: %v", ps)
	}
	return sc, ws
}

var epoch = time.Date(2026, 11, 24, 14, 0, 0, 0, time.UTC)

// driver steps a fake clock and ticks the engine like the GUI's ticker.
type driver struct {
	t      testing.TB
	e      *Engine
	clk    *FakeClock
	step   time.Duration // wall time per tick
	events []plan.Event
}

func (d *driver) collect(evs []plan.Event, err error) {
	d.t.Helper()
	if err != nil {
		d.t.Fatal(err)
	}
	d.events = append(d.events, evs...)
}

// startDriver starts a run on a fake clock at epoch, ticked every second
// of wall time.
func startDriver(t testing.TB, sc *Scenario, ws *plan.Workspace, opts Options) *driver {
	t.Helper()
	clk := NewFakeClock(epoch)
	e, evs, err := Start(sc, ws, clk, opts)
	if err != nil {
		t.Fatal(err)
	}
	return &driver{t: t, e: e, clk: clk, step: time.Second, events: evs}
}

// until ticks until exercise time reaches t exactly (the last step is
// shortened so the engine lands on t).
func (d *driver) until(t time.Duration) {
	d.t.Helper()
	for {
		now := d.e.Now()
		if now >= t {
			if now > t {
				d.t.Fatalf("overshot %s: at %s", Offset(t), Offset(now))
			}
			return
		}
		step := d.step
		if rem := time.Duration(float64(t-now) / d.e.Speed()); rem < step {
			step = rem
		}
		if step <= 0 {
			step = 1
		}
		d.clk.Advance(step)
		d.collect(d.e.Tick())
	}
}

// wallWait lets wall time pass without ticking (the projector is idle,
// or the clock is paused).
func (d *driver) wallWait(w time.Duration) { d.clk.Advance(w) }

func at(s string) time.Duration {
	o, err := ParseOffset(s)
	if err != nil {
		panic(err)
	}
	return o.D()
}
