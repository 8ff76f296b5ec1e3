package scoring

import (
	"slices"

	"drillbook/internal/prose"
	"drillbook/plan"
)

func coverCriteria() []Criterion {
	return []Criterion{
		{
			ID: "COV-1.1", Dimension: DimCover, Level: 1,
			Title:          "The plan states when incidents are responded to: 24/7, or set business hours.",
			Missing:        "Cover hours are not stated.",
			Why:            "Reporters, customers and contracts all need to know whether a 2 a.m. outage gets a response at 2 a.m.",
			Recommendation: "Set the coverage mode; for business-hours cover, set the days and the start and end times.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: coverHoursStated,
		},
		{
			ID: "COV-2.1", Dimension: DimCover, Level: 2,
			Title:          "A 24/7 service has an on-call rota.",
			Missing:        "24/7 cover is declared with no on-call rota.",
			Why:            "Declaring 24/7 cover without a rota means nobody is actually paged at night.",
			Recommendation: "Add on-call shifts covering every hour of the week, each with a role and people.",
			Severity:       SeverityCritical, Effort: EffortMedium,
			check: rotaFor247Service,
		},
		{
			ID: "COV-2.2", Dimension: DimCover, Level: 2,
			Title:          "Every on-call shift has someone on it.",
			Missing:        "An on-call shift has nobody on it.",
			Why:            "A shift with no members pages nobody, and the gap is invisible until it matters.",
			Recommendation: "Assign at least one person to each shift, or remove the shift.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: everyShiftStaffed,
		},
		{
			ID: "COV-2.3", Dimension: DimCover, Level: 2,
			Title:          "The rota covers every hour the plan promises: the whole week under 24/7 cover, business hours otherwise.",
			Missing:        "24/7 cover is declared but the rota has holes.",
			Why:            "An uncovered hour means a page nobody receives: an outage in that window runs unseen until the next shift starts.",
			Recommendation: "Extend or add shifts so every hour is covered; check shifts that end at midnight and shifts that run past midnight into the next day.",
			Severity:       SeverityCritical, Effort: EffortMedium,
			check: rotaCoversEveryHourPlanPromises,
		},
		{
			ID: "COV-2.4", Dimension: DimCover, Level: 2,
			Title:          "Everyone on the on-call rota can be reached out of hours.",
			Missing:        "Someone on the rota has no out-of-hours contact.",
			Why:            "On call means being woken; a rota member with only a work email or office phone cannot be.",
			Recommendation: "Record a mobile or pager contact marked out-of-hours for every rota member.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: rotaReachableOutOfHours,
		},
		{
			ID: "COV-2.5", Dimension: DimCover, Level: 2,
			Title:          "A 24/7 rota is shared by at least two people.",
			Missing:        "One person holds the whole 24/7 rota.",
			Why:            "One person cannot be on call around the clock: they sleep, fall ill and go on holiday, and the cover the plan promises is then nobody.",
			Recommendation: "Put at least two people (better four or more) on the rota and rotate them, or declare business-hours cover honestly.",
			Severity:       SeverityCritical, Effort: EffortMedium,
			check: rotaSharedByTwo,
		},
		{
			ID: "COV-3.1", Dimension: DimCover, Level: 3,
			Title:          "Every on-call shift rotates between at least two people.",
			Missing:        "An on-call shift depends on one person.",
			Why:            "A one-person shift is a single point of failure and burns that person out; illness or leave leaves it empty.",
			Recommendation: "Put at least two people on each shift so it rotates, and make swaps in the paging tool rather than by private agreement.",
			Severity:       SeverityMedium, Effort: EffortMedium,
			check: shiftsRotateBetweenTwo,
		},
		{
			ID: "COV-3.2", Dimension: DimCover, Level: 3,
			Title:          "Shift hand-over is described.",
			Missing:        "Shift hand-over is not described.",
			Why:            "Hand-over is where open incidents, changes in flight and \"watch this\" items get lost.",
			Recommendation: "Describe the hand-over: when and where, what is passed on, and how long the outgoing engineer stays reachable.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: shiftHandOverDescribed,
		},
		{
			ID: "COV-3.3", Dimension: DimCover, Level: 3,
			Title:          "The time zone of the cover hours and rota is set.",
			Missing:        "The rota's time zone is not set.",
			Why:            "Shift times without a zone are ambiguous across daylight-saving changes and for staff working abroad.",
			Recommendation: "Set the IANA time zone (for example Europe/London) the rota and business hours are written in.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: timeZoneSet,
		},
		{
			ID: "COV-3.4", Dimension: DimCover, Level: 3,
			Title:          "Everyone on a shift holds the shift's role.",
			Missing:        "A shift member does not hold the shift's role.",
			Why:            "Scenarios and escalation rules page roles: a rota member outside the role is never paged by them, while role members off the rota are paged when not on call.",
			Recommendation: "Add each shift member to the shift's role, or correct the shift's role.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: shiftMembersHoldTheRole,
		},
		{
			ID: "COV-3.5", Dimension: DimCover, Level: 3,
			Title:          "The roles on the rota carry an incident-response function (on-call, incident manager, triage…).",
			Missing:        "A rota role carries no incident-response function.",
			Why:            "Scenarios bind \"the on-call engineer\" or \"the incident manager\" to roles by their function; a rota role with none cannot be found when an exercise pages it.",
			Recommendation: "Give each role used on the rota the function it serves: on-call for engineers, incident manager for a commander rota.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: rotaRolesAreOnCall,
		},
		exercised("COV-4.1", DimCover, "Acknowledging a page",
			"Paging apps, phones on silent and informal rota swaps fail in ways no document shows; exercising acknowledgement proves someone actually answers.",
			"Start the next exercise with an unannounced out-of-hours page to the on-call engineer and time the acknowledgement against the Sev 1 target."),
	}
}

// coverHoursStated checks COV-1.1: the plan states when incidents are responded to: 24/7, or set business hours.
func coverHoursStated(s *state) []Gap {
	c := s.ws.Coverage
	switch c.Mode {
	case plan.Coverage24x7:
		return nil
	case plan.CoverageBusinessHours:
		return gapIf(len(c.BusinessHours.Days) == 0 || plan.Placeholder(c.BusinessHours.Start) || plan.Placeholder(c.BusinessHours.End),
			"coverage.businessHours", "business-hours cover is declared without days and start and end times")
	}
	return []Gap{gap("coverage.mode", "cover mode %q is neither business hours nor 24/7", c.Mode)}
}

// rotaFor247Service checks COV-2.1: a 24/7 service has an on-call rota.
func rotaFor247Service(s *state) []Gap {
	return gapIf(s.is24x7 && len(s.ws.Coverage.Rota.Shifts) == 0, "coverage.rota.shifts", "24/7 cover is declared but the rota has no shifts")
}

// everyShiftStaffed checks COV-2.2: every on-call shift has someone on it.
func everyShiftStaffed(s *state) []Gap {
	return eachItem(s.ws.Coverage.Rota.Shifts, "coverage.rota.shifts", func(sh *plan.Shift, add addGap) {
		if !slices.ContainsFunc(sh.Members, func(m string) bool { _, ok := s.people[m]; return ok }) {
			add("members", "shift %s has nobody on it", plan.OrID(sh.Name, sh.ID))
		}
	})
}

// rotaCoversEveryHourPlanPromises checks COV-2.3: the rota covers every hour the plan promises: the whole week under 24/7 cover, business hours otherwise.
func rotaCoversEveryHourPlanPromises(s *state) []Gap {
	if len(s.ws.Coverage.Rota.Shifts) == 0 {
		return nil // no rota at all: COV-2.1
	}
	var gs []Gap
	for _, h := range s.ws.Coverage.Holes() {
		gs = append(gs, gap("coverage.rota.shifts", "nobody is on call %s (%s a week)", h, h.Length))
	}
	return gs
}

// rotaReachableOutOfHours checks COV-2.4: everyone on the on-call rota can be reached out of hours.
func rotaReachableOutOfHours(s *state) []Gap {
	if !s.is24x7 {
		return nil // business-hours cover promises nobody out of hours
	}
	var gs []Gap
	seen := map[string]bool{}
	for i, sh := range s.ws.Coverage.Rota.Shifts {
		for j, m := range sh.Members {
			if seen[m] {
				continue
			}
			seen[m] = true
			p, pi := s.person(m)
			switch {
			case p == nil:
				gs = append(gs, gap(at(at("coverage.rota.shifts", i, "members"), j, ""), "%q is not a person in the plan", m))
			case !reachableOutOfHours(p.Contacts):
				gs = append(gs, gap(at("people", pi, "contacts"), "%s is on the rota but has no out-of-hours contact", plan.OrID(p.Name, p.ID)))
			}
		}
	}
	return gs
}

// shiftsRotateBetweenTwo checks COV-3.1: every on-call shift rotates between at least two people.
func shiftsRotateBetweenTwo(s *state) []Gap {
	return eachItem(s.ws.Coverage.Rota.Shifts, "coverage.rota.shifts", func(sh *plan.Shift, add addGap) {
		if len(sh.Members) == 1 {
			add("members", "shift %s has only %s on it", plan.OrID(sh.Name, sh.ID), s.personName(sh.Members[0]))
		}
	})
}

// shiftHandOverDescribed checks COV-3.2: shift hand-over is described.
func shiftHandOverDescribed(s *state) []Gap {
	r := s.ws.Coverage.Rota
	if len(r.Shifts) == 0 || !plan.Placeholder(r.Handover) {
		return nil
	}
	return gapIf(slices.ContainsFunc(r.Shifts, func(sh plan.Shift) bool { return plan.Placeholder(sh.Handover) }),
		"coverage.rota.handover", "the rota does not describe how shifts hand over")
}

// timeZoneSet checks COV-3.3: the time zone of the cover hours and rota is set.
func timeZoneSet(s *state) []Gap {
	return gapIf((s.is24x7 || len(s.ws.Coverage.Rota.Shifts) > 0) && plan.Placeholder(s.ws.Coverage.TimeZone), "coverage.timeZone", "no time zone is set for the rota")
}

// shiftMembersHoldTheRole checks COV-3.4: everyone on a shift holds the shift's role.
func shiftMembersHoldTheRole(s *state) []Gap {
	return eachItem(s.ws.Coverage.Rota.Shifts, "coverage.rota.shifts", func(sh *plan.Shift, add addGap) {
		r, _ := s.role(sh.Role)
		if r == nil {
			add("role", "shift %s names role %q, which is not in the plan", plan.OrID(sh.Name, sh.ID), sh.Role)
			return
		}
		for j, m := range sh.Members {
			if !slices.Contains(r.Members, m) {
				add(at("members", j, ""), "%s is on shift %s but not in the %s role", s.personName(m), plan.OrID(sh.Name, sh.ID), plan.OrID(r.Name, r.ID))
			}
		}
	})
}

// rotaRolesAreOnCall checks COV-3.5: the roles on the rota carry the on-call function.
func rotaRolesAreOnCall(s *state) []Gap {
	var gs []Gap
	seen := map[string]bool{}
	for _, sh := range s.ws.Coverage.Rota.Shifts {
		r, ri := s.role(sh.Role)
		if r == nil || seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		// An incident-commander or triage rota is as much on call as an
		// engineering one; a role with no response function is not.
		if len(r.Functions) == 0 {
			gs = append(gs, gap(at("roles", ri, "functions"), "%s is on the rota but carries no incident-response function", plan.OrID(r.Name, r.ID)))
		}
	}
	return gs
}

// rotaSharedByTwo checks COV-2.5: under 24/7 cover the rota's shifts hold
// at least two distinct people.
func rotaSharedByTwo(s *state) []Gap {
	if !s.is24x7 || len(s.ws.Coverage.Rota.Shifts) == 0 {
		return nil // COV-2.1 asks for a rota
	}
	n := s.rotaPeople()
	return gapIf(n < 2, "coverage.rota.shifts", "the 24/7 rota is held by %s", prose.Count(n, "person", "people"))
}
