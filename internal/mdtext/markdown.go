package mdtext

import (
	"cmp"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"drillbook/internal/textclean"
)

// Markdown makes Markdown the user wrote (a playbook step or summary) safe
// to write into a file: cleaned (textclean), and raw HTML disarmed, so
// "<script>", "<img src=…>" or an autolink shows as text. Outside code,
// every "<" becomes "&lt;"; a literal "&lt;" the user typed gains an
// "amp;" ("&amp;lt;", "&amp;amp;lt;", …) so Unmarkdown can tell the two
// apart. Code spans and blocks are left alone: there "<" is already text.
// Disarming a tag can change where code begins (a backtick inside a tag's
// attribute pairs up once the tag is gone), so the result is parsed again;
// unless its code is exactly the code of the input, every "<" is disarmed,
// code included: the code then shows "&lt;", but nothing loads or runs.
// Images are the caller's business (StripRemoteImages).
func Markdown(s string) string {
	s = textclean.Clean(s)
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	code := codeRanges(s)
	out, moved := disarm(s, code)
	if !slices.Equal(codeRanges(out), moved) {
		out, _ = disarm(s, nil)
	}
	return out
}

// Unmarkdown reverses Markdown: of the two ways back (outside the code
// only, or everywhere, after the fallback above) it takes the one that
// Markdown maps to s. Text Markdown did not write is read the first way.
func Unmarkdown(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	outside := rearm(s, codeRanges(s))
	if Markdown(outside) == s {
		return outside
	}
	if all := rearm(s, nil); Markdown(all) == s {
		return all
	}
	return outside
}

// rearm undoes disarm outside code.
func rearm(s string, code ranges) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] != '&' || code.has(i) {
			b.WriteByte(s[i])
			i++
			continue
		}
		switch k := ampLtChain(s[i:]); {
		case k == 0: // "&lt;" was "<"
			b.WriteByte('<')
			i += len("&lt;")
		case k > 0: // one "amp;" was added to a literal chain
			b.WriteByte('&')
			i += len("&amp;")
		default:
			b.WriteByte('&')
			i++
		}
	}
	return b.String()
}

// disarm writes s with "<" outside code as "&lt;" and every "&(amp;)*lt;"
// chain outside code one "amp;" longer. It also returns where the code
// ranges are in the result.
func disarm(s string, code ranges) (string, ranges) {
	var b strings.Builder
	b.Grow(len(s) + 16)
	moved := make(ranges, 0, len(code))
	next := 0 // the next code range to reach
	for i := 0; i < len(s); i++ {
		if next < len(code) && i == code[next][0] {
			moved = append(moved, [2]int{b.Len(), b.Len() + code[next][1] - code[next][0]})
			next++
		}
		c := s[i]
		switch {
		case code.has(i):
			b.WriteByte(c)
		case c == '<':
			b.WriteString("&lt;")
		case c == '&' && ampLtChain(s[i:]) >= 0:
			b.WriteString("&amp;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), moved
}

// ampLtChain reports k when s starts with "&" + k × "amp;" + "lt;", else -1.
func ampLtChain(s string) int {
	if !strings.HasPrefix(s, "&") {
		return -1
	}
	s = s[1:]
	k := 0
	for strings.HasPrefix(s, "amp;") {
		s = s[len("amp;"):]
		k++
	}
	if strings.HasPrefix(s, "lt;") {
		return k
	}
	return -1
}

// ranges are sorted, disjoint byte ranges [start, end).
type ranges [][2]int

func (r ranges) has(i int) bool {
	lo, hi := 0, len(r)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case i < r[m][0]:
			hi = m
		case i >= r[m][1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// codeRanges finds the code in s as CommonMark reads it (see codeIn).
func codeRanges(s string) ranges {
	return codeIn(goldmark.DefaultParser().Parse(text.NewReader([]byte(s))))
}

// codeIn finds the code in a parsed document: the text of code spans, and
// the lines of fenced and indented code blocks.
func codeIn(doc ast.Node) ranges {
	var out ranges
	add := func(seg text.Segment) {
		if seg.Stop > seg.Start {
			out = append(out, [2]int{seg.Start, seg.Stop})
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					add(t.Segment)
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				add(lines.At(i))
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	// Walk order is document order; sorting keeps has's search safe anyway.
	slices.SortFunc(out, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	return out
}
