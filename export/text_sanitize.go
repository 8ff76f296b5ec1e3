package export

import (
	"strings"
	"unicode/utf8"
)

// User text reaches reports from workspace files that anyone may have
// edited, so every string is cleaned before a writer sees it:
//
//   - Invalid UTF-8 becomes U+FFFD (gofpdf indexes its width tables by
//     rune and would panic or print garbage on malformed bytes).
//   - Bidirectional formatting characters (U+202A–U+202E embeddings and
//     overrides, U+2066–U+2069 isolates, U+200E/U+200F/U+061C marks) are
//     removed, so a name cannot reverse or reorder the text around it
//     ("Trojan Source"-style spoofing) in a PDF viewer, in Excel, or when
//     text is copied out of either.
//   - Control characters (C0 except tab and newline, DEL, C1) including
//     NUL become U+FFFD: visibly replaced, never silently dropped, and
//     never written raw into XML or a PDF content stream.
//   - CR LF and lone CR become LF; U+2028/U+2029 become LF.
//   - In the PDF only, any character the embedded Noto Sans has no glyph
//     for (emoji, CJK, Arabic, …) becomes U+FFFD, which it does have. An
//     emoji with skin-tone modifiers, variation selectors or zero-width
//     joiners becomes one U+FFFD rather than several. Tabs become spaces.
//     A few symbols the app writes itself (arrows, check marks) are spelt
//     out instead ("->").
//
// Excel cells keep every printable character: spreadsheet apps fall back
// to other fonts, and the workbook is the data behind the report.

// substitutes spell out a few symbols the app itself writes (the exercise
// engine labels tasks "notify-stakeholder → Customers") that Noto Sans
// lacks, so they read naturally instead of as U+FFFD.
var substitutes = map[rune]string{
	'→': "->", '←': "<-", '⇒': "=>", '↔': "<->", '✓': "yes", '✔': "yes", '✗': "no", '✘': "no",
}

// isBidiControl reports the characters that change text direction.
func isBidiControl(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200E, r == 0x200F, r == 0x061C:
		return true
	}
	return false
}

// isControl reports control characters other than tab and newline, and
// the XML-invalid noncharacters U+FFFE and U+FFFF.
func isControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7F && r <= 0x9F) || r == 0xFFFE || r == 0xFFFF
}

// isEmojiJoiner reports characters that extend the previous character
// into one picture: ZWJ, variation selectors, skin tones, tag characters,
// the combining enclosing keycap.
func isEmojiJoiner(r rune) bool {
	return r == 0x200D || (r >= 0xFE00 && r <= 0xFE0F) || (r >= 0x1F3FB && r <= 0x1F3FF) ||
		(r >= 0xE0020 && r <= 0xE007F) || r == 0x20E3
}

// needsClean is a fast check: plain printable ASCII (the bulk of generated
// and typical text) needs no work.
func needsClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c < 0x20 || c == 0x7F {
			return true
		}
	}
	return false
}

// clean applies the rules common to both formats; forPDF adds the glyph
// check and turns tabs into spaces.
func clean(s string, forPDF bool) string {
	if !needsClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	joined := false // the previous output was U+FFFD for a missing glyph
	prevZWJ := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(replacement)
			joined = false
		case r == '\r':
			b.WriteByte('\n')
			if i < len(s) && s[i] == '\n' {
				i++
			}
			joined = false
		case r == '\n' || r == 0x2028 || r == 0x2029:
			b.WriteByte('\n')
			joined = false
		case r == '\t' && forPDF:
			b.WriteByte(' ')
			joined = false
		case isBidiControl(r):
			// dropped
		case isControl(r):
			b.WriteRune(replacement)
			joined = false
		case forPDF && !hasGlyph(r) && substitutes[r] != "":
			b.WriteString(substitutes[r])
			joined = false
		case !forPDF || hasGlyph(r):
			if forPDF && joined && isEmojiJoiner(r) {
				// a joiner the font has (ZWJ) inside a replaced emoji
				prevZWJ = r == 0x200D
				continue
			}
			b.WriteRune(r)
			joined = false
		default:
			// Missing glyph: one replacement per picture.
			if joined && (prevZWJ || isEmojiJoiner(r)) {
				prevZWJ = r == 0x200D
				continue
			}
			b.WriteRune(replacement)
			joined = true
			prevZWJ = r == 0x200D
		}
		if !joined {
			prevZWJ = false
		}
	}
	return b.String()
}

// pdfText cleans user text for the PDF: the result only has characters
// the embedded font can draw, plus newlines.
func pdfText(s string) string { return clean(s, true) }

// pdfLine is pdfText on one line: newlines and runs of spaces collapse to
// single spaces (for table cells and headings that must stay on a line).
func pdfLine(s string) string {
	return strings.Join(strings.Fields(pdfText(s)), " ")
}

// cellText cleans user text for an Excel cell (see the rules above).
func cellText(s string) string { return clean(s, false) }
