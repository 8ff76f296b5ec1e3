package interchange

import (
	"slices"
	"strings"
	"testing"

	"drillbook/plan"
)

func parsePD(t *testing.T, names ...string) []*Source {
	t.Helper()
	var out []*Source
	for _, n := range names {
		s, err := ParsePagerDuty(n, readFixture(t, n), Options{Week: plan.NewDate(2026, 1, 12), Zone: "Europe/London"})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

func TestPagerDutyScheduleUsersAndPolicy(t *testing.T) {
	// Hand-computed for the week Mon 12 – Sun 18 January 2026 (London is
	// UTC in January). Layer 1 turns weekly at Monday 09:00 from 5 January:
	// Bob until Mon 12 09:00, then Carol. Layer 2, later so on top, is on
	// 09:00–17:00 every day, turning daily at midnight from Mon 5 January
	// between Priya and Dana: Mon 12 is turn 7, Dana; then Priya, Dana, …
	want := []shiftWant{
		{"Weekly primary", "Mon", "00:00", "09:00", []string{"bob"}},
		{"Business hours", "Mon, Wed, Fri, Sun", "09:00", "17:00", []string{"dana"}},
		{"Weekly primary", "Mon–Sat", "17:00", "09:00", []string{"carol"}},
		{"Business hours", "Tue, Thu, Sat", "09:00", "17:00", []string{"priya"}},
		{"Weekly primary", "Sun", "17:00", "24:00", []string{"carol"}},
	}
	ws := testPlan()
	p, err := Plan(ws, parsePD(t, "pagerduty-users.json", "pagerduty-schedule.json", "pagerduty-escalation-policies.json"))
	if err != nil {
		t.Fatal(err)
	}
	got := shiftsOf(p.Result)
	if !slices.EqualFunc(got, want, func(a, b shiftWant) bool {
		return a.name == b.name && a.days == b.days && a.start == b.start && a.end == b.end && slices.Equal(a.members, b.members)
	}) {
		t.Errorf("shifts:\n got %v\nwant %v", got, want)
	}
	if len(p.Holes) != 0 {
		t.Errorf("holes = %v, want none", p.Holes)
	}
	// Users: Bob gains his title and phone, Carol (matched by name) her
	// e-mail, Frank is new with his SMS number (the push method is no
	// contact a person can be reached on outside the app).
	x := p.Result.Index()
	bob, carol, frank := x.Person("bob"), x.Person("carol"), x.Person("frank-moreau")
	if bob.Title != "Site reliability engineer" || !slices.Contains(bob.Contacts, plan.Contact{Channel: plan.ChannelPhone, Value: "+44 7700900123", Label: "Mobile"}) {
		t.Errorf("bob = %+v", bob)
	}
	if !slices.Contains(carol.Contacts, plan.Contact{Channel: plan.ChannelEmail, Value: "carol@example.com"}) {
		t.Errorf("carol = %+v", carol)
	}
	if frank == nil || len(frank.Contacts) != 2 || frank.Contacts[1].Channel != plan.ChannelSMS {
		t.Fatalf("frank = %+v", frank)
	}
	if !slices.Contains(p.Changed, Change{"person Bob Okafor: title", "(none)", "Site reliability engineer"}) {
		t.Errorf("changes %v do not show Bob's title", p.Changed)
	}
	// Policy: level 1 (the schedule) is the T+0 page; level 2 fires 10
	// minutes (level 1's delay) after the trigger, to Frank; level 3 15
	// minutes (level 2's delay) after level 2, to Erik: at 25 minutes.
	rules := p.Result.EscalationRules
	if len(rules) != 2 {
		t.Fatalf("rules = %+v", rules)
	}
	offsets := p.Result.EscalationOffsets()
	for i, w := range []struct {
		name    string
		after   plan.Duration
		at      plan.Duration
		follows string
		member  string
	}{
		{"Platform escalation: level 2", 10 * plan.Minute, 10 * plan.Minute, "", "frank-moreau"},
		{"Platform escalation: level 3", 15 * plan.Minute, 25 * plan.Minute, rules[0].ID, "erik"},
	} {
		r := rules[i]
		role := x.Role(r.EscalateTo)
		if r.Name != w.name || r.After != w.after || offsets[i] != w.at || r.Follows != w.follows || r.Trigger != plan.TriggerUnacknowledged ||
			!slices.Equal(r.Severities, []int{1, 2}) || role == nil || !slices.Equal(role.Members, []string{w.member}) {
			t.Errorf("tier %d = %+v (role %+v), want %+v", i, r, role, w)
		}
	}
	if pr := p.Result.Validate(); pr.Errors() > 0 {
		t.Errorf("imported plan has errors: %v", pr)
	}
	again, err := Plan(p.Result, parsePD(t, "pagerduty-users.json", "pagerduty-schedule.json", "pagerduty-escalation-policies.json"))
	if err != nil || !again.Empty() {
		t.Errorf("second import: err %v, added %q, changed %v", err, again.Added, again.Changed)
	}
}

func TestPagerDutyWeeklyRestriction(t *testing.T) {
	// One user, on from Friday 18:00 for 62 hours: to Monday 08:00.
	js := `{"schedule":{"name":"Weekend","time_zone":"UTC","schedule_layers":[{"name":"Weekend","start":"2026-01-01T00:00:00Z",
	"rotation_virtual_start":"2026-01-01T00:00:00Z","rotation_turn_length_seconds":604800,
	"users":[{"user":{"id":"PBOB","summary":"Bob Okafor"}}],
	"restrictions":[{"type":"weekly_restriction","start_time_of_day":"18:00:00","duration_seconds":223200,"start_day_of_week":5}]}]}}`
	s, err := ParsePagerDuty("w.json", []byte(js), Options{Week: plan.NewDate(2026, 1, 12), Zone: "UTC"})
	if err != nil {
		t.Fatal(err)
	}
	got := Shifts(s.Spans)
	want := []string{"Mon 00:00–08:00", "Fri 18:00–24:00", "Sat, Sun 00:00–24:00"}
	var texts []string
	for _, sh := range got {
		texts = append(texts, plan.DaysText(sh.Days)+" "+sh.Start+"–"+sh.End)
	}
	if !slices.Equal(texts, want) {
		t.Errorf("got %q, want %q", texts, want)
	}
}

func TestPagerDutyErrorsNamePath(t *testing.T) {
	sched := string(readFixture(t, "pagerduty-schedule.json"))
	pol := string(readFixture(t, "pagerduty-escalation-policies.json"))
	for _, c := range []struct{ name, doc, from, to, want string }{
		{"time of day", sched, `"09:00:00"`, `"nine"`, `s.json: schedule.schedule_layers[1].restrictions[0].start_time_of_day: "nine" is not a time of day`},
		{"restriction type", sched, `"daily_restriction"`, `"hourly"`, `schedule.schedule_layers[1].restrictions[0].type: unknown restriction "hourly"`},
		{"turn", sched, `604800`, `0`, `schedule.schedule_layers[0].rotation_turn_length_seconds: 0 seconds`},
		{"zone", sched, `"time_zone": "Europe/London"`, `"time_zone": "Moon/Base"`, `schedule.time_zone: unknown time zone "Moon/Base"`},
		{"type error", sched, `604800`, `"a week"`, `s.json:17: schedule.schedule_layers.rotation_turn_length_seconds: a string where a number belongs`},
		{"syntax", sched, `"end": null,`, `"end": null`, `s.json:16: not valid JSON`},
		{"target", pol, `"user_reference", "summary": "Frank`, `"team_reference", "summary": "Frank`, `escalation_policies[0].escalation_rules[1].targets[0].type: unknown target type "team_reference"`},
		{"delay", pol, `"escalation_delay_in_minutes": 10`, `"escalation_delay_in_minutes": -5`, `escalation_policies[0].escalation_rules[0].escalation_delay_in_minutes: -5 minutes`},
		{"unknown", `{"services": []}`, "", "", `s.json: not PagerDuty JSON`},
	} {
		_, err := ParsePagerDuty("s.json", []byte(strings.Replace(c.doc, c.from, c.to, 1)), Options{Week: plan.NewDate(2026, 1, 12), Zone: "UTC"})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to contain %q", c.name, err, c.want)
		}
	}
}
