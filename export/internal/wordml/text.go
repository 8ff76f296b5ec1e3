package wordml

import (
	"strings"
	"unicode/utf8"
)

// isXMLChar reports the characters XML 1.0 allows (section 2.2, "Char"):
// tab, LF, CR, and everything from U+0020 except the surrogates and
// U+FFFE/U+FFFF. Anything else makes a part unreadable, and Word then
// offers to repair the whole document.
func isXMLChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= utf8.MaxRune)
}

// escape writes s as XML character data or an attribute value: the five
// specials become entities, and what XML forbids (and invalid UTF-8)
// becomes U+FFFD, visible rather than silently dropped. Callers clean
// user text first (textclean); this is the writer's own guarantee.
func escape(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r == '\r' || r == '\n' || r == '\t':
			// In an attribute a raw newline would be normalised to a
			// space by the reader anyway; say so explicitly.
			b.WriteByte(' ')
		case !isXMLChar(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
}

// attr is s escaped for an attribute value.
func attr(s string) string {
	var b strings.Builder
	escape(&b, s)
	return b.String()
}

// writeText writes s as the content of a run: lines become w:br, tabs
// w:tab, and each piece a w:t that keeps its spaces.
func writeText(b *strings.Builder, s string) {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	first := true
	for line := range strings.SplitSeq(s, "\n") {
		if !first {
			b.WriteString("<w:br/>")
		}
		first = false
		for j, piece := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteString("<w:tab/>")
			}
			if piece == "" {
				continue
			}
			b.WriteString(`<w:t xml:space="preserve">`)
			escape(b, piece)
			b.WriteString("</w:t>")
		}
	}
}
