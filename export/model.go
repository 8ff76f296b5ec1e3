package export

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"drillbook/internal/prose"
	"drillbook/plan"
	"drillbook/scoring"
)

// names resolves plan IDs to display names once per export, so table rows
// show "Dana Whitfield" rather than "dana-w" without a linear search per
// cell (the benchmark workspace has 1,000 people).
type names struct {
	people, roles, types, parties, stakeholders, playbooks, obligations map[string]string
	// runs maps run IDs to their titles (runTitle); quoted maps run,
	// action, role and person IDs to how a sentence names them (see text).
	runs, quoted map[string]string
}

func newNames(ws *plan.Workspace) *names {
	n := &names{
		people:       nameMap(ws.People, func(p *plan.Person) (string, string) { return p.ID, p.Name }),
		roles:        nameMap(ws.Roles, func(r *plan.Role) (string, string) { return r.ID, r.Name }),
		types:        nameMap(ws.IncidentTypes, func(t *plan.IncidentType) (string, string) { return t.ID, t.Name }),
		parties:      nameMap(ws.ThirdParties, func(t *plan.ThirdParty) (string, string) { return t.ID, t.Name }),
		stakeholders: nameMap(ws.Stakeholders, func(s *plan.Stakeholder) (string, string) { return s.ID, s.Name }),
		playbooks:    nameMap(ws.Playbooks, func(p *plan.Playbook) (string, string) { return p.ID, p.Title }),
		obligations:  nameMap(ws.ReportingObligations, func(o *plan.ReportingObligation) (string, string) { return o.ID, o.Body }),
		runs:         nameMap(ws.Runs, func(r *plan.Run) (string, string) { return r.ID, runTitle(r) }),
		quoted:       nameMap(ws.Runs, func(r *plan.Run) (string, string) { return r.ID, "“" + runScenario(r) + "”" }),
	}
	// Action IDs in the assessment's sentences ("Action act-cov-2.3 was
	// marked done") read as the action's first words.
	for _, a := range ws.Actions {
		if _, taken := n.quoted[a.ID]; !taken && a.ID != "" {
			n.quoted[a.ID] = "“" + firstWords(a.Text, 8) + "”"
		}
	}
	// Role and person IDs that are not plain words ("incident-manager")
	// read as their names; a one-word ID ("triage") may be a word of the
	// sentence and stays.
	for id, name := range n.roles {
		n.quoteID(id, name)
	}
	for id, name := range n.people {
		n.quoteID(id, name)
	}
	return n
}

func (n *names) quoteID(id, name string) {
	if _, taken := n.quoted[id]; !taken && strings.Contains(id, "-") && strings.TrimSpace(name) != "" {
		n.quoted[id] = name
	}
}

// firstWords is the first n words of s, with "…" when there were more.
func firstWords(s string, n int) string {
	w := strings.Fields(s)
	if len(w) <= n {
		return strings.Join(w, " ")
	}
	return strings.Join(w[:n], " ") + "…"
}

// run names a run by its scenario and day.
func (n *names) run(id string) string { return lookup(n.runs, id) }

// text rewrites a sentence the assessment wrote for a reader (see
// readable): a run ID becomes the scenario's title, in quotes ("in
// exercise “The DNS provider suspends our zone”"), durations and machine
// keys become words.
func (n *names) text(s string) string { return readable(s, n.quoted) }

// nameMap maps each item's ID to its name; of two items with one ID the
// later wins.
func nameMap[T any](list []T, idName func(*T) (id, name string)) map[string]string {
	m := make(map[string]string, len(list))
	for i := range list {
		id, name := idName(&list[i])
		m[id] = name
	}
	return m
}

func lookup(m map[string]string, id string) string {
	if v := strings.TrimSpace(m[id]); v != "" {
		return v
	}
	return id
}

func (n *names) person(id string) string { return lookup(n.people, id) }
func (n *names) role(id string) string   { return lookup(n.roles, id) }
func (n *names) typ(id string) string    { return lookup(n.types, id) }

// personList names the people, in order, joined by commas.
func (n *names) personList(ids []string) string { return joinMapped(ids, n.person) }

func (n *names) typeList(ids []string) string {
	if len(ids) == 0 {
		return "all types"
	}
	return joinMapped(ids, n.typ)
}

// joinMapped joins f of each value by commas.
func joinMapped[T any](vs []T, f func(T) string) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = f(v)
	}
	return strings.Join(out, ", ")
}

// actor names a person or role ID as recorded in an event.
func (n *names) actor(id string) string {
	if v, ok := n.people[id]; ok && v != "" {
		return v
	}
	return n.role(id)
}

// target names whatever an event or task was aimed at: a role, person,
// stakeholder, third party or playbook, with or without a "kind:" prefix.
func (n *names) target(id string) string {
	_, bare, ok := strings.Cut(id, ":")
	if !ok {
		bare = id
	}
	for _, m := range []map[string]string{n.roles, n.people, n.stakeholders, n.parties, n.playbooks, n.obligations} {
		if v, ok := m[bare]; ok && v != "" {
			return v
		}
	}
	return id
}

// actionRow is one line of the improvement plan as reported: a stored
// action, or one proposed from a finding that has no open action yet.
// Proposed rows let a first report carry a usable plan before anyone has
// accepted actions in the app; they are labelled as proposed.
type actionRow struct {
	plan.Action
	Owner    string // "Person (Role)" resolved to names
	Proposed bool
}

func improvementRows(ws *plan.Workspace, a *scoring.Assessment, today plan.Date) []actionRow {
	n := newNames(ws)
	owner := func(x plan.Action) string {
		switch {
		case x.OwnerPerson != "" && x.OwnerRole != "":
			return n.person(x.OwnerPerson) + " (" + n.role(x.OwnerRole) + ")"
		case x.OwnerPerson != "":
			return n.person(x.OwnerPerson)
		default:
			return n.role(x.OwnerRole)
		}
	}
	var out []actionRow
	for _, x := range ws.Actions {
		out = append(out, actionRow{Action: x, Owner: owner(x)})
	}
	for _, x := range scoring.ProposeActions(a, ws, today) {
		out = append(out, actionRow{Action: x, Owner: owner(x), Proposed: true})
	}
	return out
}

func (r actionRow) statusText() string {
	if r.Proposed {
		return words(r.Status) + " (proposed)"
	}
	return words(r.Status)
}

// trendPoint is one assessment on the trend line.
type trendPoint struct {
	Date    plan.Date
	Index   float64
	Tier    string
	Current bool
}

// trendPoints lists the stored assessments, oldest first, with the
// current one in place of any stored on the same day.
func trendPoints(ws *plan.Workspace, a *scoring.Assessment) []trendPoint {
	var out []trendPoint
	for _, rec := range ws.Assessments {
		if rec.Date == a.Date || (!a.Date.IsZero() && a.Date.Before(rec.Date)) {
			continue
		}
		out = append(out, trendPoint{Date: rec.Date, Index: rec.Index, Tier: rec.Tier})
	}
	slices.SortStableFunc(out, func(x, y trendPoint) int { return x.Date.Time().Compare(y.Date.Time()) })
	return append(out, trendPoint{Date: a.Date, Index: a.Index, Tier: string(a.Tier), Current: true})
}

// trendDelta is the index change since the previous stored assessment;
// ok is false when there is none to compare with.
func (r *report) trendDelta() (delta float64, prev trendPoint, ok bool) {
	if len(r.trend) < 2 {
		return 0, trendPoint{}, false
	}
	prev = r.trend[len(r.trend)-2]
	// Indexes carry one decimal; round the difference to match, so a
	// workbook shows 51.1, not 51.0999999999999.
	return math.Round((r.a.Index-prev.Index)*10) / 10, prev, true
}

// runReview is what an after-action report says about one run beyond
// its raw log: what went well and what needs to improve, derived from the
// task ratings, decision grades and binding gaps.
type runReview struct {
	Strengths, Improvements []string
}

func reviewRun(run *plan.Run, rr *scoring.RunResult, n *names) runReview {
	var v runReview
	if rr != nil {
		for _, t := range rr.Tasks {
			if t.Excluded {
				continue
			}
			label := taskLabel(t.Task)
			switch t.Rating {
			case scoring.RatingP:
				if t.Task.MetAt != nil {
					v.Strengths = append(v.Strengths, fmt.Sprintf("%s: done at %s, %s.", label, clock(*t.Task.MetAt), marginText(t.Task.Deadline-*t.Task.MetAt)))
				} else {
					v.Strengths = append(v.Strengths, label+": done on time.")
				}
			case scoring.RatingM, scoring.RatingU:
				switch {
				case t.Task.Status == plan.TaskMissed:
					v.Improvements = append(v.Improvements, fmt.Sprintf("%s: not done (deadline %s).", label, clock(t.Task.Deadline)))
				case t.Task.MetAt != nil:
					v.Improvements = append(v.Improvements, fmt.Sprintf("%s: done at %s, %s (rated %s).", label, clock(*t.Task.MetAt), marginText(t.Task.Deadline-*t.Task.MetAt), t.Rating))
				default:
					v.Improvements = append(v.Improvements, fmt.Sprintf("%s: rated %s.", label, t.Rating))
				}
			}
		}
	}
	for _, d := range run.Decisions {
		switch d.Grade {
		case "good":
			v.Strengths = append(v.Strengths, fmt.Sprintf("Decision “%s”: chose “%s” (good).", oneLine(d.Prompt), oneLine(d.Choice)))
		case "poor":
			v.Improvements = append(v.Improvements, fmt.Sprintf("Decision “%s”: chose “%s” (poor).", oneLine(d.Prompt), oneLine(d.Choice)))
		}
	}
	for _, b := range run.Bindings {
		if b.Gap != "" {
			v.Improvements = append(v.Improvements, fmt.Sprintf("The scenario's %s could not be found in the plan: %s.", refWords(b.Ref), strings.TrimSuffix(n.text(b.Gap), ".")))
		}
	}
	return v
}

// oneLine joins the lines of s with spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// bindingNames maps a run's scenario references ("third-party:dns") to
// the plan names they were bound to, so reports name the real supplier.
func bindingNames(run *plan.Run) map[string]string {
	m := make(map[string]string, len(run.Bindings))
	for _, b := range run.Bindings {
		if len(b.Names) > 0 {
			m[b.Ref] = strings.Join(b.Names, ", ")
		}
	}
	return m
}

// taskTarget names a task's target: a bound scenario reference, else a
// plan ID.
func (n *names) taskTarget(bound map[string]string, id string) string {
	if v, ok := bound[id]; ok {
		return v
	}
	if v := n.target(id); v != id || id == "" {
		return v
	}
	return refWords(id) // a scenario reference the run did not bind
}

// taskLabel is a task's label in words, or its kind when it has none.
func taskLabel(t plan.Task) string {
	if l := strings.TrimSpace(t.Label); l != "" {
		return labelWords(l)
	}
	return words(t.Kind)
}

// runTitle names a run for a reader: its scenario's title and the day it
// was played ("DNS zone suspended, 30 October 2026"), never its ID.
func runTitle(run *plan.Run) string {
	title := runScenario(run)
	if run.Started.IsZero() {
		return title
	}
	return title + ", " + run.Started.UTC().Format("2 January 2006")
}

// runScenario is the title of a run's scenario.
func runScenario(run *plan.Run) string {
	if t := strings.TrimSpace(run.ScenarioTitle); t != "" {
		return t
	}
	return words(run.ScenarioID)
}

// startedText is when a run started, to the minute.
func startedText(run *plan.Run) string {
	if run.Started.IsZero() {
		return ""
	}
	return run.Started.UTC().Format("2 January 2006, 15:04 UTC")
}

// participants lists who took part, each person once with every role
// they played ("Amira Khan as Incident Manager and Duty Manager"): a run
// records one line per person and role, and people join twice.
func (n *names) participants(ps []plan.Participant) string {
	var order []string
	roles := map[string][]string{}
	for _, p := range ps {
		if _, ok := roles[p.Person]; !ok {
			order = append(order, p.Person)
			roles[p.Person] = nil
		}
		if r := n.role(p.Role); p.Role != "" && !slices.Contains(roles[p.Person], r) {
			roles[p.Person] = append(roles[p.Person], r)
		}
	}
	out := make([]string, len(order))
	for i, id := range order {
		out[i] = n.person(id)
		if rs := roles[id]; len(rs) > 0 {
			out[i] += " as " + strings.Join(rs, " and ")
		}
	}
	return strings.Join(out, "; ")
}

// clock renders an exercise time as T+h:mm:ss (T+mm:ss under an hour), the
// notation scenarios and the exercise console use.
func clock(d plan.Duration) string {
	neg := d < 0
	if neg {
		d = -d
	}
	s := int64(d.D().Seconds())
	h, m, sec := s/3600, s/60%60, s%60
	sign := "+"
	if neg {
		sign = "-"
	}
	if h > 0 {
		return fmt.Sprintf("T%s%d:%02d:%02d", sign, h, m, sec)
	}
	return fmt.Sprintf("T%s%02d:%02d", sign, m, sec)
}

// durText writes a span for a reader ("3 min 36 s", "49 min"), never
// Go's or the plan file's notation.
func durText(d plan.Duration) string { return prose.Duration(d.D()) }

// marginText writes how a task met its deadline: "6 min 24 s to spare",
// "3 min 36 s late", "on the deadline".
func marginText(spare plan.Duration) string { return prose.Margin(spare.D()) }

// runResult returns the scoring of ws.Runs[i] (Assess keeps the order).
func (r *report) runResult(i int) *scoring.RunResult {
	if i < len(r.a.Runs) && r.a.Runs[i].RunID == r.ws.Runs[i].ID {
		return &r.a.Runs[i]
	}
	for j := range r.a.Runs {
		if r.a.Runs[j].RunID == r.ws.Runs[i].ID {
			return &r.a.Runs[j]
		}
	}
	return nil
}

// dimensionName returns a dimension's display name.
func dimensionName(id scoring.DimensionID) string {
	if d, ok := scoring.DimensionByID(id); ok {
		return d.Name
	}
	return string(id)
}
