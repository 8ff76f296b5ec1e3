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
//
// It is called for every step of every playbook, so long texts (which are
// never placeholders unless they start like one) are judged without
// allocating.
func Placeholder(text string) bool {
	t := strings.TrimRight(strings.TrimSpace(text), ".!:;, ")
	if t == "" {
		return true
	}
	if len(t) >= len("lorem ipsum") && strings.EqualFold(t[:len("lorem ipsum")], "lorem ipsum") {
		return true
	}
	notWord := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	first := t
	if i := strings.IndexFunc(first, func(r rune) bool { return !notWord(r) }); i >= 0 {
		first = first[i:] // skip leading punctuation: "(TBC) the phone"
	}
	if i := strings.IndexFunc(first, notWord); i >= 0 {
		first = first[:i]
	}
	if leadWord(first) {
		return true
	}
	if len(t) <= shortText {
		l := strings.ToLower(t)
		if placeholders[l] {
			return true
		}
		// A short text that says "to be confirmed" anywhere ("Regulator
		// (TBC)") has not been answered either.
		words := strings.FieldsFunc(l, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if len(words) <= 3 && slices.ContainsFunc(words, leadWord) {
			return true
		}
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

// shortText bounds the texts that can be a whole-text placeholder.
const shortText = 40

func leadWord(w string) bool {
	if len(w) < 3 || len(w) > 5 { // tbc … fixme
		return false
	}
	return placeholderLead[strings.ToLower(w)]
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
