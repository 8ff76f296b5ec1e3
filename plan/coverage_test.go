package plan

import (
	"fmt"
	"strings"
	"testing"
)

func shift(days []Weekday, start, end string, members ...string) Shift {
	if members == nil {
		members = []string{"p"}
	}
	return Shift{ID: "s", Name: "s", Role: "r", Days: days, Start: start, End: end, Members: members}
}

func holesText(hs []Hole) string {
	parts := make([]string, len(hs))
	for i, h := range hs {
		parts[i] = fmt.Sprintf("%s (%s)", h, h.Length)
	}
	return strings.Join(parts, ", ")
}

var weekdays5 = []Weekday{Mon, Tue, Wed, Thu, Fri}

func TestHoles(t *testing.T) {
	bh := BusinessHours{Days: weekdays5, Start: "09:00", End: "17:30"}
	cases := []struct {
		name string
		c    Coverage
		want string
	}{
		{"24x7 without shifts is one week-long hole",
			Coverage{Mode: Coverage24x7}, "Mon 00:00–Sun 24:00 (1w)"},
		{"24x7 fully covered",
			Coverage{Mode: Coverage24x7, Rota: Rota{Shifts: []Shift{shift(Weekdays, "00:00", "24:00")}}}, ""},
		{"overnight shifts chain through the week",
			Coverage{Mode: Coverage24x7, Rota: Rota{Shifts: []Shift{shift(Weekdays, "08:00", "20:00"), shift(Weekdays, "20:00", "08:00")}}}, ""},
		{"a gap on one day",
			Coverage{Mode: Coverage24x7, Rota: Rota{Shifts: []Shift{shift(Weekdays, "00:00", "12:00"), shift([]Weekday{Mon, Tue, Wed, Thu, Fri, Sat}, "12:00", "24:00")}}},
			"Sun 12:00–24:00 (12h)"},
		{"a hole across midnight",
			Coverage{Mode: Coverage24x7, Rota: Rota{Shifts: []Shift{shift(Weekdays, "06:00", "22:00"), shift([]Weekday{Mon, Tue, Wed, Thu, Fri, Sun}, "22:00", "06:00")}}},
			"Sat 22:00–Sun 06:00 (8h)"},
		{"Sunday's hole continues into Monday",
			Coverage{Mode: Coverage24x7, Rota: Rota{Shifts: []Shift{shift(Weekdays, "06:00", "22:00"), shift([]Weekday{Mon, Tue, Wed, Thu, Fri, Sat}, "22:00", "06:00")}}},
			"Sun 22:00–Mon 06:00 (8h)"},
		{"Sunday night shift wraps to Monday morning",
			Coverage{Mode: Coverage24x7, Rota: Rota{Shifts: []Shift{shift([]Weekday{Sun}, "18:00", "09:00"), shift(Weekdays, "09:00", "18:00"), shift([]Weekday{Mon, Tue, Wed, Thu, Fri, Sat}, "18:00", "09:00"), shift([]Weekday{Sat, Sun}, "09:00", "18:00")}}},
			""},
		{"weekend without a rota spans days",
			Coverage{Mode: Coverage24x7, Rota: Rota{Shifts: []Shift{shift(weekdays5, "09:00", "17:30"), shift([]Weekday{Mon, Tue, Wed, Thu}, "17:30", "09:00")}}},
			"Fri 17:30–Mon 09:00 (2d15h30m)"},
		{"minutes off the quarter hour",
			Coverage{Mode: Coverage24x7, Rota: Rota{Shifts: []Shift{shift(Weekdays, "09:10", "09:07")}}},
			"Mon 09:07–09:10 (3m), Tue 09:07–09:10 (3m), Wed 09:07–09:10 (3m), Thu 09:07–09:10 (3m), Fri 09:07–09:10 (3m), Sat 09:07–09:10 (3m), Sun 09:07–09:10 (3m)"},
		{"shifts nobody is on, with bad times or days are skipped",
			Coverage{Mode: Coverage24x7, Rota: Rota{Shifts: []Shift{
				shift(Weekdays, "00:00", "24:00", []string{}...),
				{Days: Weekdays, Start: "00:00", End: "24:00", Members: []string{""}},
				shift(Weekdays, "25:00", "08:00"),
				shift(Weekdays, "24:00", "08:00"),
				shift(Weekdays, "08:00", "08:00"),
				shift(Weekdays, "8:00", "12:00"),
				shift([]Weekday{"funday", "MON"}, "00:00", "24:00"),
				shift(nil, "00:00", "24:00"),
				shift(append(Weekdays, Weekdays...), "00:00", "12:00"),
			}}},
			"Mon 12:00–24:00 (12h), Tue 12:00–24:00 (12h), Wed 12:00–24:00 (12h), Thu 12:00–24:00 (12h), Fri 12:00–24:00 (12h), Sat 12:00–24:00 (12h), Sun 12:00–24:00 (12h)"},
		{"business hours: only uncovered business hours count",
			Coverage{Mode: CoverageBusinessHours, BusinessHours: bh, Rota: Rota{Shifts: []Shift{shift([]Weekday{Mon, Tue, Wed, Thu}, "08:00", "17:00")}}},
			"Mon 17:00–17:30 (30m), Tue 17:00–17:30 (30m), Wed 17:00–17:30 (30m), Thu 17:00–17:30 (30m), Fri 09:00–17:30 (8h30m)"},
		{"business hours without a rota: the working day is the cover",
			Coverage{Mode: CoverageBusinessHours, BusinessHours: bh}, ""},
		{"business hours invalid",
			Coverage{Mode: CoverageBusinessHours, BusinessHours: BusinessHours{Days: weekdays5, Start: "17:00", End: "09:00"}, Rota: Rota{Shifts: []Shift{shift([]Weekday{Mon}, "08:00", "09:00")}}},
			""},
		{"business hours to midnight",
			Coverage{Mode: CoverageBusinessHours, BusinessHours: BusinessHours{Days: []Weekday{Sat}, Start: "12:00", End: "24:00"}, Rota: Rota{Shifts: []Shift{shift([]Weekday{Sat}, "12:00", "18:00")}}},
			"Sat 18:00–24:00 (6h)"},
		{"unknown mode is treated as business hours",
			Coverage{Mode: "sometimes", BusinessHours: bh, Rota: Rota{Shifts: []Shift{shift(weekdays5, "09:00", "17:00")}}},
			"Mon 17:00–17:30 (30m), Tue 17:00–17:30 (30m), Wed 17:00–17:30 (30m), Thu 17:00–17:30 (30m), Fri 17:00–17:30 (30m)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := holesText(c.c.Holes()); got != c.want {
				t.Errorf("holes:\n got %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestHolesDemo(t *testing.T) {
	hs := Demo().Coverage.Holes()
	want := []Hole{{Day: Sun, Start: "00:00", EndDay: Sun, End: "08:00", Length: 8 * Hour}}
	if fmt.Sprint(hs) != fmt.Sprint(want) || hs[0] != want[0] {
		t.Errorf("demo holes = %+v, want %+v", hs, want)
	}
}

func TestHoleString(t *testing.T) {
	cases := []struct {
		h    Hole
		want string
	}{
		{Hole{Day: Sun, Start: "00:00", EndDay: Sun, End: "08:00", Length: 8 * Hour}, "Sun 00:00–08:00"},
		{Hole{Day: Mon, Start: "00:00", EndDay: Mon, End: "24:00", Length: Day}, "Mon 00:00–24:00"},
		{Hole{Day: Sat, Start: "22:00", EndDay: Sun, End: "06:00", Length: 8 * Hour}, "Sat 22:00–Sun 06:00"},
		// Starts and ends on a Monday a week apart.
		{Hole{Day: Mon, Start: "09:00", EndDay: Mon, End: "08:00", Length: Week - Hour}, "Mon 09:00–Mon 08:00"},
		{Hole{Day: "x", Start: "1", EndDay: "", End: "2"}, "x 1– 2"},
	}
	for _, c := range cases {
		if got := c.h.String(); got != c.want {
			t.Errorf("%+v.String() = %q, want %q", c.h, got, c.want)
		}
	}
}

func TestWeekGrid(t *testing.T) {
	c := Coverage{Rota: Rota{Shifts: []Shift{
		shift([]Weekday{Sun}, "22:00", "02:00"),                // runs into Monday
		shift([]Weekday{Mon}, "01:00", "01:20"),                // overlaps, ends mid-slot
		shift([]Weekday{Tue}, "23:45", "24:00"),                // last slot of Tuesday
		shift([]Weekday{Wed}, "10:00", "11:00", []string{}...), // nobody on it
	}}}
	g := c.WeekGrid()
	slot := func(h, m int) int { return (h*60 + m) / SlotMinutes }
	cases := []struct {
		day, slot, want int
	}{
		{6, slot(21, 45), 0},
		{6, slot(22, 0), 1},
		{6, SlotsPerDay - 1, 1},
		{0, slot(0, 0), 1},
		{0, slot(1, 0), 2},
		{0, slot(1, 15), 1}, // the 01:00–01:20 shift covers only part of it
		{0, slot(1, 45), 1},
		{0, slot(2, 0), 0},
		{1, SlotsPerDay - 1, 1},
		{1, SlotsPerDay - 2, 0},
		{2, slot(10, 0), 0},
	}
	for _, k := range cases {
		if got := g[k.day][k.slot]; got != k.want {
			t.Errorf("grid[%s][%s] = %d, want %d", Weekdays[k.day], clockText(k.slot*SlotMinutes), got, k.want)
		}
	}
	total := 0
	for _, d := range g {
		for _, n := range d {
			total += n
		}
	}
	// Sunday night's 16 slots, the one slot 01:00–01:20 fully covers and
	// Tuesday's last slot.
	if want := 16 + 1 + 1; total != want {
		t.Errorf("covered slots = %d, want %d", total, want)
	}
}

func TestWeekGridDemo(t *testing.T) {
	g := Demo().Coverage.WeekGrid()
	for d := range 7 {
		for s := range SlotsPerDay {
			want := 1
			if d == 6 && s < 8*60/SlotMinutes {
				want = 0
			}
			if g[d][s] != want {
				t.Fatalf("grid[%s][%s] = %d, want %d", Weekdays[d], clockText(s*SlotMinutes), g[d][s], want)
			}
		}
	}
}

func TestDaysText(t *testing.T) {
	cases := []struct {
		days []Weekday
		want string
	}{
		{weekdays5, "Mon–Fri"},
		{[]Weekday{Sat, Sun}, "Sat, Sun"},
		{[]Weekday{Sun, Mon, Wed, Thu, Fri, Fri}, "Mon, Wed–Fri, Sun"},
		{Weekdays, "Mon–Sun"},
		{[]Weekday{"x"}, ""},
		{nil, ""},
	}
	for _, c := range cases {
		if got := DaysText(c.days); got != c.want {
			t.Errorf("DaysText(%v) = %q, want %q", c.days, got, c.want)
		}
	}
}
