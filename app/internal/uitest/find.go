package uitest

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Children are the objects directly under o: a container's objects, a
// widget's rendered objects.
func Children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch c := o.(type) {
	case *fyne.Container:
		return c.Objects
	case fyne.Widget:
		return test.WidgetRenderer(c).Objects()
	}
	return nil
}

// Find returns the first widget under o (depth first, hidden ones too)
// for which match is true.
func Find[T fyne.CanvasObject](o fyne.CanvasObject, match func(T) bool) (T, bool) {
	var zero T
	if v, ok := as[T](o); ok && match(v) {
		return v, true
	}
	for _, k := range Children(o) {
		if v, ok := Find(k, match); ok {
			return v, true
		}
	}
	return zero, false
}

// FindAll returns every widget under o for which match is true.
func FindAll[T fyne.CanvasObject](o fyne.CanvasObject, match func(T) bool) []T {
	var out []T
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if v, ok := as[T](o); ok && match(v) {
			out = append(out, v)
		}
		for _, k := range Children(o) {
			walk(k)
		}
	}
	walk(o)
	return out
}

// Button is the first button under o with the label.
func Button(t testing.TB, o fyne.CanvasObject, label string) *widget.Button {
	t.Helper()
	b, ok := Find(o, func(b *widget.Button) bool { return b.Text == label })
	if !ok {
		t.Fatalf("no %q button", label)
	}
	return b
}

// IconButton is the first button under o without text whose icon is
// named like icon ("content-copy.svg").
func IconButton(t testing.TB, o fyne.CanvasObject, icon fyne.Resource) *widget.Button {
	t.Helper()
	b, ok := Find(o, func(b *widget.Button) bool { return b.Text == "" && b.Icon != nil && b.Icon.Name() == icon.Name() })
	if !ok {
		t.Fatalf("no %s button", icon.Name())
	}
	return b
}

// TopOverlay is the dialog or pop-up on top of the window.
func TopOverlay(t testing.TB, w fyne.Window) fyne.CanvasObject {
	t.Helper()
	o := w.Canvas().Overlays().Top()
	if o == nil {
		t.Fatal("no dialog is showing")
	}
	return o
}

// Texts collects every visible string under o.
func Texts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.RichText:
			out = append(out, w.String())
		case *canvas.Text:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		}
		for _, k := range Children(o) {
			walk(k)
		}
	}
	walk(o)
	return out
}

// ShownDialog is the text of the dialog on top, or "".
func ShownDialog(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return strings.Join(Texts(top), "\n")
}

// DialogSays reports whether a label under the top dialog contains s.
func DialogSays(t testing.TB, w fyne.Window, s string) bool {
	t.Helper()
	_, ok := Find(TopOverlay(t, w), func(l *widget.Label) bool { return strings.Contains(l.Text, s) })
	return ok
}

// RichText collects the text of rendered Markdown, lists included (the
// widget's String leaves lists out).
func RichText(segs []widget.RichTextSegment) string {
	var b strings.Builder
	for _, s := range segs {
		switch x := s.(type) {
		case *widget.ListSegment:
			b.WriteString(RichText(x.Items))
		case *widget.ParagraphSegment:
			b.WriteString(RichText(x.Texts))
		case *widget.HyperlinkSegment:
			b.WriteString(x.Text + " (" + x.URL.String() + ")")
		case *widget.ImageSegment:
			b.WriteString("[image " + x.Source.String() + "]")
		default:
			b.WriteString(s.Textual())
		}
		b.WriteString("\n")
	}
	return b.String()
}

// as returns o as a T, or what o wraps (a form.Entry wraps a
// *widget.Entry), so finders see through the app's widget extensions.
func as[T fyne.CanvasObject](o fyne.CanvasObject) (T, bool) {
	if v, ok := o.(T); ok {
		return v, true
	}
	if w, ok := o.(interface{ Unwrap() fyne.CanvasObject }); ok {
		v, ok := w.Unwrap().(T)
		return v, ok
	}
	var zero T
	return zero, false
}

// Contains reports whether target is o or anywhere under it.
func Contains(o, target fyne.CanvasObject) bool {
	_, ok := Find(o, func(c fyne.CanvasObject) bool { return c == target })
	return ok
}
