package export

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text with letters the embedded font lacks (a Chinese or Hebrew name) is
// measured, wrapped and drawn run by run, each run in the face that has
// its letters (fonts_fallback.go). Text the embedded font covers, nearly
// all of it, takes gofpdf's own path unchanged.

// textRun is a stretch of a line drawn in one face; nil is the embedded
// font.
type textRun struct {
	text string
	face *fallbackFace
}

// needsFallback reports whether s has a letter only a fallback draws.
func needsFallback(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && !hasGlyph(r) && fallbackFor(r) != nil {
			return true
		}
	}
	return false
}

// runsOf splits s into runs by face. A space or punctuation mark between
// two letters of a fallback's script stays in that run when the fallback
// has it, so a Hebrew name is one run and can be reversed whole.
func runsOf(s string) []textRun {
	var out []textRun
	var cur strings.Builder
	var face *fallbackFace
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, textRun{cur.String(), face})
			cur.Reset()
		}
	}
	for _, r := range s {
		want := (*fallbackFace)(nil)
		if !hasGlyph(r) {
			want = fallbackFor(r)
		} else if face != nil && !unicode.IsLetter(r) && !unicode.IsDigit(r) && face.covered[r] {
			want = face
		}
		if want != face {
			flush()
			face = want
		}
		cur.WriteRune(r)
	}
	flush()
	// A neutral kept in a fallback run but not followed by its script
	// goes back to the embedded font, so "王小明; " ends its run at "明".
	for i := range out {
		if out[i].face == nil {
			continue
		}
		t := out[i].text
		trimmed := strings.TrimRightFunc(t, func(r rune) bool { return hasGlyph(r) })
		if trimmed != t && trimmed != "" {
			out[i].text = trimmed
			out = slices.Insert(out, i+1, textRun{t[len(trimmed):], nil})
		}
	}
	return out
}

// useFace sets the face of a run at the current size; nil restores the
// embedded font in the current style. Fallback faces are registered on
// first use, so a report without such letters embeds none.
func (d *pdfDoc) useFace(face *fallbackFace) {
	size := d.gs.size
	if face == nil {
		d.f.SetFont(fontFamily, d.gs.style, size)
		return
	}
	if d.faces == nil {
		d.faces = map[string]bool{}
	}
	if !d.faces[face.family] {
		d.faces[face.family] = true
		d.f.AddUTF8FontFromBytes(face.family, "", face.data)
	}
	d.f.SetFont(face.family, "", size)
}

// width is the width of s in the current font, in millimetres.
func (d *pdfDoc) width(s string) float64 {
	if !needsFallback(s) {
		return d.f.GetStringWidth(s)
	}
	w := 0.0
	for _, r := range runsOf(s) {
		d.useFace(r.face)
		w += d.f.GetStringWidth(r.text)
	}
	d.useFace(nil)
	return w
}

// split wraps s to lines no wider than w (less the cell margins), as
// gofpdf's SplitText does: at spaces, and inside a word only when it is
// wider than a line; text in a script without spaces (Chinese, Japanese)
// may break between any two of its letters.
func (d *pdfDoc) split(s string, w float64) []string {
	if !needsFallback(s) {
		return d.f.SplitText(s, w)
	}
	w -= 2 * d.f.GetCellMargin()
	var out []string
	for _, para := range strings.Split(s, "\n") {
		rs := []rune(para)
		start, brk := 0, -1
		for i := 0; i < len(rs); i++ {
			if rs[i] == ' ' || (i > start && breaksBetween(rs[i-1], rs[i])) {
				brk = i
			}
			if i > start && d.width(string(rs[start:i+1])) > w {
				end := i
				if brk > start {
					end = brk
				}
				out = append(out, strings.TrimRight(string(rs[start:end]), " "))
				for end < len(rs) && rs[end] == ' ' {
					end++
				}
				start, brk, i = end, -1, end-1
			}
		}
		out = append(out, string(rs[start:]))
	}
	return out
}

// breaksBetween reports whether a line may break between a and b without
// a space: next to a CJK letter.
func breaksBetween(a, b rune) bool { return isCJK(a) || isCJK(b) }

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// cell draws one line like CellFormat(w, h, s, "", ln, align, false, 0,
// ""), run by run when s needs a fallback face.
func (d *pdfDoc) cell(w, h float64, s string, ln int, align string) {
	f := d.f
	if !needsFallback(s) {
		f.CellFormat(w, h, s, "", ln, align, false, 0, "")
		return
	}
	x, y := f.GetXY()
	m := f.GetCellMargin()
	total := d.width(s)
	cx := x + m
	switch align {
	case "C":
		cx = x + (w-total)/2
	case "R":
		cx = x + w - m - total
	}
	f.SetCellMargin(0)
	for _, r := range runsOf(s) {
		d.useFace(r.face)
		rw := f.GetStringWidth(r.text)
		f.SetXY(cx, y)
		f.CellFormat(rw, h, visualOrder(r.text), "", 0, "L", false, 0, "")
		cx += rw
	}
	f.SetCellMargin(m)
	d.useFace(nil)
	switch ln {
	case 1:
		f.SetXY(marginL, y+h)
	case 2:
		f.SetXY(x, y+h)
	default:
		f.SetXY(x+w, y)
	}
}

// fitLine is fit for text that may need a fallback face: the first line
// of s wrapped to w, with "…" when there was more.
func (d *pdfDoc) fitLine(s string, w float64) string {
	if !needsFallback(s) {
		return fit(d.f, s, w)
	}
	lines := d.split(s, w-d.width("…"))
	if len(lines) <= 1 {
		return s
	}
	return lines[0] + "…"
}

// visualOrder reverses each stretch of right-to-left letters (Hebrew) for
// display, since gofpdf lays every run out left to right: the letters of
// "דוד כהן" are drawn last first, so they read right to left. Spaces and
// punctuation between two such letters belong to the stretch; a combining
// mark (niqqud) stays after its letter.
func visualOrder(s string) string {
	if !strings.ContainsFunc(s, isRTL) {
		return s
	}
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if !isRTL(rs[i]) {
			i++
			continue
		}
		j := i
		for k := i; k < len(rs); k++ {
			if isRTL(rs[k]) || unicode.Is(unicode.Mn, rs[k]) {
				j = k + 1
			} else if unicode.IsLetter(rs[k]) || unicode.IsDigit(rs[k]) {
				break
			}
		}
		reverseClusters(rs[i:j])
		i = j
	}
	return string(rs)
}

func isRTL(r rune) bool { return unicode.Is(unicode.Hebrew, r) && !unicode.Is(unicode.Mn, r) }

// reverseClusters reverses rs by letter, each letter keeping the marks
// that follow it.
func reverseClusters(rs []rune) {
	var clusters [][]rune
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && unicode.Is(unicode.Mn, rs[j]) {
			j++
		}
		clusters = append(clusters, slices.Clone(rs[i:j]))
		i = j
	}
	slices.Reverse(clusters)
	copy(rs, slices.Concat(clusters...))
}
