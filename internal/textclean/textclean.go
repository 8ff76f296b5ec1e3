// Package textclean holds the rules every export applies to user text,
// which reaches reports from workspace files anyone may have edited:
//
//   - Invalid UTF-8 becomes U+FFFD.
//   - Bidirectional formatting characters (U+202A–U+202E embeddings and
//     overrides, U+2066–U+2069 isolates, U+200E/U+200F/U+061C marks) are
//     removed, so a name cannot reverse or reorder the text around it
//     ("Trojan Source"-style spoofing) in a viewer or when copied out.
//   - Control characters (C0 except tab and newline, DEL, C1) including
//     NUL, and the noncharacters U+FFFE/U+FFFF, become U+FFFD: visibly
//     replaced, never silently dropped, never written raw.
//   - CR LF and lone CR become LF; U+2028/U+2029 become LF.
//
// The PDF adds its own glyph rules on top (drillbook/export).
package textclean

import (
	"strings"
	"unicode/utf8"
)

// Replacement is written in place of what cannot be shown.
const Replacement = '\uFFFD'

// IsBidiControl reports the characters that change text direction.
func IsBidiControl(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200E, r == 0x200F, r == 0x061C:
		return true
	}
	return false
}

// IsControl reports control characters other than tab and newline, and
// the XML-invalid noncharacters U+FFFE and U+FFFF.
func IsControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7F && r <= 0x9F) || r == 0xFFFE || r == 0xFFFF
}

// NeedsClean is a fast check: plain printable ASCII (the bulk of generated
// and typical text) needs no work.
func NeedsClean(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c < 0x20 || c == 0x7F {
			return true
		}
	}
	return false
}

// Clean applies the rules above. Text they leave as it is (most
// non-ASCII text: accents, quotes, dashes) is returned without a copy.
func Clean(s string) string {
	if !NeedsClean(s) || isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(Replacement)
		case r == '\r':
			b.WriteByte('\n')
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case r == 0x2028 || r == 0x2029:
			b.WriteByte('\n')
		case IsBidiControl(r):
			// dropped
		case IsControl(r):
			b.WriteRune(Replacement)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isClean reports whether Clean would return s unchanged.
func isClean(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size == 1 || r == '\r' || r == 0x2028 || r == 0x2029 || IsBidiControl(r) || IsControl(r) {
			return false
		}
	}
	return true
}
