package plan

import (
	"slices"
	"strings"
)

// records validates what the assessment stores: N/A marks, improvement
// actions and assessment snapshots. Criterion IDs are not checked against
// the catalogue here (it lives in package scoring); an unknown ID is simply
// never matched.
func (v *validator) records() {
	w := v.w
	v.frameworks()
	for dim, l := range w.TargetLevels {
		if l < 0 || l > 4 {
			v.errorf(Root("targetLevels").Field(dim), "target level %d is outside 0–4", l)
		}
	}
	seenNA := map[string]bool{}
	for i, na := range w.NotApplicable {
		p := func(f string) Path { return Root("notApplicable").At(i, f) }
		c := strings.TrimSpace(na.Criterion)
		if c == "" {
			v.errorf(p("criterion"), "criterion ID is required")
		} else if seenNA[c] {
			v.warnf(p("criterion"), "criterion %q is marked not applicable twice", c)
		}
		seenNA[c] = true
		if strings.TrimSpace(na.Reason) == "" {
			v.errorf(p("reason"), "a reason is required to mark a criterion not applicable")
		}
	}

	v.ids(Root("actions"), len(w.Actions), func(i int) string { return w.Actions[i].ID })
	for i, a := range w.Actions {
		p := func(f string) Path { return Root("actions").At(i, f) }
		v.name(p("text"), a.Text, "action text")
		oneOf(v, p("status"), a.Status, ActionStatuses, "unknown status %q (want open, in-progress, done or cancelled)")
		v.ref(p("ownerRole"), v.rolesSet, a.OwnerRole, "role", false)
		v.ref(p("ownerPerson"), v.peopleSet, a.OwnerPerson, "person", false)
		v.ref(p("playbook"), v.playbooksSet, a.Playbook, "playbook", false)
		switch {
		case a.AddressedByRevision < 0:
			v.errorf(p("addressedByRevision"), "revision number %d is negative", a.AddressedByRevision)
		case a.AddressedByRevision > 0 && a.Playbook == "":
			v.errorf(p("addressedByRevision"), "a revision is given but no playbook is linked")
		case a.AddressedByRevision > 0 && v.playbooksSet[a.Playbook]:
			if pb := w.Playbook(a.Playbook); pb != nil && !hasRevision(pb, a.AddressedByRevision) {
				v.warnf(p("addressedByRevision"), "playbook %q has no revision %d", a.Playbook, a.AddressedByRevision)
			}
		}
		if !a.Due.IsZero() && !a.Created.IsZero() && a.Due.Before(a.Created) {
			v.warnf(p("due"), "due date %s is before the action was created (%s)", a.Due, a.Created)
		}
	}

	for i, r := range w.Assessments {
		p := func(f string) Path { return Root("assessments").At(i, f) }
		if r.Date.IsZero() {
			v.errorf(p("date"), "assessment date is required")
		} else if i > 0 && r.Date.Before(w.Assessments[i-1].Date) {
			v.warnf(p("date"), "assessments should be kept oldest first")
		}
		if r.Index < 0 || r.Index > 100 {
			v.errorf(p("index"), "index %v is outside 0–100", r.Index)
		}
		for j, d := range r.Dimensions {
			if d.Level < 0 || d.Level > 4 {
				v.errorf(p("dimensions").At(j, "level"), "level %d is outside 0–4", d.Level)
			}
			if d.Progress < 0 || d.Progress > 4 {
				v.errorf(p("dimensions").At(j, "progress"), "progress %v is outside 0–4", d.Progress)
			}
		}
	}
}

func hasRevision(pb *Playbook, n int) bool {
	return slices.ContainsFunc(pb.Revisions, func(r Revision) bool { return r.Number == n })
}
