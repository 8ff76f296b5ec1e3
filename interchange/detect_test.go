package interchange

import (
	"strings"
	"testing"

	"drillbook/plan"
)

func TestParseTellsTypes(t *testing.T) {
	opt := Options{Week: plan.NewDate(2026, 1, 12), Zone: "UTC"}
	for _, c := range []struct {
		name string
		data string
		kind Kind
	}{
		{"rota.ics", string(readFixture(t, "follow-the-sun.ics")), KindICS},
		{"feed", string(readFixture(t, "follow-the-sun.ics")), KindICS},
		{"s.json", string(readFixture(t, "pagerduty-schedule.json")), KindPDSchedule},
		{"export", string(readFixture(t, "pagerduty-users.json")), KindPDUsers},
		{"p.json", string(readFixture(t, "pagerduty-escalation-policies.json")), KindPDPolicies},
		{"people.CSV", "name,email\nAna,a@x.org\n", KindPeopleCSV},
		{"people.txt", "name;email\nAna;a@x.org\n", KindPeopleCSV},
	} {
		s, err := Parse(c.name, []byte(c.data), opt)
		if err != nil || s.Kind != c.kind {
			t.Errorf("%s: kind %v err %v, want %v", c.name, s, err, c.kind)
		}
	}
	if _, err := Parse("notes.txt", []byte("hello"), opt); err == nil || !strings.Contains(err.Error(), "notes.txt: unknown file type") {
		t.Errorf("unknown: %v", err)
	}
}

func TestNextWeek(t *testing.T) {
	for _, c := range []struct{ today, want plan.Date }{
		{plan.NewDate(2026, 11, 24), plan.NewDate(2026, 11, 30)}, // a Tuesday
		{plan.NewDate(2026, 11, 30), plan.NewDate(2026, 12, 7)},  // a Monday: the week after
		{plan.NewDate(2026, 12, 6), plan.NewDate(2026, 12, 7)},   // a Sunday
	} {
		if got := NextWeek(c.today.Time()); got != c.want {
			t.Errorf("NextWeek(%s) = %s, want %s", c.today, got, c.want)
		}
	}
}

func TestWeekOf(t *testing.T) {
	if got := WeekOf(plan.NewDate(2026, 1, 18)); got != plan.NewDate(2026, 1, 12) {
		t.Errorf("WeekOf(Sun 18 Jan) = %s", got)
	}
}
