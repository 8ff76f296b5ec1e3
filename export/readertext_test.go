package export

import (
	"context"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"drillbook/plan"
)

// Reader-text rules: what a client reading a report must never see. The
// PDF, Markdown and workbook tests share them (readerProblems), so every
// output is held to one list.

// readerPatterns are machine forms by name.
var readerPatterns = []struct {
	name string
	re   *regexp.Regexp
}{
	// Go's or the plan file's duration notation: "49m28s175.3ms", "15m",
	// "180d" (prose writes "49 min", "15 min", "180 days").
	{"raw duration", regexp.MustCompile(`\b\d+(?:\.\d+)?(?:ms|µs|ns|[wdhms])(?:\d+(?:\.\d+)?(?:ms|µs|ns|[hms]))*\b`)},
	// a plan path with an index: "people[0].deputy", "runs[1]"
	{"plan path", regexp.MustCompile(`\w+\[\d+\]`)},
	{"wrong plural", regexp.MustCompile(`\b1 (?:exercises|exercise runs|tasks|findings|actions|places|people|assessments|days|criteria|more lines)\b|\(s\)`)},
}

// enumKeys are the plan's machine words that are not English as written.
func enumKeys() []string {
	var keys []string
	for _, k := range plan.MachineWords() {
		// "business-hours" is also how English writes the adjective ("a
		// business-hours queue"), and a key whose words are the key itself
		// ("on-call") is English already, so only the other keys count.
		if w, _ := plan.MachineWord(k); strings.ContainsAny(k, "-0123456789") && k != string(plan.CoverageBusinessHours) && w != k {
			keys = append(keys, k)
		}
	}
	keys = append(keys, string(plan.Coverage24x7), plan.TaskNotNeeded)
	slices.Sort(keys)
	return slices.Compact(keys)
}

// internalIDs are the workspace's IDs a reader must not see: people,
// roles, runs and scenarios (whole words only, and only IDs that are not
// also plain words, such as a role with the ID "triage").
func internalIDs(ws *plan.Workspace) []string {
	var ids []string
	add := func(id string) {
		if strings.ContainsAny(id, "-_.0123456789") {
			ids = append(ids, id)
		}
	}
	for _, p := range ws.People {
		add(p.ID)
	}
	for _, r := range ws.Roles {
		add(r.ID)
	}
	for _, r := range ws.Runs {
		add(r.ID)
		add(r.ScenarioID)
	}
	return ids
}

// readerAllowed are lines that break a rule on purpose or not by export's
// doing: text authored in the built-in scenarios (a DNS record's TTL, a
// monitor's name), and sentences scoring writes that its own wording
// change fixes (remove them once it has landed).
var readerAllowed = []string{
	"SOA minimum 3600s",         // scenario inject text, quoted from a DNS console
	"status-page FAIL dial tcp", // scenario inject text, a monitor's output
	"over 1 tasks",              // scoring: exercise gap wording
}

// readerProblems lists every rule text breaks, each with the line it is
// on, for a test to report.
func readerProblems(ws *plan.Workspace, text string) []string {
	var out []string
	lines := slices.DeleteFunc(strings.Split(text, "\n"), func(l string) bool {
		return slices.ContainsFunc(readerAllowed, func(a string) bool { return strings.Contains(l, a) })
	})
	for _, p := range readerPatterns {
		for _, l := range lines {
			if m := p.re.FindString(l); m != "" {
				out = append(out, p.name+" "+strconvQuote(m)+" in: "+strings.TrimSpace(l))
			}
		}
	}
	words := map[string]string{}
	for _, k := range enumKeys() {
		words[k] = "enum key"
	}
	for _, id := range internalIDs(ws) {
		words[id] = "internal ID"
	}
	for _, l := range lines {
		for _, tok := range idToken.FindAllString(l, -1) {
			if what, ok := words[tok]; ok {
				out = append(out, what+" "+strconvQuote(tok)+" in: "+strings.TrimSpace(l))
			}
		}
	}
	return out
}

func strconvQuote(s string) string { return "“" + s + "”" }

// markdownMarks are Markdown syntax printed as symbols in the PDF.
var markdownMarks = regexp.MustCompile("\\*\\*|`|^\\s*> |(?:^|\\s)\\*[^\\s*][^*]*\\*(?:\\s|$|[.,;:])|(?:^|\\s)_[^\\s_][^_]*_(?:\\s|$|[.,;:])")

// exercisedAndDemo are the two workspaces every reader-text test reads:
// the demo as shipped (no exercise) and the demo with two played runs.
func exercisedAndDemo(t *testing.T) map[string]*plan.Workspace {
	return map[string]*plan.Workspace{"demo": plan.Demo(), "exercised": demoWorkspace(t)}
}

func reportProblems(t *testing.T, what string, ws *plan.Workspace, text string) {
	t.Helper()
	probs := readerProblems(ws, text)
	for _, p := range probs[:min(len(probs), 40)] {
		t.Errorf("%s: %s", what, p)
	}
	if len(probs) > 40 {
		t.Errorf("%s: … and %d more", what, len(probs)-40)
	}
}

func TestPDFReadsAsWords(t *testing.T) {
	for name, ws := range exercisedAndDemo(t) {
		t.Run(name, func(t *testing.T) {
			// -raw keeps the content order, where the layout modes join "4 h"
			// in a narrow column into "4h".
			pdf := makePDF(t, Input{Workspace: ws}, demoOpts)
			text := pdfToText(t, pdf, "-raw")
			reportProblems(t, "PDF properties", ws, pdfInfo(pdf))
			// The appendix's traceability table is the one place for
			// references; everything before it is read by the client.
			body, _, _ := strings.Cut(text, "Traceability\n")
			reportProblems(t, "PDF", ws, body)
			for _, l := range strings.Split(body, "\n") {
				if m := markdownMarks.FindString(l); m != "" {
					t.Errorf("PDF prints Markdown %q in: %s", m, strings.TrimSpace(l))
				}
			}
		})
	}
}

func TestMarkdownReadsAsWords(t *testing.T) {
	linkTarget := regexp.MustCompile(`\]\([^)]*\)`)
	for name, ws := range exercisedAndDemo(t) {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "md")
			if err := Markdown(context.Background(), dir, Input{Workspace: ws}, Options{Date: reportDay}, nil); err != nil {
				t.Fatal(err)
			}
			for path, body := range treeOf(t, dir) {
				if strings.HasPrefix(path, "playbooks"+string(filepath.Separator)) {
					// Playbook files are plan/playbookmd's round-trip
					// format (IDs and durations as the reader parses
					// them back); their wording is that package's.
					continue
				}
				reportProblems(t, path, ws, linkTarget.ReplaceAllString(body, "]"))
			}
		})
	}
}
