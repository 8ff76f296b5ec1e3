package interchange

import (
	"fmt"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"drillbook/internal/textclean"
	"drillbook/plan"
)

var icsDays = map[plan.Weekday]string{plan.Mon: "MO", plan.Tue: "TU", plan.Wed: "WE", plan.Thu: "TH", plan.Fri: "FR", plan.Sat: "SA", plan.Sun: "SU"}

// RotaICS writes the rota as an iCalendar file for a team calendar: one
// weekly recurring event per shift (BYDAY its days) with its members as
// attendees, in the plan's zone (UTC when it names none), with UIDs made
// from the shift IDs so a calendar that subscribes updates events rather
// than duplicating them. The series start in the week before week, so a
// shift running past Sunday midnight also covers that week's Monday
// morning. stamp is the DTSTAMP (when the file was made).
func RotaICS(ws *plan.Workspace, week plan.Date, stamp time.Time) ([]byte, error) {
	loc, zone, err := loadZone(ws.Coverage.TimeZone, "")
	if err != nil {
		return nil, err
	}
	cal := ics.NewCalendar()
	cal.SetProductId("-//Drillbook//on-call rota//EN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetXWRCalName(plan.OrID(ws.Coverage.Rota.Name, ws.Organisation.Name+" on call"))
	cal.SetXWRTimezone(zone)
	x := ws.Index()
	start := weekStart(week, loc).AddDate(0, 0, -7)
	for _, sh := range ws.Coverage.Rota.Shifts {
		s, err1 := plan.ParseClock(sh.Start)
		e, err2 := plan.ParseClock(sh.End)
		if err1 != nil || err2 != nil || len(sh.Days) == 0 || s == e || s >= dayMinutes {
			continue // validation reports it; such a shift covers nothing
		}
		length := e - s
		if e < s {
			length += dayMinutes
		}
		var byDay []string
		firstDay := 7
		for _, d := range sh.Days {
			if code, ok := icsDays[d]; ok {
				byDay = append(byDay, code)
				firstDay = min(firstDay, d.Index())
			}
		}
		if len(byDay) == 0 {
			continue
		}
		from := time.Date(start.Year(), start.Month(), start.Day()+firstDay, s/60, s%60, 0, 0, loc)
		to := time.Date(from.Year(), from.Month(), from.Day(), s/60, s%60+length, 0, 0, loc)
		ev := cal.AddEvent(sh.ID + "@rota.drillbook")
		ev.SetDtStampTime(stamp.UTC())
		ev.SetSummary(textclean.Clean(sh.Name))
		ev.SetProperty(ics.ComponentPropertyDtStart, from.Format("20060102T150405"), ics.WithTZID(zone))
		ev.SetProperty(ics.ComponentPropertyDtEnd, to.Format("20060102T150405"), ics.WithTZID(zone))
		ev.AddRrule("FREQ=WEEKLY;BYDAY=" + strings.Join(byDay, ","))
		desc := "Role: " + x.RoleName(sh.Role)
		if sh.Handover != "" {
			desc += "\nHand-over: " + sh.Handover
		}
		ev.SetDescription(textclean.Clean(desc))
		for _, id := range sh.Members {
			p := x.Person(id)
			if p == nil {
				continue
			}
			addr := "urn:drillbook:person:" + p.ID // a person with no e-mail is still named
			for _, c := range p.Contacts {
				if c.Channel == plan.ChannelEmail && strings.Contains(c.Value, "@") {
					addr = "mailto:" + c.Value
					break
				}
			}
			ev.AddAttendee(addr, ics.WithCN(textclean.Clean(plan.OrID(p.Name, p.ID))), ics.ParticipationRoleReqParticipant)
		}
	}
	var b strings.Builder
	if err := cal.SerializeTo(&b); err != nil {
		return nil, fmt.Errorf("writing the calendar: %w", err)
	}
	return []byte(b.String()), nil
}
