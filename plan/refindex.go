package plan

import "strings"

// refIndex resolves the cross-references the escalation preview, the
// on-shift check and the Markdown export follow, built once per call so
// nothing scans a collection inside a loop over another (the large
// workspace has 1,000 people). It tolerates invalid workspaces: duplicate
// IDs keep their first occurrence and dangling references simply do not
// resolve.
type refIndex struct {
	w      *Workspace
	people map[string]*Person
	roles  map[string]*Role
	types  map[string]*IncidentType
}

func newRefIndex(w *Workspace) *refIndex {
	x := &refIndex{
		w:      w,
		people: make(map[string]*Person, len(w.People)),
		roles:  make(map[string]*Role, len(w.Roles)),
		types:  make(map[string]*IncidentType, len(w.IncidentTypes)),
	}
	for i := range w.People {
		if _, dup := x.people[w.People[i].ID]; !dup {
			x.people[w.People[i].ID] = &w.People[i]
		}
	}
	for i := range w.Roles {
		if _, dup := x.roles[w.Roles[i].ID]; !dup {
			x.roles[w.Roles[i].ID] = &w.Roles[i]
		}
	}
	for i := range w.IncidentTypes {
		if _, dup := x.types[w.IncidentTypes[i].ID]; !dup {
			x.types[w.IncidentTypes[i].ID] = &w.IncidentTypes[i]
		}
	}
	return x
}

// staffed returns the known people among a role's members, primary first,
// without repeats. Unknown role IDs and dangling members give nobody.
func (x *refIndex) staffed(roleID string) []*Person {
	r := x.roles[roleID]
	if r == nil {
		return nil
	}
	return x.known(r.Members)
}

// known resolves person IDs in order, skipping unknown IDs and repeats.
func (x *refIndex) known(ids []string) []*Person {
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
		} else if contains(ids[:i], id) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// withFunction returns the roles carrying f, in plan order.
func (x *refIndex) withFunction(f Function) []*Role {
	var out []*Role
	for i := range x.w.Roles {
		if contains(x.w.Roles[i].Functions, f) {
			out = append(out, &x.w.Roles[i])
		}
	}
	return out
}

// staffedWithFunction returns the first role carrying f that has somebody
// in it, or else the first role carrying f (unstaffed), or nil.
func (x *refIndex) staffedWithFunction(f Function) (*Role, []*Person) {
	roles := x.withFunction(f)
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

func (x *refIndex) roleName(id string) string {
	if r := x.roles[id]; r != nil && strings.TrimSpace(r.Name) != "" {
		return r.Name
	}
	return id
}

func (x *refIndex) personName(id string) string {
	if p := x.people[id]; p != nil && strings.TrimSpace(p.Name) != "" {
		return p.Name
	}
	return id
}

func (x *refIndex) typeName(id string) string {
	if t := x.types[id]; t != nil && strings.TrimSpace(t.Name) != "" {
		return t.Name
	}
	return id
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

func orID(name, id string) string {
	if strings.TrimSpace(name) == "" {
		return id
	}
	return name
}
