package export

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// bboxWord is a word pdftotext -bbox found, in points from the top left.
type bboxWord struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

var bboxWordRe = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// pageWords lists the words of one page with their boxes.
func pageWords(t *testing.T, pdf []byte, page int) []bboxWord {
	t.Helper()
	p := strconv.Itoa(page)
	var out []bboxWord
	for _, m := range bboxWordRe.FindAllStringSubmatch(pdfToText(t, pdf, "-bbox", "-f", p, "-l", p), -1) {
		w := bboxWord{text: html.UnescapeString(m[5])}
		for i, v := range []*float64{&w.xMin, &w.yMin, &w.xMax, &w.yMax} {
			*v, _ = strconv.ParseFloat(m[i+1], 64)
		}
		out = append(out, w)
	}
	return out
}

// grayPage renders one page as 8-bit grey at dpi with pdftoppm.
type grayPage struct {
	w, h int
	pix  []byte
	dpi  float64
}

func renderGray(t *testing.T, pdf []byte, page int, dpi float64) grayPage {
	t.Helper()
	tool := needTool(t, "pdftoppm", "install poppler-utils (apt-get install poppler-utils) to render PDFs")
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	p := strconv.Itoa(page)
	out := filepath.Join(dir, "page")
	if b, err := exec.Command(tool, "-f", p, "-l", p, "-r", fmt.Sprint(dpi), "-gray", "-singlefile", in, out).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, b)
	}
	b, err := os.ReadFile(out + ".pgm")
	if err != nil {
		t.Fatal(err)
	}
	var g grayPage
	var maxv int
	n, err := fmt.Fscan(bytes.NewReader(b), new(string), &g.w, &g.h, &maxv)
	if err != nil || n != 4 || maxv != 255 {
		t.Fatalf("unexpected PGM header (%v)", err)
	}
	g.pix, g.dpi = b[len(b)-g.w*g.h:], dpi
	return g
}

// luminance is the relative luminance of an sRGB grey level (WCAG 2).
func luminance(v byte) float64 {
	c := float64(v) / 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

// contrast is the WCAG contrast ratio between the background of a word's
// box (its most common grey) and the grey farthest from it (the ink).
func (g grayPage) contrast(w bboxWord) float64 {
	s := g.dpi / 72
	var hist [256]int
	var px []byte
	for y := int(w.yMin * s); y < int(math.Ceil(w.yMax*s)) && y < g.h; y++ {
		for x := int(w.xMin * s); x < int(math.Ceil(w.xMax*s)) && x < g.w; x++ {
			v := g.pix[y*g.w+x]
			hist[v]++
			px = append(px, v)
		}
	}
	bg := 0
	for v := range hist {
		if hist[v] > hist[bg] {
			bg = v
		}
	}
	ink := byte(bg)
	for _, v := range px {
		if math.Abs(float64(v)-float64(bg)) > math.Abs(float64(ink)-float64(bg)) {
			ink = v
		}
	}
	a, b := luminance(byte(bg)), luminance(ink)
	return (max(a, b) + 0.05) / (min(a, b) + 0.05)
}

// longNamesOpts is the demo with a 300-character organisation name, a
// 3,000-character product and a long assessor: the product once ran the
// cover's contents onto a second page, and their page numbers were then
// printed on the first, over the title band.
func longNamesOpts(t *testing.T) (Input, Options) {
	ws := demoWorkspace(t)
	ws.Organisation.Name = strings.Repeat("Harbourside Community Health and Social Care Partnership ", 6)[:300]
	ws.Organisation.Product = strings.Repeat("CareLink clinician and patient portal for prescriptions ", 60)[:3000]
	opts := demoOpts
	opts.Assessor = strings.Repeat("Alexandra Reviewer-Smythe ", 8)
	return Input{Workspace: ws}, opts
}

func TestCoverFactsContrast(t *testing.T) {
	long, longOpts := longNamesOpts(t)
	for name, c := range map[string]struct {
		in   Input
		opts Options
	}{"demo": {Input{Workspace: demoWorkspace(t)}, demoOpts}, "long names": {long, longOpts}} {
		t.Run(name, func(t *testing.T) {
			pdf := makePDF(t, c.in, c.opts)
			words := pageWords(t, pdf, 1)
			page := renderGray(t, pdf, 1, 150)
			seen := map[string]bool{}
			for _, w := range words {
				seen[w.text] = true
				if r := page.contrast(w); r < 4.5 {
					t.Errorf("cover word %q at (%.0f, %.0f) has contrast %.1f:1, want at least 4.5:1", w.text, w.xMin, w.yMin, r)
				}
			}
			for _, fact := range []string{"Product", "Report", "Assessment", "Assessor", "2026-11-24", "INCIDENT-RESPONSE"} {
				if !seen[fact] {
					t.Errorf("the cover does not show %q", fact)
				}
			}
		})
	}
}

func TestCoverKeepsLongNamesInPlace(t *testing.T) {
	in, opts := longNamesOpts(t)
	pdf := makePDF(t, in, opts)
	words := pageWords(t, pdf, 1)
	const pt = 72 / 25.4
	bandTop, bandBottom := 22*pt, 84*pt
	var pages int
	for _, w := range words {
		if w.xMax > (pageW-marginR+1)*pt || w.xMin < (marginL-1)*pt {
			t.Errorf("cover word %q runs outside the margins (x %.0f–%.0f pt)", w.text, w.xMin, w.xMax)
		}
		inBand := w.yMax > bandTop && w.yMin < bandBottom
		if w.text == "page" {
			pages++
			if inBand {
				t.Errorf("a contents page number is printed over the title band (y %.0f pt)", w.yMin)
			}
		}
		body := w.yMin > bandTop-1 && w.yMax < pageBottom*pt // not the marking or the footer
		if body && (w.text == "Community" || w.text == "Partnership") && !inBand {
			t.Errorf("the organisation's name is drawn outside its band (y %.0f pt)", w.yMin)
		}
	}
	if pages != len(Sections)-1 {
		t.Errorf("the cover's contents list %d page numbers, want %d", pages, len(Sections)-1)
	}
}
