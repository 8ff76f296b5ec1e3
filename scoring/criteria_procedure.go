package scoring

import (
	"slices"
	"strings"

	"drillbook/plan"
)

// Criteria for step 1 of the plan: the procedure.

func typesCriteria() []Criterion {
	return []Criterion{
		{
			ID: "TYP-1.1", Dimension: DimTypes, Level: 1,
			Title:          "At least one incident type is defined.",
			Missing:        "No incident types are defined.",
			Why:            "Without named incident types nobody can tell whether what they are seeing should start the incident procedure, so reports stall or reach the wrong people.",
			Recommendation: "Start with the types the seed checklist names: a security incident, a service outage, a critical supplier outage and a personal data breach, each with a one-line description.",
			Severity:       SeverityCritical, Effort: EffortSmall,
			check: func(s *state) []Gap {
				if len(s.ws.IncidentTypes) == 0 {
					return []Gap{gap("incidentTypes", "the plan has no incident types")}
				}
				return nil
			},
		},
		{
			ID: "TYP-2.1", Dimension: DimTypes, Level: 2,
			Title:          "Every incident type has declaration criteria.",
			Missing:        "An incident type has no declaration criteria.",
			Why:            "Criteria turn \"something looks wrong\" into \"invoke the procedure\". Without them people wait, or declare inconsistently, and every clock (escalation, customer updates, regulator deadlines) starts late.",
			Recommendation: "Write 3–5 observable criteria per type with thresholds (error rate, duration, number of users or customers affected) so anyone on the rota applies them the same way.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, t := range s.ws.IncidentTypes {
					if !slices.ContainsFunc(t.Criteria, func(c string) bool { return !blank(c) }) {
						gs = append(gs, gap(at("incidentTypes", i, "criteria"), "%s has no declaration criteria", orID(t.Name, t.ID)))
					}
				}
				return gs
			},
		},
		{
			ID: "TYP-2.2", Dimension: DimTypes, Level: 2,
			Title:          "Every incident type has at least one staffed role responsible (R) for responding to it.",
			Missing:        "An incident category has no responder.",
			Why:            "An incident of a type nobody is responsible for lands on whoever notices it: response depends on goodwill and the first hour goes on finding an owner.",
			Recommendation: "In the responsibility matrix give each incident type at least one Responsible role with people in it, usually the on-call engineer or the specialist lead for that type.",
			Severity:       SeverityCritical, Effort: EffortSmall,
			check: func(s *state) []Gap {
				responders := map[string][]string{}
				for _, r := range s.ws.Responsibilities {
					if r.RACI == plan.Responsible {
						responders[r.IncidentType] = append(responders[r.IncidentType], r.Role)
					}
				}
				var gs []Gap
				for i, t := range s.ws.IncidentTypes {
					rs := responders[t.ID]
					switch {
					case len(rs) == 0:
						gs = append(gs, gap(at("incidentTypes", i, ""), "%s has no Responsible role in the responsibility matrix", orID(t.Name, t.ID)))
					case !slices.ContainsFunc(rs, s.roleStaffed):
						gs = append(gs, gap(at("incidentTypes", i, ""), "%s's Responsible roles (%s) have nobody in them", orID(t.Name, t.ID), strings.Join(rs, ", ")))
					}
				}
				return gs
			},
		},
		{
			ID: "TYP-2.3", Dimension: DimTypes, Level: 2,
			Title:          "The core incident categories are covered: security, availability and information governance.",
			Missing:        "A core incident category has no incident type.",
			Why:            "Every web product meets an attack, an outage and a personal data breach sooner or later. A category without a type has no criteria, responders or reporting duties when it happens.",
			Recommendation: "Add an incident type for each missing category. If one truly cannot happen (for example no personal data is processed), mark this criterion N/A with that reason.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				have := map[plan.Category]bool{}
				for _, t := range s.ws.IncidentTypes {
					have[t.Category] = true
				}
				var gs []Gap
				for _, c := range []plan.Category{plan.CategorySecurity, plan.CategoryAvailability, plan.CategoryInfoGov} {
					if !have[c] {
						gs = append(gs, gap("incidentTypes", "no incident type has the %s category", c))
					}
				}
				return gs
			},
		},
		{
			ID: "TYP-3.1", Dimension: DimTypes, Level: 3,
			Title:          "Every incident type has exactly one accountable (A) role.",
			Missing:        "An incident type has no single accountable role.",
			Why:            "One accountable role per type settles who owns the outcome and signs off closure; with none, decisions are deferred, and with two they are contradicted.",
			Recommendation: "Mark exactly one role A for each incident type: normally the specialist lead (security lead for security, DPO for data breaches, incident manager for outages).",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				acc := map[string][]string{}
				for _, r := range s.ws.Responsibilities {
					if r.RACI == plan.Accountable {
						acc[r.IncidentType] = append(acc[r.IncidentType], r.Role)
					}
				}
				var gs []Gap
				for i, t := range s.ws.IncidentTypes {
					switch a := acc[t.ID]; {
					case len(a) == 0:
						gs = append(gs, gap(at("incidentTypes", i, ""), "%s has no accountable role", orID(t.Name, t.ID)))
					case len(a) > 1:
						gs = append(gs, gap(at("incidentTypes", i, ""), "%s has %d accountable roles (%s)", orID(t.Name, t.ID), len(a), strings.Join(a, ", ")))
					}
				}
				return gs
			},
		},
		{
			ID: "TYP-3.2", Dimension: DimTypes, Level: 3,
			Title:          "Every incident type has at least one worked example.",
			Missing:        "An incident type has no examples.",
			Why:            "Examples calibrate judgement: staff recognise \"a practice manager's account sends 300 messages overnight\" far faster than an abstract criterion.",
			Recommendation: "Add two or three short, realistic examples per type, ideally drawn from past incidents and near misses.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, t := range s.ws.IncidentTypes {
					if !slices.ContainsFunc(t.Examples, func(e string) bool { return !blank(e) }) {
						gs = append(gs, gap(at("incidentTypes", i, "examples"), "%s has no examples", orID(t.Name, t.ID)))
					}
				}
				return gs
			},
		},
		{
			ID: "TYP-4.1", Dimension: DimTypes, Level: 4,
			Title:          "Every incident category in the plan has been exercised in the last 12 months.",
			Missing:        "An incident category has not been exercised in the last 12 months.",
			Why:            "A category never rehearsed is assured on paper only: the first real incident tests its criteria, responders and reporting duties at the worst possible time.",
			Recommendation: "Schedule a tabletop exercise for each unexercised category in the next exercise cycle; rotate categories so each is played at least once a year.",
			Severity:       SeverityMedium, Effort: EffortMedium,
			check: func(s *state) []Gap {
				played := map[plan.Category]bool{}
				for _, i := range s.ex.recent {
					played[s.ws.Runs[i].Category] = true
				}
				seen := map[plan.Category]bool{}
				var gs []Gap
				for i, t := range s.ws.IncidentTypes {
					if seen[t.Category] || played[t.Category] {
						continue
					}
					seen[t.Category] = true
					gs = append(gs, gap(at("incidentTypes", i, "category"), "no %s exercise since %s (e.g. %s)", t.Category, s.since, orID(t.Name, t.ID)))
				}
				return gs
			},
		},
	}
}

var targetNames = [4]string{"acknowledge", "firstUpdate", "updateCadence", "resolve"}

func targetValues(t plan.Targets) [4]plan.Duration {
	return [4]plan.Duration{t.Acknowledge, t.FirstUpdate, t.UpdateCadence, t.Resolve}
}

func severityCriteria() []Criterion {
	return []Criterion{
		{
			ID: "SEV-1.1", Dimension: DimSeverity, Level: 1,
			Title:          "At least one severity level is defined.",
			Missing:        "No severity levels are defined.",
			Why:            "Severity decides how fast everyone moves and who is woken; without it every incident is either a crisis or nothing.",
			Recommendation: "Define three or four levels (1 = most severe) with a one-line definition each, e.g. Critical, Major, Moderate, Minor.",
			Severity:       SeverityCritical, Effort: EffortSmall,
			check: func(s *state) []Gap {
				if len(s.ws.Severities) == 0 {
					return []Gap{gap("severities", "the plan has no severity levels")}
				}
				return nil
			},
		},
		{
			ID: "SEV-2.1", Dimension: DimSeverity, Level: 2,
			Title:          "Every severity level has acknowledge and resolve targets.",
			Missing:        "A severity has no targets.",
			Why:            "Targets are what escalation timers and exercises measure against: a level without them cannot be escalated on time or scored, and customers cannot be told what to expect.",
			Recommendation: "Set at least an acknowledge and a resolve target for each level (for example Sev 1: 5 minutes and 4 hours).",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, sv := range s.ws.Severities {
					var missing []string
					if sv.Targets.Acknowledge <= 0 {
						missing = append(missing, "acknowledge")
					}
					if sv.Targets.Resolve <= 0 {
						missing = append(missing, "resolve")
					}
					if len(missing) > 0 {
						gs = append(gs, gap(at("severities", i, "targets"), "Sev %d (%s) has no %s target", sv.Level, sv.Name, strings.Join(missing, " or ")))
					}
				}
				return gs
			},
		},
		{
			ID: "SEV-2.2", Dimension: DimSeverity, Level: 2,
			Title:          "Every severity level has a definition.",
			Missing:        "A severity level has no definition.",
			Why:            "Triage picks a severity by comparing what it sees with the definitions; without them the same outage is graded 1 by one person and 3 by another.",
			Recommendation: "Define each level by impact: who is affected, which journeys fail, and whether people, data or money are at risk.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, sv := range s.ws.Severities {
					if blank(sv.Definition) {
						gs = append(gs, gap(at("severities", i, "definition"), "Sev %d (%s) has no definition", sv.Level, sv.Name))
					}
				}
				return gs
			},
		},
		{
			ID: "SEV-2.3", Dimension: DimSeverity, Level: 2,
			Title:          "There are at least two severity levels, numbered 1…n without gaps.",
			Missing:        "The severity scale is too short or has gaps.",
			Why:            "One level cannot separate \"wake people up\" from \"deal with it tomorrow\"; gaps in the numbering confuse escalation rules, obligations and reports that name levels.",
			Recommendation: "Number the levels 1 (most severe) to n without gaps; three or four levels suit most teams.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				n := len(s.ws.Severities)
				if n < 2 {
					return []Gap{gap("severities", "only %d severity level is defined", n)}
				}
				for l := 1; l <= n; l++ {
					if _, ok := s.severities[l]; !ok {
						return []Gap{gap("severities", "level %d is missing from the 1…%d scale", l, n)}
					}
				}
				return nil
			},
		},
		{
			ID: "SEV-3.1", Dimension: DimSeverity, Level: 3,
			Title:          "Every severity level has all four targets: acknowledge, first update, update cadence and resolve.",
			Missing:        "A severity level is missing response targets.",
			Why:            "The first-update and cadence targets drive the stakeholder timers in exercises and tell the comms lead when the next update is due; without them updates slip silently.",
			Recommendation: "Add the missing targets; a common pattern is a first update at two to three times the acknowledge target and a 30-minute cadence at Sev 1.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, sv := range s.ws.Severities {
					vals := targetValues(sv.Targets)
					for k, v := range vals {
						if v <= 0 {
							gs = append(gs, gap(at("severities", i, "targets."+targetNames[k]), "Sev %d (%s) has no %s target", sv.Level, sv.Name, targetNames[k]))
						}
					}
				}
				return gs
			},
		},
		{
			ID: "SEV-3.2", Dimension: DimSeverity, Level: 3,
			Title:          "Targets tighten as severity rises: a more severe level never has a slower target.",
			Missing:        "A more severe level has a slower target than a less severe one.",
			Why:            "If Sev 1 may be acknowledged more slowly than Sev 2, responders and escalation timers get contradictory instructions and raising the severity can slow the response.",
			Recommendation: "Make each target no longer than the same target at the next, less severe level.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				order := make([]int, 0, len(s.ws.Severities))
				for i := range s.ws.Severities {
					order = append(order, i)
				}
				slices.SortStableFunc(order, func(a, b int) int { return s.ws.Severities[a].Level - s.ws.Severities[b].Level })
				var gs []Gap
				for k := 0; k+1 < len(order); k++ {
					a, b := &s.ws.Severities[order[k]], &s.ws.Severities[order[k+1]]
					va, vb := targetValues(a.Targets), targetValues(b.Targets)
					for t := range va {
						if va[t] > 0 && vb[t] > 0 && va[t] > vb[t] {
							gs = append(gs, gap(at("severities", order[k], "targets."+targetNames[t]), "Sev %d's %s target (%s) is slower than Sev %d's (%s)", a.Level, targetNames[t], va[t], b.Level, vb[t]))
						}
					}
				}
				return gs
			},
		},
		{
			ID: "SEV-3.3", Dimension: DimSeverity, Level: 3,
			Title:          "Every severity level has examples.",
			Missing:        "A severity level has no examples.",
			Why:            "Examples anchor the definitions in the product's own terms, which is what people reach for at 3 a.m.",
			Recommendation: "Add two or three examples per level, taken from your own incidents where possible.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, sv := range s.ws.Severities {
					if !slices.ContainsFunc(sv.Examples, func(e string) bool { return !blank(e) }) {
						gs = append(gs, gap(at("severities", i, "examples"), "Sev %d (%s) has no examples", sv.Level, sv.Name))
					}
				}
				return gs
			},
		},
		exercised("SEV-4.1", DimSeverity, "Setting the severity",
			"Severity set too low delays escalation and regulatory clocks; only an exercise shows whether the team applies the definitions under pressure and re-grades as the picture changes.",
			"Include re-grading injects (impact growing, a data angle appearing) in the next exercise, and sharpen the definitions where the team hesitated."),
	}
}

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
			check: func(s *state) []Gap {
				if len(s.ws.Reporting.Channels) == 0 {
					return []Gap{gap("reporting.channels", "the plan has no reporting channels")}
				}
				return nil
			},
		},
		{
			ID: "TRI-2.1", Dimension: DimTriage, Level: 2,
			Title:          "A triage role is named and has people in it.",
			Missing:        "Nobody is named to triage reports.",
			Why:            "Triage turns reports into incidents; without a named owner, reports sit in a queue or each one is judged differently.",
			Recommendation: "Set the triage role to a role carrying the triage function with at least one person; the service desk in hours and the on-call engineer out of hours is a common split.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: func(s *state) []Gap {
				tr := s.ws.Triage.Role
				switch {
				case tr != "" && !s.roleStaffed(tr):
					return []Gap{gap("triage.role", "triage role %q does not exist or has nobody in it", tr)}
				case tr == "" && !s.staffedWith(plan.FunctionTriage):
					return []Gap{gap("triage.role", "no triage role is named and no staffed role carries the triage function")}
				}
				return nil
			},
		},
		{
			ID: "TRI-2.2", Dimension: DimTriage, Level: 2,
			Title:          "Reporting guidance tells staff what to include in a report.",
			Missing:        "There is no guidance on what a report should contain.",
			Why:            "Reports missing the time, scope or a contact cost the triager a call-back before anything can be judged.",
			Recommendation: "Write short guidance: what you saw and when, who is affected, how you found out, how to reach you, and what never to paste (personal or patient data, secrets).",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				if blank(s.ws.Reporting.Guidance) {
					return []Gap{gap("reporting.guidance", "no reporting guidance is written")}
				}
				return nil
			},
		},
		{
			ID: "TRI-2.3", Dimension: DimTriage, Level: 2,
			Title:          "Every reporting channel has an address and says when it is monitored.",
			Missing:        "A reporting channel has no address or monitoring hours.",
			Why:            "A route nobody reads at night is worse than none: reporters believe they have told someone.",
			Recommendation: "Give every channel its number, mailbox, chat channel or URL and its monitoring hours, including what happens out of hours.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, c := range s.ws.Reporting.Channels {
					if blank(c.Address) {
						gs = append(gs, gap(at("reporting.channels", i, "address"), "%s has no address", orID(c.Name, c.ID)))
					}
					if blank(c.Monitored) {
						gs = append(gs, gap(at("reporting.channels", i, "monitored"), "%s does not say when it is monitored", orID(c.Name, c.ID)))
					}
				}
				return gs
			},
		},
		{
			ID: "TRI-3.1", Dimension: DimTriage, Level: 3,
			Title:          "Triage has a target time and written steps or method.",
			Missing:        "Triage has no target time or written steps.",
			Why:            "A target makes slow triage visible and gives escalation a known starting point; written steps make triage repeatable by whoever is on shift.",
			Recommendation: "Set a triage target (15 minutes is common) and list the steps: acknowledge the reporter, ask the safety and data questions, corroborate, match to a type, set a provisional severity.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				t := s.ws.Triage
				if t.TargetTime <= 0 {
					gs = append(gs, gap("triage.targetTime", "triage has no target time"))
				}
				if len(t.Steps) == 0 && blank(t.Method) {
					gs = append(gs, gap("triage.steps", "triage has no written steps or method"))
				}
				return gs
			},
		},
		{
			ID: "TRI-3.2", Dimension: DimTriage, Level: 3,
			Title:          "Under 24/7 cover, the plan says who triages out of hours.",
			Missing:        "It is not clear who triages out of hours.",
			Why:            "Out of hours the usual triager is asleep; unless the plan says who triages then, night-time reports wait until morning.",
			Recommendation: "Give the on-call role the triage function, put the triage role on the rota, or state in the triage method who triages out of hours.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
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
			},
		},
		{
			ID: "TRI-3.3", Dimension: DimTriage, Level: 3,
			Title:          "Under 24/7 cover, at least one reporting channel is monitored around the clock.",
			Missing:        "No reporting channel is monitored out of hours.",
			Why:            "24/7 cover means nothing if every report route is read only in office hours.",
			Recommendation: "Mark the route that pages the on-call engineer (monitoring alerts, an out-of-hours phone option, a chat command) and say that it is monitored 24/7.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: func(s *state) []Gap {
				if !s.is24x7 {
					return nil
				}
				for _, c := range s.ws.Reporting.Channels {
					if c.Channel == plan.ChannelPager || mentionsAny(c.Monitored, outOfHoursWords...) {
						return nil
					}
				}
				return []Gap{gap("reporting.channels", "24/7 cover is declared but no reporting channel is a pager or says it is monitored out of hours")}
			},
		},
		exercised("TRI-4.1", DimTriage, "Declaring an incident",
			"Declaration starts every clock; only an exercise shows whether reports are triaged and declared within target when the first evidence is ambiguous.",
			"Open the next exercise with an ambiguous report and time triage and declaration against the triage target."),
	}
}

func criticalOrHigh(c plan.Criticality) bool {
	return c == plan.CriticalityCritical || c == plan.CriticalityHigh
}

func thirdPartyCriteria() []Criterion {
	outOfHours := func(s *state, want func(plan.Criticality) bool) []Gap {
		var gs []Gap
		for i, t := range s.ws.ThirdParties {
			if want(t.Criticality) && !reachableOutOfHours(t.Contacts) {
				gs = append(gs, gap(at("thirdParties", i, "contacts"), "%s (%s %s) has no contact marked out-of-hours", orID(t.Name, t.ID), t.Criticality, t.ServiceClass))
			}
		}
		return gs
	}
	return []Criterion{
		{
			ID: "TP-1.1", Dimension: DimThirdParties, Level: 1,
			Title:          "At least one third party is listed.",
			Missing:        "No third parties are listed.",
			Why:            "Web products run on suppliers (cloud, database, DNS, CDN); in their outages the first question is how to reach them.",
			Recommendation: "List every supplier the product cannot run without, with its service class and criticality.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: func(s *state) []Gap {
				if len(s.ws.ThirdParties) == 0 {
					return []Gap{gap("thirdParties", "the plan lists no third parties")}
				}
				return nil
			},
		},
		{
			ID: "TP-2.1", Dimension: DimThirdParties, Level: 2,
			Title:          "Every third party has at least one contact.",
			Missing:        "A third party has no contact.",
			Why:            "A supplier with no contact route turns a five-minute support case into a search through old emails and invoices.",
			Recommendation: "Record the support portal, phone line and account-manager email for each supplier, with what each is for.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, t := range s.ws.ThirdParties {
					if !slices.ContainsFunc(t.Contacts, func(c plan.Contact) bool { return !blank(c.Value) }) {
						gs = append(gs, gap(at("thirdParties", i, "contacts"), "%s has no contact", orID(t.Name, t.ID)))
					}
				}
				return gs
			},
		},
		{
			ID: "TP-2.2", Dimension: DimThirdParties, Level: 2,
			Title:          "Every critical third party can be reached out of hours.",
			Missing:        "A third party critical to the product has no out-of-hours contact.",
			Why:            "Critical suppliers fail at night and at weekends too. If the only routes are business-hours tickets, an outage that starts on Friday evening waits until Monday morning for the supplier.",
			Recommendation: "Record a 24/7 route (support line, priority ticket, emergency contact) and mark it out-of-hours. If the support plan has none, upgrade it, or document and rehearse the failover that makes you independent of the supplier.",
			Severity:       SeverityCritical, Effort: EffortMedium,
			check: func(s *state) []Gap {
				return outOfHours(s, func(c plan.Criticality) bool { return c == plan.CriticalityCritical })
			},
		},
		{
			ID: "TP-2.3", Dimension: DimThirdParties, Level: 2,
			Title:          "The cloud (hosting) and DNS providers are listed.",
			Missing:        "The hosting or DNS provider is not listed.",
			Why:            "Every web product depends on hosting and DNS. An unlisted provider has no contacts or criticality recorded, and scenarios that need it cannot be bound to the plan.",
			Recommendation: "Add the hosting and DNS providers (even when one company supplies both) with their contacts. If you self-host, mark this criterion N/A with that reason.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				have := map[plan.ServiceClass]bool{}
				for _, t := range s.ws.ThirdParties {
					have[t.ServiceClass] = true
				}
				var gs []Gap
				for _, c := range []plan.ServiceClass{plan.ServiceCloud, plan.ServiceDNS} {
					if !have[c] {
						gs = append(gs, gap("thirdParties", "no %s provider is listed", c))
					}
				}
				return gs
			},
		},
		{
			ID: "TP-3.1", Dimension: DimThirdParties, Level: 3,
			Title:          "Every critical or high third party has a status page recorded.",
			Missing:        "A critical or high third party has no status page recorded.",
			Why:            "A status page answers \"is it them or us?\" in seconds and is where suppliers post updates and ETAs.",
			Recommendation: "Record each supplier's status page and subscribe the incident channel to it.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, t := range s.ws.ThirdParties {
					if criticalOrHigh(t.Criticality) && blank(t.StatusPage) {
						gs = append(gs, gap(at("thirdParties", i, "statusPage"), "%s (%s) has no status page recorded", orID(t.Name, t.ID), t.Criticality))
					}
				}
				return gs
			},
		},
		{
			ID: "TP-3.2", Dimension: DimThirdParties, Level: 3,
			Title:          "Every critical or high third party has its support plan and account reference recorded.",
			Missing:        "A critical or high third party has no support plan or account reference.",
			Why:            "Support lines ask for the account reference first, and the support plan says what response to expect and whether 24/7 help is included at all.",
			Recommendation: "Record the support plan (response times and hours) and the account or tenant ID for each critical and high supplier.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, t := range s.ws.ThirdParties {
					if !criticalOrHigh(t.Criticality) {
						continue
					}
					if blank(t.SupportPlan) {
						gs = append(gs, gap(at("thirdParties", i, "supportPlan"), "%s has no support plan recorded", orID(t.Name, t.ID)))
					}
					if blank(t.AccountRef) {
						gs = append(gs, gap(at("thirdParties", i, "accountRef"), "%s has no account reference recorded", orID(t.Name, t.ID)))
					}
				}
				return gs
			},
		},
		{
			ID: "TP-3.3", Dimension: DimThirdParties, Level: 3,
			Title:          "Under 24/7 cover, every high-criticality third party can also be reached out of hours.",
			Missing:        "A high-criticality third party has no out-of-hours contact under 24/7 cover.",
			Why:            "A 24/7 service that depends on a supplier answered only in office hours is not really 24/7.",
			Recommendation: "Record a 24/7 contact for each high supplier and mark it out-of-hours, or agree and document a workaround that does not need them at night.",
			Severity:       SeverityMedium, Effort: EffortMedium,
			check: func(s *state) []Gap {
				if !s.is24x7 {
					return nil
				}
				return outOfHours(s, func(c plan.Criticality) bool { return c == plan.CriticalityHigh })
			},
		},
		{
			ID: "TP-3.4", Dimension: DimThirdParties, Level: 3,
			Title:          "A supplier-liaison role is staffed.",
			Missing:        "Nobody owns supplier liaison during incidents.",
			Why:            "Someone must own supplier cases during an incident so engineers keep fixing while the case is chased and escalated.",
			Recommendation: "Give a role (platform lead, service delivery manager) the supplier-liaison function, with at least one person.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				if !s.staffedWith(plan.FunctionSupplierManager) {
					return []Gap{gap("roles", "no staffed role carries the supplier-liaison function")}
				}
				return nil
			},
		},
		exercised("TP-4.1", DimThirdParties, "Contacting a third party",
			"Supplier contacts rot: numbers change, support PINs are lost, plans lapse. An exercise is the cheap way to find out before an outage does.",
			"Have the team actually open a (test) case with a critical supplier during the next exercise and time it against the support plan."),
	}
}

func coverCriteria() []Criterion {
	return []Criterion{
		{
			ID: "COV-1.1", Dimension: DimCover, Level: 1,
			Title:          "The plan states when incidents are responded to: 24/7, or set business hours.",
			Missing:        "Cover hours are not stated.",
			Why:            "Reporters, customers and contracts all need to know whether a 2 a.m. outage gets a response at 2 a.m.",
			Recommendation: "Set the coverage mode; for business-hours cover, set the days and the start and end times.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: func(s *state) []Gap {
				c := s.ws.Coverage
				switch c.Mode {
				case plan.Coverage24x7:
					return nil
				case plan.CoverageBusinessHours:
					if len(c.BusinessHours.Days) == 0 || blank(c.BusinessHours.Start) || blank(c.BusinessHours.End) {
						return []Gap{gap("coverage.businessHours", "business-hours cover is declared without days and start and end times")}
					}
					return nil
				}
				return []Gap{gap("coverage.mode", "cover mode %q is neither business hours nor 24/7", c.Mode)}
			},
		},
		{
			ID: "COV-2.1", Dimension: DimCover, Level: 2,
			Title:          "A 24/7 service has an on-call rota.",
			Missing:        "24/7 cover is declared with no on-call rota.",
			Why:            "Declaring 24/7 cover without a rota means nobody is actually paged at night.",
			Recommendation: "Add on-call shifts covering every hour of the week, each with a role and people.",
			Severity:       SeverityCritical, Effort: EffortMedium,
			check: func(s *state) []Gap {
				if s.is24x7 && len(s.ws.Coverage.Rota.Shifts) == 0 {
					return []Gap{gap("coverage.rota.shifts", "24/7 cover is declared but the rota has no shifts")}
				}
				return nil
			},
		},
		{
			ID: "COV-2.2", Dimension: DimCover, Level: 2,
			Title:          "Every on-call shift has someone on it.",
			Missing:        "An on-call shift has nobody on it.",
			Why:            "A shift with no members pages nobody, and the gap is invisible until it matters.",
			Recommendation: "Assign at least one person to each shift, or remove the shift.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, sh := range s.ws.Coverage.Rota.Shifts {
					if !slices.ContainsFunc(sh.Members, func(m string) bool { _, ok := s.people[m]; return ok }) {
						gs = append(gs, gap(at("coverage.rota.shifts", i, "members"), "shift %s has nobody on it", orID(sh.Name, sh.ID)))
					}
				}
				return gs
			},
		},
		{
			ID: "COV-2.3", Dimension: DimCover, Level: 2,
			Title:          "The rota covers every hour the plan promises: the whole week under 24/7 cover, business hours otherwise.",
			Missing:        "24/7 cover is declared but the rota has holes.",
			Why:            "An uncovered hour means a page nobody receives: an outage in that window runs unseen until the next shift starts.",
			Recommendation: "Extend or add shifts so every hour is covered; check shifts that end at midnight and shifts that run past midnight into the next day.",
			Severity:       SeverityCritical, Effort: EffortMedium,
			check: func(s *state) []Gap {
				if len(s.ws.Coverage.Rota.Shifts) == 0 {
					return nil // no rota at all: COV-2.1
				}
				var gs []Gap
				for _, h := range s.ws.Coverage.Holes() {
					gs = append(gs, gap("coverage.rota.shifts", "nobody is on call %s (%s a week)", h, h.Length))
				}
				return gs
			},
		},
		{
			ID: "COV-2.4", Dimension: DimCover, Level: 2,
			Title:          "Everyone on the on-call rota can be reached out of hours.",
			Missing:        "Someone on the rota has no out-of-hours contact.",
			Why:            "On call means being woken; a rota member with only a work email or office phone cannot be.",
			Recommendation: "Record a mobile or pager contact marked out-of-hours for every rota member.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: func(s *state) []Gap {
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
							gs = append(gs, gap(at("people", pi, "contacts"), "%s is on the rota but has no out-of-hours contact", orID(p.Name, p.ID)))
						}
					}
				}
				return gs
			},
		},
		{
			ID: "COV-3.1", Dimension: DimCover, Level: 3,
			Title:          "Every on-call shift rotates between at least two people.",
			Missing:        "An on-call shift depends on one person.",
			Why:            "A one-person shift is a single point of failure and burns that person out; illness or leave leaves it empty.",
			Recommendation: "Put at least two people on each shift so it rotates, and make swaps in the paging tool rather than by private agreement.",
			Severity:       SeverityMedium, Effort: EffortMedium,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, sh := range s.ws.Coverage.Rota.Shifts {
					if n := len(sh.Members); n == 1 {
						gs = append(gs, gap(at("coverage.rota.shifts", i, "members"), "shift %s has only %s on it", orID(sh.Name, sh.ID), s.personName(sh.Members[0])))
					}
				}
				return gs
			},
		},
		{
			ID: "COV-3.2", Dimension: DimCover, Level: 3,
			Title:          "Shift hand-over is described.",
			Missing:        "Shift hand-over is not described.",
			Why:            "Hand-over is where open incidents, changes in flight and \"watch this\" items get lost.",
			Recommendation: "Describe the hand-over: when and where, what is passed on, and how long the outgoing engineer stays reachable.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: func(s *state) []Gap {
				r := s.ws.Coverage.Rota
				if len(r.Shifts) == 0 || !blank(r.Handover) {
					return nil
				}
				if !slices.ContainsFunc(r.Shifts, func(sh plan.Shift) bool { return blank(sh.Handover) }) {
					return nil
				}
				return []Gap{gap("coverage.rota.handover", "the rota does not describe how shifts hand over")}
			},
		},
		{
			ID: "COV-3.3", Dimension: DimCover, Level: 3,
			Title:          "The time zone of the cover hours and rota is set.",
			Missing:        "The rota's time zone is not set.",
			Why:            "Shift times without a zone are ambiguous across daylight-saving changes and for staff working abroad.",
			Recommendation: "Set the IANA time zone (for example Europe/London) the rota and business hours are written in.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: func(s *state) []Gap {
				if (s.is24x7 || len(s.ws.Coverage.Rota.Shifts) > 0) && blank(s.ws.Coverage.TimeZone) {
					return []Gap{gap("coverage.timeZone", "no time zone is set for the rota")}
				}
				return nil
			},
		},
		{
			ID: "COV-3.4", Dimension: DimCover, Level: 3,
			Title:          "Everyone on a shift holds the shift's role.",
			Missing:        "A shift member does not hold the shift's role.",
			Why:            "Scenarios and escalation rules page roles: a rota member outside the role is never paged by them, while role members off the rota are paged when not on call.",
			Recommendation: "Add each shift member to the shift's role, or correct the shift's role.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, sh := range s.ws.Coverage.Rota.Shifts {
					r, _ := s.role(sh.Role)
					if r == nil {
						gs = append(gs, gap(at("coverage.rota.shifts", i, "role"), "shift %s names role %q, which is not in the plan", orID(sh.Name, sh.ID), sh.Role))
						continue
					}
					for j, m := range sh.Members {
						if !slices.Contains(r.Members, m) {
							gs = append(gs, gap(at(at("coverage.rota.shifts", i, "members"), j, ""), "%s is on shift %s but not in the %s role", s.personName(m), orID(sh.Name, sh.ID), orID(r.Name, r.ID)))
						}
					}
				}
				return gs
			},
		},
		{
			ID: "COV-3.5", Dimension: DimCover, Level: 3,
			Title:          "The roles on the rota carry the on-call function.",
			Missing:        "A rota role does not carry the on-call function.",
			Why:            "Scenarios bind \"the on-call engineer\" to roles with the on-call function; without it exercises cannot find who is paged.",
			Recommendation: "Give each role used on the rota the on-call function.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				seen := map[string]bool{}
				for _, sh := range s.ws.Coverage.Rota.Shifts {
					r, ri := s.role(sh.Role)
					if r == nil || seen[r.ID] {
						continue
					}
					seen[r.ID] = true
					if !slices.Contains(r.Functions, plan.FunctionOnCall) {
						gs = append(gs, gap(at("roles", ri, "functions"), "%s is on the rota but does not carry the on-call function", orID(r.Name, r.ID)))
					}
				}
				return gs
			},
		},
		exercised("COV-4.1", DimCover, "Acknowledging a page",
			"Paging apps, phones on silent and informal rota swaps fail in ways no document shows; exercising acknowledgement proves someone actually answers.",
			"Start the next exercise with an unannounced out-of-hours page to the on-call engineer and time the acknowledgement against the Sev 1 target."),
	}
}

func commsCriteria() []Criterion {
	return []Criterion{
		{
			ID: "COM-1.1", Dimension: DimComms, Level: 1,
			Title:          "At least one stakeholder is in the communication plan.",
			Missing:        "There is no stakeholder communication plan.",
			Why:            "Silence during an incident gets filled with guesses: customers flood the service desk and executives hear about it from customers.",
			Recommendation: "List at least the internal staff channel and the customer contact list, with the role that owns each.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: func(s *state) []Gap {
				if len(s.ws.Stakeholders) == 0 {
					return []Gap{gap("stakeholders", "the communication plan has no stakeholders")}
				}
				return nil
			},
		},
		{
			ID: "COM-2.1", Dimension: DimComms, Level: 2,
			Title:          "Internal and customer stakeholders are both in the plan.",
			Missing:        "Internal staff or customers are missing from the communication plan.",
			Why:            "Staff and customers need different messages at different times; a plan with only one leaves the other uninformed.",
			Recommendation: "Add the missing group: an internal channel for staff, and a customer list or status page for users.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				have := map[plan.StakeholderKind]bool{}
				for _, st := range s.ws.Stakeholders {
					have[st.Kind] = true
				}
				var gs []Gap
				if !have[plan.StakeholderInternal] {
					gs = append(gs, gap("stakeholders", "no internal stakeholder is in the plan"))
				}
				if !have[plan.StakeholderCustomer] && !have[plan.StakeholderPublic] {
					gs = append(gs, gap("stakeholders", "no customer or public stakeholder is in the plan"))
				}
				return gs
			},
		},
		{
			ID: "COM-2.2", Dimension: DimComms, Level: 2,
			Title:          "A communications role is staffed (internal or customer comms function).",
			Missing:        "No role owns incident communications.",
			Why:            "Without a comms owner the incident manager writes updates while running the response, and both suffer.",
			Recommendation: "Give a role the internal-comms and customer-comms functions and put at least two people in it.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: func(s *state) []Gap {
				if !s.staffedWith(plan.FunctionInternalComms, plan.FunctionCustomerComms) {
					return []Gap{gap("roles", "no staffed role carries the internal-comms or customer-comms function")}
				}
				return nil
			},
		},
		{
			ID: "COM-2.3", Dimension: DimComms, Level: 2,
			Title:          "Every stakeholder is owned by a role that has people in it.",
			Missing:        "A stakeholder's owner role is missing or empty.",
			Why:            "A stakeholder whose owner role is empty is never updated: everyone assumes someone else is doing it.",
			Recommendation: "Set each stakeholder's owner role to a staffed role, normally the comms lead (or the DPO for regulators).",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, st := range s.ws.Stakeholders {
					if !s.roleStaffed(st.OwnerRole) {
						gs = append(gs, gap(at("stakeholders", i, "ownerRole"), "%s's owner role %q does not exist or has nobody in it", orID(st.Name, st.ID), st.OwnerRole))
					}
				}
				return gs
			},
		},
		{
			ID: "COM-2.4", Dimension: DimComms, Level: 2,
			Title:          "Every stakeholder has an address: channel, list, number or URL.",
			Missing:        "A stakeholder has no address.",
			Why:            "Under pressure nobody should be hunting for the customer mailing list or the status-page login.",
			Recommendation: "Record where updates go for each stakeholder: the chat channel, mailing list, SMS group or status page URL.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, st := range s.ws.Stakeholders {
					if blank(st.Address) {
						gs = append(gs, gap(at("stakeholders", i, "address"), "%s has no address", orID(st.Name, st.ID)))
					}
				}
				return gs
			},
		},
		{
			ID: "COM-3.1", Dimension: DimComms, Level: 3,
			Title:          "Every stakeholder other than regulators has an update cadence at the most severe level.",
			Missing:        "A stakeholder has no update cadence for the most severe incidents.",
			Why:            "A cadence is a promise (\"next update in 30 minutes\") that stops stakeholders chasing the team; exercises time it.",
			Recommendation: "Set how often each stakeholder is updated at Sev 1 (and Sev 2), matching the severity's update target where you can.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				top := max(s.mostSevere, 1)
				var gs []Gap
				for i, st := range s.ws.Stakeholders {
					if st.Kind == plan.StakeholderRegulator {
						continue
					}
					if !slices.ContainsFunc(st.Cadence, func(c plan.Cadence) bool { return c.Severity == top && c.Every > 0 }) {
						gs = append(gs, gap(at("stakeholders", i, "cadence"), "%s has no update cadence at Sev %d", orID(st.Name, st.ID), top))
					}
				}
				return gs
			},
		},
		{
			ID: "COM-3.2", Dimension: DimComms, Level: 3,
			Title:          "Every stakeholder has a message template.",
			Missing:        "A stakeholder has no message template.",
			Why:            "Templates make first updates fast and consistent and keep speculation about causes out of them.",
			Recommendation: "Write a short template per stakeholder: what is happening, who is affected, what to do now, when the next update comes.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: func(s *state) []Gap {
				var gs []Gap
				for i, st := range s.ws.Stakeholders {
					if blank(st.Template) {
						gs = append(gs, gap(at("stakeholders", i, "template"), "%s has no message template", orID(st.Name, st.ID)))
					}
				}
				return gs
			},
		},
		{
			ID: "COM-3.3", Dimension: DimComms, Level: 3,
			Title:          "Executives are in the communication plan.",
			Missing:        "Executives are not in the communication plan.",
			Why:            "Executives who learn of a major incident from a customer lose trust in the response and step in, usually unhelpfully.",
			Recommendation: "Add the executive team as a stakeholder with brief SMS or chat updates at Sev 1 and 2.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: func(s *state) []Gap {
				if !slices.ContainsFunc(s.ws.Stakeholders, func(st plan.Stakeholder) bool { return st.Kind == plan.StakeholderExecutive }) {
					return []Gap{gap("stakeholders", "no executive stakeholder is in the plan")}
				}
				return nil
			},
		},
		exercised("COM-4.1", DimComms, "Stakeholder updates",
			"Update cadences are the first thing to slip under pressure; exercising them shows whether the comms lead can keep the promised rhythm with the templates.",
			"Time the first update and the cadence in the next exercise, using the real templates and channels (with a test audience)."),
	}
}

// exercised builds a dimension's level-4 criterion: its tasks were tested
// in the last 12 months and the most recent run that tested them rated
// them P or S.
func exercised(id string, dim DimensionID, what, why, rec string) Criterion {
	return Criterion{
		ID: id, Dimension: dim, Level: 4,
		Title:          what + " was exercised in the last 12 months and the latest exercise of it was rated P or S.",
		Missing:        what + " has not been exercised recently with a good rating.",
		Why:            why,
		Recommendation: rec,
		Severity:       SeverityMedium, Effort: EffortMedium,
		check: func(s *state) []Gap {
			r := s.ex.latest[dim]
			if r == nil {
				return []Gap{gap("runs", "no exercise since %s included a task testing this (kinds: %s)", s.since, strings.Join(kindsFor(dim), ", "))}
			}
			if !r.Rating.Good() {
				return []Gap{gap(r.RunPath, "rated %s (score %.2f over %d tasks) in run %s on %s", r.Rating, r.Score, r.Tasks, r.RunID, r.Date)}
			}
			return nil
		},
	}
}
