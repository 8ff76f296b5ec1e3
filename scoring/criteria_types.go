package scoring

import (
	"slices"
	"strings"
	"unicode"

	"drillbook/plan"
)

func typesCriteria() []Criterion {
	return []Criterion{
		{
			ID: "TYP-1.1", Dimension: DimTypes, Level: 1,
			Title:          "At least one incident type is defined.",
			Missing:        "No incident types are defined.",
			Why:            "Without named incident types nobody can tell whether what they are seeing should start the incident procedure, so reports stall or reach the wrong people.",
			Recommendation: "Start with the types the seed checklist names: a security incident, a service outage, a critical supplier outage and a personal data breach, each with a one-line description.",
			Severity:       SeverityCritical, Effort: EffortSmall,
			check: oneIncidentTypeDefined,
		},
		{
			ID: "TYP-2.1", Dimension: DimTypes, Level: 2,
			Title:          "Every incident type has declaration criteria that say what to observe.",
			Missing:        "An incident type has no declaration criteria.",
			Why:            "Criteria turn \"something looks wrong\" into \"invoke the procedure\". Without them people wait, or declare inconsistently, and every clock (escalation, customer updates, regulator deadlines) starts late.",
			Recommendation: "Write 3–5 observable criteria per type with thresholds (error rate, duration, number of users or customers affected) so anyone on the rota applies them the same way.",
			Severity:       SeverityHigh, Effort: EffortSmall,
			check: everyIncidentTypeHasDeclarationCriteria,
		},
		{
			ID: "TYP-2.2", Dimension: DimTypes, Level: 2,
			Title:          "Every incident type has at least one staffed role responsible (R) for responding to it.",
			Missing:        "An incident category has no responder.",
			Why:            "An incident of a type nobody is responsible for lands on whoever notices it: response depends on goodwill and the first hour goes on finding an owner.",
			Recommendation: "In the responsibility matrix give each incident type at least one Responsible role with people in it, usually the on-call engineer or the specialist lead for that type.",
			Severity:       SeverityCritical, Effort: EffortSmall,
			check: typesHaveStaffedResponder,
		},
		{
			ID: "TYP-2.3", Dimension: DimTypes, Level: 2,
			Title:          "The core incident categories are covered: security, availability and information governance.",
			Missing:        "A core incident category has no incident type.",
			Why:            "Every web product meets an attack, an outage and a personal data breach sooner or later. A category without a type has no criteria, responders or reporting duties when it happens.",
			Recommendation: "Add an incident type for each missing category. If one truly cannot happen (for example no personal data is processed), mark this criterion N/A with that reason.",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: coreCategoriesCovered,
		},
		{
			ID: "TYP-3.1", Dimension: DimTypes, Level: 3,
			Title:          "Every incident type has exactly one accountable (A) role.",
			Missing:        "An incident type has no single accountable role.",
			Why:            "One accountable role per type settles who owns the outcome and signs off closure; with none, decisions are deferred, and with two they are contradicted.",
			Recommendation: "Mark exactly one role A for each incident type: normally the specialist lead (security lead for security, DPO for data breaches, incident manager for outages).",
			Severity:       SeverityMedium, Effort: EffortSmall,
			check: typesHaveOneAccountableRole,
		},
		{
			ID: "TYP-3.2", Dimension: DimTypes, Level: 3,
			Title:          "Every incident type has at least one worked example.",
			Missing:        "An incident type has no examples.",
			Why:            "Examples calibrate judgement: staff recognise \"a practice manager's account sends 300 messages overnight\" far faster than an abstract criterion.",
			Recommendation: "Add two or three short, realistic examples per type, ideally drawn from past incidents and near misses.",
			Severity:       SeverityLow, Effort: EffortSmall,
			check: typesHaveExamples,
		},
		{
			ID: "TYP-4.1", Dimension: DimTypes, Level: 4,
			Title:          "Every incident category in the plan has been exercised in the last 12 months.",
			Missing:        "An incident category has not been exercised in the last 12 months.",
			Why:            "A category never rehearsed is assured on paper only: the first real incident tests its criteria, responders and reporting duties at the worst possible time.",
			Recommendation: "Schedule a tabletop exercise for each unexercised category in the next exercise cycle; rotate categories so each is played at least once a year.",
			Severity:       SeverityMedium, Effort: EffortMedium,
			check: categoriesExercisedRecently,
		},
	}
}

// oneIncidentTypeDefined checks TYP-1.1: at least one incident type is defined.
func oneIncidentTypeDefined(s *state) []Gap {
	return noneIn(s.ws.IncidentTypes, "incidentTypes", "the plan has no incident types")
}

// everyIncidentTypeHasDeclarationCriteria checks TYP-2.1: every incident type has declaration criteria.
func everyIncidentTypeHasDeclarationCriteria(s *state) []Gap {
	return eachItem(s.ws.IncidentTypes, "incidentTypes", func(t *plan.IncidentType, add addGap) {
		switch {
		case !anyText(t.Criteria):
			add("criteria", "%s has no declaration criteria", plan.OrID(t.Name, t.ID))
		case !slices.ContainsFunc(t.Criteria, observable):
			add("criteria", "%s's criteria (%q) restate the type instead of saying what to observe", plan.OrID(t.Name, t.ID), t.Criteria[0])
		}
	})
}

// typesHaveStaffedResponder checks TYP-2.2: every incident type has at least one staffed role responsible (R) for responding to it.
func typesHaveStaffedResponder(s *state) []Gap {
	return s.eachTypeWith(plan.Responsible, func(t *plan.IncidentType, rs []string, add addGap) {
		switch {
		case len(rs) == 0:
			add("", "%s has no Responsible role in the responsibility matrix", plan.OrID(t.Name, t.ID))
		case !slices.ContainsFunc(rs, s.roleStaffed):
			add("", "%s's Responsible roles (%s) have nobody in them", plan.OrID(t.Name, t.ID), strings.Join(rs, ", "))
		}
	})
}

// coreCategoriesCovered checks TYP-2.3: the core incident categories are covered: security, availability and information governance.
func coreCategoriesCovered(s *state) []Gap {
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
}

// typesHaveOneAccountableRole checks TYP-3.1: every incident type has exactly one accountable (A) role.
func typesHaveOneAccountableRole(s *state) []Gap {
	return s.eachTypeWith(plan.Accountable, func(t *plan.IncidentType, a []string, add addGap) {
		switch {
		case len(a) == 0:
			add("", "%s has no accountable role", plan.OrID(t.Name, t.ID))
		case len(a) > 1:
			add("", "%s has %d accountable roles (%s)", plan.OrID(t.Name, t.ID), len(a), strings.Join(a, ", "))
		}
	})
}

// typesHaveExamples checks TYP-3.2: every incident type has at least one worked example.
func typesHaveExamples(s *state) []Gap {
	return eachItem(s.ws.IncidentTypes, "incidentTypes", func(t *plan.IncidentType, add addGap) {
		if !anyText(t.Examples) {
			add("examples", "%s has no examples", plan.OrID(t.Name, t.ID))
		}
	})
}

// categoriesExercisedRecently checks TYP-4.1: every incident category in the plan has been exercised in the last 12 months.
func categoriesExercisedRecently(s *state) []Gap {
	played := map[plan.Category]bool{}
	for _, i := range s.ex.recent {
		played[s.ws.Runs[i].Category] = true
	}
	seen := map[plan.Category]bool{}
	return eachItem(s.ws.IncidentTypes, "incidentTypes", func(t *plan.IncidentType, add addGap) {
		if !seen[t.Category] && !played[t.Category] {
			seen[t.Category] = true
			add("category", "no %s exercise since %s (e.g. %s)", t.Category, s.since, plan.OrID(t.Name, t.ID))
		}
	})
}

// observable reports whether a declaration criterion says what to look
// for: a threshold (it has a number) or a condition of at least five words.
// "Any security issue." restates the type; "Error rate above 5% for 10
// minutes" and "Customer personal data sent to the wrong recipient" do not.
func observable(c string) bool {
	if plan.Placeholder(c) {
		return false
	}
	if strings.ContainsFunc(c, unicode.IsDigit) {
		return true
	}
	return len(strings.Fields(c)) >= 5
}
