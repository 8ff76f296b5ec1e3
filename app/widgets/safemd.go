package widgets

import (
	"fmt"
	"strings"
	"unicode"

	"fyne.io/fyne/v2/widget"

	"drillbook/internal/mdtext"
)

// Rendering text: this file is the only place the GUI parses Markdown (a
// test in package app fails on any other call of Fyne's Markdown parser
// anywhere under app/). The app works offline and a fetched image would
// tell a third party that a playbook was opened; Fyne also refetches an
// image on every redraw and crashes on a reply that is not an image. So
// every image Fyne's parser finds, local or remote, is replaced by a
// visible placeholder before the segments reach a widget; nothing is ever
// fetched. Links stay links: Fyne opens them only when the user clicks.

// markdownSegments parses md as Fyne's RichText does, with every image
// replaced by text. Literal underscores, asterisks and brackets are
// spelled as character references first (mdtext.Literal): Fyne would put
// a space wherever goldmark splits text at one ("svchost_ .exe").
func markdownSegments(md string) []widget.RichTextSegment {
	return tidy(widget.NewRichTextFromMarkdown(mdtext.Literal(md)).Segments)
}

// tidy replaces image segments, at any depth, by placeholders, and clips
// words too long to wrap (a pasted 10,000-character name): Fyne measures
// such a word over and over to break it, stalling the view for seconds.
func tidy(segs []widget.RichTextSegment) []widget.RichTextSegment {
	for i, s := range segs {
		switch s := s.(type) {
		case *widget.ImageSegment:
			segs[i] = &widget.TextSegment{Style: widget.RichTextStyleInline, Text: imagePlaceholder(s)}
		case *widget.TextSegment:
			s.Text = clipWords(s.Text)
		case *widget.HyperlinkSegment:
			s.Text = clipWords(s.Text)
		case *widget.ParagraphSegment:
			s.Texts = tidy(s.Texts)
		case *widget.ListSegment:
			s.Items = tidy(s.Items)
		}
	}
	return segs
}

// clipWords clips every run of more than ShownRunes non-space runes.
func clipWords(s string) string {
	if len(s) <= ShownRunes {
		return s
	}
	var b strings.Builder
	run := 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			run = 0
		} else if run++; run > ShownRunes {
			if run == ShownRunes+1 {
				b.WriteRune('…')
			}
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// imagePlaceholder marks where an image is not shown, with its title
// when it has one (Fyne's parser drops the alternative text). The address
// is left out: it may be a tracker's.
func imagePlaceholder(s *widget.ImageSegment) string {
	what := s.Title
	if r := []rune(what); len(r) > 80 {
		what = string(r[:80]) + "…"
	}
	if what == "" {
		return "[image]"
	}
	return "[image: " + what + "]"
}

// SetMarkdown shows Markdown in rt, without images.
func SetMarkdown(rt *widget.RichText, md string) {
	rt.Segments = markdownSegments(md)
	rt.Refresh()
}

// NewMarkdown is a RichText showing Markdown, without images.
func NewMarkdown(md string) *widget.RichText {
	return widget.NewRichText(markdownSegments(md)...)
}

// MdText escapes user text for a line of a Markdown document the app
// composes, so the text is shown as written: names with underscores or
// asterisks are not turned into emphasis, "![x](…)" is not an image and
// "[x](…)" not a link. Markdown syntax characters become numeric
// character references, which the parser takes as text and Fyne decodes
// (it keeps backslash escapes visible, and does not decode references in
// block quotes, so the result must not be quoted). Line breaks become
// spaces, so the text cannot start a new block.
func MdText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r < 0x80 && strings.ContainsRune("\\`*_[](){}<>#+-.!|~&=", r):
			fmt.Fprintf(&b, "&#%d;", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// MdCode is s as a Markdown code span, fenced with more backticks than s
// contains in a row, so no text can end the span early. Line breaks
// become spaces, as they would in the span.
func MdCode(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	run, longest := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}
