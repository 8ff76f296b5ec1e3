package wordml

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		`a<b>&"c"'d'`:             "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;",
		"nul\x00bel\x07\x1f":      "nul\uFFFDbel\uFFFD\uFFFD",
		"non\uFFFE\uFFFFchar":     "non\uFFFD\uFFFDchar",
		"bad\xffutf8":             "bad\uFFFDutf8",
		"keep é 🚀 שלום":           "keep é 🚀 שלום",
		"line\nbreak\ttab\rcr":    "line break tab cr",
		"\u0085c1 is allowed XML": "\u0085c1 is allowed XML",
	} {
		var b strings.Builder
		escape(&b, in)
		if got := b.String(); got != want {
			t.Errorf("escape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriteText(t *testing.T) {
	var b strings.Builder
	writeText(&b, " two\nlines\tand a tab\r\n")
	want := `<w:t xml:space="preserve"> two</w:t><w:br/><w:t xml:space="preserve">lines</w:t><w:tab/><w:t xml:space="preserve">and a tab</w:t><w:br/>`
	if b.String() != want {
		t.Errorf("got  %s\nwant %s", b.String(), want)
	}
}

func TestColumnWidths(t *testing.T) {
	if got := columnWidths([]float64{1, 3}, 2); got[0] != ContentWidth/4 || got[1] != ContentWidth*3/4 {
		t.Errorf("weights 1:3 gave %v", got)
	}
	if got := columnWidths(nil, 3); got[0] != ContentWidth/3 || got[2] != ContentWidth/3 {
		t.Errorf("no weights gave %v", got)
	}
	if got := columnWidths([]float64{1}, 2); got[0] != ContentWidth/2 {
		t.Errorf("weights of the wrong length gave %v", got)
	}
}

// Every part of a document with every kind of content, and hostile text
// in every place text goes, is well-formed XML.
func TestWriteWellFormed(t *testing.T) {
	hostile := "<&>\"' \x00\x1b\uFFFF ]]> \u202E"
	d := &Doc{Header: hostile, Footer: hostile, Props: Properties{Title: hostile, Creator: hostile, Keywords: hostile, Subject: hostile}}
	d.Title(hostile)
	d.Subtitle(hostile)
	d.Heading(0, hostile)
	d.Heading(9, hostile)
	d.Para(Plain(hostile), Run{Text: hostile, Bold: true, Italic: true, Color: `"><x`})
	d.Bullet(Plain(hostile))
	d.Caption(hostile)
	d.Table(Table{Header: []string{hostile}, Rows: [][]Run{{Plain(hostile), Plain("extra cell widens the table")}}, Shade: hostile})
	d.Table(Table{})
	if err := d.Image([]byte("\x89PNG"), 10, 5, ContentWidth*2, hostile); err != nil {
		t.Fatal(err)
	}
	if err := d.Image(nil, 0, 5, 100, ""); err == nil {
		t.Error("a 0-pixel image should be an error")
	}
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, f := range z.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		rc, _ := f.Open()
		dec := xml.NewDecoder(rc)
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
		}
		rc.Close()
		seen++
	}
	if seen != 11 {
		t.Errorf("%d XML parts, want 11", seen)
	}
}
