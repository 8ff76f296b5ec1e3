package plan

import "slices"

// Lookup functions return nil when the ID is unknown. They scan linearly:
// plans are small and these are not on hot paths; Index is for bulk use.

// Person returns the person with the ID.
func (w *Workspace) Person(id string) *Person {
	for i := range w.People {
		if w.People[i].ID == id {
			return &w.People[i]
		}
	}
	return nil
}

// Role returns the role with the ID.
func (w *Workspace) Role(id string) *Role {
	for i := range w.Roles {
		if w.Roles[i].ID == id {
			return &w.Roles[i]
		}
	}
	return nil
}

// Severity returns the severity with the level.
func (w *Workspace) Severity(level int) *Severity {
	for i := range w.Severities {
		if w.Severities[i].Level == level {
			return &w.Severities[i]
		}
	}
	return nil
}

// Playbook returns the playbook with the ID.
func (w *Workspace) Playbook(id string) *Playbook {
	for i := range w.Playbooks {
		if w.Playbooks[i].ID == id {
			return &w.Playbooks[i]
		}
	}
	return nil
}

// ThirdParty returns the third party with the ID.
func (w *Workspace) ThirdParty(id string) *ThirdParty {
	for i := range w.ThirdParties {
		if w.ThirdParties[i].ID == id {
			return &w.ThirdParties[i]
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
