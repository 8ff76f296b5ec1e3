package scoring

import (
	"slices"
	"strings"

	"drillbook/plan"
)

// actionIndex finds plan entities by ID without scanning, so proposing
// actions stays linear in the number of findings; learn adds what the
// plan's actions say about each finding.
type actionIndex struct {
	ws                             *plan.Workspace
	playbooks, roles, people, runs map[string]int
	ids                            map[string]bool // action IDs taken
	texts                          map[string]bool // texts of the plan's actions
	// open and closed are keyed by finding and playbook ID, and by finding
	// alone ("<finding>\x00"), which any action for the finding sets.
	open   map[string]bool
	closed map[string]*plan.Action // the latest closed action
	// Built on first use: each dimension's owner role, and per criterion
	// the latest stored assessment that did not find it failing.
	owners map[DimensionID]string
	passed map[string]plan.Date
}

func newActionIndex(ws *plan.Workspace) *actionIndex {
	x := &actionIndex{
		ws:        ws,
		playbooks: indexIDs(len(ws.Playbooks), func(i int) string { return ws.Playbooks[i].ID }),
		roles:     indexIDs(len(ws.Roles), func(i int) string { return ws.Roles[i].ID }),
		people:    indexIDs(len(ws.People), func(i int) string { return ws.People[i].ID }),
		runs:      indexIDs(len(ws.Runs), func(i int) string { return ws.Runs[i].ID }),
		ids:       make(map[string]bool, len(ws.Actions)),
		texts:     make(map[string]bool, len(ws.Actions)),
		open:      map[string]bool{},
		closed:    map[string]*plan.Action{},
	}
	for _, act := range ws.Actions {
		x.ids[act.ID] = true
		x.texts[act.Text] = true
	}
	return x
}

// learn records, per finding (and per finding and playbook), whether an
// action is open and which closed action came last.
func (x *actionIndex) learn() {
	for i := range x.ws.Actions {
		act := &x.ws.Actions[i]
		for _, f := range append([]string{act.Finding}, act.Findings...) {
			key := f + "\x00" + act.Playbook
			switch {
			case open(act):
				x.open[key], x.open[f+"\x00"] = true, true
			case act.Status.Closed():
				x.closed[key], x.closed[f+"\x00"] = act, act
			}
		}
	}
}

func (x *actionIndex) playbook(id string) *plan.Playbook {
	if i, ok := x.playbooks[id]; ok {
		return &x.ws.Playbooks[i]
	}
	return nil
}

func (x *actionIndex) role(id string) *plan.Role {
	if i, ok := x.roles[id]; ok {
		return &x.ws.Roles[i]
	}
	return nil
}

func (x *actionIndex) person(id string) bool { _, ok := x.people[id]; return ok }

func (x *actionIndex) run(id string) *plan.Run {
	if i, ok := x.runs[id]; ok && id != "" {
		return &x.ws.Runs[i]
	}
	return nil
}

// areaRole is the role responsible for the part of the plan a finding is
// about, or "": a stakeholder's or obligation's owner role, a shift's
// role, the role itself, the role a missing playbook is for.
func (x *actionIndex) areaRole(f Finding) string {
	p, ws := plan.Root(f.Where), x.ws
	if i, _, ok := p.Cut("stakeholders"); ok && i < len(ws.Stakeholders) {
		return ws.Stakeholders[i].OwnerRole
	}
	if i, _, ok := p.Cut("reportingObligations"); ok && i < len(ws.ReportingObligations) {
		return ws.ReportingObligations[i].OwnerRole
	}
	if i, _, ok := p.Cut("coverage.rota.shifts"); ok && i < len(ws.Coverage.Rota.Shifts) {
		return ws.Coverage.Rota.Shifts[i].Role
	}
	if i, _, ok := p.Cut("responsibilities"); ok && i < len(ws.Responsibilities) && f.Dimension == DimPlaybooks {
		return ws.Responsibilities[i].Role
	}
	return ""
}

// newID takes an action ID for the finding (and playbook) that no action
// in the plan or proposed before it has.
func (x *actionIndex) newID(finding, playbook string) string {
	id := uniqueID(actionID(finding, playbook), x.ids)
	x.ids[id] = true
	return id
}

// skip reports whether the plan's actions already answer the finding (for
// the playbook), and names the done action to mention when it is proposed
// again; see ProposeActions.
func (x *actionIndex) skip(f Finding, pb string) (skip bool, reopened string) {
	if x.open[f.ID+"\x00"+pb] || (pb != "" && x.open[f.ID+"\x00"]) {
		return true, "" // already being worked on
	}
	last := x.closed[f.ID+"\x00"+pb]
	switch {
	case last == nil:
		return false, ""
	case last.Status == plan.ActionDone:
		return false, plan.OrID(strings.TrimSpace(last.Text), "without a description")
	}
	return !x.cameBack(f.Criterion, last.Created), ""
}

// cameBack reports whether a stored assessment made on or after since
// found the criterion not failing, so that failing now is a new
// occurrence.
func (x *actionIndex) cameBack(criterion string, since plan.Date) bool {
	if criterion == "" || since.IsZero() {
		return false
	}
	last, ok := x.passed[criterion]
	if !ok {
		for _, r := range x.ws.Assessments {
			if !slices.Contains(r.Failing, criterion) && (last.IsZero() || last.Before(r.Date)) {
				last = r.Date
			}
		}
		if x.passed == nil {
			x.passed = map[string]plan.Date{}
		}
		x.passed[criterion] = last
	}
	return !last.IsZero() && !last.Before(since)
}

// taskTargets returns the targets of the run tasks whose finding ID
// ("RUN-<run>-<task>") is id. Run IDs may hold dashes, so every split is
// tried against the runs' index (a repeated run ID is its first run).
func (x *actionIndex) taskTargets(id string) []string {
	rest, _ := strings.CutPrefix(id, "RUN-")
	var out []string
	for at := strings.IndexByte(rest, '-'); at >= 0; at = nextDash(rest, at) {
		r := x.run(rest[:at])
		if r == nil {
			continue
		}
		for _, t := range r.Tasks {
			if t.ID == rest[at+1:] {
				out = append(out, t.Target)
			}
		}
	}
	return out
}

// nextDash is the index of the next '-' in s after at, or -1.
func nextDash(s string, at int) int {
	if i := strings.IndexByte(s[at+1:], '-'); i >= 0 {
		return at + 1 + i
	}
	return -1
}

// ownerRole is the first role carrying one of the dimension's owner
// functions, or the incident manager's, or "".
func (x *actionIndex) ownerRole(d DimensionID) string {
	if id, ok := x.owners[d]; ok {
		return id
	}
	id := ""
	for _, f := range append(slices.Clone(ownerFunctions[d]), plan.FunctionIncidentManager) {
		if rs := x.ws.RolesWithFunction(f); len(rs) > 0 {
			id = rs[0].ID
			break
		}
	}
	if x.owners == nil {
		x.owners = map[DimensionID]string{}
	}
	x.owners[d] = id
	return id
}
