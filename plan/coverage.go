package plan

import "fmt"

// SlotMinutes is the width of one cell of the on-call week grid: quarter
// hours, fine enough for shifts at :15 and :30 and small enough to draw.
const SlotMinutes = 15

// SlotsPerDay is the number of grid cells in a day.
const SlotsPerDay = 24 * 60 / SlotMinutes

const (
	dayMinutes  = 24 * 60
	weekMinutes = 7 * dayMinutes
)

// WeekGrid counts, for each quarter hour of the week (Monday first), how
// many staffed shifts cover the whole of it. The editor draws it as a
// heat map; a zero is a gap in cover. Shifts whose end is not after their
// start run past midnight into the next day (Sunday wraps to Monday);
// "24:00" ends at midnight. Shifts with nobody on them, unparseable times
// or unknown days are skipped (validation reports them), so the grid shows
// the cover that would actually answer a page.
func (c Coverage) WeekGrid() [7][SlotsPerDay]int {
	counts := c.minuteCounts()
	var g [7][SlotsPerDay]int
	for d := range 7 {
		for s := range SlotsPerDay {
			from := d*dayMinutes + s*SlotMinutes
			lowest := counts[from]
			for _, n := range counts[from+1 : from+SlotMinutes] {
				lowest = min(lowest, n)
			}
			g[d][s] = int(lowest)
		}
	}
	return g
}

// minuteCounts returns how many staffed shifts cover each minute of the
// week, Monday 00:00 first. It uses a difference array so the cost is the
// number of shift-days plus one pass over the week.
func (c Coverage) minuteCounts() *[weekMinutes]int32 {
	var diff [weekMinutes + 1]int32
	add := func(from, to int) { // to may pass the end of the week
		if to > weekMinutes {
			diff[from]++
			diff[weekMinutes]--
			diff[0]++
			diff[to-weekMinutes]--
			return
		}
		diff[from]++
		diff[to]--
	}
	for _, sh := range c.Rota.Shifts {
		start, length, ok := shiftSpan(sh)
		if !ok {
			continue
		}
		var done [7]bool // a day listed twice is still one shift
		for _, d := range sh.Days {
			di := d.Index()
			if di < 0 || done[di] {
				continue
			}
			done[di] = true
			from := di*dayMinutes + start
			add(from, from+length)
		}
	}
	counts := new([weekMinutes]int32)
	var run int32
	for m := range weekMinutes {
		run += diff[m]
		counts[m] = run
	}
	return counts
}

// shiftSpan returns a shift's start (minutes after midnight) and length in
// minutes, or ok=false when it cannot cover anything: nobody on it, a bad
// time, zero length, or a start of 24:00.
func shiftSpan(sh Shift) (start, length int, ok bool) {
	staffed := false
	for _, m := range sh.Members {
		if m != "" {
			staffed = true
			break
		}
	}
	if !staffed {
		return 0, 0, false
	}
	s, err1 := ParseClock(sh.Start)
	e, err2 := ParseClock(sh.End)
	if err1 != nil || err2 != nil || s == e || s >= dayMinutes {
		return 0, 0, false
	}
	length = e - s
	if e < s {
		length += dayMinutes // runs past midnight into the next day
	}
	return s, length, true
}

// Hole is a span of the week the plan promises cover for but no staffed
// shift covers. It may cross midnight or several days (a weekend with no
// rota). End is "24:00" when the hole stops at midnight, so a hole
// never appears to end on the day after it does.
type Hole struct {
	Day    Weekday // day the hole starts
	Start  string  // "HH:MM"
	EndDay Weekday // day the hole ends
	End    string  // "HH:MM", "24:00" for midnight
	Length Duration
}

// String renders the hole as "Sun 00:00–08:00" or "Sat 22:00–Sun 06:00".
func (h Hole) String() string {
	if h.Day == h.EndDay && h.Length <= Day {
		return fmt.Sprintf("%s %s–%s", dayLabel(h.Day), h.Start, h.End)
	}
	return fmt.Sprintf("%s %s–%s %s", dayLabel(h.Day), h.Start, dayLabel(h.EndDay), h.End)
}

// Holes lists the uncovered spans of the week, Monday first, merging
// neighbouring minutes into one hole (also across midnight and from
// Sunday into Monday). Under 24/7 cover any time no staffed shift covers
// is a hole. Under business-hours cover only uncovered business hours
// count, and only when there is a rota at all: a business-hours team
// without a rota is covered by its working day, not by on-call shifts.
// Invalid business hours give no holes (validation reports them).
func (c Coverage) Holes() []Hole {
	var need [weekMinutes]bool
	switch {
	case c.Mode == Coverage24x7:
		for i := range need {
			need[i] = true
		}
	case len(c.Rota.Shifts) > 0:
		s, err1 := ParseClock(c.BusinessHours.Start)
		e, err2 := ParseClock(c.BusinessHours.End)
		if err1 != nil || err2 != nil || e <= s {
			return nil
		}
		for _, d := range c.BusinessHours.Days {
			if di := d.Index(); di >= 0 {
				for m := s; m < e; m++ {
					need[di*dayMinutes+m] = true
				}
			}
		}
	default:
		return nil
	}
	counts := c.minuteCounts()
	type span struct{ from, to int }
	var spans []span
	for m := 0; m < weekMinutes; {
		if !need[m] || counts[m] > 0 {
			m++
			continue
		}
		from := m
		for m < weekMinutes && need[m] && counts[m] == 0 {
			m++
		}
		spans = append(spans, span{from, m})
	}
	// A hole running to the end of Sunday continues into one starting on
	// Monday at 00:00.
	if n := len(spans); n > 1 && spans[0].from == 0 && spans[n-1].to == weekMinutes {
		spans[n-1].to += spans[0].to
		spans = spans[1:]
	}
	holes := make([]Hole, len(spans))
	for i, sp := range spans {
		end := sp.to - 1 // last uncovered minute, to name the day it ends on
		holes[i] = Hole{
			Day:    Weekdays[sp.from/dayMinutes],
			Start:  clockText(sp.from % dayMinutes),
			EndDay: Weekdays[(end/dayMinutes)%7],
			End:    clockText(end%dayMinutes + 1),
			Length: Duration(sp.to-sp.from) * Minute,
		}
	}
	return holes
}

// clockText renders minutes after midnight as "HH:MM" (1440 as "24:00").
func clockText(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

// dayLabel renders "mon" as "Mon"; anything else is returned as written.
func dayLabel(d Weekday) string {
	if d.Index() < 0 || len(d) != 3 {
		return string(d)
	}
	return string(d[0]-'a'+'A') + string(d[1:])
}

// DaysText renders a set of days compactly, Monday first: "Mon–Fri",
// "Mon, Wed, Sat–Sun". Unknown days are ignored.
func DaysText(days []Weekday) string {
	var on [7]bool
	for _, d := range days {
		if i := d.Index(); i >= 0 {
			on[i] = true
		}
	}
	out := ""
	for i := 0; i < 7; {
		if !on[i] {
			i++
			continue
		}
		j := i
		for j+1 < 7 && on[j+1] {
			j++
		}
		if out != "" {
			out += ", "
		}
		switch {
		case j == i:
			out += dayLabel(Weekdays[i])
		case j == i+1:
			out += dayLabel(Weekdays[i]) + ", " + dayLabel(Weekdays[j])
		default:
			out += dayLabel(Weekdays[i]) + "–" + dayLabel(Weekdays[j])
		}
		i = j + 1
	}
	return out
}
