package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/plan"
)

// TestOnlySafemdParsesMarkdown keeps safemd.go the one rendering path:
// any other call of Fyne's Markdown parser in the app could show an image
// and fetch it.
func TestOnlySafemdParsesMarkdown(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil || len(files) < 20 {
		t.Fatalf("app sources: %v %v", files, err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		if f == "safemd.go" || f == "safemd_test.go" { // the test compares with Fyne's own parse
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				switch sel.Sel.Name {
				case "NewRichTextFromMarkdown", "ParseMarkdown", "AppendMarkdown":
					t.Errorf("%s: %s bypasses safemd.go (use setMarkdown or newMarkdown, with mdText for user text)", fset.Position(sel.Pos()), sel.Sel.Name)
				}
			}
			return true
		})
	}
}

// hostile is Markdown that would make Fyne show (and fetch) images.
var hostile = []string{
	"![x](https://tracker.test/pixel.png)",
	"See ![logo](http://x.test/a.png \"Logo\") here",
	"- item ![i](//cdn.test/i.svg)\n- two",
	"> quote ![q](HTTPS://X.TEST/Q.PNG)",
	"![r][ref]\n\n[ref]: https://x.test/r.png\n",
	"![local](images/a.png) ![file](file:///etc/passwd) ![data](data:image/png;base64,AAAA)",
	"1. ![a](https://x.test/1)\n   - ![b](https://x.test/2)\n",
	"<img src=\"https://x.test/y.png\">",
}

// images returns the image segments in segs, at any depth.
func images(segs []widget.RichTextSegment) []*widget.ImageSegment {
	var out []*widget.ImageSegment
	for _, s := range segs {
		switch s := s.(type) {
		case *widget.ImageSegment:
			out = append(out, s)
		case *widget.ParagraphSegment:
			out = append(out, images(s.Texts)...)
		case *widget.ListSegment:
			out = append(out, images(s.Items)...)
		}
	}
	return out
}

func TestHostileMarkdownShowsNoImage(t *testing.T) {
	test.NewTempApp(t)
	for _, md := range hostile {
		if len(images(widget.NewRichTextFromMarkdown(md).Segments)) == 0 && !strings.Contains(md, "<img") {
			t.Errorf("%q: Fyne finds no image, so this case tests nothing", md)
		}
		rt := widget.NewRichText()
		setMarkdown(rt, md)
		if imgs := images(rt.Segments); len(imgs) > 0 {
			t.Errorf("%q: %d image segments, first %v", md, len(imgs), imgs[0].Source)
		}
		if imgs := images(newMarkdown(md).Segments); len(imgs) > 0 {
			t.Errorf("newMarkdown(%q) keeps images", md)
		}
	}
	rt := widget.NewRichText()
	setMarkdown(rt, "See ![logo](http://x.test/a.png \"Logo\") here")
	if got := rt.String(); got != "See [image: Logo] here" {
		t.Errorf("placeholder: %q", got)
	}
	setMarkdown(rt, "![x](https://x.test/p.png)")
	if got := rt.String(); got != "[image]" {
		t.Errorf("placeholder without a title: %q", got)
	}
}

func TestUserTextIsShownAsWritten(t *testing.T) {
	test.NewTempApp(t)
	for _, s := range []string{"snake_case_name", "**not bold** and *not em*", "![x](https://x.test/a.png)", "[link](https://x.test)",
		"# not a heading", "1. not a list", "a\\b `code` <b>tag</b> &amp; ~x~ | y", "- dash", "a\nb"} {
		rt := widget.NewRichText()
		setMarkdown(rt, mdText(s))
		if got := rt.String(); got != strings.ReplaceAll(s, "\n", " ") {
			t.Errorf("mdText(%q) shows %q", s, got)
		}
		if len(images(rt.Segments)) > 0 {
			t.Errorf("mdText(%q) is an image", s)
		}
		for _, code := range []string{s, "`" + s, s + "``"} {
			setMarkdown(rt, mdCode(code))
			if got, want := strings.TrimSpace(rt.String()), strings.TrimSpace(strings.ReplaceAll(code, "\n", " ")); got != want {
				t.Errorf("mdCode(%q) shows %q", code, got)
			}
		}
	}
}

// richTexts collects every RichText under o.
func richTexts(o fyne.CanvasObject) []*widget.RichText {
	var out []*widget.RichText
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.RichText:
			out = append(out, w)
		case *fyne.Container:
			for _, k := range w.Objects {
				walk(k)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(w).Objects() {
				walk(k)
			}
		}
	}
	walk(o)
	return out
}

// The case: an incident type named like an image reaches the
// Assessment screen through finding text.
func TestAssessmentShowsHostileNamesAsText(t *testing.T) {
	u, _ := exerciseUI(t, Options{Demo: true})
	name := "![x](https://tracker.test/x.png) _urgent_"
	ws := u.doc.ws
	ws.IncidentTypes = append(ws.IncidentTypes, plan.IncidentType{ID: "hostile", Name: name, Category: plan.CategoryOther})
	ws.Responsibilities = append(ws.Responsibilities, plan.Responsibility{IncidentType: "hostile", Role: ws.Roles[0].ID, RACI: plan.Responsible})
	u.edited()
	s := assessmentOf(t, u)
	shown := false
	check := func(where string) {
		t.Helper()
		for _, rt := range richTexts(u.win.Content()) {
			if imgs := images(rt.Segments); len(imgs) > 0 {
				t.Fatalf("%s: image segment %v", where, imgs[0].Source)
			}
			shown = shown || strings.Contains(rt.String(), name)
		}
	}
	for row := 1; row <= len(s.a.Dimensions); row++ {
		s.dims.Select(widget.TableCellID{Row: row, Col: 0})
		check("dimension " + s.a.Dimensions[row-1].Dimension.Name)
	}
	s.tabs.SelectIndex(1)
	for i := range s.findings.shown {
		s.findings.list.Select(i)
		check("finding " + s.findings.shown[i].ID)
	}
	if !shown {
		t.Fatalf("no panel shows the name %q as written", name)
	}
}

func TestMarkdownClipsWordsTooLongToWrap(t *testing.T) {
	test.NewTempApp(t)
	long := strings.Repeat("x", 5000)
	rt := widget.NewRichText()
	setMarkdown(rt, "# "+long+"\n\nshort words stay "+long+" and *"+long+"*")
	for _, seg := range rt.Segments {
		for _, w := range strings.Fields(seg.Textual()) {
			if n := len([]rune(w)); n > shownRunes+1 {
				t.Fatalf("a %d-rune word is shown", n)
			}
		}
	}
	if !strings.Contains(rt.String(), "short words stay "+strings.Repeat("x", shownRunes)+"…") {
		t.Fatalf("text around the long word changed: %.80q", rt.String())
	}
}
