package plan

import (
	"fmt"
	"strings"
)

func checkResponders(g *guideState) answer {
	ts := g.w.IncidentTypes
	if len(ts) == 0 {
		return answer{summary: "No incident types yet.", todo: []string{"Add incident types first (step 1)."}}
	}
	rs := map[string][]string{} // incident type → roles marked R
	for _, r := range g.w.Responsibilities {
		if r.RACI == Responsible {
			rs[r.IncidentType] = append(rs[r.IncidentType], r.Role)
		}
	}
	var todo todoList
	covered := 0
	for _, t := range ts {
		name := quoted(orID(t.Name, t.ID))
		staffed := false
		for _, role := range rs[t.ID] {
			if len(g.x.staffed(role)) > 0 {
				staffed = true
				break
			}
		}
		switch {
		case staffed:
			covered++
		case len(rs[t.ID]) == 0:
			todo.add(name + ": mark a role Responsible (R).")
		default:
			todo.addf("%s: put people in the responsible role %s.", name, quoted(g.x.roleName(rs[t.ID][0])))
		}
	}
	return answer{ok: todo.empty(), todo: todo.list(),
		summary: fmt.Sprintf("%d of %s have a responsible role with people in it.", covered, plural(len(ts), "incident type", "incident types"))}
}

func checkOnCallMembers(g *guideState) answer {
	c := g.w.Coverage
	if len(c.Rota.Shifts) == 0 {
		switch c.Mode {
		case Coverage24x7:
			return answer{summary: "24/7 cover, but the rota has no shifts.", todo: []string{"Add on-call shifts first (step 1, 24/7 and on call)."}}
		case CoverageBusinessHours:
			return answer{ok: true, summary: "No on-call rota: cover is business hours only."}
		}
		return answer{summary: "No on-call rota, and cover is not chosen.", todo: []string{"Choose business hours or 24/7 cover first (step 1)."}}
	}
	var todo todoList
	var people []string
	for _, sh := range c.Rota.Shifts {
		ps := g.x.known(sh.Members)
		if len(ps) == 0 {
			todo.add("Put someone on shift " + quoted(orID(sh.Name, sh.ID)) + ".")
		}
		for _, p := range ps {
			if !contains(people, p.ID) {
				people = append(people, p.ID)
			}
		}
	}
	return answer{ok: todo.empty(), todo: todo.list(),
		summary: fmt.Sprintf("%s across %s.", plural(len(people), "person", "people"), plural(len(c.Rota.Shifts), "shift", "shifts"))}
}

// functionHolder answers "who carries function f": the summary part and,
// when nobody does, the to-do item.
func (g *guideState) functionHolder(f Function) (string, string) {
	r, ps := g.x.staffedWithFunction(f)
	switch {
	case r == nil:
		return "nobody", fmt.Sprintf("Give the %s function to a role.", f)
	case len(ps) == 0:
		return g.x.roleWithHolder(r, nil), fmt.Sprintf("Put people in %s (it carries %s).", quoted(g.x.roleName(r.ID)), f)
	}
	return g.x.roleWithHolder(r, ps), ""
}

func checkComms(g *guideState) answer {
	in, todoIn := g.functionHolder(FunctionInternalComms)
	cu, todoCu := g.functionHolder(FunctionCustomerComms)
	var todo todoList
	for _, t := range []string{todoIn, todoCu} {
		if t != "" {
			todo.add(t)
		}
	}
	return answer{ok: todo.empty(), todo: todo.list(), summary: fmt.Sprintf("Internal: %s; customers: %s.", in, cu)}
}

func checkIncidentManager(g *guideState) answer {
	im, todoIM := g.functionHolder(FunctionIncidentManager)
	var todo todoList
	if todoIM != "" {
		todo.add(todoIM)
	}
	var handovers []string
	for _, r := range g.w.EscalationRules {
		if r.HandoverTo == "" {
			continue
		}
		rule := quoted(orID(r.Name, r.ID))
		ps := g.x.staffed(r.HandoverTo)
		switch {
		case g.x.roles[r.HandoverTo] == nil:
			todo.addf("Rule %s hands over to unknown role %q.", rule, r.HandoverTo)
		case len(ps) == 0:
			todo.addf("Rule %s hands over to %s, which has nobody in it.", rule, quoted(g.x.roleName(r.HandoverTo)))
		default:
			handovers = append(handovers, fmt.Sprintf("%s by rule %s", g.x.roleWithHolder(g.x.roles[r.HandoverTo], ps), rule))
		}
	}
	s := "Incident manager: " + im
	if len(handovers) == 0 {
		s += "; does not change on escalation."
	} else {
		s += "; hands over to " + strings.Join(handovers, "; ") + "."
	}
	return answer{ok: todo.empty(), summary: s, todo: todo.list()}
}

// triageRole is the role that runs triage: the one named in the plan's
// triage section, else the first role carrying the triage function.
func (g *guideState) triageRole() *Role {
	if id := g.w.Triage.Role; id != "" {
		return g.x.roles[id]
	}
	r, _ := g.x.staffedWithFunction(FunctionTriage)
	return r
}

func checkTriage(g *guideState) answer {
	t := g.w.Triage
	r := g.triageRole()
	switch {
	case t.Role != "" && r == nil:
		return answer{summary: "Triage names an unknown role.", todo: []string{fmt.Sprintf("Triage is run by unknown role %q: choose an existing role.", t.Role)}}
	case r == nil:
		return answer{summary: "No triage role yet.", todo: []string{"Choose the role that runs triage."}}
	}
	ps := g.x.staffed(r.ID)
	s := "Triage: " + g.x.roleWithHolder(r, ps)
	if t.TargetTime > 0 {
		s += "; target " + t.TargetTime.String()
	}
	if n := len(t.Steps); n > 0 {
		s += "; " + plural(n, "step", "steps")
	}
	s += "."
	if len(ps) == 0 {
		return answer{summary: s, todo: []string{"Put people in " + quoted(g.x.roleName(r.ID)) + " (it runs triage)."}}
	}
	return answer{ok: true, summary: s}
}

func checkObligations(g *guideState) answer {
	obs := g.w.ReportingObligations
	if len(obs) == 0 {
		return answer{summary: "No reporting obligations yet.", todo: []string{"Add the regulators, customers or others you must report incidents to."}}
	}
	var todo todoList
	var owners []string
	for _, o := range obs {
		name := quoted(orID(o.Body, o.ID))
		switch {
		case o.OwnerRole == "":
			todo.add(name + ": choose the role that sends the report.")
		case g.x.roles[o.OwnerRole] == nil:
			todo.addf("%s: the report is sent by unknown role %q.", name, o.OwnerRole)
		case len(g.x.staffed(o.OwnerRole)) == 0:
			todo.addf("%s: put people in %s, who sends the report.", name, quoted(g.x.roleName(o.OwnerRole)))
		default:
			if n := g.x.roleName(o.OwnerRole); !contains(owners, n) {
				owners = append(owners, n)
			}
		}
		if o.Deadline <= 0 {
			todo.add(name + ": set the reporting deadline.")
		}
	}
	s := plural(len(obs), "reporting obligation", "reporting obligations")
	if len(owners) > 0 {
		s += "; sent by " + strings.Join(owners, ", ")
	}
	return answer{ok: todo.empty(), summary: s + ".", todo: todo.list()}
}

// mostSevere is the lowest severity level defined, 1 when there are none.
func (g *guideState) mostSevere() int {
	l := 0
	for _, s := range g.w.Severities {
		if s.Level > 0 && (l == 0 || s.Level < l) {
			l = s.Level
		}
	}
	return max(l, 1)
}

func checkEscalation(g *guideState) answer {
	rules := g.w.EscalationRules
	top := g.mostSevere()
	var todo todoList
	var key string
	for _, r := range rules {
		rule := quoted(orID(r.Name, r.ID))
		staffed := len(g.x.staffed(r.EscalateTo)) > 0
		switch {
		case r.EscalateTo == "":
			todo.add("Rule " + rule + ": choose who it escalates to.")
		case g.x.roles[r.EscalateTo] == nil:
			todo.addf("Rule %s escalates to unknown role %q.", rule, r.EscalateTo)
		case !staffed:
			todo.addf("Rule %s escalates to %s, which has nobody in it.", rule, quoted(g.x.roleName(r.EscalateTo)))
		}
		if key == "" && staffed && r.Trigger == TriggerUnresolved && r.After > 0 && contains(r.Severities, top) {
			key = fmt.Sprintf("severity %d unresolved after %s → %s", top, r.After, g.x.roleName(r.EscalateTo))
		}
	}
	if key == "" {
		todo.addf("Add a rule escalating severity %d incidents that are not resolved in time to someone more senior.", top)
	}
	s := plural(len(rules), "escalation rule", "escalation rules")
	if key != "" {
		s += "; " + key
	}
	return answer{ok: todo.empty(), summary: s + ".", todo: todo.list()}
}

func checkPlaybooks(g *guideState) answer {
	has := map[[2]string]bool{} // role × incident type with a playbook that has steps
	n := 0
	for _, p := range g.w.Playbooks {
		if len(p.Steps) == 0 {
			continue
		}
		n++
		for _, t := range p.IncidentTypes {
			has[[2]string{p.Role, t}] = true
		}
	}
	var todo todoList
	if n == 0 {
		todo.add("Write a first playbook: the steps one role takes in one kind of incident.")
	}
	need, met := 0, 0
	seen := map[[2]string]bool{}
	for _, r := range g.w.Responsibilities {
		k := [2]string{r.Role, r.IncidentType}
		if r.RACI != Responsible || seen[k] || g.x.roles[r.Role] == nil || g.x.types[r.IncidentType] == nil {
			continue
		}
		seen[k] = true
		need++
		if has[k] {
			met++
		} else {
			todo.addf("%s: no playbook for “%s”.", g.x.roleName(r.Role), g.x.typeName(r.IncidentType))
		}
	}
	return answer{ok: todo.empty(), todo: todo.list(),
		summary: fmt.Sprintf("%s with steps; %d of %s covered.", plural(n, "playbook", "playbooks"), met, plural(need, "responsibility (R)", "responsibilities (R)"))}
}

func checkUpkeep(g *guideState) answer {
	pbs := g.w.Playbooks
	if len(pbs) == 0 {
		return answer{summary: "No playbooks yet.", todo: []string{"Write playbooks first."}}
	}
	var todo todoList
	owned, scheduled, overdue := 0, 0, 0
	for i := range pbs {
		p := &pbs[i]
		name := orID(p.Title, p.ID)
		if g.x.people[p.Owner] != nil {
			owned++
		} else {
			todo.addf("“%s”: choose an owner.", name)
		}
		switch {
		case p.ReviewInterval <= 0:
			todo.addf("“%s”: set a review interval.", name)
		case p.LastReviewed.IsZero():
			todo.addf("“%s”: review it and record the date.", name)
		case !g.today.IsZero() && p.ReviewOverdue(g.today):
			overdue++
			todo.addf("“%s”: review was due on %s.", name, p.ReviewDue())
		default:
			scheduled++
		}
	}
	s := fmt.Sprintf("%s: %d with an owner, %d reviewed on schedule", plural(len(pbs), "playbook", "playbooks"), owned, scheduled)
	if overdue > 0 {
		s += fmt.Sprintf(", %d overdue for review", overdue)
	}
	return answer{ok: todo.empty(), summary: s + ".", todo: todo.list()}
}
