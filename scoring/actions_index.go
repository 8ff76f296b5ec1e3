package scoring

import (
	"slices"

	"drillbook/plan"
)

// actionIndex finds plan entities by ID without scanning, so proposing
// actions stays linear in the number of findings; learn adds what the
// plan's actions say about each finding.
type actionIndex struct {
	ws                       *plan.Workspace
	playbooks, roles, people map[string]int
	ids                      map[string]bool // action IDs taken
	// open and closed are keyed by finding and playbook ID, and by finding
	// alone ("<finding>\x00"), which any action for the finding sets.
	open   map[string]bool
	closed map[string]*plan.Action // the latest closed action
}

func newActionIndex(ws *plan.Workspace) *actionIndex {
	x := &actionIndex{
		ws:        ws,
		playbooks: indexIDs(len(ws.Playbooks), func(i int) string { return ws.Playbooks[i].ID }),
		roles:     indexIDs(len(ws.Roles), func(i int) string { return ws.Roles[i].ID }),
		people:    indexIDs(len(ws.People), func(i int) string { return ws.People[i].ID }),
		ids:       make(map[string]bool, len(ws.Actions)),
		open:      map[string]bool{},
		closed:    map[string]*plan.Action{},
	}
	for _, act := range ws.Actions {
		x.ids[act.ID] = true
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
		return false, last.ID
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
	return slices.ContainsFunc(x.ws.Assessments, func(r plan.AssessmentRecord) bool {
		return !r.Date.Before(since) && !slices.Contains(r.Failing, criterion)
	})
}
