package export

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// plainMarkdown flattens the Markdown of scenario injects, notes and
// hot-wash answers into plain text for the PDF, which has no emphasis or
// quote styles to draw them with: the marks go (“*urgent*” reads
// “urgent”, a “> ” quote its words), list items keep a bullet or their
// number, code keeps its text, a link its words. It reads goldmark's AST,
// as the playbook reader does, so marks the text only looks like it has
// ("2 * 3") stay.
func plainMarkdown(s string) string {
	if !strings.ContainsAny(s, "*_`>#[!-+0123456789~<&\\") {
		return s
	}
	src := []byte(s)
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	var b strings.Builder
	writeBlocks(&b, doc, src, "")
	return strings.TrimSpace(b.String())
}

// writeBlocks writes the block children of n, one per line; prefix marks
// list items.
func writeBlocks(b *strings.Builder, n ast.Node, src []byte, prefix string) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.List:
			i := c.Start
			for item := c.FirstChild(); item != nil; item = item.NextSibling() {
				mark := "• "
				if c.IsOrdered() {
					mark = strconv.Itoa(i) + ". "
					i++
				}
				writeBlocks(b, item, src, prefix+mark)
				prefix = ""
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := c.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.WriteString(strings.TrimRight(string(seg.Value(src)), "\n") + "\n")
			}
		case *ast.ThematicBreak:
		case *ast.Blockquote, *ast.ListItem:
			writeBlocks(b, c, src, prefix)
			prefix = ""
		case *ast.HTMLBlock:
			lines := c.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.Write(seg.Value(src))
			}
		default:
			b.WriteString(prefix)
			prefix = ""
			writeInline(b, c, src)
			b.WriteString("\n")
		}
	}
}

// writeInline writes the text of n's inline content.
func writeInline(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			// A soft break is a space in Markdown: the words of a
			// wrapped paragraph flow on in the cell.
			switch {
			case c.HardLineBreak():
				b.WriteString("\n")
			case c.SoftLineBreak():
				b.WriteString(" ")
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if s, ok := t.(*ast.Text); ok {
					b.Write(s.Segment.Value(src))
				}
			}
		case *ast.AutoLink:
			b.Write(c.URL(src))
		case *ast.RawHTML:
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				b.Write(seg.Value(src))
			}
		default:
			writeInline(b, c, src)
		}
	}
}
