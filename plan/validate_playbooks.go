package plan

import "strings"

// playbooks validates step 3: each playbook's fields, steps and revisions,
// and the references between playbooks.
func (v *validator) playbooks() {
	for i, pb := range v.w.Playbooks {
		p := func(f string) Path { return Root("playbooks").At(i, f) }
		v.name(p("title"), pb.Title, "title")
		v.ref(p("role"), v.rolesSet, pb.Role, "role", true)
		for j, t := range pb.IncidentTypes {
			v.ref(p("incidentTypes").Index(j), v.typesSet, t, "incident type", true)
		}
		v.ref(p("owner"), v.peopleSet, pb.Owner, "person", false)
		v.duration(p("reviewInterval"), pb.ReviewInterval, false)
		v.playbookRefs(p("references"), pb.ID, pb.References)
		if len(pb.Steps) == 0 {
			v.warnf(p("steps"), "playbook has no steps")
		}
		for j, s := range pb.Steps {
			sp := p("steps").Index(j)
			v.name(sp.Field("text"), s.Text, "step text")
			v.duration(sp.Field("expectedDuration"), s.ExpectedDuration, false)
			v.playbookRefs(sp.Field("references"), pb.ID, s.References)
		}
		last := 0
		for j, r := range pb.Revisions {
			rp := p("revisions").Index(j)
			if r.Number <= last {
				v.errorf(rp.Field("number"), "revision %d does not follow revision %d", r.Number, last)
			}
			last = r.Number
			if r.Date.IsZero() {
				v.errorf(rp.Field("date"), "revision date is required")
			} else if j > 0 && r.Date.Before(pb.Revisions[j-1].Date) {
				v.warnf(rp.Field("date"), "revision %d is dated before the revision it follows", r.Number)
			}
			v.name(rp.Field("summary"), r.Summary, "revision summary")
			v.name(rp.Field("author"), r.Author, "revision author")
		}
	}
	v.playbookCycles()
}

func (v *validator) playbookRefs(path Path, self string, refs []string) {
	for j, r := range refs {
		rp := path.Index(j)
		if r == self {
			v.errorf(rp, "playbook refers to itself")
			continue
		}
		v.ref(rp, v.playbooksSet, r, "playbook", true)
	}
}

// playbookCycles reports reference loops (A → B → A), which would send a
// responder round in circles. Each cycle is reported once, at the playbook
// where the depth-first search closes it.
func (v *validator) playbookCycles() {
	pbs := v.w.Playbooks
	idx := firstIndex(pbs, func(p *Playbook) string { return p.ID })
	edges := func(i int) []string {
		out := append([]string(nil), pbs[i].References...)
		for _, s := range pbs[i].Steps {
			out = append(out, s.References...)
		}
		return out
	}
	const (
		white = iota
		grey
		black
	)
	colour := make([]int, len(pbs))
	reported := map[string]bool{}
	var stack []string
	var visit func(i int)
	visit = func(i int) {
		colour[i] = grey
		stack = append(stack, pbs[i].ID)
		for _, r := range edges(i) {
			j, ok := idx[r]
			if !ok || j == i {
				continue
			}
			switch colour[j] {
			case white:
				visit(j)
			case grey:
				start := 0
				for k, id := range stack {
					if id == r {
						start = k
					}
				}
				loop := strings.Join(append(append([]string(nil), stack[start:]...), r), " → ")
				if !reported[loop] {
					reported[loop] = true
					// Role playbooks hand off to each other (incident
					// manager ↔ deputy), so a loop is worth a look, not an error.
					v.warnf(Root("playbooks").At(i, "references"), "reference cycle: %s; normal for hand-offs between roles, but check a responder cannot go round in circles", loop)
				}
			}
		}
		stack = stack[:len(stack)-1]
		colour[i] = black
	}
	for i := range pbs {
		if colour[i] == white {
			visit(i)
		}
	}
}
