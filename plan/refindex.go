package plan

import (
	"slices"
	"strings"
)

// Index resolves a workspace's cross-references by ID. Build it once per
// pass (Workspace.Index) so that nothing scans a collection inside a loop
// over another: the large workspace has 1,000 people. It tolerates invalid
// workspaces: duplicate IDs keep their first occurrence and dangling
// references simply do not resolve. It reads the workspace as it was when
// built; rebuild it after adding or removing items.
type Index struct {
	w      *Workspace
	people map[string]*Person
	roles  map[string]*Role
	types  map[string]*IncidentType
}

// Index builds the Index of the workspace (a nil workspace is empty).
func (w *Workspace) Index() *Index {
	if w == nil {
		w = &Workspace{}
	}
	return &Index{
		w:      w,
		people: firstByID(w.People, func(p *Person) string { return p.ID }),
		roles:  firstByID(w.Roles, func(r *Role) string { return r.ID }),
		types:  firstByID(w.IncidentTypes, func(t *IncidentType) string { return t.ID }),
	}
}

// firstByID maps each ID to the first item that has it.
func firstByID[T any](items []T, id func(*T) string) map[string]*T {
	m := make(map[string]*T, len(items))
	for i := range items {
		if k := id(&items[i]); m[k] == nil {
			m[k] = &items[i]
		}
	}
	return m
}

// firstIndex maps each ID to the position of the first item that has it.
func firstIndex[T any](items []T, id func(*T) string) map[string]int {
	m := make(map[string]int, len(items))
	for i := range items {
		if _, dup := m[id(&items[i])]; !dup {
			m[id(&items[i])] = i
		}
	}
	return m
}

// Person returns the person with the ID, or nil.
func (x *Index) Person(id string) *Person { return x.people[id] }

// Role returns the role with the ID, or nil.
func (x *Index) Role(id string) *Role { return x.roles[id] }

// staffed returns the people in a role, primary first, without repeats;
// members who are not people of the plan are skipped. An unknown role ID
// gives nobody.
func (x *Index) staffed(roleID string) []*Person {
	r := x.roles[roleID]
	if r == nil {
		return nil
	}
	return x.known(r.Members)
}

// Primary returns the person who holds a role first (see Role.Primary),
// or nil when the role is unknown or has nobody in it. When the first
// member is not a person of the plan (validation reports that), the next
// member who is takes the place.
func (x *Index) Primary(roleID string) *Person {
	r := x.roles[roleID]
	if r == nil {
		return nil
	}
	for _, m := range r.Members {
		if p := x.people[m]; p != nil {
			return p
		}
	}
	return nil
}

// known resolves person IDs in order, skipping unknown IDs and repeats.
func (x *Index) known(ids []string) []*Person {
	var out []*Person
	var seen map[string]bool // only long lists need a set
	if len(ids) > 16 {
		seen = make(map[string]bool, len(ids))
	}
	for i, id := range ids {
		p := x.people[id]
		if p == nil {
			continue
		}
		if seen != nil {
			if seen[id] {
				continue
			}
			seen[id] = true
		} else if slices.Contains(ids[:i], id) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// StaffedWithFunction returns the role that carries a function: the first
// one in plan order that has somebody in it, with its people, or else the
// first one (with nobody), or nil.
func (x *Index) StaffedWithFunction(f Function) (*Role, []*Person) {
	roles := x.w.RolesWithFunction(f)
	for _, r := range roles {
		if ps := x.staffed(r.ID); len(ps) > 0 {
			return r, ps
		}
	}
	if len(roles) > 0 {
		return roles[0], nil
	}
	return nil, nil
}

// RoleName is the role's name, or the ID when the role is unknown or its
// name is blank.
func (x *Index) RoleName(id string) string {
	if r := x.roles[id]; r != nil {
		return OrID(r.Name, id)
	}
	return id
}

// PersonName is the person's name, or the ID when the person is unknown or
// the name is blank.
func (x *Index) PersonName(id string) string {
	if p := x.people[id]; p != nil {
		return OrID(p.Name, id)
	}
	return id
}

// TypeName is the incident type's name, or the ID when the type is unknown
// or its name is blank.
func (x *Index) TypeName(id string) string {
	if t := x.types[id]; t != nil {
		return OrID(t.Name, id)
	}
	return id
}

// OrID is how an item is named in messages, previews and reports: its
// name, or its ID when the name is empty or only white space.
func OrID(name, id string) string {
	if strings.TrimSpace(name) == "" {
		return id
	}
	return name
}
