package interchange

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/teambition/rrule-go"
)

// maxSteps bounds the recurrence steps walked per event: a rule that
// starts decades before the week with a short period would otherwise keep
// the import busy for minutes (hourly from 1970 is under 600,000 steps).
const maxSteps = 1_000_000

// ParseICS reads an iCalendar rota. Events (with RRULE, RDATE, EXDATE,
// RECURRENCE-ID overrides and TZID zones) are expanded over the
// representative week and converted into the plan's zone (or the
// calendar's, X-WR-TIMEZONE or the first TZID, when the plan names none).
// Members come from ATTENDEE (e-mail and CN); an event without attendees
// names its person in SUMMARY as on-call feeds do ("On call: Ana Silva",
// "On Call - Ana Silva - Platform").
func ParseICS(file string, data []byte, opt Options) (*Source, error) {
	if len(data) > maxSourceSize {
		return nil, &Error{File: file, Msg: "file is larger than 16 MB"}
	}
	lines := newLineIndex(data)
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		return nil, &Error{File: file, Msg: "not an iCalendar file: " + err.Error()}
	}
	events := cal.Events()
	calZone, calName := "", ""
	for _, p := range cal.CalendarProperties {
		switch p.IANAToken {
		case string(ics.PropertyXWRTimezone):
			calZone = p.Value
		case string(ics.PropertyXWRCalName):
			calName = p.Value
		}
	}
	if calZone == "" {
		for _, e := range events {
			if p := e.GetProperty(ics.ComponentPropertyDtStart); p != nil && len(p.ICalParameters["TZID"]) == 1 {
				calZone = p.ICalParameters["TZID"][0]
				break
			}
		}
	}
	loc, zone, err := loadZone(opt.Zone, calZone)
	if err != nil {
		err.(*Error).File = file
		return nil, err
	}
	src := &Source{File: file, Kind: KindICS, Zone: zone}
	if opt.Zone == "" {
		src.Notes = append(src.Notes, "the plan names no time zone: times are in the calendar's, "+zone)
	}
	week := weekStart(opt.week(), loc)
	// RECURRENCE-ID events replace one occurrence of their series.
	moved := map[string][]time.Time{}
	for i, e := range events {
		if p := e.GetProperty(ics.ComponentPropertyRecurrenceId); p != nil {
			t, err := icalTime(p, loc)
			if err != nil {
				return nil, lines.err(file, i, "RECURRENCE-ID", err.Error())
			}
			moved[e.Id()] = append(moved[e.Id()], t)
		}
	}
	for i, e := range events {
		if p := e.GetProperty(ics.ComponentPropertyStatus); p != nil && strings.EqualFold(p.Value, "CANCELLED") {
			continue
		}
		spans, err := eventSpans(e, loc, week, moved[e.Id()])
		if err != nil {
			err.File, err.Line = file, lines.property(i, err.Field)
			return nil, err
		}
		name, members := eventPeople(e, calName)
		for _, s := range spans {
			src.Spans = append(src.Spans, Span{Name: name, From: s[0], To: s[1], Members: members})
		}
	}
	if len(events) == 0 {
		return nil, &Error{File: file, Msg: "the calendar has no events (VEVENT)"}
	}
	return src, nil
}

// eventSpans expands one event over the week: each occurrence's
// [from, to) in week minutes, clipped to the week.
func eventSpans(e *ics.VEvent, loc *time.Location, week time.Time, moved []time.Time) ([][2]int, *Error) {
	bad := func(field, msg string) *Error { return &Error{Field: field, Msg: msg} }
	startProp := e.GetProperty(ics.ComponentPropertyDtStart)
	if startProp == nil {
		return nil, bad("DTSTART", "the event has no start")
	}
	start, err := icalTime(startProp, loc)
	if err != nil {
		return nil, bad("DTSTART", err.Error())
	}
	var length time.Duration
	switch endProp, durProp := e.GetProperty(ics.ComponentPropertyDtEnd), e.GetProperty(ics.ComponentPropertyDuration); {
	case endProp != nil:
		end, err := icalTime(endProp, loc)
		if err != nil {
			return nil, bad("DTEND", err.Error())
		}
		length = end.Sub(start)
	case durProp != nil:
		if length, err = icalDuration(durProp.Value); err != nil {
			return nil, bad("DURATION", err.Error())
		}
	default:
		return nil, bad("DTEND", "the event has neither DTEND nor DURATION")
	}
	if length <= 0 {
		return nil, bad("DTEND", "the event ends before it starts")
	}
	length = min(length, 7*24*time.Hour) // more than a week covers the whole week anyway
	set := &rrule.Set{}
	set.DTStart(start)
	rules := e.GetProperties(ics.ComponentPropertyRrule)
	for _, p := range rules {
		opt, err := rrule.StrToROptionInLocation(p.Value, loc)
		if err != nil {
			return nil, bad("RRULE", err.Error())
		}
		if opt.Freq == rrule.MINUTELY || opt.Freq == rrule.SECONDLY {
			return nil, bad("RRULE", "a rule repeating every minute or second is not an on-call rota")
		}
		opt.Dtstart = start
		r, err := rrule.NewRRule(*opt)
		if err != nil {
			return nil, bad("RRULE", err.Error())
		}
		set.RRule(r)
	}
	if len(rules) == 0 {
		set.RDate(start)
	}
	for _, f := range []struct {
		prop ics.ComponentProperty
		add  func(time.Time)
	}{{ics.ComponentPropertyExdate, set.ExDate}, {ics.ComponentPropertyRdate, set.RDate}} {
		for _, p := range e.GetProperties(f.prop) {
			for _, v := range strings.Split(p.Value, ",") {
				t, err := icalValue(strings.TrimSpace(v), p.ICalParameters["TZID"], loc)
				if err != nil {
					return nil, bad(string(f.prop), err.Error())
				}
				f.add(t)
			}
		}
	}
	for _, t := range moved {
		set.ExDate(t)
	}
	if e.GetProperty(ics.ComponentPropertyRecurrenceId) != nil {
		set = &rrule.Set{}
		set.RDate(start)
	}
	var out [][2]int
	from, until := week.Add(-length), week.AddDate(0, 0, 7)
	next := set.Iterator()
	for steps := 0; ; steps++ {
		t, ok := next()
		if !ok || !t.Before(until) {
			break
		}
		if steps > maxSteps {
			return nil, bad("RRULE", "the rule repeats too often to expand")
		}
		if !t.After(from) {
			continue
		}
		a, b, ok := clip(minuteOf(t, week), minuteOf(t.Add(length), week))
		if ok {
			out = append(out, [2]int{a, b})
		}
	}
	return out, nil
}

// onCallSummary matches the person named in an on-call feed's SUMMARY.
var onCallSummary = regexp.MustCompile(`(?i)^\s*on[\s-]*call\s*[:\-–]\s*(.+?)(?:\s+[-–]\s+(.+))?\s*$`)

// eventPeople returns the shift name and members of an event.
func eventPeople(e *ics.VEvent, calName string) (string, []Ref) {
	summary := ""
	if p := e.GetProperty(ics.ComponentPropertySummary); p != nil {
		summary = strings.TrimSpace(ics.FromText(p.Value))
	}
	var members []Ref
	for _, a := range e.Attendees() {
		r := Ref{Email: strings.TrimSpace(a.Email())}
		if !strings.Contains(r.Email, "@") {
			r.Email = "" // a urn: or other address names no mailbox
		}
		if cn := a.ICalParameters[string(ics.ParameterCn)]; len(cn) > 0 {
			r.Name = strings.TrimSpace(cn[0])
		}
		if r.Email != "" || r.Name != "" {
			members = append(members, r)
		}
	}
	if len(members) > 0 && summary != "" {
		return summary, members
	}
	if m := onCallSummary.FindStringSubmatch(summary); m != nil {
		name := m[2]
		if name == "" {
			name = calName
		}
		if name == "" {
			name = defaultShiftName
		}
		return name, append(members, Ref{Name: m[1]})
	}
	if summary == "" {
		summary = calName
	}
	if summary == "" {
		summary = defaultShiftName
	}
	return summary, members
}

// icalTime reads a DATE or DATE-TIME property in its TZID zone ("Z" is
// UTC; a floating time is read in the plan's zone).
func icalTime(p *ics.IANAProperty, loc *time.Location) (time.Time, error) {
	return icalValue(p.Value, p.ICalParameters["TZID"], loc)
}

func icalValue(v string, tzid []string, loc *time.Location) (time.Time, error) {
	if len(tzid) > 1 {
		return time.Time{}, fmt.Errorf("more than one TZID")
	}
	if len(tzid) == 1 {
		l, err := time.LoadLocation(strings.Trim(tzid[0], `"`))
		if err != nil || tzid[0] == "Local" {
			return time.Time{}, fmt.Errorf("unknown time zone %q (TZID must be an IANA name)", tzid[0])
		}
		loc = l
	}
	for _, layout := range []string{"20060102T150405Z", "20060102T150405", "20060102"} {
		if strings.HasSuffix(layout, "Z") != strings.HasSuffix(v, "Z") {
			continue
		}
		if t, err := time.ParseInLocation(layout, v, loc); err == nil {
			if layout[len(layout)-1] == 'Z' {
				return t.UTC(), nil
			}
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date or date-time (want 20060102T150405)", v)
}

// icalDuration reads an RFC 5545 duration such as PT8H, P1D or P1W.
var durationSyntax = regexp.MustCompile(`^([+-]?)P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$`)

func icalDuration(v string) (time.Duration, error) {
	m := durationSyntax.FindStringSubmatch(v)
	if m == nil || v == "P" || strings.HasSuffix(v, "T") {
		return 0, fmt.Errorf("%q is not a duration (want e.g. PT8H)", v)
	}
	var d time.Duration
	for i, unit := range []time.Duration{7 * 24 * time.Hour, 24 * time.Hour, time.Hour, time.Minute, time.Second} {
		if m[i+2] == "" {
			continue
		}
		n, err := strconv.Atoi(m[i+2])
		if err != nil || n > 10000*24*3600 {
			return 0, fmt.Errorf("%q is too long", v)
		}
		d += time.Duration(n) * unit
	}
	if m[1] == "-" {
		d = -d
	}
	return d, nil
}

// lineIndex finds lines of an iCalendar file for messages: the library
// reports neither lines nor which event a property came from.
type lineIndex struct {
	lines  []string
	events []int // index of each BEGIN:VEVENT line
}

func newLineIndex(data []byte) lineIndex {
	var x lineIndex
	x.lines = strings.Split(string(data), "\n")
	for i, l := range x.lines {
		if strings.EqualFold(strings.TrimSpace(l), "BEGIN:VEVENT") {
			x.events = append(x.events, i)
		}
	}
	return x
}

// property returns the 1-based line of a property of event i (the event's
// BEGIN line when the property is missing).
func (x lineIndex) property(event int, name string) int {
	if event >= len(x.events) {
		return 0
	}
	for i := x.events[event]; i < len(x.lines); i++ {
		l := strings.ToUpper(x.lines[i])
		if strings.HasPrefix(l, "END:VEVENT") {
			break
		}
		if name != "" && strings.HasPrefix(l, name) && len(l) > len(name) && (l[len(name)] == ':' || l[len(name)] == ';') {
			return i + 1
		}
	}
	return x.events[event] + 1
}

func (x lineIndex) err(file string, event int, field, msg string) *Error {
	return &Error{File: file, Line: x.property(event, field), Field: field, Msg: msg}
}
