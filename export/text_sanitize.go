package export

import (
	"strings"

	"drillbook/internal/textclean"
)

// User text reaches reports from workspace files that anyone may have
// edited, so every string is cleaned before a writer sees it, by the rules
// every export shares (drillbook/internal/textclean: invalid UTF-8 and
// control characters become U+FFFD, bidirectional overrides are removed,
// line breaks become LF). gofpdf indexes its width tables by rune and
// would panic or print garbage on malformed bytes.
//
// In the PDF only, any character neither the embedded Noto Sans nor a
// fallback font found on the system (fonts_fallback.go: CJK, Hebrew) has
// a glyph for (emoji, Arabic, …) becomes U+FFFD, which Noto Sans has. An emoji
// with skin-tone modifiers, variation selectors or zero-width joiners
// becomes one U+FFFD rather than several. Tabs become spaces. A few
// symbols the app writes itself (arrows, check marks) are spelt out
// instead ("->").
//
// Excel cells and Markdown keep every printable character: spreadsheet
// apps and Markdown viewers fall back to other fonts, and the workbook is
// the data behind the report.

// substitutes spell out a few symbols the app itself writes (the exercise
// engine labels tasks "notify-stakeholder → Customers") that Noto Sans
// lacks, so they read naturally instead of as U+FFFD.
var substitutes = map[rune]string{
	'→': "->", '←': "<-", '⇒': "=>", '↔': "<->", '✓': "yes", '✔': "yes", '✗': "no", '✘': "no",
}

// isEmojiJoiner reports characters that extend the previous character
// into one picture: ZWJ, variation selectors, skin tones, tag characters,
// the combining enclosing keycap.
func isEmojiJoiner(r rune) bool {
	return r == 0x200D || (r >= 0xFE00 && r <= 0xFE0F) || (r >= 0x1F3FB && r <= 0x1F3FF) ||
		(r >= 0xE0020 && r <= 0xE007F) || r == 0x20E3
}

// pdfText cleans user text for the PDF: the rules every export shares
// (textclean.Clean), then the font's: the result only has characters the
// embedded font can draw, plus newlines.
func pdfText(s string) string {
	if !textclean.NeedsClean(s) {
		return s
	}
	s = textclean.Clean(s)
	var b strings.Builder
	b.Grow(len(s))
	joined := false // the previous output was U+FFFD for a missing glyph
	prevZWJ := false
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteByte('\n')
			joined = false
		case r == '\t':
			b.WriteByte(' ')
			joined = false
		case !hasGlyph(r) && substitutes[r] != "":
			b.WriteString(substitutes[r])
			joined = false
		case canDraw(r):
			if joined && isEmojiJoiner(r) {
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

// pdfLine is pdfText on one line: newlines and runs of spaces collapse to
// single spaces (for table cells and headings that must stay on a line).
func pdfLine(s string) string {
	return strings.Join(strings.Fields(pdfText(s)), " ")
}

// cellText cleans user text for an Excel cell or Markdown (see the rules
// above).
func cellText(s string) string { return textclean.Clean(s) }
