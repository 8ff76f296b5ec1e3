package interchange

import (
	"os"
	"slices"
	"strings"
	"testing"

	"drillbook/plan"
)

func email(v string) []plan.Contact { return []plan.Contact{{Channel: plan.ChannelEmail, Value: v}} }

// testPlan is a small 24/7 plan in London with the people the fixtures name.
func testPlan() *plan.Workspace {
	ws := plan.New("Example Health")
	ws.Coverage.Mode = plan.Coverage24x7
	ws.Coverage.TimeZone = "Europe/London"
	ws.Severities = []plan.Severity{{Level: 1, Name: "Critical"}, {Level: 2, Name: "Major"}}
	ws.People = []plan.Person{
		{ID: "priya", Name: "Priya Raman", Contacts: email("priya@example.com")},
		{ID: "bob", Name: "Bob Okafor", Contacts: email("bob@example.com")},
		{ID: "carol", Name: "Carol Jones"},
		{ID: "dana", Name: "Dana Whitfield", Contacts: email("dana@example.com")},
		{ID: "erik", Name: "Erik Larsen"},
	}
	return ws
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

type shiftWant struct {
	name, days, start, end string
	members                []string
}

func shiftsOf(ws *plan.Workspace) []shiftWant {
	var out []shiftWant
	for _, s := range ws.Coverage.Rota.Shifts {
		out = append(out, shiftWant{s.Name, plan.DaysText(s.Days), s.Start, s.End, s.Members})
	}
	return out
}

func TestICSFollowTheSun(t *testing.T) {
	// Hand-computed for the week Mon 12 – Sun 18 January 2026, in London
	// (GMT, UTC+0 in January):
	//   APAC 09:00–17:00 Sydney (AEDT, UTC+11) on weekdays is 22:00–06:00
	//   the evening before: Sun–Thu 22:00, the Sunday one running on into
	//   Monday's 00:00–06:00 (which the previous Sunday's occurrence covers).
	//   EMEA alternates weekly (INTERVAL=2): Carol's week starts 12 Jan, so
	//   Mon–Fri 06:00–14:00 is Carol's; Bob's is the week before and after.
	//   AMER 09:00–17:00 New York (EST, UTC−5) is 14:00–22:00, Mon–Fri,
	//   except Wednesday 14 January (EXDATE).
	//   The weekend alternates too: Erik's from Fri 16 22:00 to Sun 18
	//   22:00, cut at midnight into Fri 22:00–24:00, Sat all day, Sun
	//   00:00–22:00. Zed is in no plan: unmatched.
	// So the one hole of the 24/7 week is Wed 14:00–22:00.
	want := []shiftWant{
		{"EMEA on call", "Mon–Fri", "06:00", "14:00", []string{"carol"}},
		{"AMER on call", "Mon, Tue, Thu, Fri", "14:00", "22:00", []string{"dana"}},
		{"APAC on call", "Mon–Thu, Sun", "22:00", "06:00", []string{"priya"}},
		{"Weekend on call", "Fri", "22:00", "24:00", []string{"erik"}},
		{"Weekend on call", "Sat", "00:00", "24:00", []string{"erik"}},
		{"Weekend on call", "Sun", "00:00", "22:00", []string{"erik"}},
	}
	ws := testPlan()
	src, err := ParseICS("follow-the-sun.ics", readFixture(t, "follow-the-sun.ics"), Options{Week: plan.NewDate(2026, 1, 14), Zone: ws.Coverage.TimeZone})
	if err != nil {
		t.Fatal(err)
	}
	p, err := Plan(ws, []*Source{src})
	if err != nil {
		t.Fatal(err)
	}
	if got := shiftsOf(p.Result); !slices.EqualFunc(got, want, func(a, b shiftWant) bool {
		return a.name == b.name && a.days == b.days && a.start == b.start && a.end == b.end && slices.Equal(a.members, b.members)
	}) {
		t.Errorf("shifts:\n got %v\nwant %v", got, want)
	}
	if len(p.Holes) != 1 || p.Holes[0].String() != "Wed 14:00–22:00" {
		t.Errorf("holes = %v, want [Wed 14:00–22:00]", p.Holes)
	}
	if !slices.Equal(p.Unmatched, []string{"Zed Unknown <zed@contractor.example> (follow-the-sun.ics: Weekend on call)"}) {
		t.Errorf("unmatched = %q", p.Unmatched)
	}
	if len(ws.Coverage.Rota.Shifts) != 0 {
		t.Error("Plan changed the workspace it was given")
	}
	if pr := p.Result.Validate(); pr.Errors() > 0 {
		t.Errorf("imported plan has errors: %v", pr)
	}
	// Importing the same calendar again changes nothing.
	again, err := Plan(p.Result, []*Source{src})
	if err != nil || !again.Empty() {
		t.Errorf("second import: err %v, added %q, changed %v", err, again.Added, again.Changed)
	}
}

func TestICSTimeZoneFromCalendar(t *testing.T) {
	ws := testPlan()
	ws.Coverage.TimeZone = ""
	src, err := ParseICS("f.ics", readFixture(t, "follow-the-sun.ics"), Options{Week: plan.NewDate(2026, 1, 12)})
	if err != nil {
		t.Fatal(err)
	}
	if src.Zone != "Europe/London" || len(src.Notes) != 1 || !strings.Contains(src.Notes[0], "calendar's") {
		t.Errorf("zone %q notes %q", src.Zone, src.Notes)
	}
	p, _ := Plan(ws, []*Source{src})
	if p.Result.Coverage.TimeZone != "Europe/London" || !slices.Contains(p.Changed, Change{"coverage time zone", "(none)", "Europe/London"}) {
		t.Errorf("time zone not set and shown: %v", p.Changed)
	}
}

func TestICSErrorsNameLineAndField(t *testing.T) {
	good := string(readFixture(t, "follow-the-sun.ics"))
	for _, c := range []struct{ name, from, to, want string }{
		{"bad tzid", "DTSTART;TZID=Australia/Sydney:", "DTSTART;TZID=Mars/Olympus:", `f.ics:10: DTSTART: unknown time zone "Mars/Olympus"`},
		{"bad rrule", "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\r\nATTENDEE;CN=Priya", "RRULE:FREQ=SOMETIMES\r\nATTENDEE;CN=Priya", "f.ics:12: RRULE:"},
		{"no end", "DTEND;TZID=Australia/Sydney:20260105T170000\r\n", "", "f.ics:6: DTEND: the event has neither DTEND nor DURATION"},
		{"bad duration", "DURATION:PT8H", "DURATION:eight hours", `f.ics:29: DURATION: "eight hours" is not a duration`},
		{"every minute", "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY", "RRULE:FREQ=MINUTELY;INTERVAL=2;BYDAY", "RRULE: a rule repeating every minute"},
	} {
		_, err := ParseICS("f.ics", []byte(strings.Replace(good, c.from, c.to, 1)), Options{Week: plan.NewDate(2026, 1, 12), Zone: "Europe/London"})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to contain %q", c.name, err, c.want)
		}
	}
	if _, err := ParseICS("f.ics", []byte("hello"), Options{}); err == nil || !strings.HasPrefix(err.Error(), "f.ics: ") {
		t.Errorf("not a calendar: %v", err)
	}
}

func TestSummaryNamesThePerson(t *testing.T) {
	cal := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20260101T000000Z\r\n" +
		"SUMMARY:On Call - Bob Okafor - Platform\r\nDTSTART:20260112T090000Z\r\nDTEND:20260112T170000Z\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:2\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:On call: erik  larsen\r\nDTSTART:20260113T090000Z\r\nDTEND:20260113T170000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	src, err := ParseICS("s.ics", []byte(cal), Options{Week: plan.NewDate(2026, 1, 12), Zone: "UTC"})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := Plan(testPlan(), []*Source{src})
	got := shiftsOf(p.Result)
	want := []shiftWant{{"Platform", "Mon", "09:00", "17:00", []string{"bob"}}, {"On call", "Tue", "09:00", "17:00", []string{"erik"}}}
	if len(got) != 2 || got[0].name != want[0].name || got[0].members[0] != "bob" || got[1].name != want[1].name || got[1].members[0] != "erik" {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestExistingShiftsKeptAreNoted(t *testing.T) {
	ws := testPlan()
	ws.Roles = []plan.Role{{ID: "oncall", Name: "On call", Functions: []plan.Function{plan.FunctionOnCall}, Members: []string{"bob"}}}
	ws.Coverage.Rota.Shifts = []plan.Shift{{ID: "night", Name: "Night", Role: "oncall", Days: []plan.Weekday{plan.Mon}, Start: "22:00", End: "06:00", Members: []string{"bob"}}}
	src, _ := ParseICS("f.ics", readFixture(t, "follow-the-sun.ics"), Options{Week: plan.NewDate(2026, 1, 12), Zone: "Europe/London"})
	p, err := Plan(ws, []*Source{src})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(p.Notes, "1 shift already in the rota and not in f.ics is kept as it is") {
		t.Errorf("notes %q", p.Notes)
	}
	if r := p.Result.Coverage.Rota.Shifts; len(r) != 7 || r[0].ID != "night" || r[1].Role != "oncall" {
		t.Errorf("existing shift or on-call role not kept: %+v", r[:2])
	}
}

func TestPreviewTextIsCleaned(t *testing.T) {
	csv := "Name,Title\nAna\u202eevil,\x1b[31mred\u0007\n"
	src, err := ParsePeopleCSV("p.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := Plan(testPlan(), []*Source{src})
	text := p.Text()
	if strings.ContainsAny(text, "\u202e\x1b\u0007") {
		t.Errorf("control or bidi characters reach the preview: %q", text)
	}
	if !strings.Contains(text, "person Anaevil") {
		t.Errorf("preview %q", text)
	}
}

func TestICSMovedOccurrence(t *testing.T) {
	// Wednesday's occurrence of the series moves to 12:00–20:00 and to Erik
	// (RECURRENCE-ID, same UID); a cancelled event counts for nothing.
	cal := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n" +
		"BEGIN:VEVENT\r\nUID:day\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Day\r\nDTSTART:20260105T090000Z\r\nDTEND:20260105T170000Z\r\n" +
		"RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR\r\nATTENDEE;CN=Bob Okafor:mailto:bob@example.com\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:day\r\nDTSTAMP:20260101T000000Z\r\nRECURRENCE-ID:20260114T090000Z\r\nSUMMARY:Day\r\nDTSTART:20260114T120000Z\r\nDTEND:20260114T200000Z\r\n" +
		"ATTENDEE;CN=Erik Larsen:urn:x\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:gone\r\nDTSTAMP:20260101T000000Z\r\nSTATUS:CANCELLED\r\nSUMMARY:Day\r\nDTSTART:20260117T090000Z\r\nDTEND:20260117T170000Z\r\n" +
		"ATTENDEE;CN=Bob Okafor:mailto:bob@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	src, err := ParseICS("m.ics", []byte(cal), Options{Week: plan.NewDate(2026, 1, 12), Zone: "UTC"})
	if err != nil {
		t.Fatal(err)
	}
	got := shiftsOf(mustPlan(t, src).Result)
	want := []shiftWant{{"Day", "Mon, Tue, Thu, Fri", "09:00", "17:00", []string{"bob"}}, {"Day", "Wed", "12:00", "20:00", []string{"erik"}}}
	if len(got) != 2 || got[0].days != want[0].days || got[1].days != want[1].days || got[1].start != "12:00" || got[1].members[0] != "erik" {
		t.Errorf("got %v, want %v", got, want)
	}
}

func mustPlan(t *testing.T, sources ...*Source) *Preview {
	t.Helper()
	p, err := Plan(testPlan(), sources)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
