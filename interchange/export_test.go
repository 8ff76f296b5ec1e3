package interchange

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
	"time"

	"drillbook/plan"
	"drillbook/scoring"
)

func TestRotaICSRoundTrip(t *testing.T) {
	// The imported follow-the-sun rota has a shift past Sunday midnight,
	// whole days and a person with no e-mail (Carol, Erik): exported and
	// imported again, into the same plan with no rota, it gives the same
	// shifts.
	ws := testPlan()
	week := plan.NewDate(2026, 1, 12)
	src, _ := ParseICS("f.ics", readFixture(t, "follow-the-sun.ics"), Options{Week: week, Zone: "Europe/London"})
	first, err := Plan(ws, []*Source{src})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []plan.Date{week, plan.NewDate(2026, 7, 1)} { // winter and summer time
		data, err := RotaICS(first.Result, w, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		for _, want := range []string{"UID:emea-on-call@rota.drillbook", "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "ATTENDEE;CN=Priya Raman;ROLE=REQ-PARTICIPANT:mailto:priya@example.com", "TZID=Europe/London"} {
			if !strings.Contains(text, want) {
				t.Errorf("export lacks %q:\n%s", want, text)
			}
		}
		back, err := ParseICS("rota.ics", data, Options{Week: w, Zone: "Europe/London"})
		if err != nil {
			t.Fatal(err)
		}
		again, err := Plan(ws, []*Source{back})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := shiftsOf(again.Result), shiftsOf(first.Result); !slices.EqualFunc(got, want, func(a, b shiftWant) bool {
			return a.name == b.name && a.days == b.days && a.start == b.start && a.end == b.end && slices.Equal(a.members, b.members)
		}) {
			t.Errorf("week %s: round trip\n got %v\nwant %v", w, got, want)
		}
		if len(again.Unmatched) != 0 {
			t.Errorf("unmatched after round trip: %q", again.Unmatched)
		}
	}
}

func TestActionsCSVAndMarkdown(t *testing.T) {
	ws := plan.Demo()
	today := plan.NewDate(2026, 3, 1)
	a := scoring.Assess(ws, today)
	ws.Actions = append(ws.Actions[:0:0], scoring.ProposeActions(a, ws, today)...)
	if len(ws.Actions) < 2 {
		t.Fatalf("demo proposes %d actions", len(ws.Actions))
	}
	ws.Actions[0].Status = plan.ActionDone
	ws.Actions[1].Text = "=HYPERLINK(\"http://evil\") [click](http://x) <b>bold</b>\u202e"
	data, err := ActionsCSV(ws, a)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(recs[0], ActionColumns) || len(recs) != len(ws.Actions)+1 {
		t.Fatalf("header %q, %d rows", recs[0], len(recs))
	}
	if !strings.HasPrefix(recs[2][0], "'=") || strings.ContainsRune(recs[2][0], '\u202e') {
		t.Errorf("formula or bidi not disarmed: %q", recs[2][0])
	}
	rows := ActionRows(ws, a)
	for i, r := range rows {
		if r.Priority == "" || !strings.HasPrefix(strings.Join(r.Labels, " "), "incident-readiness ") || strings.Contains(strings.Join(r.Labels[1:], ""), " ") {
			t.Errorf("row %d: priority %q labels %q", i, r.Priority, r.Labels)
		}
	}
	md := string(ActionsMarkdown(ws, a))
	lines := strings.Split(md, "\n")
	if !strings.HasPrefix(md, "# Improvement plan: ") || !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, "- [x] ") }) ||
		!slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, "- [ ] ") }) {
		t.Errorf("checklist:\n%s", md)
	}
	if strings.Contains(md, "](http") || strings.Contains(md, "<b>") {
		t.Errorf("user text became Markdown structure:\n%s", md)
	}
}
