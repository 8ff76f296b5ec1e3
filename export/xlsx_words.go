package export

import (
	"regexp"
	"slices"
	"strings"

	"drillbook/internal/prose"
	"drillbook/plan"
)

// This file holds the workbook's wording of the plan's machine values.
// The PDF writer words the same values; the two are meant to share one
// table, so keep these small.

// xlKeyWords are machine words (expectation, timer and event kinds,
// statuses) as a reader says them; the expectation kinds follow
// scenarios.ExpectKind.Words, which export cannot import.
var xlKeyWords = map[string]string{
	"acknowledge":                 "Acknowledge",
	"declare-incident":            "Declare the incident",
	"set-severity":                "Set the severity",
	"assign-incident-manager":     "Assign an incident manager",
	"escalate":                    "Escalate",
	"notify-stakeholder":          "Update the stakeholder",
	"contact-third-party":         "Contact the third party",
	"report-to-regulator":         "Report to the regulator",
	"complete-playbook-step":      "Complete a playbook step",
	"decide":                      "Decide",
	"resolve":                     "Resolve",
	"first-update":                "First update",
	"update-cadence":              "Regular update",
	"escalation-rule":             "Escalation rule",
	"stakeholder-update":          "Stakeholder update",
	"report-deadline":             "Regulator report deadline",
	"timer-met":                   "Timer met",
	"timer-start":                 "Timer started",
	plan.SourcePlan:               "Plan deadline",
	plan.SourceScenario:           "Scenario",
	string(plan.ActionInProgress): "in progress",
}

// xlWord writes a machine word for a reader: a known one from
// xlKeyWords, any other with its hyphens as spaces ("in-progress" → "in
// progress").
func xlWord(key string) string {
	if w, ok := xlKeyWords[key]; ok {
		return w
	}
	return strings.ReplaceAll(key, "-", " ")
}

// xlLabel rewrites a label the engine wrote with machine words and plan
// durations ("On-call Engineer: declare-incident", "within 1h30m") in
// words ("… Declare the incident", "within 1 h 30 min"). Only whole
// tokens are replaced, so user text keeps its spelling.
func xlLabel(label string) string { return rewordTokens(label, nil) }

// rewordTokens is xlLabel that also replaces the whole tokens in ids (a
// plan's role and person IDs) by their names.
func rewordTokens(s string, ids map[string]string) string {
	return xlToken.ReplaceAllStringFunc(s, func(tok string) string {
		if xlPlanDuration.MatchString(tok) {
			if d, err := plan.ParseDuration(tok); err == nil {
				return prose.Duration(d.D())
			}
		}
		if w, ok := xlKeyWords[tok]; ok && strings.Contains(tok, "-") {
			return w
		}
		if name, ok := ids[tok]; ok {
			return name
		}
		return tok
	})
}

// planIDs maps the plan's hyphenated role and person IDs to their names,
// for sentences that name them by ID ("the incident-manager role").
func planIDs(r *report) map[string]string {
	m := map[string]string{}
	for _, ro := range r.ws.Roles {
		if strings.Contains(ro.ID, "-") {
			m[ro.ID] = r.names.role(ro.ID)
		}
	}
	for _, p := range r.ws.People {
		if strings.Contains(p.ID, "-") {
			m[p.ID] = r.names.person(p.ID)
		}
	}
	return m
}

var (
	xlToken        = regexp.MustCompile(`[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*`)
	xlPlanDuration = regexp.MustCompile(`^(?:\d+[wdhms])+$`)
)

// xlRunTitle names a run for a reader: its scenario's title and the day
// it was played, never its ID.
func xlRunTitle(run *plan.Run) string {
	title := strings.TrimSpace(run.ScenarioTitle)
	if title == "" {
		title = xlWord(run.ScenarioID)
	}
	if run.Started.IsZero() {
		return title
	}
	return title + ", " + run.Started.UTC().Format("2 January 2006")
}

// runTitles rewrites the sentences the workbook copies from the
// assessment: a run ID, as a whole word (not inside an action ID that
// embeds it), becomes the run's title.
type runTitles struct {
	re     *regexp.Regexp
	titles map[string]string
}

func newRunTitles(ws *plan.Workspace) runTitles {
	rt := runTitles{titles: map[string]string{}}
	var ids []string
	for i := range ws.Runs {
		if id := ws.Runs[i].ID; id != "" {
			rt.titles[id] = xlRunTitle(&ws.Runs[i])
			ids = append(ids, regexp.QuoteMeta(id))
		}
	}
	if len(ids) == 0 {
		return rt
	}
	// Longest first: the leftmost alternative wins.
	slices.SortStableFunc(ids, func(a, b string) int { return len(b) - len(a) })
	rt.re = regexp.MustCompile(`(?:^|[^\w-])(` + strings.Join(ids, "|") + `)(?:$|[^\w-])`)
	return rt
}

func (rt runTitles) replace(s string) string {
	if rt.re == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range rt.re.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(s[last:m[2]])
		b.WriteString(rt.titles[s[m[2]:m[3]]])
		last = m[3]
	}
	b.WriteString(s[last:])
	return b.String()
}

// anonymiser is applied to every text cell of a non-attributable
// workbook: each person's name becomes the label the report's names give
// the person (their role), so does the person's ID, and their e-mail
// addresses and phone numbers are withheld, so free text (event logs, notes, findings) names nobody.
// It is nil for an attributable workbook.
func anonymiser(r *report) *strings.Replacer {
	if !r.opts.NonAttributable {
		return nil
	}
	var pairs [][2]string
	for _, p := range r.ws.People {
		if label := r.names.person(p.ID); strings.TrimSpace(p.Name) != "" && label != p.Name {
			pairs = append(pairs, [2]string{p.Name, label})
			// IDs are usually the name written as a slug ("amira-khan").
			if len(p.ID) > 3 {
				pairs = append(pairs, [2]string{p.ID, label})
			}
		}
		for _, c := range p.Contacts {
			if len(strings.TrimSpace(c.Value)) > 3 {
				pairs = append(pairs, [2]string{c.Value, "(withheld)"})
			}
		}
	}
	return replacer(pairs)
}

// replacer replaces the longest match first, so a name that starts
// another is not replaced inside it.
func replacer(pairs [][2]string) *strings.Replacer {
	slices.SortStableFunc(pairs, func(a, b [2]string) int { return len(b[0]) - len(a[0]) })
	flat := make([]string, 0, 2*len(pairs))
	for _, p := range pairs {
		flat = append(flat, p[0], p[1])
	}
	return strings.NewReplacer(flat...)
}

// text is a sentence copied from the assessment or a run as the
// workbook prints it: run IDs as run titles (runTitles), machine words,
// plan durations and role and person IDs in words (rewordTokens).
func (x *xlsxDoc) text(s string) string {
	if s == "" {
		return s
	}
	return rewordTokens(x.runs.replace(s), x.ids)
}
