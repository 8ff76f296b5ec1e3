package scoring

import (
	"slices"
	"strings"

	"drillbook/internal/prose"
	"drillbook/plan"
)

var outOfHoursWords = []string{"24/7", "24x7", "24 hours", "around the clock", "out of hours", "out-of-hours", "overnight"}

func mentionsAny(text string, words ...string) bool {
	t := strings.ToLower(text)
	for _, w := range words {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

func triageCriteria() []Criterion {
	return []Criterion{
		{
			ID: "TRI-1.1", Dimension: DimTriage, Level: 1,
			Title:          "At least one reporting channel is defined.",
			Missing:        "There is no way to report an incident.",
			Why:            "If staff and customers do not know where to report, incidents are found late, or by customers on social media.",
			Recommendation: "Publish at least a monitored phone line or mailbox and the monitoring alert route, and say which to use when.",
			Severity:       SeverityCritical, Effort: EffortSmall,
			check: oneReportingChannelDefined,
		},
		{
			ID: "TRI-2.1", Dimension: DimTriage, Level: 2,
			Title:          "A triage role is named and has people in it.",
			Missing:        "Nobody is named to triage reports.",
			Why:            "Triage turns reports into incidents; without a named owner, reports sit in a queue or each one is judged differently.",
			Recommendation: "Set the triage role to a role carrying the triage function with at least one person; the service desk in hours and the on-call engineer out of hours is a common split.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: triageRoleNamedHasPeople,
		},
		{
			ID: "TRI-2.2", Dimension: DimTriage, Level: 2,
			Title:          "Reporting guidance tells staff what to include in a report.",
			Missing:        "There is no guidance on what a report should contain.",
			Why:            "Reports missing the time, scope or a contact cost the triager a call-back before anything can be judged.",
			Recommendation: "Write short guidance: what you saw and when, who is affected, how you found out, how to reach you, and what never to paste (personal or patient data, secrets).",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: reportingGuidanceWritten,
		},
		{
			ID: "TRI-2.3", Dimension: DimTriage, Level: 2,
			Title:          "Every reporting channel has an address and says when it is monitored.",
			Missing:        "A reporting channel has no address or monitoring hours.",
			Why:            "A route nobody reads at night is worse than none: reporters believe they have told someone.",
			Recommendation: "Give every channel its number, mailbox, chat channel or URL and its monitoring hours, including what happens out of hours.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: reportingChannelsAddressedAndMonitored,
		},
		{
			ID: "TRI-2.4", Dimension: DimTriage, Level: 2,
			Title:          "A reporting route said to be watched around the clock is backed by a rota of at least two people or a pager.",
			Missing:        "A reporting route claims round-the-clock monitoring nobody can provide.",
			Why:            "One person cannot watch a mailbox day and night; a claim of 24/7 monitoring without a rota behind it means reports sent at night wait until morning.",
			Recommendation: "Route out-of-hours reports to the on-call pager, or staff the rota so that someone really watches the route.",
			Severity:       SeverityHigh, Effort: EffortMedium,
			check: roundTheClockClaimsBacked,
		},
		{
			ID: "TRI-3.1", Dimension: DimTriage, Level: 3,
			Title:          "Triage has a target time and written steps or method.",
			Missing:        "Triage has no target time or written steps.",
			Why:            "A target makes slow triage visible and gives escalation a known starting point; written steps make triage repeatable by whoever is on shift.",
			Recommendation: "Set a triage target (15 minutes is common) and list the steps: acknowledge the reporter, ask the safety and data questions, corroborate, match to a type, set a provisional severity.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: triageHasTargetAndSteps,
		},
		{
			ID: "TRI-3.2", Dimension: DimTriage, Level: 3,
			Title:          "Under 24/7 cover, the plan says who triages out of hours.",
			Missing:        "It is not clear who triages out of hours.",
			Why:            "Out of hours the usual triager is asleep; unless the plan says who triages then, night-time reports wait until morning.",
			Recommendation: "Give the on-call role the triage function, put the triage role on the rota, or state in the triage method who triages out of hours.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: outOfHoursTriageNamed,
		},
		{
			ID: "TRI-3.3", Dimension: DimTriage, Level: 3,
			Title:          "Under 24/7 cover, at least one reporting channel is monitored around the clock.",
			Missing:        "No reporting channel is monitored out of hours.",
			Why:            "24/7 cover means nothing if every report route is read only in office hours.",
			Recommendation: "Mark the route that pages the on-call engineer (monitoring alerts, an out-of-hours phone option, a chat command) and say that it is monitored 24/7.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: channelMonitoredAroundTheClock,
		},
		exercised("TRI-4.1", DimTriage, "Declaring an incident",
			"Declaration starts every clock; only an exercise shows whether reports are triaged and declared within target when the first evidence is ambiguous.",
			"Open the next exercise with an ambiguous report and time triage and declaration against the triage target."),
	}
}

// oneReportingChannelDefined checks TRI-1.1: at least one reporting channel is defined.
func oneReportingChannelDefined(s *state) []Gap {
	return noneIn(s.ws.Reporting.Channels, "reporting.channels", "the plan has no reporting channels")
}

// triageRoleNamedHasPeople checks TRI-2.1: a triage role is named and has people in it.
func triageRoleNamedHasPeople(s *state) []Gap {
	tr := s.ws.Triage.Role
	switch {
	case tr != "" && !s.roleStaffed(tr):
		return []Gap{gap("triage.role", "triage role %q does not exist or has nobody in it", tr)}
	case tr == "" && !s.staffedWith(plan.FunctionTriage):
		return []Gap{gap("triage.role", "no triage role is named and no staffed role carries the triage function")}
	}
	return nil
}

// reportingGuidanceWritten checks TRI-2.2: reporting guidance tells staff what to include in a report.
func reportingGuidanceWritten(s *state) []Gap {
	return gapIf(plan.Placeholder(s.ws.Reporting.Guidance), "reporting.guidance", "no reporting guidance is written")
}

// reportingChannelsAddressedAndMonitored checks TRI-2.3: every reporting channel has an address and says when it is monitored.
func reportingChannelsAddressedAndMonitored(s *state) []Gap {
	return eachItem(s.ws.Reporting.Channels, "reporting.channels", func(c *plan.ReportingChannel, add addGap) {
		if plan.Placeholder(c.Address) {
			add("address", "%s has no address", plan.OrID(c.Name, c.ID))
		}
		if plan.Placeholder(c.Monitored) {
			add("monitored", "%s does not say when it is monitored", plan.OrID(c.Name, c.ID))
		}
	})
}

// triageHasTargetAndSteps checks TRI-3.1: triage has a target time and written steps or method.
func triageHasTargetAndSteps(s *state) []Gap {
	t := s.ws.Triage
	return append(gapIf(t.TargetTime <= 0, "triage.targetTime", "triage has no target time"),
		gapIf(len(t.Steps) == 0 && plan.Placeholder(t.Method), "triage.steps", "triage has no written steps or method")...)
}

// outOfHoursTriageNamed checks TRI-3.2: under 24/7 cover, the plan says who triages out of hours.
func outOfHoursTriageNamed(s *state) []Gap {
	if !s.is24x7 {
		return nil
	}
	for _, sh := range s.ws.Coverage.Rota.Shifts {
		if sh.Role == s.ws.Triage.Role && sh.Role != "" {
			return nil
		}
		if r, _ := s.role(sh.Role); r != nil && slices.Contains(r.Functions, plan.FunctionTriage) {
			return nil
		}
	}
	t := s.ws.Triage
	if mentionsAny(t.Method+" "+t.Description+" "+strings.Join(t.Steps, " "), append(outOfHoursWords, "on-call", "on call", "outside")...) {
		return nil
	}
	return []Gap{gap("triage.method", "24/7 cover is declared but neither the rota nor the triage method says who triages out of hours")}
}

// channelMonitoredAroundTheClock checks TRI-3.3: under 24/7 cover, at least one reporting channel is monitored around the clock.
func channelMonitoredAroundTheClock(s *state) []Gap {
	if !s.is24x7 {
		return nil
	}
	watched := slices.ContainsFunc(s.ws.Reporting.Channels, func(c plan.ReportingChannel) bool {
		return c.Channel == plan.ChannelPager || mentionsAny(c.Monitored, outOfHoursWords...)
	})
	return gapIf(!watched, "reporting.channels", "24/7 cover is declared but no reporting channel is a pager or says it is monitored out of hours")
}

// roundTheClockClaimsBacked checks TRI-2.4.
func roundTheClockClaimsBacked(s *state) []Gap {
	n := s.rotaPeople()
	if n >= 2 {
		return nil
	}
	return eachItem(s.ws.Reporting.Channels, "reporting.channels", func(c *plan.ReportingChannel, add addGap) {
		if c.Channel != plan.ChannelPager && mentionsAny(c.Monitored, "24/7", "24x7", "24 hours", "around the clock", "round the clock") {
			add("monitored", "%s is said to be monitored %q, but the rota has %s", plan.OrID(c.Name, c.Address), c.Monitored, prose.Count(n, "person", "people"))
		}
	})
}
