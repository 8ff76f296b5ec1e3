package scoring

import (
	"fmt"
	"strconv"
	"strings"

	"drillbook/plan"
)

// DueDays is how many days an action proposed for a finding of each
// severity gets before it is due; large-effort findings get twice as long.
var DueDays = map[Severity]int{SeverityCritical: 14, SeverityHigh: 30, SeverityMedium: 60, SeverityLow: 90}

// ownerFunctions lists, per dimension, the functions whose role should own
// an action, most suitable first; the incident manager is the fallback.
var ownerFunctions = map[DimensionID][]plan.Function{
	DimTriage:       {plan.FunctionTriage},
	DimThirdParties: {plan.FunctionSupplierManager, plan.FunctionTechnicalLead},
	DimCover:        {plan.FunctionTechnicalLead, plan.FunctionOnCall},
	DimComms:        {plan.FunctionCustomerComms, plan.FunctionInternalComms},
	DimRegulatory:   {plan.FunctionRegulatory, plan.FunctionDataProtection},
}

// ProposeActions drafts improvement actions (an HSEEP improvement plan)
// for the assessment's findings, in ranked order. Each action has an owner
// role and its first-in-line person, a due date from the finding's
// severity and effort, status open, the finding it answers and, when the
// finding is about playbooks, the playbook (one action per playbook). A
// finding that already has an open or in-progress action is skipped; one
// whose action was marked done but is still failing is proposed again,
// saying so. The workspace is not changed: append the actions you accept
// to ws.Actions.
func ProposeActions(a *Assessment, ws *plan.Workspace, today plan.Date) []plan.Action {
	if a == nil || ws == nil {
		return nil
	}
	ids := map[string]bool{}
	for _, x := range ws.Actions {
		ids[x.ID] = true
	}
	var out []plan.Action
	for _, f := range a.Findings {
		for _, pb := range findingPlaybooks(f, ws) {
			act, ok := proposeOne(f, pb, ws, today)
			if !ok {
				continue
			}
			act.ID = uniqueID(actionID(f.ID, pb), ids)
			ids[act.ID] = true
			out = append(out, act)
		}
	}
	return out
}

func proposeOne(f Finding, pb string, ws *plan.Workspace, today plan.Date) (plan.Action, bool) {
	var reopened string
	for _, x := range ws.Actions {
		if x.Finding != f.ID || (x.Playbook != pb && x.Playbook != "" && pb != "") {
			continue
		}
		switch x.Status {
		case plan.ActionOpen, plan.ActionInProgress:
			return plan.Action{}, false
		case plan.ActionDone:
			reopened = x.ID
		}
	}
	days := DueDays[f.Severity]
	if f.Effort == EffortLarge {
		days *= 2
	}
	act := plan.Action{
		Finding: f.ID,
		Text:    f.Recommendation,
		Due:     today.Add(plan.Duration(days) * plan.Day),
		Status:  plan.ActionOpen,
		Created: today,
		Notes:   fmt.Sprintf("%s [%s]", f.What, f.Where),
	}
	if reopened != "" {
		act.Notes += fmt.Sprintf(" Action %s was marked done but the finding is still present on %s.", reopened, today)
	}
	if p := ws.Playbook(pb); p != nil {
		act.Playbook = p.ID
		act.Text = fmt.Sprintf("%s: %s", orID(p.Title, p.ID), f.Recommendation)
		if ws.Role(p.Role) != nil {
			act.OwnerRole = p.Role
		}
		if ws.Person(p.Owner) != nil {
			act.OwnerPerson = p.Owner
		}
	}
	if act.OwnerRole == "" && f.Dimension == DimPlaybooks {
		// A missing playbook is written by the role that needs it.
		if i, ok := pathIndex(f.Where, "responsibilities["); ok && i < len(ws.Responsibilities) && ws.Role(ws.Responsibilities[i].Role) != nil {
			act.OwnerRole = ws.Responsibilities[i].Role
		}
	}
	if act.OwnerRole == "" {
		act.OwnerRole = ownerRole(ws, f.Dimension)
	}
	if act.OwnerPerson == "" {
		if r := ws.Role(act.OwnerRole); r != nil {
			for _, m := range r.Members {
				if ws.Person(m) != nil {
					act.OwnerPerson = m
					break
				}
			}
		}
	}
	return act, true
}

// findingPlaybooks returns the playbooks a finding is about (from the
// paths of its gaps, or a playbook-step task's target), or [""] when it is
// not about particular playbooks.
func findingPlaybooks(f Finding, ws *plan.Workspace) []string {
	var out []string
	seen := map[string]bool{}
	add := func(id string) {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	for _, g := range f.Gaps {
		if i, ok := pathIndex(g.Path, "playbooks["); ok && i < len(ws.Playbooks) {
			add(ws.Playbooks[i].ID)
		}
	}
	if len(out) == 0 && f.Dimension == DimPlaybooks && strings.HasPrefix(f.ID, "RUN-") {
		for _, r := range ws.Runs {
			for _, t := range r.Tasks {
				if f.ID == "RUN-"+r.ID+"-"+t.ID && ws.Playbook(t.Target) != nil {
					add(t.Target)
				}
			}
		}
	}
	if len(out) == 0 {
		return []string{""}
	}
	return out
}

// pathIndex returns N from a path starting with prefix ("playbooks[")
// followed by "N]".
func pathIndex(path, prefix string) (int, bool) {
	rest, ok := strings.CutPrefix(path, prefix)
	if !ok {
		return 0, false
	}
	n, _, ok := strings.Cut(rest, "]")
	i, err := strconv.Atoi(n)
	return i, ok && err == nil && i >= 0
}

func ownerRole(ws *plan.Workspace, d DimensionID) string {
	for _, f := range append(append([]plan.Function(nil), ownerFunctions[d]...), plan.FunctionIncidentManager) {
		if rs := ws.RolesWithFunction(f); len(rs) > 0 {
			return rs[0].ID
		}
	}
	return ""
}

func actionID(finding, playbook string) string {
	raw := "act-" + strings.ToLower(finding)
	if playbook != "" {
		raw += "-" + playbook
	}
	b := []byte(raw)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			b[i] = '-'
		}
	}
	if len(b) > 56 {
		b = b[:56]
	}
	return string(b)
}

func uniqueID(base string, taken map[string]bool) string {
	if !taken[base] {
		return base
	}
	for n := 2; ; n++ {
		if id := fmt.Sprintf("%s-%d", base, n); !taken[id] {
			return id
		}
	}
}

// AddressedBy returns the revision of the action's playbook that addressed
// it, or nil: the revision numbered AddressedByRevision when set, otherwise
// the first revision dated on or after the day the action was created
// (dates have no time of day, so a same-day revision counts).
func AddressedBy(ws *plan.Workspace, a plan.Action) *plan.Revision {
	if ws == nil || a.Playbook == "" {
		return nil
	}
	pb := ws.Playbook(a.Playbook)
	if pb == nil {
		return nil
	}
	return revisionFor(pb, &a)
}

func revisionFor(pb *plan.Playbook, a *plan.Action) *plan.Revision {
	if a.AddressedByRevision > 0 {
		for i := range pb.Revisions {
			if pb.Revisions[i].Number == a.AddressedByRevision {
				return &pb.Revisions[i]
			}
		}
		return nil
	}
	if a.Created.IsZero() {
		return nil
	}
	var best *plan.Revision
	for i := range pb.Revisions {
		r := &pb.Revisions[i]
		if !r.Date.IsZero() && !r.Date.Before(a.Created) && (best == nil || r.Date.Before(best.Date)) {
			best = r
		}
	}
	return best
}

// LinkRevisions records, on every action linked to a playbook that does not
// yet name a revision, the revision that addressed it (see AddressedBy).
// It returns the IDs of the actions it changed. Statuses are left alone:
// closing the action stays the owner's decision.
func LinkRevisions(ws *plan.Workspace) []string {
	if ws == nil {
		return nil
	}
	var changed []string
	for i := range ws.Actions {
		a := &ws.Actions[i]
		if a.AddressedByRevision > 0 {
			continue
		}
		if r := AddressedBy(ws, *a); r != nil {
			a.AddressedByRevision = r.Number
			changed = append(changed, a.ID)
		}
	}
	return changed
}

// ActionState describes an action's state for lists and reports, e.g.
// "done, addressed by revision 3 of oncall-dns-failover (2026-12-02)" or
// "open, due 2026-12-08 (overdue)".
func ActionState(ws *plan.Workspace, a plan.Action, today plan.Date) string {
	s := string(a.Status)
	if r := AddressedBy(ws, a); r != nil {
		return fmt.Sprintf("%s, addressed by revision %d of %s (%s)", s, r.Number, a.Playbook, r.Date)
	}
	if !a.Status.Closed() && !a.Due.IsZero() {
		s += ", due " + a.Due.String()
		if a.Due.Before(today) {
			s += " (overdue)"
		}
	}
	return s
}
