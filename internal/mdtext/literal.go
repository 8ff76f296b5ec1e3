package mdtext

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Literal returns md with every character CommonMark reads as plain text
// but that could have been syntax ("_", "*", "[", "]", and a backslash
// escape such as "\_") written as a numeric character reference, so it
// means exactly the same but no renderer can split the text there. Fyne's
// renderer puts a space after each text node that another inline node
// follows, and goldmark splits text at every such character, so
// "svchost_.exe" showed as "svchost_ .exe" and "snake_case" as
// "snake_ case"; it also shows backslash escapes as typed. Emphasis,
// links and code are left as they are, and so are runs like "**" (inRun).
func Literal(md string) string {
	if !strings.ContainsAny(md, `_*[]\`) {
		return md
	}
	src := []byte(md)
	doc := goldmark.DefaultParser().Parse(text.NewReader(src))
	type edit struct{ at, n int } // replace n bytes at at by the reference of the last
	var edits []edit
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.RawHTML, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			seg := n.Segment
			for i := seg.Start; i < seg.Stop; i++ {
				switch c := src[i]; {
				case c == '\\' && i+1 < len(src) && isASCIIPunct(src[i+1]):
					edits = append(edits, edit{i, 2})
					i++
				case (c == '_' || c == '*') && !inRun(src, i):
					edits = append(edits, edit{i, 1})
				case c == '[' || c == ']':
					edits = append(edits, edit{i, 1})
				}
			}
		}
		return ast.WalkContinue, nil
	})
	if len(edits) == 0 {
		return md
	}
	var b strings.Builder
	b.Grow(len(md) + 4*len(edits))
	last := 0
	for _, e := range edits {
		if e.at < last {
			continue // a text node never overlaps another; be safe anyway
		}
		b.Write(src[last:e.at])
		b.WriteString("&#")
		b.WriteString(strconv.Itoa(int(src[e.at+e.n-1])))
		b.WriteByte(';')
		last = e.at + e.n
	}
	b.Write(src[last:])
	return b.String()
}

// inRun reports whether the delimiter at i has a twin beside it. Part of
// a run may be emphasis and the rest text ("*0**"), and which byte the
// text node points at is then the parser's choice: spelling it
// differently would change the run, so runs are left as written.
func inRun(src []byte, i int) bool {
	return i > 0 && src[i-1] == src[i] || i+1 < len(src) && src[i+1] == src[i]
}
