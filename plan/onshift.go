package plan

import "slices"

// An escalation that reaches only the person already handling the incident
// reaches nobody. Whether it does depends on who is on shift at the
// moment, not on role membership: a primary and a secondary on-call
// rotation usually share their members, offset so that the same person is
// never both at once.

// SamePersonOnShift reports whether escalating from the role "from" to the
// role "to" can, at some moment of the rota, reach nobody but the person
// already engaged through "from", and names that person. At any moment a
// role with shifts in the rota is held by its shift's member in turn (the
// rotations advance together, a member a week); a role without shifts has
// its primary (first staffed member) engaged and reaches all its members
// when escalated to. Escalating from a role to itself reaches nobody new.
// (Handing command to another holder of the same role is a different
// matter: the new commander is a fresh person; see the assessment's
// escalation criteria.)
func (w *Workspace) SamePersonOnShift(from, to string) (person string, same bool) {
	if w == nil {
		return "", false
	}
	return w.Index().SamePersonOnShift(from, to)
}

// SamePersonOnShift is Workspace.SamePersonOnShift on a built index, for
// callers that ask it for many pairs of roles.
func (x *Index) SamePersonOnShift(from, to string) (person string, same bool) {
	w := x.w
	toAll := ids(x.staffed(to))
	if len(toAll) == 0 {
		return "", false // reaching nobody at all is another finding
	}
	if from == to {
		return toAll[0], true
	}
	fromShifts, toShifts := w.roleShifts(from), w.roleShifts(to)
	primary := ""
	if p := x.Primary(from); p != nil {
		primary = p.ID
	}
	switch {
	case len(fromShifts) == 0 && len(toShifts) == 0:
		if len(toAll) == 1 && toAll[0] == primary {
			return primary, true
		}
	case len(toShifts) == 0:
		// Everyone in "to" is reached: only the same person if "to" has
		// one person who is, some week, on a "from" shift.
		if len(toAll) == 1 {
			for _, sh := range fromShifts {
				if slices.Contains(sh.Members, toAll[0]) {
					return toAll[0], true
				}
			}
		}
	case len(fromShifts) == 0:
		for _, sh := range toShifts {
			if primary != "" && slices.Contains(sh.Members, primary) {
				return primary, true
			}
		}
	default:
		for _, a := range fromShifts {
			for _, b := range toShifts {
				if !shiftsOverlap(a, b) {
					continue
				}
				if p, ok := sameInSomeWeek(a.Members, b.Members); ok {
					return p, true
				}
			}
		}
	}
	return "", false
}

func (w *Workspace) roleShifts(role string) []Shift {
	var out []Shift
	for _, sh := range w.Coverage.Rota.Shifts {
		if sh.Role == role && len(sh.Members) > 0 {
			out = append(out, sh)
		}
	}
	return out
}

// sameInSomeWeek reports whether two rotations, advancing one member a
// week in step, ever put the same person on both.
func sameInSomeWeek(a, b []string) (string, bool) {
	n := lcm(len(a), len(b))
	if n > 10_000 { // beyond any real rota; compare every pairing instead
		for _, p := range a {
			if p != "" && slices.Contains(b, p) {
				return p, true
			}
		}
		return "", false
	}
	for wk := 0; wk < n; wk++ {
		if p := a[wk%len(a)]; p != "" && p == b[wk%len(b)] {
			return p, true
		}
	}
	return "", false
}

// shiftsOverlap reports whether two shifts share a minute of the week.
func shiftsOverlap(a, b Shift) bool {
	as, al, ok1 := shiftSpan(a)
	bs, bl, ok2 := shiftSpan(b)
	if !ok1 || !ok2 {
		return false
	}
	var week [weekMinutes]bool
	mark := func(days []Weekday, start, length int, set bool) bool {
		hit := false
		for _, d := range days {
			base := d.Index() * dayMinutes
			if base < 0 {
				continue
			}
			for m := 0; m < length; m++ {
				i := (base + start + m) % len(week)
				if set {
					week[i] = true
				} else if week[i] {
					hit = true
				}
			}
		}
		return hit
	}
	mark(a.Days, as, al, true)
	return mark(b.Days, bs, bl, false)
}

func lcm(a, b int) int {
	g, h := a, b
	for h != 0 {
		g, h = h, g%h
	}
	return a / g * b
}

func ids(ps []*Person) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}
