package scenarios

import (
	"fmt"
	"slices"

	"drillbook/plan"
)

// Binding is what one generic Ref resolved to in a workspace.
type Binding struct {
	Ref   Ref      `json:"ref"`
	IDs   []string `json:"ids,omitempty"`   // roles, third parties, stakeholders or obligations
	Names []string `json:"names,omitempty"` // their display names
	// People holds, for roles, the members of the bound roles, primary
	// first: who would actually be paged.
	People []string `json:"people,omitempty"`
	// Gap explains why the Ref could not be bound; empty when it was.
	Gap string `json:"gap,omitempty"`
	// NotApplicable is true for a reference that cannot apply to this
	// organisation (clinical safety outside health care): it is no gap,
	// and the expectations that use it are not played.
	NotApplicable bool `json:"notApplicable,omitempty"`
}

// Bound reports whether the Ref resolved to something usable.
func (b Binding) Bound() bool { return b.Gap == "" }

// Refs lists every Ref the scenario uses, in order of first use.
func (s *Scenario) Refs() []Ref {
	seen := map[Ref]bool{}
	var out []Ref
	add := func(r Ref) {
		if r != "" && !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	inject := func(in *Inject) {
		if r := Ref(in.From); r.Check() == nil && in.From != "" {
			if k, _ := r.Kind(); k != RefRole {
				add(r)
			}
		}
		for _, r := range in.To {
			add(r)
		}
		for _, e := range in.Expect {
			add(e.By)
			add(e.Target)
		}
	}
	for i := range s.Injects {
		inject(&s.Injects[i])
	}
	for _, d := range s.Decisions {
		add(d.By)
	}
	for i := range s.Floating {
		inject(&s.Floating[i])
	}
	return out
}

// InjectsUsing lists the IDs of the injects (timed and floating) that use
// the reference as sender, recipient, or an expectation's actor or target.
func (s *Scenario) InjectsUsing(r Ref) []string {
	var out []string
	uses := func(in *Inject) bool {
		if Ref(in.From) == r {
			return true
		}
		for _, t := range in.To {
			if t == r {
				return true
			}
		}
		for _, e := range in.Expect {
			if e.By == r || e.Target == r {
				return true
			}
		}
		return false
	}
	for _, list := range [][]Inject{s.Injects, s.Floating} {
		for i := range list {
			if uses(&list[i]) {
				out = append(out, list[i].ID)
			}
		}
	}
	return out
}

// Bind resolves every Ref the scenario uses against the workspace. Refs
// that cannot be bound carry a Gap, which the assessment records as a
// finding: the plan has no one (or nothing) for that part of the scenario.
func Bind(s *Scenario, ws *plan.Workspace) []Binding {
	refs := s.Refs()
	out := make([]Binding, 0, len(refs))
	for _, r := range refs {
		out = append(out, BindRef(r, ws))
	}
	return out
}

// BindRef resolves one Ref.
func BindRef(r Ref, ws *plan.Workspace) Binding {
	b := Binding{Ref: r}
	if plan.ClinicalRef(string(r)) && !ws.Clinical() {
		b.NotApplicable = true
		return b
	}
	kind, key := r.Kind()
	switch kind {
	case RefRole:
		for _, role := range ws.RolesWithFunction(plan.Function(key)) {
			b.add(role.ID, role.Name)
			b.People = append(b.People, role.Members...)
		}
		switch {
		case len(b.IDs) == 0:
			b.Gap = fmt.Sprintf("no role in the plan carries the %q function", key)
		case len(b.People) == 0:
			b.Gap = fmt.Sprintf("the %s role has nobody assigned", b.Names[0])
		}
	case RefThirdParty:
		for _, t := range ws.ThirdParties {
			if string(t.ServiceClass) == key {
				b.add(t.ID, t.Name)
			}
		}
		b.gapIfNone("no %s provider is listed among the third parties", key)
	case RefStakeholder:
		for _, st := range ws.Stakeholders {
			if string(st.Kind) == key {
				b.add(st.ID, st.Name)
			}
		}
		b.gapIfNone("no %s stakeholder is in the communication plan", key)
	case RefRegulator:
		for _, i := range obligationsCovering(ws, plan.Category(key)) {
			b.add(ws.ReportingObligations[i].ID, ws.ReportingObligations[i].Body)
		}
		b.gapIfNone("no reporting obligation covers %s incidents", key)
	default:
		b.Gap = fmt.Sprintf("unknown reference %q", r)
	}
	return b
}

func (b *Binding) add(id, name string) {
	b.IDs = append(b.IDs, id)
	b.Names = append(b.Names, name)
}

func (b *Binding) gapIfNone(format, key string) {
	if len(b.IDs) == 0 {
		b.Gap = fmt.Sprintf(format, key)
	}
}

// obligationsCovering lists the indexes of the reporting obligations that
// cover incidents of a category: those naming an incident type of it, and
// those naming none (they cover every incident).
func obligationsCovering(ws *plan.Workspace, cat plan.Category) []int {
	catOf := make(map[string]plan.Category, len(ws.IncidentTypes))
	for _, t := range ws.IncidentTypes {
		catOf[t.ID] = t.Category
	}
	var out []int
	for i, o := range ws.ReportingObligations {
		if len(o.IncidentTypes) == 0 || slices.ContainsFunc(o.IncidentTypes, func(t string) bool { return catOf[t] == cat }) {
			out = append(out, i)
		}
	}
	return out
}

// DefaultParticipants has each role the scenario binds played by the first
// person Castings offers for it, its primary holder: the start dialog's
// default, and what `--exercise` uses without one.
func DefaultParticipants(s *Scenario, ws *plan.Workspace) []plan.Participant {
	var out []plan.Participant
	for _, c := range Castings(s, ws) {
		if len(c.People) > 0 {
			out = append(out, plan.Participant{Person: c.People[0], Role: c.Role})
		}
	}
	return out
}
