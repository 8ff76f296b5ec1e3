package playbookmd

import (
	"regexp"
	"strings"
	"unicode"

	"drillbook/internal/mdtext"
	"drillbook/internal/textclean"
)

// The text of summaries and steps is Markdown the user wrote. It is written
// as it is, but for the lines a reader would take for structure (escaped,
// outside fenced code), and read back by undoing exactly that. Which lines
// are fenced code is decided line by line, the same way on both sides,
// since escaping a line never makes or ends a fence.

// userMarkdown prepares Markdown the user wrote (a summary or a step) for
// the file: cleaned, tidied (tidyText), lines the reader would take for
// structure escaped (escapeLine; a step's first line follows its list
// marker, so it needs none) and raw HTML disarmed (writtenForm), with the
// remote images of that text replaced first (withoutRemoteImages). Fenced
// code is left as written. readUserMarkdown reverses it.
func userMarkdown(text string, step bool) string {
	written := writtenForm(withoutRemoteImages(text, step), step)
	return mdtext.StripRemoteImages(written) // a no-op but for input built to defeat the step before
}

// withoutRemoteImages replaces the remote images of user text, judged on
// the text as writtenForm puts it in the file (an image behind raw HTML is
// live once the HTML is disarmed), and returns the text as the reader gets
// it back, so writing it again changes nothing.
func withoutRemoteImages(text string, step bool) string {
	if !strings.Contains(text, "![") {
		return text // writtenForm disarms HTML, so only Markdown images could load
	}
	written := writtenForm(text, step)
	stripped := mdtext.StripRemoteImages(written)
	if stripped == written {
		return text
	}
	lines := strings.Split(stripped, "\n")
	return unwritten(lines, writerEscapes(lines, step), step)
}

// writtenForm is userMarkdown before images are replaced.
func writtenForm(text string, step bool) string {
	lines := strings.Split(tidyText(strings.Split(textclean.Clean(text), "\n")), "\n")
	for i, esc := range writerEscapes(lines, step) {
		if esc {
			lines[i] = escapeLine(lines[i])
		}
	}
	return mdtext.Markdown(strings.Join(lines, "\n"))
}

// writerEscapes says which lines userMarkdown passes through escapeLine:
// those outside fenced code, but for a step's first line.
func writerEscapes(lines []string, step bool) []bool {
	out := make([]bool, len(lines))
	var f fence
	for i, l := range lines {
		out[i] = !f.code(l) && (i > 0 || !step)
	}
	return out
}

// readUserMarkdown reverses userMarkdown on the lines of a step or the
// summary: HTML disarming first, then the escapes of the lines marked as
// escaped. Hand-written text may still hold remote images the writer would
// replace; they are replaced as the writer would, so a playbook read from
// a file is written back unchanged.
func readUserMarkdown(lines []string, escaped []bool, step bool) string {
	return withoutRemoteImages(unwritten(lines, escaped, step), step)
}

// unwritten undoes writtenForm on lines read from a file.
func unwritten(lines []string, escaped []bool, step bool) string {
	if len(lines) == 0 {
		return ""
	}
	lines = strings.Split(mdtext.Unmarkdown(strings.Join(lines, "\n")), "\n")
	for i := range lines {
		if escaped[i] {
			lines[i] = unescapeLine(lines[i])
		}
	}
	if step {
		return stepText(strings.Join(lines, "\n"))
	}
	return tidyText(lines)
}

// escapeLine escapes a line the reader would otherwise take for a heading
// or a list item, or whose escape the reader would remove, so text
// written by PlaybookMarkdown is read back as written: "\# x", "\- x",
// "1\. x". Markdown renders the escaped line as the original.
func escapeLine(l string) string {
	t := strings.TrimLeft(l, " ")
	lead := l[:len(l)-len(t)]
	if t == "" {
		return l
	}
	if m := numberEscRe.FindStringSubmatchIndex(t); m != nil && (m[3] > m[2] || isListItem(t)) {
		return lead + t[:m[2]] + `\` + t[m[2]:] // "1. x" → "1\. x", "1\. x" → "1\\. x"
	}
	if t[0] == '#' || t[0] == '\\' || isListItem(t) || setextUnderline(t) {
		return lead + `\` + t
	}
	return l
}

// setextUnderline reports whether a line would turn the paragraph line
// before it into a heading ("===", "---").
func setextUnderline(t string) bool {
	t = strings.TrimRight(t, " ")
	return t != "" && (strings.Trim(t, "=") == "" || strings.Trim(t, "-") == "")
}

// numberEscRe matches the start of an ordered-list marker, with any
// backslashes before its '.' or ')' as group 1.
var numberEscRe = regexp.MustCompile(`^\d{1,9}(\\*)[.)]`)

// unescapeLine reverses escapeLine.
func unescapeLine(l string) string {
	t := strings.TrimLeft(l, " ")
	lead := l[:len(l)-len(t)]
	if m := numberEscRe.FindStringSubmatchIndex(t); m != nil && m[3] > m[2] {
		return lead + t[:m[2]] + t[m[2]+1:]
	}
	if len(t) >= 2 && t[0] == '\\' && strings.IndexByte(`#\-*+=`, t[1]) >= 0 {
		return lead + t[1:]
	}
	return l
}

// stepText normalises a step's text the same way on writing and reading.
func stepText(s string) string { return tidyText(strings.Split(strings.TrimSpace(s), "\n")) }

func expandTabs(l string) string {
	t := strings.TrimLeft(l, " \t")
	lead := l[:len(l)-len(t)]
	if !strings.Contains(lead, "\t") {
		return l
	}
	col := 0
	for _, c := range lead {
		if c == '\t' {
			col += 4 - col%4
		} else {
			col++
		}
	}
	return strings.Repeat(" ", col) + t
}

func indentOf(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

// tidyText joins lines without trailing white space, dropping blank lines
// at either end and keeping at most one between paragraphs; inside fenced
// code, blank lines are kept as they are, and a fence left open is closed
// (it would otherwise take in everything after it in the file). The
// writer and the reader both apply it, so text survives a round trip.
func tidyText(lines []string) string {
	var out []string
	blankRun := 0
	var f fence
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if f.open() {
			f.code(l)
			out = append(out, l)
			continue
		}
		if strings.TrimSpace(l) == "" {
			blankRun++
			continue
		}
		if blankRun > 0 && len(out) > 0 {
			out = append(out, "")
		}
		blankRun = 0
		f.code(l)
		out = append(out, l)
	}
	if f.open() {
		for out[len(out)-1] == "" {
			out = out[:len(out)-1] // the opening line is never blank
		}
		out = append(out, f.closing())
	}
	return strings.Join(out, "\n")
}

// fence follows fenced code line by line (CommonMark: a run of three or
// more backticks or tildes opens it; a run of the same character at least
// as long, alone on its line, closes it).
type fence struct {
	run    string // the opening run while inside code, else ""
	indent string // the opening line's indentation
}

// code reports whether l is code (a fence line or a line inside one) and
// moves past it.
func (f *fence) code(l string) bool {
	r := fenceOf(l)
	if f.run == "" {
		if r == "" {
			return false
		}
		f.run, f.indent = r, l[:indentOf(l)]
		return true
	}
	if r != "" && r[0] == f.run[0] && len(r) >= len(f.run) && strings.TrimLeft(strings.TrimSpace(l), r[:1]) == "" {
		f.run = ""
	}
	return true
}

func (f *fence) open() bool { return f.run != "" }

// closing is a line that closes the open fence.
func (f *fence) closing() string { return f.indent + f.run }

// fenceOf returns the opening run of a code fence line ("```", "~~~~"),
// or "".
func fenceOf(l string) string {
	t := strings.TrimLeft(l, " ")
	if len(l)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return ""
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 || (t[0] == '`' && strings.Contains(t[n:], "`")) {
		return ""
	}
	return t[:n]
}

// listItemRe matches a list marker and the spaces after it.
var listItemRe = regexp.MustCompile(`^ {0,3}(?:\d{1,9}[.)]|[-*+])([ \t]+|$)`)

func isListItem(l string) bool { return listItemRe.MatchString(l) }
