package assessview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/plan"
)

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
	h := assessmentHost(t)
	name := "![x](https://tracker.test/x.png) _urgent_"
	ws := h.WS
	ws.IncidentTypes = append(ws.IncidentTypes, plan.IncidentType{ID: "hostile", Name: name, Category: plan.CategoryOther})
	ws.Responsibilities = append(ws.Responsibilities, plan.Responsibility{IncidentType: "hostile", Role: ws.Roles[0].ID, RACI: plan.Responsible})
	h.Edited()
	s := assessmentOf(t, h)
	shown := false
	check := func(where string) {
		t.Helper()
		for _, rt := range richTexts(h.Win.Content()) {
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
