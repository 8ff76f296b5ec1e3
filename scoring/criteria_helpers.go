package scoring

import (
	"slices"

	"drillbook/plan"
)

// The shapes the criteria share. Most checks walk one list of the plan and
// add a gap at a field of each item that breaks the rule; the rest add one
// gap when the plan as a whole lacks something. These helpers hold the
// walking and the paths, so each criterion is written as its rule.

// addGap adds a gap at a field below the item being checked ("address",
// "targets.resolve", "members[2]"; "" for the item itself).
type addGap func(field, format string, a ...any)

// eachItem applies rule to every item of the plan list found at path base
// ("stakeholders", "coverage.rota.shifts") and returns the gaps it adds, in
// list order. Paths are built only for gaps: a large plan has tens of
// thousands of items that pass.
func eachItem[T any](list []T, base string, rule func(item *T, add addGap)) []Gap {
	var gs []Gap
	i := 0
	add := func(field, format string, a ...any) {
		gs = append(gs, gap(at(base, i, field), format, a...))
	}
	for i = range list {
		rule(&list[i], add)
	}
	return gs
}

// gapIf is the one gap of a whole-plan rule, when the rule is broken.
func gapIf(broken bool, path, format string, a ...any) []Gap {
	if !broken {
		return nil
	}
	return []Gap{gap(path, format, a...)}
}

// noneIn is the gap of a level-1 criterion ("at least one X") when the
// plan's list at path is empty.
func noneIn[T any](list []T, path, what string) []Gap {
	if len(list) > 0 {
		return nil
	}
	return []Gap{{Path: path, What: what}}
}

// unstaffed is the gap of a criterion that wants some staffed role to
// carry one of the functions.
func (s *state) unstaffed(fns ...plan.Function) []Gap {
	names := make([]string, len(fns))
	for i, f := range fns {
		names[i] = plan.Words(string(f))
	}
	return gapIf(!s.staffedWith(fns...), "roles", "no staffed role carries the %s function", orList(names))
}

// anyText reports whether some entry of a list (criteria, examples) is
// real text rather than a placeholder.
func anyText(list []string) bool {
	return slices.ContainsFunc(list, func(t string) bool { return !plan.Placeholder(t) })
}

// eachTypeWith applies rule to every incident type with the roles that
// hold the RACI code for it, in the matrix's order.
func (s *state) eachTypeWith(code plan.RACI, rule func(t *plan.IncidentType, roles []string, add addGap)) []Gap {
	holders := map[string][]string{}
	for _, r := range s.ws.Responsibilities {
		if r.RACI == code {
			holders[r.IncidentType] = append(holders[r.IncidentType], r.Role)
		}
	}
	return eachItem(s.ws.IncidentTypes, "incidentTypes", func(t *plan.IncidentType, add addGap) {
		rule(t, holders[t.ID], add)
	})
}

// rolesHolding returns the roles that hold one of the RACI codes for some
// incident type.
func (s *state) rolesHolding(codes ...plan.RACI) map[string]bool {
	m := map[string]bool{}
	for _, r := range s.ws.Responsibilities {
		if slices.Contains(codes, r.RACI) {
			m[r.Role] = true
		}
	}
	return m
}

// rotaPeople counts the distinct people in the plan who are on some shift
// of the rota.
func (s *state) rotaPeople() int {
	people := map[string]bool{}
	for _, sh := range s.ws.Coverage.Rota.Shifts {
		for _, m := range sh.Members {
			if _, ok := s.people[m]; ok {
				people[m] = true
			}
		}
	}
	return len(people)
}
