// Package wordml writes Word documents (.docx, Office Open XML
// WordprocessingML, ECMA-376 / ISO/IEC 29500) with the standard library:
// titles, headings that Word's navigation pane and table of contents see
// (the built-in Heading 1–3 styles, each with its outline level), body
// paragraphs, bullet lists, tables with a repeating header row, inline
// PNG images with alternative text, a page header and a footer with the
// page number, and the core document properties.
//
// It is the smallest writer the after-action report needs, not a general
// library: the style sheet is fixed, and text is the only content of a
// run. Every string is escaped, and characters XML 1.0 forbids become
// U+FFFD, so no input can make a part unreadable.
package wordml

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Page geometry in twentieths of a point (twips): A4 with 2 cm margins.
const (
	pageW, pageH = 11906, 16838
	margin       = 1134
	// ContentWidth is the width between the margins, in twips;
	// ContentHeight the height, less room for a heading and a caption.
	ContentWidth  = pageW - 2*margin
	ContentHeight = pageH - 2*margin - 2000
	emuPerTwip    = 635 // English Metric Units (914,400 an inch)
)

// Doc is a document being built; its methods append to the body in order.
type Doc struct {
	Props Properties
	// Header is printed centred at the top of every page (a marking);
	// Footer at the bottom left, beside "Page N".
	Header, Footer string

	body   strings.Builder
	images []image
	nextID int // for drawing object IDs, unique in the document
}

type image struct {
	name string
	data []byte
}

// Properties are the core document properties (docProps/core.xml) Word
// shows under File › Info.
type Properties struct {
	Title, Subject, Creator, Keywords string
	// Created is the creation and modification time; zero leaves both
	// out.
	Created time.Time
}

// Run is a piece of text with one formatting.
type Run struct {
	Text   string
	Bold   bool
	Italic bool
	// Color is a hex RGB colour ("2E7D32"); empty is the style's.
	Color string
}

// Plain is a run of unformatted text.
func Plain(s string) Run { return Run{Text: s} }

// Title appends the document title (the Title style).
func (d *Doc) Title(text string) { d.para("Title", Plain(text)) }

// Subtitle appends a line under the title (the Subtitle style).
func (d *Doc) Subtitle(text string) { d.para("Subtitle", Plain(text)) }

// Heading appends a heading of level 1–3 (levels outside are clamped),
// styled Heading 1–3 so it is in the navigation pane and a TOC.
func (d *Doc) Heading(level int, text string) {
	level = min(max(level, 1), 3)
	d.para("Heading"+strconv.Itoa(level), Plain(text))
}

// Para appends a body paragraph.
func (d *Doc) Para(runs ...Run) { d.para("", runs...) }

// Caption appends a caption (under a figure or table).
func (d *Doc) Caption(text string) { d.para("Caption", Plain(text)) }

// Bullet appends an item of a bulleted list (the List Bullet style).
func (d *Doc) Bullet(runs ...Run) { d.para("ListBullet", runs...) }

func (d *Doc) para(style string, runs ...Run) {
	writePara(&d.body, style, runs)
}

func writePara(b *strings.Builder, style string, runs []Run) {
	b.WriteString("<w:p>")
	if style != "" {
		b.WriteString(`<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	}
	for _, r := range runs {
		writeRun(b, r)
	}
	b.WriteString("</w:p>")
}

func writeRun(b *strings.Builder, r Run) {
	b.WriteString("<w:r>")
	if r.Bold || r.Italic || r.Color != "" {
		b.WriteString("<w:rPr>")
		if r.Bold {
			b.WriteString("<w:b/><w:bCs/>")
		}
		if r.Italic {
			b.WriteString("<w:i/><w:iCs/>")
		}
		if r.Color != "" {
			b.WriteString(`<w:color w:val="` + attr(r.Color) + `"/>`)
		}
		b.WriteString("</w:rPr>")
	}
	writeText(b, r.Text)
	b.WriteString("</w:r>")
}

// Table is a table with a header row repeated on every page it runs
// onto.
type Table struct {
	// Header names the columns; Widths gives their relative widths
	// (all equal when nil or of another length).
	Header []string
	Widths []float64
	Rows   [][]Run
	// Shade fills the header row with a hex RGB colour.
	Shade string
}

// Table appends t, across the width between the margins.
func (d *Doc) Table(t Table) {
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	widths := columnWidths(t.Widths, cols)
	b := &d.body
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="ReportTable"/><w:tblW w:w="` + strconv.Itoa(ContentWidth) + `" w:type="dxa"/>`)
	// tblLook says which of the table style's conditional formats apply:
	// the header row's only when there is one.
	look := `<w:tblLook w:val="0400" w:firstRow="0"`
	if len(t.Header) > 0 {
		look = `<w:tblLook w:val="0420" w:firstRow="1"`
	}
	b.WriteString(`<w:tblLayout w:type="fixed"/>` + look + ` w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	b.WriteString("</w:tblGrid>")
	if len(t.Header) > 0 {
		head := make([]Run, len(t.Header))
		for i, h := range t.Header {
			head[i] = Run{Text: h, Bold: true}
		}
		writeRow(b, head, widths, true, t.Shade)
	}
	for _, r := range t.Rows {
		writeRow(b, r, widths, false, "")
	}
	b.WriteString("</w:tbl>")
	// Two tables in a row would merge into one; a paragraph keeps them
	// apart and gives room before what follows.
	d.para("TableGap")
}

func writeRow(b *strings.Builder, cells []Run, widths []int, header bool, shade string) {
	// A row is never split across pages (a cell's last word alone on
	// the next page reads as a new row).
	b.WriteString("<w:tr><w:trPr><w:cantSplit/>")
	if header {
		b.WriteString("<w:tblHeader/>")
	}
	b.WriteString("</w:trPr>")
	for i, w := range widths {
		b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(w) + `" w:type="dxa"/>`)
		if shade != "" {
			b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + attr(shade) + `"/>`)
		}
		b.WriteString("</w:tcPr>")
		// Every cell needs a paragraph, even an empty one.
		var runs []Run
		if i < len(cells) {
			runs = []Run{cells[i]}
		}
		writePara(b, "TableText", runs)
		b.WriteString("</w:tc>")
	}
	b.WriteString("</w:tr>")
}

// columnWidths shares ContentWidth between cols columns by weights.
func columnWidths(weights []float64, cols int) []int {
	total := 0.0
	for _, w := range weights {
		total += max(w, 0)
	}
	out := make([]int, cols)
	for i := range out {
		if len(weights) != cols || total == 0 {
			out[i] = ContentWidth / cols
		} else {
			out[i] = int(float64(ContentWidth) * max(weights[i], 0) / total)
		}
	}
	return out
}

// Image appends a PNG as a paragraph of its own, widthTwips wide (at most
// the content width) and as tall as its aspect ratio gives. alt is the
// description screen readers speak and Word shows as Alt Text.
func (d *Doc) Image(png []byte, pxW, pxH, widthTwips int, alt string) error {
	if pxW <= 0 || pxH <= 0 {
		return fmt.Errorf("wordml: image of %d×%d pixels", pxW, pxH)
	}
	widthTwips = min(widthTwips, ContentWidth)
	cx := int64(widthTwips) * emuPerTwip
	cy := cx * int64(pxH) / int64(pxW)
	d.images = append(d.images, image{name: fmt.Sprintf("image%d.png", len(d.images)+1), data: png})
	rel := imageRel(len(d.images))
	d.nextID++
	id := strconv.Itoa(d.nextID)
	ext := `cx="` + strconv.FormatInt(cx, 10) + `" cy="` + strconv.FormatInt(cy, 10) + `"`
	name := "Figure " + id
	b := &d.body
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Figure"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">`)
	b.WriteString(`<wp:extent ` + ext + `/><wp:docPr id="` + id + `" name="` + name + `" descr="` + attr(alt) + `"/>`)
	b.WriteString(`<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`)
	b.WriteString(`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>`)
	b.WriteString(`<pic:nvPicPr><pic:cNvPr id="` + id + `" name="` + name + `" descr="` + attr(alt) + `"/><pic:cNvPicPr/></pic:nvPicPr>`)
	b.WriteString(`<pic:blipFill><a:blip r:embed="` + rel + `"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`)
	b.WriteString(`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext ` + ext + `/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`)
	b.WriteString(`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`)
	return nil
}

// imageRel is the relationship ID of the n-th image (from 1); the fixed
// parts use rId1–rId9.
func imageRel(n int) string { return "rIdImg" + strconv.Itoa(n) }
