package mdtext

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// markup walks what a CommonMark renderer makes of md and reports the
// first node that is markup rather than text: HTML, a link or an image.
func markup(md string) string {
	found := ""
	doc := goldmark.DefaultParser().Parse(text.NewReader([]byte(md)))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.(type) {
		case *ast.RawHTML, *ast.HTMLBlock, *ast.AutoLink, *ast.Link, *ast.Image, *ast.Heading, *ast.List, *ast.Emphasis, *ast.CodeSpan:
			found = n.Kind().String()
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// htmlIn reports whether a renderer takes any of md for HTML.
func htmlIn(md string) bool {
	found := false
	doc := goldmark.DefaultParser().Parse(text.NewReader([]byte(md)))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.(type) {
		case *ast.RawHTML, *ast.HTMLBlock, *ast.AutoLink:
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

func TestInlineIsLiteral(t *testing.T) {
	for _, s := range []string{
		"<script>alert(1)</script>", "![x](http://example.invalid/t.png)", "[link](http://example.invalid)",
		"*stars* and _under_ and `code`", "# heading", "- bullet", "+ plus", "1. number", "12) paren", "===", "---",
		`back\slash \* and pipe |`, "a & b &amp; &lt;", "nul\x00bel\x07 rlo\u202Eend", "C#", "~~strike~~", "> quote",
		"Fix #", "#incidents", "+44 20 7946 0100", "-2 Cloud", "- - -", "= =", "2026. year",
	} {
		got := Inline(s)
		if m := markup(got); m != "" {
			t.Errorf("Inline(%q) = %q renders as %s", s, got, m)
		}
		if strings.ContainsAny(got, "\x00\x07\u202E<[]|\n") {
			t.Errorf("Inline(%q) = %q keeps a raw character", s, got)
		}
		want := strings.Join(strings.Fields(strings.NewReplacer("\x00", "\uFFFD", "\x07", "\uFFFD", "\u202E", "").Replace(s)), " ")
		if back := Unescape(got); back != want {
			t.Errorf("Unescape(Inline(%q)) = %q, want %q", s, back, want)
		}
	}
}

func TestInlineKeepsHarmlessCharactersReadable(t *testing.T) {
	for _, s := range []string{"#incidents channel", "+44 20 7946 0100", "-2 Cloud", "2026.11 release", "Sev 1 (high) - urgent"} {
		if got := Inline(s); got != s {
			t.Errorf("Inline(%q) = %q, want it unchanged", s, got)
		}
	}
}

func TestUnescapeReadsHandWrittenEscapes(t *testing.T) {
	for in, want := range map[string]string{`C\# and \*x\*`: "C# and *x*", "AT&amp;T &lt;b&gt;": "AT&T <b>", `a\b`: `a\b`, "Q&A": "Q&A"} {
		if got := Unescape(in); got != want {
			t.Errorf("Unescape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdownDisarmsHTMLAndRoundTrips(t *testing.T) {
	for _, s := range []string{
		"Plain **bold** step with [a link](https://status.example.com).",
		"<script>alert(1)</script>",
		"Press <kbd>Ctrl</kbd> and see <http://example.invalid>",
		"<div>\nblock html\n</div>",
		"<!-- comment --> and <?php x ?> and <![CDATA[x]]>",
		"Literal &lt; and &amp;lt; and &amp;amp;lt; and &copy; and a < b & c",
		"Code `<b>keep</b>` inline",
		"```html\n<b>fenced</b>\n# not a heading\n```\nafter <i>x</i>",
		"~~~\n<i>tilde</i>\n~~~",
		"    <b>indented code</b>\n\ntext <u>u</u>",
		"<a title='`'>x</a> `<script>`",
		"nul\x00 rlo\u202E",
	} {
		got := Markdown(s)
		if htmlIn(got) {
			t.Errorf("Markdown(%q) = %q still has HTML", s, got)
		}
		if strings.ContainsAny(got, "\x00\u202E") {
			t.Errorf("Markdown(%q) = %q keeps control characters", s, got)
		}
		want := strings.NewReplacer("\x00", "\uFFFD", "\u202E", "").Replace(s)
		if back := Unmarkdown(got); back != want {
			t.Errorf("Unmarkdown(Markdown(%q)) = %q via %q", s, back, got)
		}
	}
	if got := Markdown("Code `<b>keep</b>` and <b>x</b>"); got != "Code `<b>keep</b>` and &lt;b>x&lt;/b>" {
		t.Errorf("code is changed or text is not disarmed: %q", got)
	}
}
