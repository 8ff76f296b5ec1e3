package scoring

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"drillbook/plan"
)

// readerCase is one workspace whose assessment a reader sees.
type readerCase struct {
	name string
	ws   *plan.Workspace
	day  plan.Date
}

// readerCases are the demo, every calibration workspace, and exercised
// workspaces: the demo and two calibration plans with runs played through
// the engine by a strong, a slow and a weak team.
func readerCases(t *testing.T) []readerCase {
	t.Helper()
	cases := []readerCase{{"demo", plan.Demo(), today}}
	for _, c := range loadCalibration(t) {
		ws, day := calibrationWorkspace(t, c)
		cases = append(cases, readerCase{c.File, ws, day})
	}
	for _, c := range loadCalibration(t) {
		if c.File != "mature-saas.json" && c.File != "hollow.json" {
			continue
		}
		for _, team := range []string{"strong", "slow", "weak"} {
			ws, day := calibrationWorkspace(t, c)
			ws.Runs = append(ws.Runs, playRun(t, ws, "leaked-api-key", team, day.Time().AddDate(0, 0, -14)))
			cases = append(cases, readerCase{c.File + "/" + team, ws, day})
		}
	}
	for _, team := range []string{"strong", "slow", "weak"} {
		ws := plan.Demo()
		ws.Runs = append(ws.Runs,
			playRun(t, ws, "dns-zone-suspended", team, today.Time().AddDate(0, 0, -25)),
			playRun(t, ws, "misdirected-patient-list", team, today.Time().AddDate(0, 0, -10)))
		cases = append(cases, readerCase{"demo/" + team, ws, today})
	}
	return cases
}

// readerText lists every string of an assessment and its proposed actions
// that a reader sees, each labelled with where it came from.
func readerText(a *Assessment, acts []plan.Action) [][2]string {
	var out [][2]string
	add := func(label, s string) { out = append(out, [2]string{label, s}) }
	for _, f := range a.Findings {
		add(f.ID+" title", f.Title)
		add(f.ID+" what", f.What)
		add(f.ID+" place", f.Place)
		add(f.ID+" why", f.Why)
		add(f.ID+" recommendation", f.Recommendation)
		for _, e := range f.Evidence {
			add(f.ID+" evidence", e)
		}
		for _, g := range f.Gaps {
			add(f.ID+" gap", g.What)
			add(f.ID+" gap place", g.Place)
		}
	}
	for _, d := range a.Dimensions {
		add(string(d.Dimension.ID)+" capped by", d.CappedBy)
		for _, f := range NextLevel(a, d.Dimension.ID) {
			add(string(d.Dimension.ID)+" next level "+f.ID, f.What)
		}
	}
	add("headline", a.Headline())
	for _, n := range a.Notes {
		add("note", n)
	}
	for _, act := range acts {
		add(act.ID+" text", act.Text)
		add(act.ID+" done when", act.DoneWhen)
		add(act.ID+" notes", act.Notes)
	}
	return out
}

var (
	rawDuration = regexp.MustCompile(`\d+m\d+(\.\d+)?s|\d(\.\d+)?ms\b|\b\d+h\d+m|\b\d+[hmsdw]\b`)
	indexedPath = regexp.MustCompile(`[a-zA-Z]\[\d+\]`)
)

// enumKeys are the plan's and the exercises' machine words that have
// hyphens: a reader should see them in words.
func enumKeys() []string {
	var keys []string
	add := func(k string) {
		if strings.Contains(k, "-") && !slices.Contains(keys, k) && k != "on-call" {
			keys = append(keys, k) // "on-call" is also an English word
		}
	}
	for _, c := range plan.Categories {
		add(string(c))
	}
	for _, f := range plan.Functions {
		add(string(f))
	}
	for _, c := range plan.Channels {
		add(string(c))
	}
	for _, t := range plan.Triggers {
		add(string(t))
	}
	for _, st := range plan.ActionStatuses {
		add(string(st))
	}
	for k := range taskRoutes {
		add(k)
	}
	add(plan.TaskNotNeeded)
	return keys
}

// planIDs are the workspace's IDs that have a name a reader should see
// instead.
func planIDs(ws *plan.Workspace) []string {
	var ids []string
	addID := func(id, name string) {
		if id != "" && name != "" && id != name && strings.Contains(id, "-") && id != "on-call" {
			ids = append(ids, id)
		}
	}
	for _, p := range ws.People {
		addID(p.ID, p.Name)
	}
	for _, r := range ws.Roles {
		addID(r.ID, r.Name)
	}
	for _, r := range ws.Runs {
		addID(r.ID, r.ScenarioTitle)
		addID(r.ScenarioID, r.ScenarioTitle)
	}
	for _, p := range ws.Playbooks {
		addID(p.ID, p.Title)
	}
	for _, tp := range ws.ThirdParties {
		addID(tp.ID, tp.Name)
	}
	for _, st := range ws.Stakeholders {
		addID(st.ID, st.Name)
	}
	for _, it := range ws.IncidentTypes {
		addID(it.ID, it.Name)
	}
	for _, act := range ws.Actions {
		addID(act.ID, act.Text)
	}
	return ids
}

// readerProblem says what is wrong with a reader-facing string, or "".
func readerProblem(s string, ids []string) string {
	if m := rawDuration.FindString(s); m != "" {
		return "raw duration " + m
	}
	if m := indexedPath.FindString(s); m != "" {
		return "plan path " + m
	}
	for _, id := range ids {
		if regexp.MustCompile(`(^|[^\w-])` + regexp.QuoteMeta(id) + `($|[^\w-])`).MatchString(s) {
			return "plan ID " + id
		}
	}
	for _, k := range enumKeys() {
		if regexp.MustCompile(`(^|[^\w-])` + regexp.QuoteMeta(k) + `($|[^\w-])`).MatchString(s) {
			return "enum key " + k
		}
	}
	for _, bad := range []string{"(s)", "Drillbook", "the app", "propose", "RUN-", "BIND-"} {
		if strings.Contains(s, bad) {
			return "mentions " + bad
		}
	}
	return ""
}

// TestReaderTextIsClientReady holds every string scoring writes for a
// reader to the report's standard: no raw durations, plan paths, IDs or
// enum keys, no mention of the tool.
func TestReaderTextIsClientReady(t *testing.T) {
	dump := os.Getenv("DUMP_READER_TEXT") != ""
	for _, c := range readerCases(t) {
		a := Assess(c.ws, c.day)
		acts := ProposeActions(a, c.ws, c.day)
		ids := planIDs(c.ws)
		// Task labels are written by the exercise engine and quoted as
		// they are; the scenarios package answers for their wording.
		var labels []string
		for _, r := range c.ws.Runs {
			for _, tk := range r.Tasks {
				labels = append(labels, "“"+tk.Label+"”")
			}
		}
		slices.SortFunc(labels, func(a, b string) int { return len(b) - len(a) })
		for _, l := range readerText(a, acts) {
			if dump {
				fmt.Printf("%s | %s | %s\n", c.name, l[0], l[1])
			}
			text := l[1]
			for _, lb := range labels {
				text = strings.ReplaceAll(text, lb, "“…”")
			}
			if p := readerProblem(text, ids); p != "" {
				t.Errorf("%s: %s: %s in %q", c.name, l[0], p, l[1])
			}
		}
	}
}

// TestProposedActionsAreDistinct: over every reader workspace, no two
// proposed actions say the same thing, none repeats an action already in
// the plan, and each has an owner role of the plan, a due date and a
// completion test; accepted, marked done and proposed again, the second
// attempt still reads differently from the first.
func TestProposedActionsAreDistinct(t *testing.T) {
	for _, c := range readerCases(t) {
		for round := 0; round < 2; round++ {
			a := Assess(c.ws, c.day)
			acts := ProposeActions(a, c.ws, c.day)
			texts := map[string]string{}
			for _, act := range c.ws.Actions {
				texts[act.Text] = "the plan's " + act.ID
			}
			for _, act := range acts {
				if other, dup := texts[act.Text]; dup {
					t.Errorf("%s round %d: %s says the same as %s: %q", c.name, round, act.ID, other, act.Text)
				}
				texts[act.Text] = act.ID
				if c.ws.Role(act.OwnerRole) == nil || act.Due.IsZero() || act.DoneWhen == "" {
					t.Errorf("%s: %s has owner role %q, due %s, done when %q", c.name, act.ID, act.OwnerRole, act.Due, act.DoneWhen)
				}
			}
			// Accept them all and mark them done: the findings persist,
			// so the next round proposes second attempts.
			for _, act := range acts {
				act.Status = plan.ActionDone
				c.ws.Actions = append(c.ws.Actions, act)
			}
		}
	}
}

// TestCatalogueIsReaderText holds the criteria's own texts (shown in
// reports beside each finding) to the same standard.
func TestCatalogueIsReaderText(t *testing.T) {
	for _, c := range Criteria() {
		for _, s := range []string{c.Title, c.Missing, c.Why, c.Recommendation} {
			if p := readerProblem(s, nil); p != "" {
				t.Errorf("%s: %s in %q", c.ID, p, s)
			}
		}
	}
	for d, s := range exerciseAdvice {
		if p := readerProblem(s+" "+exerciseWhy[d], nil); p != "" {
			t.Errorf("%s exercise advice: %s", d, p)
		}
	}
}
