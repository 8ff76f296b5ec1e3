package plan

import (
	"slices"
	"strconv"
	"strings"
)

// MakeID turns a name into a valid ID (see ValidID) that taken does not
// report as used: "On-call Engineer" becomes "on-call-engineer", then
// "on-call-engineer-2" if that is taken. Names with no usable letters
// (e.g. in a non-Latin script) become "item". A nil taken accepts any ID.
// IDs are generated rather than typed so a user never has to learn the
// ID rules to add an item.
func MakeID(name string, taken func(string) bool) string {
	base := slug(name)
	if taken == nil || !taken(base) {
		return base
	}
	for n := 2; ; n++ {
		suffix := "-" + strconv.Itoa(n)
		b := base
		if len(b)+len(suffix) > 64 {
			b = strings.TrimRight(b[:64-len(suffix)], "-_.")
		}
		if id := b + suffix; !taken(id) {
			return id
		}
	}
}

// slug lower-cases ASCII letters and digits and turns every other run of
// characters into one '-', keeping at most 64 characters.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() >= 64 {
			break
		}
	}
	s := strings.TrimRight(b.String(), "-")
	if len(s) > 64 {
		s = strings.TrimRight(s[:64], "-")
	}
	if s == "" {
		return "item"
	}
	return s
}

// partIDs returns the IDs of one ID'd part of the plan, named by its JSON
// path; ok is false for any other name.
func (w *Workspace) partIDs(part string) (ids []string, ok bool) {
	switch part {
	case "incidentTypes":
		return collect(w.IncidentTypes, func(x IncidentType) string { return x.ID }), true
	case "reporting.channels":
		return collect(w.Reporting.Channels, func(x ReportingChannel) string { return x.ID }), true
	case "thirdParties":
		return collect(w.ThirdParties, func(x ThirdParty) string { return x.ID }), true
	case "coverage.rota.shifts":
		return collect(w.Coverage.Rota.Shifts, func(x Shift) string { return x.ID }), true
	case "stakeholders":
		return collect(w.Stakeholders, func(x Stakeholder) string { return x.ID }), true
	case "people":
		return collect(w.People, func(x Person) string { return x.ID }), true
	case "roles":
		return collect(w.Roles, func(x Role) string { return x.ID }), true
	case "escalationRules":
		return collect(w.EscalationRules, func(x EscalationRule) string { return x.ID }), true
	case "reportingObligations":
		return collect(w.ReportingObligations, func(x ReportingObligation) string { return x.ID }), true
	case "playbooks":
		return collect(w.Playbooks, func(x Playbook) string { return x.ID }), true
	case "actions":
		return collect(w.Actions, func(x Action) string { return x.ID }), true
	}
	return nil, false
}

func collect[T any](xs []T, id func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}

// UniqueID returns an ID for a new item named name in one part of the
// plan, named by its JSON path as in validation problems ("roles",
// "playbooks", "coverage.rota.shifts", …), unique within that part. A name
// that is no part with IDs gets an ID unused in every part, so it is still
// unique wherever the item goes.
func (w *Workspace) UniqueID(part, name string) string {
	return MakeID(name, w.idTaken(part))
}

// idParts are the parts of the plan whose items have IDs.
var idParts = []string{"incidentTypes", "reporting.channels", "thirdParties", "coverage.rota.shifts", "stakeholders",
	"people", "roles", "escalationRules", "reportingObligations", "playbooks", "actions"}

// idTaken reports whether an ID is used in one part of the plan (in any,
// for a name that is no part), reading the plan afresh on every call so
// items added meanwhile count.
func (w *Workspace) idTaken(part string) func(string) bool {
	return func(id string) bool {
		if ids, ok := w.partIDs(part); ok {
			return slices.Contains(ids, id)
		}
		return slices.ContainsFunc(idParts, func(p string) bool {
			ids, _ := w.partIDs(p)
			return slices.Contains(ids, id)
		})
	}
}
