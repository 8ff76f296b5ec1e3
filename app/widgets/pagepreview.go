package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// PagePreview draws a small A4 page mirroring the report's first page: the
// marking, the title band with the organisation, the key facts and the
// result at a glance. It lets a consultant check the labelling before
// exporting.
type PagePreview struct {
	widget.BaseWidget
	Marking, Org, Sector string
	Facts                []string // "Label: value"
	Glance               string
}

// NewPagePreview returns a blank page; set its fields and Refresh it.
func NewPagePreview() *PagePreview {
	p := &PagePreview{}
	p.ExtendBaseWidget(p)
	return p
}

var (
	pageBand  = color.NRGBA{31, 56, 100, 0xff} // the PDF's heading colour
	pageInk   = color.NRGBA{0x22, 0x22, 0x22, 0xff}
	pageMuted = color.NRGBA{0x66, 0x66, 0x66, 0xff}
	pageMark  = color.NRGBA{0xb0, 0x1c, 0x1c, 0xff}
)

// CreateRenderer is part of fyne.Widget.
func (p *PagePreview) CreateRenderer() fyne.WidgetRenderer { return &pageRenderer{p: p} }

type pageRenderer struct {
	p       *PagePreview
	objects []fyne.CanvasObject
}

func (r *pageRenderer) MinSize() fyne.Size           { return fyne.NewSize(297, 420) }
func (r *pageRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *pageRenderer) Destroy()                     {}
func (r *pageRenderer) Layout(s fyne.Size)           { r.build(s) }
func (r *pageRenderer) Refresh() {
	r.build(r.p.Size())
	canvas.Refresh(r.p)
}

func (r *pageRenderer) build(s fyne.Size) {
	r.objects = r.objects[:0]
	// Fit an A4 page (1 : √2) into the space.
	w := min(s.Width, s.Height/1.414)
	h := w * 1.414
	x0, y0 := (s.Width-w)/2, (s.Height-h)/2
	k := w / 210 // millimetres to pixels
	rect := func(x, y, rw, rh float32, c color.Color) {
		b := canvas.NewRectangle(c)
		b.Move(fyne.NewPos(x0+x*k, y0+y*k))
		b.Resize(fyne.NewSize(rw*k, rh*k))
		r.objects = append(r.objects, b)
	}
	text := func(str string, x, y, size float32, c color.Color, bold bool, align fyne.TextAlign) {
		t := canvas.NewText(str, c)
		t.TextSize = size * k
		t.TextStyle = fyne.TextStyle{Bold: bold}
		t.Alignment = align
		t.Move(fyne.NewPos(x0+x*k, y0+y*k))
		if align == fyne.TextAlignCenter {
			t.Resize(fyne.NewSize(w-2*x*k, t.TextSize))
		}
		r.objects = append(r.objects, t)
	}
	rect(0, 0, 210, 297, color.White)
	if r.p.Marking != "" {
		text(r.p.Marking, 15, 8, 3.2, pageMark, true, fyne.TextAlignCenter)
		text(r.p.Marking, 15, 287, 3.2, pageMark, true, fyne.TextAlignCenter)
	}
	rect(0, 22, 210, 62, pageBand)
	text("INCIDENT-RESPONSE READINESS REPORT", 18, 31, 3.8, color.White, false, fyne.TextAlignLeading)
	text(r.p.Org, 18, 42, 8, color.White, true, fyne.TextAlignLeading)
	text(r.p.Sector, 18, 58, 3.8, color.White, false, fyne.TextAlignLeading)
	y := float32(94)
	for _, f := range r.p.Facts {
		// Like the PDF, keep each fact on one line of the page.
		if rs := []rune(f); len(rs) > 90 {
			f = string(rs[:89]) + "…"
		}
		text(f, 18, y, 3.6, pageInk, false, fyne.TextAlignLeading)
		y += 7
	}
	rect(18, y+4, 174, 24, color.NRGBA{0xe8, 0xf1, 0xf2, 0xff})
	text(r.p.Glance, 23, y+12, 5.5, pageBand, true, fyne.TextAlignLeading)
	text("Contents follow on this page in the exported file.", 18, y+36, 3.2, pageMuted, false, fyne.TextAlignLeading)
}
