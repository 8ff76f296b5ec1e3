package scoring

import (
	"fmt"

	"drillbook/plan"
)

const (
	dayMinutes  = 24 * 60
	weekMinutes = 7 * dayMinutes
)

var dayNames = [7]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// hole is an uncovered span of the week in minutes from Monday 00:00; End
// is exclusive and may pass the end of the week when the hole wraps round
// from Sunday into Monday.
type hole struct{ Start, End int }

func (h hole) length() plan.Duration { return plan.Duration(h.End-h.Start) * plan.Minute }

func (h hole) String() string {
	sd := h.Start / dayMinutes
	ed := (h.End - 1) / dayMinutes
	start := fmt.Sprintf("%s %s", dayNames[sd%7], clock(h.Start-sd*dayMinutes))
	end := clock(h.End - ed*dayMinutes)
	if sd == ed {
		return start + "–" + end
	}
	return start + "–" + dayNames[ed%7] + " " + end
}

func clock(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

// rotaHoles returns the spans of the week the plan promises cover for but
// no staffed shift covers: the whole week under 24/7 cover, the business
// hours otherwise (only when there is a rota at all). Shifts with
// unparseable times or days are ignored (validation reports them).
func rotaHoles(c plan.Coverage) []hole {
	var need [weekMinutes]bool
	switch {
	case c.Mode == plan.Coverage24x7:
		for i := range need {
			need[i] = true
		}
	case len(c.Rota.Shifts) > 0:
		s, err1 := plan.ParseClock(c.BusinessHours.Start)
		e, err2 := plan.ParseClock(c.BusinessHours.End)
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
	var covered [weekMinutes]bool
	for _, sh := range c.Rota.Shifts {
		if len(sh.Members) == 0 {
			continue
		}
		s, err1 := plan.ParseClock(sh.Start)
		e, err2 := plan.ParseClock(sh.End)
		if err1 != nil || err2 != nil || s == e || s >= dayMinutes {
			continue
		}
		length := e - s
		if e < s {
			length += dayMinutes // runs past midnight into the next day
		}
		for _, d := range sh.Days {
			di := d.Index()
			if di < 0 {
				continue
			}
			from := di*dayMinutes + s
			for m := from; m < from+length; m++ {
				covered[m%weekMinutes] = true
			}
		}
	}
	var holes []hole
	for m := 0; m < weekMinutes; {
		if !need[m] || covered[m] {
			m++
			continue
		}
		start := m
		for m < weekMinutes && need[m] && !covered[m] {
			m++
		}
		holes = append(holes, hole{start, m})
	}
	// A hole running to the end of Sunday continues into one starting at
	// Monday 00:00.
	if n := len(holes); n > 1 && holes[0].Start == 0 && holes[n-1].End == weekMinutes {
		holes[n-1].End += holes[0].End
		holes = holes[1:]
	}
	return holes
}
