package interchange

import (
	"slices"
	"strings"
	"time"

	"drillbook/plan"
)

// Kind names what a Source holds.
type Kind string

// Source kinds.
const (
	KindICS          Kind = "iCalendar rota"
	KindPDSchedule   Kind = "PagerDuty schedule"
	KindPDPolicies   Kind = "PagerDuty escalation policies"
	KindPDUsers      Kind = "PagerDuty users"
	KindPeopleCSV    Kind = "people CSV"
	weekMinutes           = 7 * 24 * 60
	dayMinutes            = 24 * 60
	maxSourceSize         = 16 << 20
	defaultShiftName      = "On call"
)

// Options say how a source is read.
type Options struct {
	// Week is any day of the representative week over which recurring
	// events and rotations are expanded; its Monday starts the week.
	// Unset, it is the next full week.
	Week plan.Date
	// Zone is the plan's IANA time zone; "" uses the source's own zone
	// (the calendar's or the schedule's), and Plan then sets it.
	Zone string
}

// week is the representative week's day: Week, or the next full week
// from today when it is unset.
func (o Options) week() plan.Date {
	if o.Week.IsZero() {
		return NextWeek(time.Now())
	}
	return o.Week
}

// Ref names a person as a source does: by e-mail and/or name, and for
// PagerDuty by its user ID.
type Ref struct {
	Name  string
	Email string
	ExtID string
}

func (r Ref) label() string {
	switch {
	case r.Name != "" && r.Email != "":
		return r.Name + " <" + r.Email + ">"
	case r.Name != "":
		return r.Name
	case r.Email != "":
		return r.Email
	}
	return r.ExtID
}

// PersonIn is a person as a source lists them.
type PersonIn struct {
	Ref
	Title    string
	Contacts []plan.Contact
	Deputy   string // a name or an e-mail address
	Line     int    // the CSV line, for messages
}

// Span is a stretch of the representative week (minutes after Monday
// 00:00 in the plan's zone, From < To <= one week) with who is on call.
type Span struct {
	Name    string
	From    int
	To      int
	Members []Ref
}

// Target is who one escalation tier reaches: people, or a schedule by name.
type Target struct {
	User     *Ref
	Schedule string
}

// TierIn is one escalation level: its delay after the level before (the
// first level's delay is measured from the trigger) and its targets.
type TierIn struct {
	Delay   plan.Duration
	Targets []Target
}

// LadderIn is an escalation policy: its name and levels in order.
type LadderIn struct {
	Name  string
	Tiers []TierIn
}

// Source is one parsed input file.
type Source struct {
	File    string
	Kind    Kind
	Zone    string // the zone the spans are in
	People  []PersonIn
	Spans   []Span
	Ladders []LadderIn
	// Users are PagerDuty users by ID, so schedules and policies name
	// people found in a users file of the same import.
	Users map[string]Ref
	Notes []string
}

// weekStart returns Monday 00:00 of the week containing d, in loc.
func weekStart(d plan.Date, loc *time.Location) time.Time {
	t := d.Time()
	y, m, day := t.Date()
	back := (int(t.Weekday()) + 6) % 7 // Monday = 0
	return time.Date(y, m, day-back, 0, 0, 0, 0, loc)
}

// WeekOf returns the Monday of the week containing d.
func WeekOf(d plan.Date) plan.Date { return plan.DateOf(weekStart(d, time.UTC)) }

// NextWeek returns the Monday of the first full week after today, the
// default representative week.
func NextWeek(today time.Time) plan.Date {
	back := (int(today.Weekday()) + 6) % 7
	return plan.DateOf(today).Add(plan.Duration(7-back) * plan.Day)
}

// loadZone resolves the plan's zone, or the source's when the plan names
// none. "Local" is refused as plan validation refuses it.
func loadZone(planZone, sourceZone string) (*time.Location, string, error) {
	name := planZone
	if name == "" {
		name = sourceZone
	}
	if name == "" {
		name = "UTC"
	}
	if name == "Local" {
		return nil, "", &Error{Msg: `time zone "Local" is not a place; name an IANA zone`}
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, "", &Error{Msg: "unknown time zone " + quote(name)}
	}
	return loc, name, nil
}

func quote(s string) string { return `"` + s + `"` }

// minuteOf returns t's offset in minutes from the week start, measured on
// the wall clock of the plan's zone, so a week with a daylight-saving
// change still has its shifts at the hours people read on the clock.
func minuteOf(t, week time.Time) int {
	t = t.In(week.Location())
	y, m, d := t.Date()
	wy, wm, wd := week.Date()
	days := int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(time.Date(wy, wm, wd, 0, 0, 0, 0, time.UTC)).Hours() / 24)
	return days*dayMinutes + t.Hour()*60 + t.Minute()
}

// clip bounds a span to the week; ok is false when nothing is left.
func clip(from, to int) (int, int, bool) {
	from, to = max(from, 0), min(to, weekMinutes)
	return from, to, from < to
}

// normal folds a name or e-mail for matching: case and runs of spaces do
// not count.
func normal(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// stitch joins a span ending at the end of the week with one of the same
// name and members starting at its beginning: the week grid wraps from
// Sunday into Monday, so a Sunday night shift is one shift.
func stitch(spans []Span) []Span {
	for i := range spans {
		if spans[i].To != weekMinutes {
			continue
		}
		for j := range spans {
			if i != j && spans[j].From == 0 && spans[j].To > 0 && spans[j].Name == spans[i].Name &&
				slices.Equal(spans[j].Members, spans[i].Members) && spans[i].From > spans[j].To {
				spans[i].To = weekMinutes + spans[j].To
				spans[j].To = 0 // dropped below
				break
			}
		}
	}
	return slices.DeleteFunc(spans, func(s Span) bool { return s.To <= s.From })
}

// shiftPiece is one plan shift's worth of a span: it starts on a day and
// lasts under a day, or is a whole day 00:00–24:00.
type shiftPiece struct {
	name       string
	day        int
	start, end string
	members    []Ref
}

// pieces cuts a span into shift pieces: a span shorter than a day is one
// (it may run past midnight); a longer one runs to midnight, then whole
// days, then the rest.
func pieces(s Span) []shiftPiece {
	var out []shiftPiece
	add := func(from, to int) {
		end := to % dayMinutes
		endText := clockText(end)
		if end == 0 && to-from == dayMinutes-from%dayMinutes {
			endText = "24:00"
		}
		out = append(out, shiftPiece{s.Name, (from / dayMinutes) % 7, clockText(from % dayMinutes), endText, s.Members})
	}
	from := s.From
	for from < s.To {
		if s.To-from < dayMinutes {
			add(from, s.To)
			break
		}
		midnight := (from/dayMinutes + 1) * dayMinutes
		add(from, midnight)
		from = midnight
	}
	return out
}

func clockText(m int) string {
	return string([]byte{byte('0' + m/600), byte('0' + m/60%10), ':', byte('0' + m%60/10), byte('0' + m%10)})
}

// ShiftIn is a shift as a source gives it, before its members are matched.
type ShiftIn struct {
	Name       string
	Days       []plan.Weekday
	Start, End string
	Members    []Ref
}

// Shifts turns spans into shifts: pieces with the same name, times and
// members become one shift over several days. Order follows the first day
// each shift covers, then its start.
func Shifts(spans []Span) []ShiftIn {
	var out []ShiftIn
	for _, s := range stitch(slices.Clone(spans)) {
		for _, p := range pieces(s) {
			i := slices.IndexFunc(out, func(o ShiftIn) bool {
				return o.Name == p.name && o.Start == p.start && o.End == p.end && slices.Equal(o.Members, p.members)
			})
			if i < 0 {
				out = append(out, ShiftIn{Name: p.name, Start: p.start, End: p.end, Members: p.members})
				i = len(out) - 1
			}
			if d := plan.Weekdays[p.day]; !slices.Contains(out[i].Days, d) {
				out[i].Days = append(out[i].Days, d)
			}
		}
	}
	for i := range out {
		slices.SortFunc(out[i].Days, func(a, b plan.Weekday) int { return a.Index() - b.Index() })
	}
	slices.SortStableFunc(out, func(a, b ShiftIn) int {
		if d := a.Days[0].Index() - b.Days[0].Index(); d != 0 {
			return d
		}
		return strings.Compare(a.Start, b.Start)
	})
	return out
}
