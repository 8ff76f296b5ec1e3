package plan

import "slices"

// Lookup functions return nil when the ID is unknown. They scan linearly:
// plans are small and these are not on hot paths; Index is for bulk use.

// Person returns the person with the ID.
func (w *Workspace) Person(id string) *Person {
	return find(w.People, func(p *Person) bool { return p.ID == id })
}

// Role returns the role with the ID.
func (w *Workspace) Role(id string) *Role {
	return find(w.Roles, func(r *Role) bool { return r.ID == id })
}

// Severity returns the severity with the level.
func (w *Workspace) Severity(level int) *Severity {
	return find(w.Severities, func(s *Severity) bool { return s.Level == level })
}

// Playbook returns the playbook with the ID.
func (w *Workspace) Playbook(id string) *Playbook {
	return find(w.Playbooks, func(p *Playbook) bool { return p.ID == id })
}

// ThirdParty returns the third party with the ID.
func (w *Workspace) ThirdParty(id string) *ThirdParty {
	return find(w.ThirdParties, func(t *ThirdParty) bool { return t.ID == id })
}

// find returns the first item that matches, or nil.
func find[T any](items []T, match func(*T) bool) *T {
	for i := range items {
		if match(&items[i]) {
			return &items[i]
		}
	}
	return nil
}

// RolesWithFunction returns the roles that carry a function, in plan order.
func (w *Workspace) RolesWithFunction(f Function) []*Role {
	var out []*Role
	for i := range w.Roles {
		if slices.Contains(w.Roles[i].Functions, f) {
			out = append(out, &w.Roles[i])
		}
	}
	return out
}
