package uitest

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// FormRow is one row of a form found by its label. For rows form.Binder
// laid out (Stack(highlight, VBox(input, note))) it has the row's input,
// problem note and highlight; for other forms only the input.
type FormRow struct {
	Input fyne.CanvasObject
	Note  *widget.Label
	Glow  *canvas.Rectangle
}

// Row is the first form row under o with the label.
func Row(t testing.TB, o fyne.CanvasObject, label string) FormRow {
	t.Helper()
	for _, f := range FindAll(o, func(*widget.Form) bool { return true }) {
		for _, it := range f.Items {
			if it.Text == label {
				return rowOf(it)
			}
		}
	}
	t.Fatalf("no field %q", label)
	return FormRow{}
}

// FirstRow is the first row of the first form under o.
func FirstRow(t testing.TB, o fyne.CanvasObject) FormRow {
	t.Helper()
	f, ok := Find(o, func(f *widget.Form) bool { return len(f.Items) > 0 })
	if !ok {
		t.Fatal("no form")
	}
	return rowOf(f.Items[0])
}

func rowOf(it *widget.FormItem) FormRow {
	box, ok := it.Widget.(*fyne.Container)
	if !ok || len(box.Objects) != 2 {
		return FormRow{Input: it.Widget}
	}
	glow, ok1 := box.Objects[0].(*canvas.Rectangle)
	v, ok2 := box.Objects[1].(*fyne.Container)
	if !ok1 || !ok2 || len(v.Objects) != 2 {
		return FormRow{Input: it.Widget}
	}
	note, _ := v.Objects[1].(*widget.Label)
	return FormRow{Input: v.Objects[0], Note: note, Glow: glow}
}

// Input is the input of the form row with the label, as a T.
func Input[T fyne.CanvasObject](t testing.TB, o fyne.CanvasObject, label string) T {
	t.Helper()
	r := Row(t, o, label)
	w, ok := as[T](r.Input)
	if !ok {
		t.Fatalf("field %q is a %T", label, r.Input)
	}
	return w
}
