package export

import (
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"
)

// fitPDF is a page with the report's fonts, for measuring text.
func fitPDF(t testing.TB) *gofpdf.Fpdf {
	t.Helper()
	f := gofpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(fontFamily, "", fonts().regular)
	f.AddUTF8FontFromBytes(fontFamily, "B", fonts().bold)
	f.AddPage()
	f.SetFont(fontFamily, "B", 8)
	if err := f.Error(); err != nil {
		t.Fatal(err)
	}
	return f
}

// fitByDropping is the original fit: drop one rune at a time and measure
// again. It is the reference for what fit must return.
func fitByDropping(f *gofpdf.Fpdf, s string, w float64) string {
	w -= 2 * f.GetCellMargin()
	if f.GetStringWidth(s) <= w {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 && f.GetStringWidth(string(rs)+"…") > w {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}

func TestFitKeepsTheLongestPrefixThatFits(t *testing.T) {
	f := fitPDF(t)
	for _, s := range []string{"", "short", "CONFIDENTIAL — Harbourside Health", strings.Repeat("Wide MMMM words and thin iiii ones ", 8),
		"Ελληνικά και кириллица " + strings.Repeat("ж", 200), "\uFFFD\uFFFD\uFFFD"} {
		for _, w := range []float64{0, 2, 3.5, 10, 40, 180} {
			if got, want := fit(f, s, w), fitByDropping(f, s, w); got != want {
				t.Errorf("fit(%.20q…, %v) = %q, want %q", s, w, got, want)
			}
		}
	}
}

// Fitting measures the text once rather than once per dropped rune: a
// 10,000-character marking used to cost 10,000 measurements of up to
// 10,000 runes, each allocating the shortened copy.
func TestFitIsLinear(t *testing.T) {
	f := fitPDF(t)
	long := strings.Repeat("CONFIDENTIAL — client ", 500)
	var got string
	allocs := testing.AllocsPerRun(3, func() { got = fit(f, long, contentW) })
	if allocs > 2 {
		t.Errorf("fit made %.0f allocations for one long string, want at most 2", allocs)
	}
	if !strings.HasSuffix(got, "…") || len(got) > 200 {
		t.Errorf("fit returned %d bytes: %.40q…", len(got), got)
	}
}
