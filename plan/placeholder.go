package plan

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// placeholders are the words people type to fill a field they have not
// answered yet.
var placeholders = map[string]bool{
	"tbc": true, "tbd": true, "tba": true, "todo": true, "to do": true, "n/a": true, "na": true,
	"none": true, "nil": true, "null": true, "-": true, "--": true, "?": true, "??": true,
	"...": true, "…": true, "x": true, "xx": true, "xxx": true, "placeholder": true,
	"to be confirmed": true, "to be decided": true, "to be defined": true, "to be agreed": true,
	"fill in": true, "fill in later": true, "later": true, "pending": true, "unknown": true, "test": true,
}

// placeholderLead are first words that mark the whole text as unanswered
// ("TBC - ask Sam", "TODO: write this").
var placeholderLead = map[string]bool{"tbc": true, "tbd": true, "tba": true, "todo": true, "fixme": true, "xxx": true}

// Placeholder reports whether text says nothing: empty, a placeholder
// ("TBC", "-", "n/a", "lorem ipsum…", "TODO: …") or only a couple of letters
// or digits. It is the one notion of "missing text" that the assessment's
// criteria and the guide's questions share, so a field filled with "TBC"
// is neither answered nor scored.
func Placeholder(text string) bool {
	t := strings.TrimRight(strings.TrimSpace(text), ".!:;, ")
	if t == "" {
		return true
	}
	// Only the parts the checks read are lower-cased, never a whole long
	// text: the assessment asks this of every step of every playbook, and
	// lower-casing and splitting whole steps was most of its time on the
	// large workspace. A rune takes at most utf8.UTFMax bytes, so a text
	// longer than that many times the longest placeholder cannot be one.
	if len(t) <= utf8.UTFMax*longestPlaceholder && placeholders[strings.ToLower(t)] {
		return true
	}
	if strings.HasPrefix(strings.ToLower(t[:min(len(t), utf8.UTFMax*len(loremIpsum))]), loremIpsum) {
		return true
	}
	// The first word, as a run of letters and digits: lower-casing keeps
	// letters letters, so the word is the same before and after.
	if i := strings.IndexFunc(t, letterOrDigit); i >= 0 {
		w := t[i:]
		if j := strings.IndexFunc(w, func(r rune) bool { return !letterOrDigit(r) }); j >= 0 {
			w = w[:j]
		}
		if len(w) <= utf8.UTFMax*longestLead && placeholderLead[strings.ToLower(w)] {
			return true
		}
	}
	n := 0
	for _, r := range t {
		if letterOrDigit(r) {
			n++
			if n >= 3 {
				return false
			}
		}
	}
	return true
}

const loremIpsum = "lorem ipsum"

// The lengths in bytes of the longest placeholder and lead word.
var longestPlaceholder, longestLead = longestKey(placeholders), longestKey(placeholderLead)

func longestKey(m map[string]bool) int {
	n := 0
	for k := range m {
		n = max(n, len(k))
	}
	return n
}

func letterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
