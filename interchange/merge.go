package interchange

import (
	"fmt"
	"slices"
	"strings"

	"drillbook/internal/prose"
	"drillbook/plan"
)

// Change is one value an import would replace.
type Change struct {
	What     string
	Old, New string
}

func (c Change) String() string { return c.What + ": " + c.Old + " -> " + c.New }

// Preview is what applying an import does, shown before anything changes.
type Preview struct {
	Sources   []string // "file (kind)"
	Added     []string
	Changed   []Change
	Unchanged []string // items the import names that already match the plan
	Unmatched []string // members and targets matching no person
	Notes     []string
	// Rota is true when a source brought shifts; Holes are then the
	// rota's holes after the import.
	Rota  bool
	Holes []plan.Hole
	// Result is a copy of the workspace with the import applied; the
	// workspace passed to Plan is not touched.
	Result *plan.Workspace
}

// Empty reports whether applying would change nothing.
func (p *Preview) Empty() bool { return len(p.Added) == 0 && len(p.Changed) == 0 }

// merger carries one Plan call's state.
type merger struct {
	ws      *plan.Workspace
	p       *Preview
	users   map[string]Ref // PagerDuty users by ID, across every source
	onCall  string         // the on-call role's ID once found or made
	newRole bool           // the on-call role was made by this import
}

// Plan merges sources into a copy of ws and says what that does. People
// are matched by e-mail, then by name (case and spaces ignored); a match
// gains the title and contacts it lacks (a different title is a change
// shown old -> new). Shifts are matched by name, days and times; a match
// with other members is a change. Escalation tiers are matched by name. An
// error (a deputy naming nobody) leaves ws as it was and returns no preview.
func Plan(ws *plan.Workspace, sources []*Source) (*Preview, error) {
	m := &merger{ws: ws.Clone(), p: &Preview{}, users: map[string]Ref{}}
	for _, s := range sources {
		m.p.Sources = append(m.p.Sources, fmt.Sprintf("%s (%s)", s.File, s.Kind))
		m.p.Notes = append(m.p.Notes, s.Notes...)
		for id, u := range s.Users {
			m.users[id] = u
		}
	}
	for _, s := range sources {
		for _, in := range s.People {
			m.person(in)
		}
	}
	for _, s := range sources {
		for _, in := range s.People {
			if err := m.deputy(s.File, in); err != nil {
				return nil, err
			}
		}
	}
	for _, s := range sources {
		if len(s.Spans) > 0 {
			m.rota(s)
			m.p.Rota = true
		}
	}
	for _, s := range sources {
		for _, l := range s.Ladders {
			m.ladder(l)
		}
	}
	if m.p.Rota {
		m.p.Holes = m.ws.Coverage.Holes()
	}
	before := map[string]bool{}
	for _, pr := range ws.Validate() {
		before[pr.String()] = true
	}
	for _, pr := range m.ws.Validate() {
		if pr.Level == plan.Error && !before[pr.String()] {
			m.p.Notes = append(m.p.Notes, "after the import the plan has a problem: "+pr.String())
		}
	}
	m.p.Result = m.ws
	return m.p, nil
}

// resolve finds the person a Ref names: by e-mail first, then by name.
func (m *merger) resolve(r Ref) *plan.Person {
	if u, ok := m.users[r.ExtID]; ok && r.ExtID != "" {
		r.Email, r.Name = u.Email, plan.OrID(u.Name, r.Name)
	}
	if e := normal(r.Email); e != "" {
		for i := range m.ws.People {
			if slices.ContainsFunc(m.ws.People[i].Contacts, func(c plan.Contact) bool {
				return c.Channel == plan.ChannelEmail && normal(c.Value) == e
			}) {
				return &m.ws.People[i]
			}
		}
	}
	if n := normal(r.Name); n != "" {
		for i := range m.ws.People {
			if normal(m.ws.People[i].Name) == n {
				return &m.ws.People[i]
			}
		}
	}
	return nil
}

func (m *merger) person(in PersonIn) {
	if in.Name == "" {
		in.Name = in.Email
	}
	p := m.resolve(in.Ref)
	if p == nil {
		m.ws.People = append(m.ws.People, plan.Person{
			ID: m.ws.UniqueID("people", in.Name), Name: in.Name, Title: in.Title, Contacts: in.Contacts,
		})
		m.p.Added = append(m.p.Added, "person "+in.label())
		return
	}
	changed := false
	if in.Title != "" && in.Title != p.Title {
		m.p.Changed = append(m.p.Changed, Change{"person " + p.Name + ": title", orNone(p.Title), in.Title})
		p.Title, changed = in.Title, true
	}
	for _, c := range in.Contacts {
		if !slices.ContainsFunc(p.Contacts, func(o plan.Contact) bool {
			return o.Channel == c.Channel && normal(o.Value) == normal(c.Value)
		}) {
			m.p.Added = append(m.p.Added, fmt.Sprintf("contact of %s: %s %s", p.Name, c.Channel, c.Value))
			p.Contacts, changed = append(p.Contacts, c), true
		}
	}
	if !changed {
		m.p.Unchanged = append(m.p.Unchanged, "person "+p.Name)
	}
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func (m *merger) deputy(file string, in PersonIn) error {
	if in.Deputy == "" {
		return nil
	}
	p := m.resolve(in.Ref)
	d := m.resolve(Ref{Name: in.Deputy, Email: in.Deputy})
	switch {
	case d == nil:
		return &Error{File: file, Line: in.Line, Field: "deputy", Msg: fmt.Sprintf("%q is nobody in the plan or the file", in.Deputy)}
	case p == nil:
		return nil // cannot happen: person ran first
	case d.ID == p.ID:
		return &Error{File: file, Line: in.Line, Field: "deputy", Msg: fmt.Sprintf("%s cannot be their own deputy", p.Name)}
	case p.Deputy == d.ID:
		return nil
	}
	m.p.Changed = append(m.p.Changed, Change{"person " + p.Name + ": deputy", orNone(m.ws.Index().PersonName(p.Deputy)), d.Name})
	p.Deputy = d.ID
	return nil
}

// members resolves a shift's or tier's people, listing the ones matching
// nobody (with where they were named) as unmatched.
func (m *merger) members(refs []Ref, where string) []string {
	var ids []string
	for _, r := range refs {
		if p := m.resolve(r); p != nil {
			if !slices.Contains(ids, p.ID) {
				ids = append(ids, p.ID)
			}
			continue
		}
		if u, ok := m.users[r.ExtID]; ok {
			r = u
		}
		line := r.label() + " (" + where + ")"
		if !slices.Contains(m.p.Unmatched, line) {
			m.p.Unmatched = append(m.p.Unmatched, line)
		}
	}
	return ids
}

// onCallRole returns the role that holds imported shifts: the plan's role
// with the on-call function, else a new "On call" role.
func (m *merger) onCallRole() string {
	if m.onCall != "" {
		return m.onCall
	}
	if r, _ := m.ws.Index().StaffedWithFunction(plan.FunctionOnCall); r != nil {
		m.onCall = r.ID
		return r.ID
	}
	for _, r := range m.ws.Roles {
		if slices.Contains(r.Functions, plan.FunctionOnCall) {
			m.onCall = r.ID
			return r.ID
		}
	}
	id := m.ws.UniqueID("roles", defaultShiftName)
	m.ws.Roles = append(m.ws.Roles, plan.Role{ID: id, Name: defaultShiftName, Functions: []plan.Function{plan.FunctionOnCall}})
	m.p.Added = append(m.p.Added, "role "+defaultShiftName+" (on-call function)")
	m.onCall, m.newRole = id, true
	return id
}

func (m *merger) rota(s *Source) {
	if m.ws.Coverage.TimeZone == "" && s.Zone != "" {
		m.p.Changed = append(m.p.Changed, Change{"coverage time zone", "(none)", s.Zone})
		m.ws.Coverage.TimeZone = s.Zone
	}
	role := m.onCallRole()
	rota := &m.ws.Coverage.Rota
	before, matched := len(rota.Shifts), map[int]bool{}
	for _, in := range Shifts(s.Spans) {
		ids := m.members(in.Members, s.File+": "+in.Name)
		label := fmt.Sprintf("shift %s %s %s–%s", in.Name, plan.DaysText(in.Days), in.Start, in.End)
		i := slices.IndexFunc(rota.Shifts, func(o plan.Shift) bool {
			return normal(o.Name) == normal(in.Name) && o.Start == in.Start && o.End == in.End && slices.Equal(o.Days, in.Days)
		})
		if i >= 0 {
			matched[i] = true
		}
		switch {
		case i < 0:
			rota.Shifts = append(rota.Shifts, plan.Shift{ID: m.ws.UniqueID("coverage.rota.shifts", in.Name), Name: in.Name,
				Role: role, Days: in.Days, Start: in.Start, End: in.End, Members: ids})
			m.p.Added = append(m.p.Added, label+" ("+m.names(ids)+")")
		case !slices.Equal(rota.Shifts[i].Members, ids):
			m.p.Changed = append(m.p.Changed, Change{label + ": members", m.names(rota.Shifts[i].Members), m.names(ids)})
			rota.Shifts[i].Members = ids
		default:
			m.p.Unchanged = append(m.p.Unchanged, label)
		}
		if m.newRole {
			r := &m.ws.Roles[slices.IndexFunc(m.ws.Roles, func(r plan.Role) bool { return r.ID == role })]
			for _, id := range ids {
				if !slices.Contains(r.Members, id) {
					r.Members = append(r.Members, id)
				}
			}
		}
	}
	if kept := before - len(matched); kept > 0 {
		m.p.Notes = append(m.p.Notes, fmt.Sprintf("%s already in the rota and not in %s %s kept as %s",
			prose.Count(kept, "shift", "shifts"), s.File, prose.Plural(kept, "is", "are"), prose.Plural(kept, "it is", "they are")))
	}
}

func (m *merger) names(ids []string) string {
	if len(ids) == 0 {
		return "nobody"
	}
	x := m.ws.Index()
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = x.PersonName(id)
	}
	return strings.Join(out, ", ")
}

// ladder turns an escalation policy into ladder tiers. Its first level is
// who is paged when the incident opens, which the plan takes from the rota
// (or the on-call role), so it becomes no tier; each later level is a tier
// firing its delay after the tier before, on an unacknowledged incident,
// for every severity of the plan.
func (m *merger) ladder(l LadderIn) {
	var levels []int
	for _, s := range m.ws.Severities {
		levels = append(levels, s.Level)
	}
	if len(levels) == 0 {
		m.p.Notes = append(m.p.Notes, "escalation policy "+l.Name+" is not imported: the plan has no severities yet")
		return
	}
	if len(l.Tiers) > 0 {
		m.p.Notes = append(m.p.Notes, fmt.Sprintf("escalation policy %s: level 1 (%s) is the first page; the plan pages the rota first", l.Name, m.targetText(l.Tiers[0])))
	}
	follows := ""
	for n, t := range l.Tiers {
		if n == 0 {
			continue
		}
		name := fmt.Sprintf("%s: level %d", l.Name, n+1)
		role := m.tierRole(name, t)
		want := plan.EscalationRule{Name: name, Trigger: plan.TriggerUnacknowledged, Severities: levels,
			After: t.Delay, Follows: follows, EscalateTo: role}
		i := slices.IndexFunc(m.ws.EscalationRules, func(r plan.EscalationRule) bool { return normal(r.Name) == normal(name) })
		if i < 0 {
			want.ID = m.ws.UniqueID("escalationRules", name)
			m.ws.EscalationRules = append(m.ws.EscalationRules, want)
			m.p.Added = append(m.p.Added, "escalation tier "+name+": "+m.tierText(t.Delay, role))
			follows = want.ID
			continue
		}
		old := &m.ws.EscalationRules[i]
		want.ID, want.HandoverTo, want.Notes = old.ID, old.HandoverTo, old.Notes
		if want.After != old.After || want.EscalateTo != old.EscalateTo || want.Follows != old.Follows {
			m.p.Changed = append(m.p.Changed, Change{"escalation tier " + name, m.tierText(old.After, old.EscalateTo), m.tierText(want.After, want.EscalateTo)})
			old.After, old.EscalateTo, old.Follows = want.After, want.EscalateTo, want.Follows
		} else {
			m.p.Unchanged = append(m.p.Unchanged, "escalation tier "+name)
		}
		follows = old.ID
	}
}

// tierText says when a tier fires and whom it reaches: "after 10 min to
// Platform leads".
func (m *merger) tierText(after plan.Duration, role string) string {
	return "after " + prose.Duration(after.D()) + " to " + m.ws.Index().RoleName(role)
}

func (m *merger) targetText(t TierIn) string {
	var parts []string
	for _, g := range t.Targets {
		if g.Schedule != "" {
			parts = append(parts, "schedule "+g.Schedule)
		} else if u, ok := m.users[g.User.ExtID]; ok {
			parts = append(parts, u.label())
		} else {
			parts = append(parts, g.User.label())
		}
	}
	return strings.Join(parts, ", ")
}

// tierRole is the role a tier escalates to: the on-call role for a
// schedule, else a role whose members are exactly the tier's people
// (made, named after the tier, when the plan has none).
func (m *merger) tierRole(name string, t TierIn) string {
	var refs []Ref
	for _, g := range t.Targets {
		if g.Schedule != "" {
			return m.onCallRole()
		}
		refs = append(refs, *g.User)
	}
	ids := m.members(refs, "escalation tier "+name)
	for _, r := range m.ws.Roles {
		if len(ids) > 0 && slices.Equal(r.Members, ids) {
			return r.ID
		}
	}
	id := m.ws.UniqueID("roles", name)
	m.ws.Roles = append(m.ws.Roles, plan.Role{ID: id, Name: name, Members: ids})
	m.p.Added = append(m.p.Added, "role "+name+" ("+m.names(ids)+")")
	return id
}
