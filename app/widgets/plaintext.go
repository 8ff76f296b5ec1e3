package widgets

import (
	"strings"

	"fyne.io/fyne/v2/widget"
)

// PlainFirstLine is the first paragraph (or list item, or code line) of
// Markdown md as plain text for a one-line row: the marks of emphasis,
// code and quotes are gone because it is rendered by the same parser as
// the full text (markdownSegments), while underscores and asterisks that
// are text stay. " …" marks that more follows.
func PlainFirstLine(md string) string {
	var blocks []string
	for _, b := range plainBlocks(markdownSegments(md)) {
		if b = strings.TrimSpace(b); b != "" {
			blocks = append(blocks, b)
		}
	}
	if len(blocks) == 0 {
		return ""
	}
	first, _, more := strings.Cut(blocks[0], "\n")
	if more || len(blocks) > 1 {
		return first + " …"
	}
	return first
}

// plainBlocks is the text of rendered segments, one string per block.
func plainBlocks(segs []widget.RichTextSegment) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		out = append(out, cur.String())
		cur.Reset()
	}
	for _, s := range segs {
		switch s := s.(type) {
		case *widget.ListSegment:
			flush()
			out = append(out, plainBlocks(s.Items)...)
		case *widget.ParagraphSegment:
			flush()
			cur.WriteString(strings.Join(plainBlocks(s.Texts), ""))
			flush()
		default:
			cur.WriteString(s.Textual())
			if !s.Inline() {
				flush()
			}
		}
	}
	flush()
	return out
}
