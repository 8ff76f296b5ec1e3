package scoring

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"drillbook/internal/prose"
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
// for the assessment's findings, in ranked order: one per distinct gap.
// Findings that share a remedy share an action that lists them all (every
// "not exercised recently" finding is answered by one exercise; findings
// with the same recommendation by one piece of work), per playbook when
// the finding is about playbooks. Findings about the improvement plan
// itself (no actions, unlinked or overdue actions) get none: the actions
// are their answer. Each action has an owner role and its first-in-line
// person, a due date from the most severe finding's severity and effort,
// status open, and a measurable completion test (DoneWhen). The workspace
// is not changed: append the actions you accept to ws.Actions.
//
// It returns only the actions still to add, so proposing is idempotent:
// accept them, propose again, and nothing comes back. What an assessor
// expects of the actions already in the plan:
//   - open or in progress: the finding is being worked on; nothing new.
//   - done, yet the finding is still reported: the completion test failed
//     (DoneWhen says the next assessment no longer finds it), so the work
//     is proposed again, saying so.
//   - cancelled: the team decided not to act (risk accepted, or answered
//     elsewhere), and that decision stands until the finding comes back:
//     a stored assessment made since the action was created found the
//     criterion passing (or N/A) and it fails again now. Exercise findings
//     belong to one run and never come back; a new run's have new IDs.
//
// When a finding has several closed actions, the latest in the plan
// decides.
func ProposeActions(a *Assessment, ws *plan.Workspace, today plan.Date) []plan.Action {
	if a == nil || ws == nil {
		return nil
	}
	x := newActionIndex(ws)
	x.learn()
	type group struct {
		remedy, playbook string
		findings         []Finding
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, f := range a.Findings {
		remedy := f.Recommendation
		if c, ok := CriterionByID(f.Criterion); ok && c.Remedy != "" {
			if c.Remedy == RemedyNone {
				continue
			}
			remedy = c.Remedy
		}
		for _, pb := range findingPlaybooks(f, ws, x) {
			// An exercise's advice is about that exercise: findings of
			// one run share an action, another run's get their own.
			key := remedy + "\x00" + pb + "\x00" + f.RunID
			g := byKey[key]
			if g == nil {
				g = &group{remedy: remedy, playbook: pb}
				byKey[key] = g
				groups = append(groups, g)
			}
			g.findings = append(g.findings, f)
		}
	}
	var out []plan.Action
	texts := map[string]int{} // proposed action texts → index in out
	for _, g := range groups {
		act, ok := proposeOne(g.findings, g.remedy, g.playbook, ws, x, today)
		if !ok {
			continue
		}
		if i, dup := texts[act.Text]; dup {
			// The same work answers both groups: one action lists them all.
			mergeInto(&out[i], act)
			continue
		}
		act.ID = x.newID(act.Finding, g.playbook)
		texts[act.Text] = len(out)
		out = append(out, act)
	}
	return out
}

// mergeInto adds the findings and notes of act to the action into, which
// says the same thing.
func mergeInto(into *plan.Action, act plan.Action) {
	if len(into.Findings) == 0 {
		into.Findings = []string{into.Finding}
	}
	for _, f := range append([]string{act.Finding}, act.Findings...) {
		if !slices.Contains(into.Findings, f) {
			into.Findings = append(into.Findings, f)
		}
	}
	into.Notes = strings.TrimSpace(into.Notes + " " + act.Notes)
	if act.Due.Before(into.Due) {
		into.Due = act.Due
	}
}

// ActionFor drafts the action for one finding that the user asks for
// (the Findings screen's "Add improvement action"): the proposed action
// that answers it, its own or its group's, when ProposeActions has one;
// otherwise an action for that finding alone, drafted the same way, even
// when the finding already has an action or is about the improvement plan
// itself, since the user asked. ok is false when the assessment has no
// such finding. The workspace is not changed.
func ActionFor(a *Assessment, ws *plan.Workspace, findingID string, today plan.Date) (plan.Action, bool) {
	if a == nil || ws == nil {
		return plan.Action{}, false
	}
	f := a.Finding(findingID)
	if f == nil {
		return plan.Action{}, false
	}
	for _, act := range ProposeActions(a, ws, today) {
		if act.Finding == f.ID || slices.Contains(act.Findings, f.ID) {
			return act, true
		}
	}
	x := newActionIndex(ws) // without the plan's actions: nothing is skipped
	remedy := f.Recommendation
	if c, ok := CriterionByID(f.Criterion); ok && c.Remedy != "" && c.Remedy != RemedyNone {
		remedy = c.Remedy
	}
	pb := findingPlaybooks(*f, ws, x)[0]
	act, _ := proposeOne([]Finding{*f}, remedy, pb, ws, x, today)
	act.ID = x.newID(act.Finding, pb)
	return act, true
}

func proposeOne(fs []Finding, remedy, pb string, ws *plan.Workspace, x *actionIndex, today plan.Date) (plan.Action, bool) {
	var reopened string
	var answered []Finding
	for _, f := range fs {
		skip, done := x.skip(f, pb)
		if skip {
			continue
		}
		if reopened == "" {
			reopened = done
		}
		answered = append(answered, f)
	}
	if len(answered) == 0 {
		return plan.Action{}, false
	}
	lead := answered[0] // findings are ranked, so the most severe comes first
	days := DueDays[lead.Severity]
	if lead.Effort == EffortLarge {
		days *= 2
	}
	act := plan.Action{
		Finding: lead.ID,
		Text:    lead.Recommendation,
		Due:     today.Add(plan.Duration(days) * plan.Day),
		Status:  plan.ActionOpen,
		Created: today,
	}
	var notes []string
	for _, f := range answered {
		notes = append(notes, f.What)
		if len(answered) > 1 {
			act.Findings = append(act.Findings, f.ID)
		}
	}
	act.Notes = strings.Join(notes, " ")
	if remedy == RemedyExercise {
		act.Text = exerciseActionText(answered)
	}
	if r := x.run(lead.RunID); r != nil {
		act.Text = "After the exercise " + runTitle(r) + ": " + act.Text
	}
	act.DoneWhen = doneWhen(answered, remedy, x)
	if p := x.playbook(pb); p != nil {
		act.Playbook = p.ID
		act.Text = fmt.Sprintf("%s: %s", plan.OrID(p.Title, p.ID), act.Text)
		if x.role(p.Role) != nil {
			act.OwnerRole = p.Role
		}
		if x.person(p.Owner) {
			act.OwnerPerson = p.Owner
		}
	}
	if act.OwnerRole == "" && x.role(x.areaRole(lead)) != nil {
		act.OwnerRole = x.areaRole(lead)
	}
	if act.OwnerRole == "" {
		act.OwnerRole = x.ownerRole(lead.Dimension)
	}
	if reopened != "" {
		// A second attempt must not read as the first, which is still in
		// the plan marked done.
		act.Text = "Finish, as the finding is still open: " + act.Text
		act.Notes += fmt.Sprintf(" The earlier action %s was marked done, but the finding is still present on %s.", quoted(shorten(reopened, 60)), today)
	} else if x.texts[act.Text] {
		// The plan already has an action saying this (cancelled, or for
		// another finding): say what this one is for.
		act.Text += " (for " + lead.Place + ")"
	}
	if act.OwnerPerson == "" {
		if r := x.role(act.OwnerRole); r != nil {
			if i := slices.IndexFunc(r.Members, x.person); i >= 0 {
				act.OwnerPerson = r.Members[i]
			}
		}
	}
	return act, true
}

// doneWhen states how to tell the action is complete, in words a reader
// can check: what the next assessment finds for each criterion it answers
// (naming the criterion that then passes), or what the next run of the
// exercise shows.
func doneWhen(fs []Finding, remedy string, x *actionIndex) string {
	if remedy == RemedyExercise {
		var ids []string
		for _, f := range fs {
			ids = append(ids, f.Criterion)
		}
		return fmt.Sprintf("An exercise that tests %s has been run and rated P or S, and the next assessment finds these areas exercised (%s %s).",
			exerciseAreas(fs), andList(ids), prose.Plural(len(ids), "passes", "pass"))
	}
	var parts []string
	for _, f := range fs {
		if c, ok := CriterionByID(f.Criterion); ok {
			parts = append(parts, fmt.Sprintf("%s (%s passes)", lowerFirst(strings.TrimSuffix(c.Title, ".")), c.ID))
			continue
		}
		exercise := "the exercise"
		if r := x.run(f.RunID); r != nil {
			exercise = "the exercise " + quoted(plan.OrID(r.ScenarioTitle, plan.Words(r.ScenarioID)))
		}
		switch {
		case strings.HasPrefix(f.ID, "BIND-"):
			parts = append(parts, "when "+exercise+" is next run, the plan provides everything the scenario needs")
		default:
			parts = append(parts, "when "+exercise+" is next run, every task is done within its target")
		}
	}
	return "The next assessment finds that " + strings.Join(slices.Compact(parts), "; ") + "."
}

// lowerFirst lowers the first letter of a sentence that continues
// another ("Every playbook…" → "every playbook…"), leaving names and
// acronyms alone.
func lowerFirst(s string) string {
	word, _, _ := strings.Cut(s, " ")
	if len(word) > 1 && strings.ToUpper(word) == word {
		return s // an acronym: "DNS", "SEV1"
	}
	for _, w := range []string{"Every", "Everyone", "The", "No", "Under", "Each", "Playbooks", "Severities", "Shift", "Incident", "Triage", "Reporting", "An", "A", "At"} {
		if word == w {
			return strings.ToLower(s[:1]) + s[1:]
		}
	}
	return s
}

// exerciseActionText names the areas one exercise should test.
func exerciseActionText(fs []Finding) string {
	return "Schedule and run a tabletop exercise that tests " + exerciseAreas(fs) + "; debrief it and act on what it shows."
}

// exerciseAreas names the dimensions of the findings: "severity model,
// reporting & triage and escalation".
func exerciseAreas(fs []Finding) string {
	var areas []string
	for _, f := range fs {
		if d, ok := DimensionByID(f.Dimension); ok && !slices.Contains(areas, strings.ToLower(d.Name)) {
			areas = append(areas, strings.ToLower(d.Name))
		}
	}
	return andList(areas)
}

// findingPlaybooks returns the playbooks a finding is about (from the
// paths of its gaps, or a playbook-step task's target), or [""] when it is
// not about particular playbooks.
func findingPlaybooks(f Finding, ws *plan.Workspace, x *actionIndex) []string {
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
		for _, target := range x.taskTargets(f.ID) {
			if x.playbook(target) != nil {
				add(target)
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
	playbooks := indexIDs(len(ws.Playbooks), func(i int) string { return ws.Playbooks[i].ID })
	for i := range ws.Actions {
		a := &ws.Actions[i]
		pb, ok := playbooks[a.Playbook]
		if a.AddressedByRevision > 0 || !ok {
			continue
		}
		if r := revisionFor(&ws.Playbooks[pb], a); r != nil {
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
	s := plan.Words(string(a.Status))
	if r := AddressedBy(ws, a); r != nil {
		return fmt.Sprintf("%s, addressed by revision %d of “%s” (%s)", s, r.Number, plan.OrID(ws.Playbook(a.Playbook).Title, a.Playbook), r.Date)
	}
	if !a.Status.Closed() && !a.Due.IsZero() {
		s += ", due " + a.Due.String()
		if a.Due.Before(today) {
			s += " (overdue)"
		}
	}
	return s
}
