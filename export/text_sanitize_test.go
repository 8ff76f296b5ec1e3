package export

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"drillbook/internal/textclean"
)

func TestCleanRules(t *testing.T) {
	const rep = "\uFFFD"
	cases := []struct {
		name, in, pdf, cell string
	}{
		{"ascii", "Plain text 123", "Plain text 123", "Plain text 123"},
		{"scripts", "Žofie Dvořák · Ελένη Παπαδοπούλου · Дмитрий Иванов · Nguyễn", "Žofie Dvořák · Ελένη Παπαδοπούλου · Дмитрий Иванов · Nguyễn", "Žofie Dvořák · Ελένη Παπαδοπούλου · Дмитрий Иванов · Nguyễn"},
		{"rtl override removed", "invoice\u202Egpj.exe", "invoicegpj.exe", "invoicegpj.exe"},
		{"isolates and marks removed", "a\u2066b\u2069c\u200Fd\u061Ce", "abcde", "abcde"},
		{"nul and controls replaced", "a\x00b\x07c\x1bd\u0085e", "a" + rep + "b" + rep + "c" + rep + "d" + rep + "e", "a" + rep + "b" + rep + "c" + rep + "d" + rep + "e"},
		{"line ends", "a\r\nb\rc\u2028d", "a\nb\nc\nd", "a\nb\nc\nd"},
		{"tab", "a\tb", "a b", "a\tb"},
		{"invalid utf-8", "a\xffb", "a" + rep + "b", "a" + rep + "b"},
		{"emoji", "ok 😀 done", "ok " + rep + " done", "ok 😀 done"},
		{"emoji sequence is one replacement", "team 👩🏽\u200D💻\uFE0F!", "team " + rep + "!", "team 👩🏽\u200D💻\uFE0F!"},
		{"two emoji stay two", "😀😀", rep + rep, "😀😀"},
		{"arabic is never drawn unshaped", "محمد", rep + rep + rep + rep, "محمد"},
		{"arrow spelt out", "notify → Customers", "notify -> Customers", "notify → Customers"},
		{"formula text untouched", "=1+1", "=1+1", "=1+1"},
	}
	cjk := rep + rep
	if fallbackFor('東') != nil {
		cjk = "東京" // drawn with the fallback font found on this machine
	}
	cases = append(cases, struct{ name, in, pdf, cell string }{"cjk", "東京", cjk, "東京"})
	for _, c := range cases {
		if got := pdfText(c.in); got != c.pdf {
			t.Errorf("%s: pdfText(%q) = %q, want %q", c.name, c.in, got, c.pdf)
		}
		if got := cellText(c.in); got != c.cell {
			t.Errorf("%s: cellText(%q) = %q, want %q", c.name, c.in, got, c.cell)
		}
	}
}

// FuzzPDFText checks that whatever the input, the PDF text holds only
// characters the embedded font or a fallback can draw (or newlines), is valid UTF-8 in
// the Basic Multilingual Plane (gofpdf handles no other), and that gofpdf
// can measure and wrap it without panicking.
func FuzzPDFText(f *testing.F) {
	for _, s := range []string{"", "abc", "\x00\xff", "😀\u200D", "\u202Eabc", "Ж\r\n", strings.Repeat("é", 300)} {
		f.Add(s)
	}
	d := newPDFDoc(context.Background(), &report{opts: Options{}}, nil)
	fd := fonts()
	d.f.AddUTF8FontFromBytes(fontFamily, "", fd.regular)
	d.f.AddPage()
	d.f.SetFont(fontFamily, "", 9)
	f.Fuzz(func(t *testing.T, s string) {
		out := pdfText(s)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 from %q", s)
		}
		for _, r := range out {
			if r != '\n' && !canDraw(r) && !strings.ContainsRune(string(replacement), r) {
				t.Fatalf("%q kept %U, which the font lacks", s, r)
			}
			if textclean.IsBidiControl(r) {
				t.Fatalf("%q kept bidi control %U", s, r)
			}
		}
		d.font("", 9)
		d.split(out, 40)
		d.width(out)
	})
}
