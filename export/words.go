package export

import (
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
//
// A token is a whole plan ID or word: letters, digits, "_", and "." or
// "-" inside it (not a full stop that ends a sentence). The workbook runs
// this on every cell of its exercise log, so tokens are found by one scan
// of the bytes rather than a regular expression, and a sentence with
// nothing to replace is returned as it is, without a copy.
func readable(s string, runs map[string]string) string {
	var b strings.Builder
	done := 0 // s[:done] has been written to b
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		start, end := i, i+1
		for j := i + 1; j < len(s) && (isWordByte(s[j]) || s[j] == '.' || s[j] == '-'); j++ {
			if isWordByte(s[j]) {
				end = j + 1
			}
		}
		i = end
		w, ok := tokenWords(s[start:end], runs)
		if !ok {
			continue
		}
		if done == 0 {
			b.Grow(len(s) + len(w))
		}
		b.WriteString(s[done:start])
		b.WriteString(w)
		done = end
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// isWordByte reports the bytes a token starts and ends with.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// tokenWords is what readable writes for a token, and whether it differs.
func tokenWords(tok string, runs map[string]string) (string, bool) {
	if t, ok := runs[tok]; ok {
		return t, true
	}
	if isPlanDuration(tok) {
		if d, err := plan.ParseDuration(tok); err == nil {
			return durText(d), true
		}
	}
	if strings.Contains(tok, "-") {
		return plan.MachineWord(tok)
	}
	return "", false
}

// isPlanDuration reports the plan file's duration notation: one or more
// numbers each followed by a unit ("15m", "1h30m", "3d").
func isPlanDuration(s string) bool {
	digits := false // digits since the last unit
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits = true
		case digits && strings.IndexByte("wdhms", c) >= 0:
			digits = false
		default:
			return false
		}
	}
	return s != "" && !digits
}

// refWords writes a scenario reference ("stakeholder:internal-staff") as
// words: "stakeholder “internal staff”".
func refWords(ref string) string {
	kind, key, ok := strings.Cut(ref, ":")
	if !ok {
		return "“" + words(ref) + "”"
	}
	return words(kind) + " “" + words(key) + "”"
}
