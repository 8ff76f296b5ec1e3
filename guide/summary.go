package guide

import (
	"fmt"
	"slices"
	"strings"

	"drillbook/plan"
)

// The summaries describe what the plan already says on each page ("4
// severity levels, all with targets."); they never decide whether a
// question is answered, which is the criteria's job.

// view is what the summaries read: the plan, the day and the plan's
// Index, built once per evaluation so no summary scans a collection inside
// a loop over another (the large workspace has 1,000 people).
type view struct {
	ws    *plan.Workspace
	today plan.Date
	x     *plan.Index
}

func newView(ws *plan.Workspace, today plan.Date) *view {
	return &view{ws: ws, today: today, x: ws.Index()}
}

func (v *view) roleName(id string) string {
	if r := v.x.Role(id); r != nil {
		return saidOrID(r.Name, r.ID)
	}
	return id
}

// roleWithHolder renders "Incident Manager (Amira Khan)", or says the role
// has nobody in it.
func (v *view) roleWithHolder(id string) string {
	if p := v.x.Primary(id); p != nil {
		return fmt.Sprintf("%s (%s)", v.roleName(id), saidOrID(p.Name, p.ID))
	}
	return v.roleName(id) + " (nobody in it)"
}

// functionRole returns the role that carries function f: the first one
// with somebody in it, else the first one, else "".
func (v *view) functionRole(f plan.Function) string {
	if r, _ := v.x.StaffedWithFunction(f); r != nil {
		return r.ID
	}
	return ""
}

// functionHolder names who carries function f, or "nobody".
func (v *view) functionHolder(f plan.Function) string {
	if id := v.functionRole(f); id != "" {
		return v.roleWithHolder(id)
	}
	return "nobody"
}

// mostSevere is the lowest severity level defined, 1 when there are none.
func (v *view) mostSevere() int {
	l := 0
	for _, s := range v.ws.Severities {
		if s.Level > 0 && (l == 0 || s.Level < l) {
			l = s.Level
		}
	}
	return max(l, 1)
}

// count counts the items that satisfy ok.
func count[T any](items []T, ok func(T) bool) int {
	n := 0
	for _, it := range items {
		if ok(it) {
			n++
		}
	}
	return n
}

// distinct lists the labels of items, first seen first, without repeats
// or empty ones.
func distinct[T any](items []T, label func(T) string) []string {
	var out []string
	for _, it := range items {
		if l := label(it); l != "" && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

func categoryLabel(c plan.Category) string { return plan.Words(string(c)) }

func incidentTypesSummary(v *view) string {
	ts := v.ws.IncidentTypes
	if len(ts) == 0 {
		return "No incident types yet."
	}
	cats := distinct(ts, func(t plan.IncidentType) string { return categoryLabel(t.Category) })
	s := plural(len(ts), "incident type", "incident types")
	if len(cats) > 0 {
		s += fmt.Sprintf(" in %s: %s", plural(len(cats), "category", "categories"), strings.Join(cats, ", "))
	}
	return s + "."
}

func criteriaSummary(v *view) string {
	ts := v.ws.IncidentTypes
	if len(ts) == 0 {
		return "No incident types yet."
	}
	said := func(c string) bool { return !plan.Placeholder(c) }
	total := 0
	for _, t := range ts {
		total += count(t.Criteria, said)
	}
	with := count(ts, func(t plan.IncidentType) bool { return slices.ContainsFunc(t.Criteria, said) })
	return fmt.Sprintf("%d of %s have criteria (%s in all).", with, plural(len(ts), "incident type", "incident types"), plural(total, "criterion", "criteria"))
}

func reportingSummary(v *view) string {
	r := v.ws.Reporting
	if len(r.Channels) == 0 {
		return "No reporting channels yet."
	}
	kinds := distinct(r.Channels, func(c plan.ReportingChannel) string { return string(c.Channel) })
	s := plural(len(r.Channels), "reporting channel", "reporting channels")
	if len(kinds) > 0 {
		s += " (" + strings.Join(kinds, ", ") + ")"
	}
	if plan.Placeholder(r.Guidance) {
		return s + "; no guidance for reporters yet."
	}
	return s + "; guidance for reporters written."
}

func severitiesSummary(v *view) string {
	ss := v.ws.Severities
	if len(ss) == 0 {
		return "No severity levels yet."
	}
	complete := count(ss, func(s plan.Severity) bool {
		t := s.Targets
		return t.Acknowledge > 0 && t.FirstUpdate > 0 && t.UpdateCadence > 0 && t.Resolve > 0
	})
	s := plural(len(ss), "severity level", "severity levels")
	switch {
	case complete == len(ss) && len(ss) == 1:
		return s + " with targets."
	case complete == len(ss):
		return s + ", all with targets."
	case complete == 0:
		return s + ", none with all four targets."
	}
	return s + fmt.Sprintf(", %d with all four targets.", complete)
}

func thirdPartiesSummary(v *view) string {
	tps := v.ws.ThirdParties
	if len(tps) == 0 {
		return "No third parties yet."
	}
	usable := func(c plan.Contact) bool { return !plan.Placeholder(c.Value) }
	reachable := count(tps, func(t plan.ThirdParty) bool { return slices.ContainsFunc(t.Contacts, usable) })
	ooh := count(tps, func(t plan.ThirdParty) bool {
		return slices.ContainsFunc(t.Contacts, func(c plan.Contact) bool { return usable(c) && c.OutOfHours })
	})
	return fmt.Sprintf("%s, %d with contacts, %d reachable out of hours.", plural(len(tps), "third party", "third parties"), reachable, ooh)
}

// staffedShifts counts the rota's shifts with days and at least one person
// of the plan on them.
func (v *view) staffedShifts() int {
	return count(v.ws.Coverage.Rota.Shifts, func(sh plan.Shift) bool {
		return len(sh.Days) > 0 && slices.ContainsFunc(sh.Members, func(m string) bool { return v.x.Person(m) != nil })
	})
}

// holeList renders up to three holes and says how many more there are.
func holeList(hs []plan.Hole) string {
	parts := make([]string, 0, 4)
	for i, h := range hs {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("and %d more", len(hs)-3))
			break
		}
		parts = append(parts, h.String())
	}
	return strings.Join(parts, ", ")
}

func coverageSummary(v *view) string {
	c := v.ws.Coverage
	shifts := v.staffedShifts()
	switch c.Mode {
	case plan.Coverage24x7:
		if shifts == 0 {
			return "24/7 cover, but no on-call shifts with people on them."
		}
		s := "24/7 cover; " + plural(shifts, "staffed on-call shift", "staffed on-call shifts")
		if holes := c.Holes(); len(holes) > 0 {
			return s + "; not covered: " + holeList(holes) + "."
		}
		return s + " cover the whole week."
	case plan.CoverageBusinessHours:
		bh := c.BusinessHours
		days := plan.DaysText(bh.Days)
		start, err1 := plan.ParseClock(bh.Start)
		end, err2 := plan.ParseClock(bh.End)
		if days == "" || err1 != nil || err2 != nil || end <= start {
			return "Business-hours cover, but the hours are not set."
		}
		s := fmt.Sprintf("Business hours: %s %s–%s", days, bh.Start, bh.End)
		if shifts > 0 {
			s += "; " + plural(shifts, "staffed on-call shift", "staffed on-call shifts")
			if holes := c.Holes(); len(holes) > 0 {
				s += "; business hours not covered: " + holeList(holes)
			}
		}
		return s + "."
	}
	return "Cover is not chosen."
}

func communicationSummary(v *view) string {
	ss := v.ws.Stakeholders
	if len(ss) == 0 {
		return "No stakeholders yet."
	}
	withCadence := count(ss, func(s plan.Stakeholder) bool {
		return slices.ContainsFunc(s.Cadence, func(c plan.Cadence) bool { return c.Every > 0 })
	})
	return fmt.Sprintf("%s, %d with an update cadence.", plural(len(ss), "stakeholder group", "stakeholder groups"), withCadence)
}

func respondersSummary(v *view) string {
	ts := v.ws.IncidentTypes
	if len(ts) == 0 {
		return "No incident types yet."
	}
	staffed := map[string]bool{} // incident types with a Responsible role that has people
	for _, r := range v.ws.Responsibilities {
		if r.RACI == plan.Responsible && v.x.Primary(r.Role) != nil {
			staffed[r.IncidentType] = true
		}
	}
	covered := count(ts, func(t plan.IncidentType) bool { return staffed[t.ID] })
	return fmt.Sprintf("%d of %s have a responsible role with people in it.", covered, plural(len(ts), "incident type", "incident types"))
}

func onCallSummary(v *view) string {
	c := v.ws.Coverage
	if len(c.Rota.Shifts) == 0 {
		switch c.Mode {
		case plan.Coverage24x7:
			return "24/7 cover, but the rota has no shifts."
		case plan.CoverageBusinessHours:
			return "No on-call rota: cover is business hours only."
		}
		return "No on-call rota, and cover is not chosen."
	}
	people := map[string]bool{}
	for _, sh := range c.Rota.Shifts {
		for _, m := range sh.Members {
			if v.x.Person(m) != nil {
				people[m] = true
			}
		}
	}
	return fmt.Sprintf("%s across %s.", plural(len(people), "person", "people"), plural(len(c.Rota.Shifts), "shift", "shifts"))
}

func commsSummary(v *view) string {
	return fmt.Sprintf("Internal: %s; customers: %s.", v.functionHolder(plan.FunctionInternalComms), v.functionHolder(plan.FunctionCustomerComms))
}

func incidentManagerSummary(v *view) string {
	s := "Incident manager: " + v.functionHolder(plan.FunctionIncidentManager)
	var handovers []string
	for _, r := range v.ws.EscalationRules {
		if r.HandoverTo != "" {
			handovers = append(handovers, fmt.Sprintf("%s by rule %s", v.roleWithHolder(r.HandoverTo), quoted(saidOrID(r.Name, r.ID))))
		}
	}
	if len(handovers) == 0 {
		return s + "; does not change on escalation."
	}
	return s + "; hands over to " + strings.Join(handovers, "; ") + "."
}

func triageSummary(v *view) string {
	t := v.ws.Triage
	id := t.Role
	if id == "" {
		// Without a named role, a role carrying the triage function runs
		// it (TRI-2.1 accepts either).
		id = v.functionRole(plan.FunctionTriage)
	}
	switch {
	case id == "":
		return "No triage role yet."
	case v.x.Role(id) == nil:
		return fmt.Sprintf("Triage names unknown role %q.", id)
	}
	s := "Triage: " + v.roleWithHolder(id)
	if t.TargetTime > 0 {
		s += "; target " + t.TargetTime.String()
	}
	if n := len(t.Steps); n > 0 {
		s += "; " + plural(n, "step", "steps")
	}
	return s + "."
}

func obligationsSummary(v *view) string {
	obs := v.ws.ReportingObligations
	if len(obs) == 0 {
		return "No reporting obligations yet."
	}
	owners := distinct(obs, func(o plan.ReportingObligation) string {
		if v.x.Role(o.OwnerRole) == nil {
			return ""
		}
		return v.roleName(o.OwnerRole)
	})
	s := plural(len(obs), "reporting obligation", "reporting obligations")
	if len(owners) > 0 {
		s += "; sent by " + strings.Join(owners, ", ")
	}
	return s + "."
}

func escalationSummary(v *view) string {
	rules := v.ws.EscalationRules
	s := plural(len(rules), "escalation rule", "escalation rules")
	top := v.mostSevere()
	for _, r := range rules {
		if r.Trigger == plan.TriggerUnresolved && r.After > 0 && slices.Contains(r.Severities, top) && v.x.Primary(r.EscalateTo) != nil {
			return s + fmt.Sprintf("; severity %d unresolved after %s → %s.", top, r.After, v.roleName(r.EscalateTo))
		}
	}
	return s + "."
}

func playbooksSummary(v *view) string {
	has := map[[2]string]bool{} // role × incident type with a playbook that has steps
	n := 0
	for _, p := range v.ws.Playbooks {
		if len(p.Steps) == 0 {
			continue
		}
		n++
		for _, t := range p.IncidentTypes {
			has[[2]string{p.Role, t}] = true
		}
	}
	types := map[string]bool{}
	for _, t := range v.ws.IncidentTypes {
		types[t.ID] = true
	}
	need, met := 0, 0
	seen := map[[2]string]bool{}
	for _, r := range v.ws.Responsibilities {
		k := [2]string{r.Role, r.IncidentType}
		if r.RACI != plan.Responsible || seen[k] || v.x.Role(r.Role) == nil || !types[r.IncidentType] {
			continue
		}
		seen[k] = true
		need++
		if has[k] {
			met++
		}
	}
	return fmt.Sprintf("%s with steps; %d of %s covered.", plural(n, "playbook", "playbooks"), met, plural(need, "responsibility (R)", "responsibilities (R)"))
}

func upkeepSummary(v *view) string {
	pbs := v.ws.Playbooks
	if len(pbs) == 0 {
		return "No playbooks yet."
	}
	owned, scheduled, overdue := 0, 0, 0
	for i := range pbs {
		p := &pbs[i]
		if v.x.Person(p.Owner) != nil {
			owned++
		}
		switch {
		case p.ReviewInterval <= 0 || p.LastReviewed.IsZero():
		case !v.today.IsZero() && p.ReviewOverdue(v.today):
			overdue++
		default:
			scheduled++
		}
	}
	s := fmt.Sprintf("%s: %d with an owner, %d reviewed on schedule", plural(len(pbs), "playbook", "playbooks"), owned, scheduled)
	if overdue > 0 {
		s += fmt.Sprintf(", %d overdue for review", overdue)
	}
	return s + "."
}
