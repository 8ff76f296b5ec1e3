package scoring

import (
	"slices"

	"drillbook/plan"
)

// state is everything the criteria read: the workspace, the day, and index
// maps built once per assessment so no check scans a collection inside a
// loop over another. It tolerates invalid workspaces: duplicate IDs keep
// their first occurrence and dangling references simply do not resolve.
type state struct {
	ws    *plan.Workspace
	today plan.Date
	since plan.Date // start of the 12-month window

	people, roles, playbooks, types, stakeholders map[string]int
	thirdParties                                  map[string]int
	rolesByFn                                     map[plan.Function][]int
	personRoles                                   map[string][]int // person → roles they are a member of
	pbFor                                         map[[2]string]bool
	roleHasPlaybook                               map[string]bool
	severities                                    map[int]int
	mostSevere                                    int
	is24x7                                        bool
	// clinical: clinical safety applies (health sector or a declared
	// clinical-safety incident type).
	clinical bool
	// members is each role's staffed members, computed on first use
	// (see staffed).
	members map[*plan.Role][]string
	index   *plan.Index // built on first use (see planIndex)
	// na holds the honoured N/A marks (criterion or finding ID → reason).
	na map[string]string

	ex *exercises
}

func newState(ws *plan.Workspace, today plan.Date) *state {
	s := &state{
		ws:              ws,
		today:           today,
		since:           plan.DateOf(today.Time().AddDate(0, -RecentWindow, 0)),
		people:          indexIDs(len(ws.People), func(i int) string { return ws.People[i].ID }),
		roles:           indexIDs(len(ws.Roles), func(i int) string { return ws.Roles[i].ID }),
		playbooks:       indexIDs(len(ws.Playbooks), func(i int) string { return ws.Playbooks[i].ID }),
		types:           indexIDs(len(ws.IncidentTypes), func(i int) string { return ws.IncidentTypes[i].ID }),
		stakeholders:    indexIDs(len(ws.Stakeholders), func(i int) string { return ws.Stakeholders[i].ID }),
		rolesByFn:       map[plan.Function][]int{},
		personRoles:     make(map[string][]int, len(ws.People)),
		pbFor:           map[[2]string]bool{},
		roleHasPlaybook: map[string]bool{},
		severities:      make(map[int]int, len(ws.Severities)),
		is24x7:          ws.Coverage.Mode == plan.Coverage24x7,
		clinical:        ws.Clinical(),
	}
	for i, r := range ws.Roles {
		seenFn := map[plan.Function]bool{}
		for _, f := range r.Functions {
			if !seenFn[f] {
				seenFn[f] = true
				s.rolesByFn[f] = append(s.rolesByFn[f], i)
			}
		}
		seen := map[string]bool{}
		for _, m := range r.Members {
			if !seen[m] {
				seen[m] = true
				s.personRoles[m] = append(s.personRoles[m], i)
			}
		}
	}
	for _, pb := range ws.Playbooks {
		s.roleHasPlaybook[pb.Role] = true
		for _, t := range pb.IncidentTypes {
			s.pbFor[[2]string{pb.Role, t}] = true
		}
	}
	for i, sv := range ws.Severities {
		if _, dup := s.severities[sv.Level]; !dup {
			s.severities[sv.Level] = i
		}
		if s.mostSevere == 0 || sv.Level < s.mostSevere {
			s.mostSevere = sv.Level
		}
	}
	s.thirdParties = indexIDs(len(ws.ThirdParties), func(i int) string { return ws.ThirdParties[i].ID })
	s.ex = evaluateRuns(s)
	return s
}

func indexIDs(n int, id func(int) string) map[string]int {
	m := make(map[string]int, n)
	for i := 0; i < n; i++ {
		if k := id(i); k != "" {
			if _, dup := m[k]; !dup {
				m[k] = i
			}
		}
	}
	return m
}

func (s *state) person(id string) (*plan.Person, int) {
	if i, ok := s.people[id]; ok {
		return &s.ws.People[i], i
	}
	return nil, -1
}

func (s *state) role(id string) (*plan.Role, int) {
	if i, ok := s.roles[id]; ok {
		return &s.ws.Roles[i], i
	}
	return nil, -1
}

// staffed returns the members of a role who are people in the plan. It
// is computed once per role and shared (callers must not change it):
// criteria ask it for every member of every role and every task of every
// run, which would otherwise be quadratic on a large plan.
func (s *state) staffed(r *plan.Role) []string {
	if out, ok := s.members[r]; ok {
		return out
	}
	var out []string
	for _, m := range r.Members {
		if _, ok := s.people[m]; ok {
			out = append(out, m)
		}
	}
	if s.members == nil {
		s.members = make(map[*plan.Role][]string, len(s.ws.Roles))
	}
	s.members[r] = out
	return out
}

// planIndex is the plan's own Index, built once per assessment for the
// plan queries that take one.
func (s *state) planIndex() *plan.Index {
	if s.index == nil {
		s.index = s.ws.Index()
	}
	return s.index
}

// roleStaffed reports whether the role exists and has at least one member
// who is a person in the plan.
func (s *state) roleStaffed(id string) bool {
	r, _ := s.role(id)
	return r != nil && len(s.staffed(r)) > 0
}

// staffedWith reports whether some role with one of the functions has a
// member who is a person in the plan.
func (s *state) staffedWith(fns ...plan.Function) bool {
	for _, f := range fns {
		for _, i := range s.rolesByFn[f] {
			if len(s.staffed(&s.ws.Roles[i])) > 0 {
				return true
			}
		}
	}
	return false
}

func (s *state) roleName(id string) string {
	if r, _ := s.role(id); r != nil && r.Name != "" {
		return r.Name
	}
	return id
}

func (s *state) playbookName(id string) string {
	if i, ok := s.playbooks[id]; ok && s.ws.Playbooks[i].Title != "" {
		return "“" + s.ws.Playbooks[i].Title + "”"
	}
	return id
}

func (s *state) personName(id string) string {
	if p, _ := s.person(id); p != nil && p.Name != "" {
		return p.Name
	}
	return id
}

func (s *state) typeName(id string) string {
	if i, ok := s.types[id]; ok && s.ws.IncidentTypes[i].Name != "" {
		return s.ws.IncidentTypes[i].Name
	}
	return id
}

// reachableOutOfHours reports whether some contact is marked as answered
// outside business hours.
func reachableOutOfHours(cs []plan.Contact) bool {
	for _, c := range cs {
		if c.OutOfHours && plan.PlausibleContact(c) {
			return true
		}
	}
	return false
}

// at is plan.Path's string for base[i].field ("playbooks[2].owner"; field
// may be ""), the form findings carry.
func at(base string, i int, field string) string { return plan.Root(base).At(i, field).String() }

// bindingGaps lists a run's scenario references that could not be bound and
// that apply to this organisation: a clinical reference is no gap for an
// organisation without clinical services.
//
// A reference whose injects were never played (the run ended first, or a
// floating inject was left) tested nothing, so it is no gap either.
func (s *state) bindingGaps(run int) []int {
	r := &s.ws.Runs[run]
	var played map[string]bool
	var out []int
	for j, b := range r.Bindings {
		if b.Gap == "" || (!s.clinical && plan.ClinicalRef(b.Ref)) || s.na[bindingFindingID(r.ID, b.Ref)] != "" {
			continue
		}
		if len(b.Injects) > 0 {
			if played == nil {
				played = map[string]bool{}
				for _, ev := range r.Events {
					if ev.Kind == plan.EventInject {
						played[ev.Action] = true
					}
				}
			}
			if !slices.ContainsFunc(b.Injects, func(id string) bool { return played[id] }) {
				continue
			}
		}
		out = append(out, j)
	}
	return out
}

// roleContactable reports whether some member of the role is a person with
// a contact that is not placeholder text.
func (s *state) roleContactable(id string) bool {
	r, _ := s.role(id)
	if r == nil {
		return false
	}
	for _, m := range r.Members {
		if p, _ := s.person(m); p != nil && slices.ContainsFunc(p.Contacts, plan.PlausibleContact) {
			return true
		}
	}
	return false
}
