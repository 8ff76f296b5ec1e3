// Package mdtext is the one sanitiser for user text in the Markdown files
// Drillbook writes: the plan export (drillbook/export) and the playbooks
// (drillbook/plan) both put every user string through it, so a name, a
// description or a step can neither inject HTML or links nor write control
// characters into a file that wikis and viewers render.
//
// Plain text (names, descriptions, table cells) is made literal with HTML
// entities rather than backslashes: every CommonMark renderer reads both,
// but the app's own Markdown view (Fyne) decodes entities and shows
// backslashes as typed. Text the user writes as Markdown (playbook steps
// and summaries) keeps its formatting; only raw HTML is disarmed there.
// Both directions are exact inverses, so playbooks survive a round trip.
// StripRemoteImages replaces the images of user Markdown that would load
// something from the network.
package mdtext

import (
	"html"
	"strings"

	"drillbook/internal/textclean"
)

// entities replaces the characters that could start Markdown structure,
// HTML, a link or an image, or a table cell, with entities.
var entities = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	"[", "&lbrack;", "]", "&rbrack;", "|", "&vert;",
	"*", "&ast;", "_", "&lowbar;", "`", "&grave;", "~", "&#126;",
	`\`, "&bsol;",
)

// Inline makes user text literal on one line of Markdown: cleaned
// (textclean), runs of white space and line breaks collapsed to a space,
// and every character with a meaning in Markdown written as an entity.
// "#" means something only at the start of a line or the end of a
// heading, and a list marker or setext underline only at the start, so
// those are escaped there only, keeping "#incidents" and "+44" readable.
func Inline(s string) string {
	s = strings.Join(strings.Fields(textclean.Clean(s)), " ")
	s = lineStart(entities.Replace(s))
	if strings.HasSuffix(s, "#") {
		s = s[:len(s)-1] + "&num;" // a closing sequence would drop it from a heading
	}
	return s
}

// Lines is Inline for each line of multi-line text, blank lines at the
// ends dropped: paragraphs and table cells keep the user's line breaks.
func Lines(s string) []string {
	lines := strings.Split(strings.TrimSpace(textclean.Clean(s)), "\n")
	for i, l := range lines {
		lines[i] = Inline(l)
	}
	return lines
}

// Unescape reverses Inline (and reads the entities and backslash escapes
// of hand-written Markdown, as a renderer would). The result is cleaned as
// Inline cleans, since an entity such as "&#1;" spells a control character.
func Unescape(s string) string {
	if strings.IndexByte(s, '\\') >= 0 {
		s = unescapeBackslashes(s)
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = textclean.Clean(html.UnescapeString(s))
	}
	return s
}

// lineStart escapes what would make an inline string start a block: a
// heading ("# x"), a list item ("- x", "+ x", "1. x", "1) x") or a setext
// underline or rule ("===", "---").
func lineStart(s string) string {
	if s == "" {
		return s
	}
	marker := func(i int) bool { return i == len(s) || s[i] == ' ' } // after a list marker
	hashes := len(s) - len(strings.TrimLeft(s, "#"))
	switch c := s[0]; {
	case c == '#' && hashes <= 6 && marker(hashes):
		return "&num;" + s[1:]
	case (c == '-' || c == '+') && marker(1):
		return map[byte]string{'-': "&#45;", '+': "&plus;"}[c] + s[1:]
	case (c == '-' || c == '=') && strings.Trim(s, string(c)+" ") == "":
		return map[byte]string{'-': "&#45;", '=': "&equals;"}[c] + s[1:]
	}
	i := 0
	for i < len(s) && i < 10 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') && marker(i+1) {
		return s[:i] + map[byte]string{'.': "&period;", ')': "&rpar;"}[s[i]] + s[i+1:]
	}
	return s
}

// unescapeBackslashes removes the backslash of a CommonMark escape (one
// before ASCII punctuation).
func unescapeBackslashes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return c > ' ' && c < 0x7f && !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')
}
