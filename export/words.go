package export

import (
	"regexp"
	"strings"

	"drillbook/plan"
)

// words writes a machine word of any string type for a reader
// (plan.Words).
func words[S ~string](key S) string { return plan.Words(string(key)) }

// wordList joins the words of several keys by commas.
func wordList[S ~string](keys []S) string { return joinMapped(keys, words[S]) }

// dayWords are the rota's days as printed ("Mon, Tue").
func dayWords(days []plan.Weekday) string {
	return joinMapped(days, func(d plan.Weekday) string {
		s := string(d)
		if s == "" {
			return s
		}
		return strings.ToUpper(s[:1]) + s[1:]
	})
}

// labelWords rewrites a task label the engine wrote with machine words
// ("On-call Engineer: assign-incident-manager", "Report to the ICO within
// 72h", "if no-update after 15m") into words ("… Assign an incident
// manager", "within 3 days", "if no update after 15 min").
func labelWords(label string) string { return readable(label, nil) }

// readable rewrites machine words in a sentence the app wrote (a task
// label, a finding): a whole token that is a run ID becomes its entry in
// runs, one in the plan's duration notation ("15m", "180d") becomes
// prose, and a hyphenated machine key ("report-deadline") its words. Only
// whole tokens are replaced, so "on-call" or a name such as "Resolve-team"
// keeps its spelling.
func readable(s string, runs map[string]string) string {
	return idToken.ReplaceAllStringFunc(s, func(tok string) string {
		if t, ok := runs[tok]; ok {
			return t
		}
		if planDuration.MatchString(tok) {
			if d, err := plan.ParseDuration(tok); err == nil {
				return durText(d)
			}
		}
		if w, ok := plan.MachineWord(tok); ok && strings.Contains(tok, "-") {
			return w
		}
		return tok
	})
}

var (
	// idToken is a whole plan ID or word (letters, digits, ".", "_",
	// "-"), not counting a full stop that ends a sentence.
	idToken = regexp.MustCompile(`[A-Za-z0-9_](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?`)
	// planDuration is the plan file's notation ("15m", "1h30m", "3d").
	planDuration = regexp.MustCompile(`^(?:\d+[wdhms])+$`)
)

// refWords writes a scenario reference ("stakeholder:internal-staff") as
// words: "stakeholder “internal staff”".
func refWords(ref string) string {
	kind, key, ok := strings.Cut(ref, ":")
	if !ok {
		return "“" + words(ref) + "”"
	}
	return words(kind) + " “" + words(key) + "”"
}
