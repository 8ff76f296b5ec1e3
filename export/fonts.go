package export

import (
	_ "embed"
	"sync"

	"golang.org/x/image/font/sfnt"

	"drillbook/internal/textclean"
)

// The PDF embeds Noto Sans, so names in Latin, Greek and Cyrillic scripts
// render without relying on fonts installed on the reader's machine. The
// files in fonts/ are the ones Fyne bundles (so reports show the same
// letters as the app), copied rather than read through Fyne so that this
// package never links the GUI toolkit. Licence: fonts/OFL.txt.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	notoRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	notoBold []byte
)

const (
	fontFamily = "NotoSans"
	// replacement is printed for every character the font has no glyph
	// for (emoji, scripts Noto Sans does not cover) and for control
	// characters. Noto Sans has U+FFFD, so the substitution is visible.
	replacement = textclean.Replacement
)

type fontData struct {
	regular, bold []byte
	// covered[r] is true when both faces have a glyph for rune r. Only the
	// Basic Multilingual Plane is recorded: gofpdf's UTF-16 conversion
	// handles no surrogate pairs (and Noto Sans has no glyph beyond it).
	covered []bool
}

var fonts = sync.OnceValue(func() *fontData {
	fd := &fontData{
		regular: notoRegular,
		bold:    notoBold,
		covered: make([]bool, 0x10000),
	}
	var faces []*sfnt.Font
	for _, b := range [][]byte{fd.regular, fd.bold} {
		f, err := sfnt.Parse(b)
		if err != nil {
			// The fonts are compiled in; a parse failure is a build
			// problem. Leave coverage to ASCII so text still
			// renders, replaced where unsure.
			for r := 0x20; r < 0x7f; r++ {
				fd.covered[r] = true
			}
			return fd
		}
		faces = append(faces, f)
	}
	regular, bold := coverage(faces[0]), coverage(faces[1])
	for r := range fd.covered {
		fd.covered[r] = regular[r] && bold[r]
	}
	return fd
})

// hasGlyph reports whether the embedded font can draw r.
func hasGlyph(r rune) bool {
	c := fonts().covered
	return r >= 0 && int(r) < len(c) && c[r]
}

// coverage records which runes of the Basic Multilingual Plane a face
// has a glyph for.
func coverage(f *sfnt.Font) []bool {
	covered := make([]bool, 0x10000)
	var buf sfnt.Buffer
	for r := range covered {
		if g, err := f.GlyphIndex(&buf, rune(r)); err == nil && g != 0 {
			covered[r] = true
		}
	}
	return covered
}
