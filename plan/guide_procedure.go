package plan

import (
	"fmt"
	"strings"
)

// guide is the question list; the prompts quote the seed article's
// checklists so the guided mode reads as the method it implements.
var guide = []Question{
	// Step 1: the procedure.
	{ID: "incident-types", Step: 1, Title: "Incident types",
		Prompt: "What are the different types of incidents that are relevant to your organisation? Consider security, availability, information governance, clinical safety etc.",
		Help:   "List each kind of incident you respond to, with its category. The defaults give one per category to rename, adapt or remove.",
		Parts:  []string{"incidentTypes"}, check: checkIncidentTypes},
	{ID: "criteria", Step: 1, Title: "What is an incident",
		Prompt: "What constitutes an incident that requires invoking the incident management procedure?",
		Help:   "For each incident type write declaration criteria: observable conditions, any one of which means the incident procedure starts.",
		Parts:  []string{"incidentTypes"}, check: checkCriteria},
	{ID: "reporting", Step: 1, Title: "Reporting incidents",
		Prompt: "How are incidents reported?",
		Help:   "List the routes by which staff, customers and monitoring raise a possible incident, and when each one is read. Tell reporters what to include.",
		Parts:  []string{"reporting"}, check: checkReporting},
	{ID: "severities", Step: 1, Title: "Criticality levels",
		Prompt: "What are the criticality levels of incidents?",
		Help:   "Define severity levels (1 is the most severe), each with targets to acknowledge, give a first update, update regularly and resolve.",
		Parts:  []string{"severities"}, check: checkSeverities},
	{ID: "third-parties", Step: 1, Title: "Third parties",
		Prompt: "What are the 3rd parties that you likely need to liaise with when responding to incidents? How do you contact them?",
		Help:   "Think of your cloud provider and other suppliers critical to your product: database, DNS and CDN providers and so on. Record how to reach each, including out of hours.",
		Parts:  []string{"thirdParties"}, check: checkThirdParties},
	{ID: "coverage", Step: 1, Title: "24/7 and on call",
		Prompt: "Do you need to respond to incidents 24/7? If yes, do you have an on call schedule?",
		Help:   "Choose business hours or 24/7 cover. For 24/7, the on-call rota's shifts should cover every hour of the week.",
		Parts:  []string{"coverage"}, check: checkCoverage},
	{ID: "communication", Step: 1, Title: "Communication plan",
		Prompt: "What is the communication plan for stakeholders?",
		Help:   "For each group to keep informed, say how they are told, which role owns their updates and how often they are updated at each severity.",
		Parts:  []string{"stakeholders"}, check: checkCommunication},

	// Step 2: roles, responsibilities and escalation.
	{ID: "responders", Step: 2, Title: "Who responds",
		Prompt: "Who in your organisation must respond to the different types of incidents you can encounter?",
		Help:   "Fill in the responsibility matrix: for each incident type, which roles are Responsible, Accountable, Consulted or Informed. Every type needs a Responsible role with people in it.",
		Parts:  []string{"responsibilities", "roles"}, check: checkResponders},
	{ID: "on-call-members", Step: 2, Title: "Who is on call",
		Prompt: "If you have an on call schedule, who is in it?",
		Help:   "Put people on every on-call shift; the first listed is the primary.",
		Parts:  []string{"coverage.rota.shifts"}, check: checkOnCallMembers},
	{ID: "comms", Step: 2, Title: "Who handles communications",
		Prompt: "In case of an incident, who manages communications with internal stakeholders and customers?",
		Help:   "Give the internal-comms and customer-comms functions to a role (or two) and put people in it.",
		Parts:  []string{"roles"}, check: checkComms},
	{ID: "incident-manager", Step: 2, Title: "Incident manager",
		Prompt: "Who acts as the incident manager, and does the incident manager change when the incident is escalated?",
		Help:   "Give the incident-manager function to a role with people in it. If command passes to someone more senior on escalation, set \"hand over to\" on that escalation rule.",
		Parts:  []string{"roles", "escalationRules"}, check: checkIncidentManager},
	{ID: "triage", Step: 2, Title: "Triage",
		Prompt: "Is there a triage function and who runs it?",
		Help:   "Choose the role that assesses new reports, how it decides, and how quickly.",
		Parts:  []string{"triage"}, check: checkTriage},
	{ID: "reporting-obligations", Step: 2, Title: "Reporting to third parties",
		Prompt: "When incidents need to be reported to third parties, eg. certain customers or regulatory bodies, who sends the reports?",
		Help:   "List each duty to report (regulators, customers, insurers) with its deadline from detection and the role that sends the report.",
		Parts:  []string{"reportingObligations"}, check: checkObligations},
	{ID: "escalation", Step: 2, Title: "Escalation rules",
		Prompt: "It's worth creating very clear rules on escalation. Consider setting up a rule to escalate all high-priority incidents to more senior stakeholders of your organisation if they are not resolved within a certain time period.",
		Help:   "Add time-based rules (\"severity 1 not resolved in 30 minutes → Head of Engineering\"); at least one must escalate the most severe incidents that are not resolved in time.",
		Parts:  []string{"escalationRules"}, check: checkEscalation},

	// Step 3: playbooks.
	{ID: "playbooks", Step: 3, Title: "Playbooks per role",
		Prompt: "Your incident management procedure should include playbooks to be followed for different roles in the incident response capability.",
		Help:   "Each playbook is a series of steps one person in one role can complete, e.g. what a Cloud Engineer does in an availability incident. Every role Responsible for an incident type needs a playbook for it.",
		Parts:  []string{"playbooks"}, check: checkPlaybooks},
	{ID: "upkeep", Step: 3, Title: "Keeping playbooks up to date",
		Prompt: "It is also important that they are treated as living documents. Do you have a way of keeping them up to date, and does your team have the latest version?",
		Help:   "Give every playbook an owner and a review interval, review it before it falls due, and publish a revision when it changes.",
		Parts:  []string{"playbooks"}, check: checkUpkeep},
}

func categoryLabel(c Category) string { return strings.ReplaceAll(string(c), "-", " ") }

func checkIncidentTypes(g *guideState) answer {
	var cats []string
	named := 0
	for _, t := range g.w.IncidentTypes {
		if !Placeholder(t.Name) {
			named++
		}
		if l := categoryLabel(t.Category); l != "" && !contains(cats, l) {
			cats = append(cats, l)
		}
	}
	if named == 0 {
		return answer{summary: "No incident types yet.", todo: []string{"Add the incident types you respond to, or start from the defaults."}}
	}
	return answer{ok: true, summary: fmt.Sprintf("%s in %s: %s.", plural(named, "incident type", "incident types"), plural(len(cats), "category", "categories"), strings.Join(cats, ", "))}
}

func checkCriteria(g *guideState) answer {
	ts := g.w.IncidentTypes
	if len(ts) == 0 {
		return answer{summary: "No incident types yet.", todo: []string{"Add incident types first."}}
	}
	with, total := 0, 0
	var todo todoList
	for _, t := range ts {
		n := 0
		for _, c := range t.Criteria {
			if !Placeholder(c) {
				n++
			}
		}
		total += n
		if n > 0 {
			with++
		} else {
			todo.add("Write criteria for " + quoted(orID(t.Name, t.ID)) + ".")
		}
	}
	return answer{ok: todo.empty(), todo: todo.list(),
		summary: fmt.Sprintf("%d of %s have criteria (%s in all).", with, plural(len(ts), "incident type", "incident types"), plural(total, "criterion", "criteria"))}
}

func checkReporting(g *guideState) answer {
	r := g.w.Reporting
	var kinds []string
	n := 0
	for _, c := range r.Channels {
		if Placeholder(c.Name) {
			continue
		}
		n++
		if c.Channel != "" && !contains(kinds, string(c.Channel)) {
			kinds = append(kinds, string(c.Channel))
		}
	}
	if n == 0 {
		return answer{summary: "No reporting channels yet.", todo: []string{"Add at least one way to report an incident."}}
	}
	s := plural(n, "reporting channel", "reporting channels")
	if len(kinds) > 0 {
		s += " (" + strings.Join(kinds, ", ") + ")"
	}
	if Placeholder(r.Guidance) {
		s += "; no guidance for reporters yet."
	} else {
		s += "; guidance for reporters written."
	}
	return answer{ok: true, summary: s}
}

func checkSeverities(g *guideState) answer {
	ss := g.w.Severities
	if len(ss) == 0 {
		return answer{summary: "No severity levels yet.", todo: []string{"Add severity levels, or start from the default four-level scale."}}
	}
	var todo todoList
	complete := 0
	for _, s := range ss {
		label := fmt.Sprintf("level %d", s.Level)
		if !Placeholder(s.Name) {
			label += " (" + s.Name + ")"
		}
		if Placeholder(s.Name) {
			todo.addf("Name severity level %d.", s.Level)
		}
		var missing []string
		t := s.Targets
		for _, m := range []struct {
			d    Duration
			name string
		}{{t.Acknowledge, "acknowledge"}, {t.FirstUpdate, "first update"}, {t.UpdateCadence, "update cadence"}, {t.Resolve, "resolve"}} {
			if m.d <= 0 {
				missing = append(missing, m.name)
			}
		}
		if len(missing) == 0 {
			complete++
		} else {
			todo.addf("Set the %s target for %s.", strings.Join(missing, ", "), label)
		}
	}
	s := plural(len(ss), "severity level", "severity levels")
	switch complete {
	case len(ss):
		if len(ss) == 1 {
			s += " with targets."
		} else {
			s += ", all with targets."
		}
	case 0:
		s += ", none with all four targets."
	default:
		s += fmt.Sprintf(", %d with all four targets.", complete)
	}
	return answer{ok: todo.empty(), summary: s, todo: todo.list()}
}

func checkThirdParties(g *guideState) answer {
	tps := g.w.ThirdParties
	if len(tps) == 0 {
		return answer{summary: "No third parties yet.", todo: []string{"Add the suppliers you would need in an incident, or start from the common ones."}}
	}
	var todo todoList
	reachable, ooh := 0, 0
	for _, t := range tps {
		has, out := false, false
		for _, c := range t.Contacts {
			if !Placeholder(c.Value) {
				has = true
				out = out || c.OutOfHours
			}
		}
		if has {
			reachable++
		} else {
			todo.add("Add how to contact " + quoted(orID(t.Name, t.ID)) + ".")
		}
		if out {
			ooh++
		}
	}
	return answer{ok: todo.empty(), todo: todo.list(),
		summary: fmt.Sprintf("%s, %d with contacts, %d reachable out of hours.", plural(len(tps), "third party", "third parties"), reachable, ooh)}
}

func checkCoverage(g *guideState) answer {
	c := g.w.Coverage
	shifts := 0
	for _, sh := range c.Rota.Shifts {
		if _, _, ok := shiftSpan(sh); ok && len(sh.Days) > 0 {
			shifts++
		}
	}
	switch c.Mode {
	case Coverage24x7:
		if shifts == 0 {
			return answer{summary: "24/7 cover, but no on-call shifts with people on them.", todo: []string{"Add on-call shifts that cover the week, with people on them."}}
		}
		s := "24/7 cover; " + plural(shifts, "staffed on-call shift", "staffed on-call shifts")
		if holes := c.Holes(); len(holes) > 0 {
			s += "; not covered: " + holeList(holes) + "."
		} else {
			s += " cover the whole week."
		}
		return answer{ok: true, summary: s}
	case CoverageBusinessHours:
		bh := c.BusinessHours
		st, err1 := ParseClock(bh.Start)
		en, err2 := ParseClock(bh.End)
		if err1 != nil || err2 != nil || en <= st || daysText(bh.Days) == "" {
			return answer{summary: "Business-hours cover, but the hours are not set.", todo: []string{"Set the business hours: days, start and end."}}
		}
		s := fmt.Sprintf("Business hours: %s %s–%s", daysText(bh.Days), bh.Start, bh.End)
		if shifts > 0 {
			s += "; " + plural(shifts, "staffed on-call shift", "staffed on-call shifts")
			if holes := c.Holes(); len(holes) > 0 {
				s += "; business hours not covered: " + holeList(holes)
			}
		}
		return answer{ok: true, summary: s + "."}
	}
	return answer{summary: "Cover is not chosen.", todo: []string{"Choose business hours or 24/7 cover."}}
}

// holeList renders up to three holes and says how many more there are.
func holeList(hs []Hole) string {
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

func checkCommunication(g *guideState) answer {
	ss := g.w.Stakeholders
	if len(ss) == 0 {
		return answer{summary: "No stakeholders yet.", todo: []string{"Add the groups to keep informed, or start from the defaults."}}
	}
	var todo todoList
	withCadence := 0
	for _, s := range ss {
		name := quoted(orID(s.Name, s.ID))
		switch {
		case s.OwnerRole == "":
			todo.add("Choose the role that owns updates to " + name + ".")
		case g.x.roles[s.OwnerRole] == nil:
			todo.addf("Updates to %s are owned by unknown role %q.", name, s.OwnerRole)
		}
		for _, c := range s.Cadence {
			if c.Every > 0 {
				withCadence++
				break
			}
		}
	}
	if withCadence == 0 {
		todo.add("Say how often at least one stakeholder group is updated at each severity.")
	}
	return answer{ok: todo.empty(), todo: todo.list(),
		summary: fmt.Sprintf("%s, %d with an update cadence.", plural(len(ss), "stakeholder group", "stakeholder groups"), withCadence)}
}
