package plan

import (
	"cmp"
	"slices"
)

// PathPerson is a person an escalation step reaches.
type PathPerson struct {
	ID   string
	Name string
}

// Resolved is a role resolved to the people in it.
type Resolved struct {
	Role     string // role ID ("" when the plan names none)
	RoleName string // the role's name, or its ID when the role is unknown
	// People are the role's known members, primary first.
	People []PathPerson
	// Nobody is true when the role resolves to no person: it is missing,
	// unknown or empty. An escalation to nobody is a gap worth showing.
	Nobody bool
}

// Primary returns the first person reached, or the zero PathPerson.
func (r Resolved) Primary() PathPerson {
	if len(r.People) == 0 {
		return PathPerson{}
	}
	return r.People[0]
}

// Ways the first responders at T+0 are found, in order of preference.
const (
	PagedRota    = "rota"    // the on-call rota's shift members
	PagedOnCall  = "on-call" // members of the role carrying the on-call function
	PagedTriage  = "triage"  // the triage role
	PagedNothing = ""        // nobody can be paged
)

// PathStep is one moment of an escalation path: who is reached at At
// after detection, and who is incident manager from then on.
type PathStep struct {
	At Duration
	// Rule is the escalation rule's ID and RuleIndex its position in the
	// plan (-1 for the first page at T+0, which no rule makes).
	Rule      string
	RuleIndex int
	RuleName  string
	Trigger   Trigger // "" at T+0
	// Paged says how the T+0 responders were found (PagedRota, …).
	Paged string
	Resolved
	// SamePerson is true when the escalation's primary is the person
	// already paged at T+0 or the incident manager acting in another role:
	// on paper it escalates, in practice it reaches nobody new.
	SamePerson bool
	// Handover is set when the incident manager changes at this step.
	Handover *Resolved
	// Manager is the incident manager from this step on (zero if nobody).
	Manager PathPerson
	Notes   string
}

// EscalationPath previews, in time order, who an incident of a severity
// reaches: the first page at T+0 (the rota's members, else the on-call
// role, else triage), then each escalation rule for that severity at its
// time (its ladder's delays added up), resolved to people, with incident-manager hand-overs applied as
// they happen. It lets a team see "Sev 1 at 30 minutes goes to nobody"
// or "escalates to the person already handling it" before a real incident
// does. Rules with a negative After are skipped (validation reports them);
// rules at the same time keep plan order.
func (w *Workspace) EscalationPath(severity int) []PathStep {
	if w == nil {
		return nil
	}
	x := w.Index()
	first := x.firstPage()
	imRole := ""
	var manager PathPerson
	if r, ps := x.StaffedWithFunction(FunctionIncidentManager); r != nil {
		imRole = r.ID
		if len(ps) > 0 {
			manager = person(ps[0])
		}
	}
	first.Manager = manager
	steps := []PathStep{first}

	offsets := w.EscalationOffsets()
	var rules []int
	for i, r := range w.EscalationRules {
		if r.After >= 0 && slices.Contains(r.Severities, severity) {
			rules = append(rules, i)
		}
	}
	slices.SortStableFunc(rules, func(a, b int) int {
		return cmp.Compare(offsets[a], offsets[b])
	})
	paged := first.Primary().ID
	for _, i := range rules {
		r := w.EscalationRules[i]
		st := PathStep{At: offsets[i], Rule: r.ID, RuleIndex: i, RuleName: r.Name, Trigger: r.Trigger,
			Resolved: x.resolve(r.EscalateTo), Notes: r.Notes}
		if p := st.Primary().ID; p != "" {
			st.SamePerson = (p == paged && r.EscalateTo != first.Role) ||
				(p == manager.ID && r.EscalateTo != imRole)
		}
		if r.HandoverTo != "" {
			h := x.resolve(r.HandoverTo)
			st.Handover = &h
			imRole = r.HandoverTo
			manager = h.Primary() // nobody in command is itself the finding
		}
		st.Manager = manager
		steps = append(steps, st)
	}
	return steps
}

// firstPage finds who is paged at T+0.
func (x *Index) firstPage() PathStep {
	st := PathStep{RuleIndex: -1}
	// The rota: distinct shift members, each shift's primary first.
	var ids []string
	role := ""
	for _, sh := range x.w.Coverage.Rota.Shifts {
		if _, _, ok := shiftSpan(sh); !ok {
			continue
		}
		if ps := x.known(sh.Members); len(ps) > 0 {
			ids = append(ids, ps[0].ID)
			if role == "" {
				role = sh.Role
			}
		}
	}
	for _, sh := range x.w.Coverage.Rota.Shifts {
		if _, _, ok := shiftSpan(sh); ok {
			ids = append(ids, sh.Members...)
		}
	}
	if ps := x.known(ids); len(ps) > 0 {
		st.Paged = PagedRota
		st.Resolved = x.resolve(role)
		st.People, st.Nobody = people(ps), false
		return st
	}
	if r, ps := x.StaffedWithFunction(FunctionOnCall); len(ps) > 0 {
		st.Paged = PagedOnCall
		st.Resolved = x.resolve(r.ID)
		return st
	}
	if id := x.w.Triage.Role; id != "" && len(x.staffed(id)) > 0 {
		st.Paged = PagedTriage
		st.Resolved = x.resolve(id)
		return st
	}
	if r, ps := x.StaffedWithFunction(FunctionTriage); len(ps) > 0 {
		st.Paged = PagedTriage
		st.Resolved = x.resolve(r.ID)
		return st
	}
	st.Paged = PagedNothing
	st.Nobody = true
	return st
}

// resolve turns a role ID into its people.
func (x *Index) resolve(roleID string) Resolved {
	res := Resolved{Role: roleID, RoleName: x.RoleName(roleID)}
	res.People = people(x.staffed(roleID))
	res.Nobody = len(res.People) == 0
	return res
}

func person(p *Person) PathPerson { return PathPerson{ID: p.ID, Name: OrID(p.Name, p.ID)} }

func people(ps []*Person) []PathPerson {
	if len(ps) == 0 {
		return nil
	}
	out := make([]PathPerson, len(ps))
	for i, p := range ps {
		out[i] = person(p)
	}
	return out
}
