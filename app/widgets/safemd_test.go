package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

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
		SetMarkdown(rt, md)
		if imgs := images(rt.Segments); len(imgs) > 0 {
			t.Errorf("%q: %d image segments, first %v", md, len(imgs), imgs[0].Source)
		}
		if imgs := images(NewMarkdown(md).Segments); len(imgs) > 0 {
			t.Errorf("NewMarkdown(%q) keeps images", md)
		}
	}
	rt := widget.NewRichText()
	SetMarkdown(rt, "See ![logo](http://x.test/a.png \"Logo\") here")
	if got := rt.String(); got != "See [image: Logo] here" {
		t.Errorf("placeholder: %q", got)
	}
	SetMarkdown(rt, "![x](https://x.test/p.png)")
	if got := rt.String(); got != "[image]" {
		t.Errorf("placeholder without a title: %q", got)
	}
}

func TestUserTextIsShownAsWritten(t *testing.T) {
	test.NewTempApp(t)
	for _, s := range []string{"snake_case_name", "**not bold** and *not em*", "![x](https://x.test/a.png)", "[link](https://x.test)",
		"# not a heading", "1. not a list", "a\\b `code` <b>tag</b> &amp; ~x~ | y", "- dash", "a\nb"} {
		rt := widget.NewRichText()
		SetMarkdown(rt, MdText(s))
		if got := rt.String(); got != strings.ReplaceAll(s, "\n", " ") {
			t.Errorf("MdText(%q) shows %q", s, got)
		}
		if len(images(rt.Segments)) > 0 {
			t.Errorf("MdText(%q) is an image", s)
		}
		for _, code := range []string{s, "`" + s, s + "``"} {
			SetMarkdown(rt, MdCode(code))
			if got, want := strings.TrimSpace(rt.String()), strings.TrimSpace(strings.ReplaceAll(code, "\n", " ")); got != want {
				t.Errorf("MdCode(%q) shows %q", code, got)
			}
		}
	}
}

func TestMarkdownClipsWordsTooLongToWrap(t *testing.T) {
	test.NewTempApp(t)
	long := strings.Repeat("x", 5000)
	rt := widget.NewRichText()
	SetMarkdown(rt, "# "+long+"\n\nshort words stay "+long+" and *"+long+"*")
	for _, seg := range rt.Segments {
		for _, w := range strings.Fields(seg.Textual()) {
			if n := len([]rune(w)); n > ShownRunes+1 {
				t.Fatalf("a %d-rune word is shown", n)
			}
		}
	}
	if !strings.Contains(rt.String(), "short words stay "+strings.Repeat("x", ShownRunes)+"…") {
		t.Fatalf("text around the long word changed: %.80q", rt.String())
	}
}

// Underscores, asterisks and brackets that are text stay where they are:
// Fyne used to show "svchost_ .exe" and "snake_ case".
func TestMarkdownKeepsLiteralDelimiters(t *testing.T) {
	for md, want := range map[string]string{
		"Process svchost_.exe spawned":     "Process svchost_.exe spawned",
		"Process `svchost_.exe` spawned":   "Process svchost_.exe spawned",
		"**snake_case_name** is set":       "snake_case_name is set",
		"rotate *.log files daily":         "rotate *.log files daily",
		"see [RFC 2350 and _emphasis_ too": "see [RFC 2350 and emphasis too",
	} {
		if got := NewMarkdown(md).String(); got != want {
			t.Errorf("%q shows %q, want %q", md, got, want)
		}
	}
}
