package plan

import (
	"slices"
	"strings"
	"unicode"
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
	t := strings.ToLower(strings.TrimSpace(text))
	t = strings.TrimRight(t, ".!:;, ")
	if t == "" || placeholders[t] || strings.HasPrefix(t, "lorem ipsum") {
		return true
	}
	words := strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) > 0 && placeholderLead[words[0]] {
		return true
	}
	// A short text that says "to be confirmed" anywhere ("Regulator
	// (TBC)") has not been answered either.
	if len(words) <= 3 && slices.ContainsFunc(words, func(w string) bool { return placeholderLead[w] }) {
		return true
	}
	n := 0
	for _, r := range t {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
			if n >= 3 {
				return false
			}
		}
	}
	return true
}

// PlausibleContact reports whether a contact could actually be used: its
// value is not placeholder text and has the form its channel needs (an
// e-mail address with @ and a domain, a phone number with at least six
// digits, a web address for portals, forms and status pages).
func PlausibleContact(c Contact) bool {
	v := strings.TrimSpace(c.Value)
	if Placeholder(v) {
		return false
	}
	switch c.Channel {
	case ChannelEmail:
		local, domain, ok := strings.Cut(v, "@")
		return ok && local != "" && strings.Contains(strings.Trim(domain, "."), ".") && !strings.ContainsAny(v, " \t")
	case ChannelPhone, ChannelSMS:
		digits := 0
		for _, r := range v {
			if unicode.IsDigit(r) {
				digits++
			}
		}
		return digits >= 6
	case ChannelPortal, ChannelStatus, ChannelForm:
		return strings.Contains(v, ".") || strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://")
	}
	return true
}
