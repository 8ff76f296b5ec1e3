package app

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/widgets"
)

// monkey drives a window's real widgets at random: it types into entries,
// picks options, taps checks, buttons and tabs, selects list rows and
// table cells, and answers the dialogs that open. Everything it does is
// described in log, so a failure can be replayed from its seed.
type monkey struct {
	rng *rand.Rand
	win fyne.Window
	log []string
}

// interactive collects the visible, enabled widgets under o that a user
// can operate, grouped by kind so each kind gets its share of actions
// however many of one kind a screen has.
func interactive(o fyne.CanvasObject) map[string][]fyne.CanvasObject {
	out := map[string][]fyne.CanvasObject{}
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		if d, ok := o.(fyne.Disableable); ok && d.Disabled() {
			return
		}
		switch w := o.(type) {
		case *widget.Entry:
			out["entry"] = append(out["entry"], w)
			return
		case *widget.Select:
			if len(w.Options) > 0 {
				out["select"] = append(out["select"], w)
			}
			return
		case *widget.Table:
			out["table"] = append(out["table"], w)
			return
		case *widget.List:
			out["list"] = append(out["list"], w)
			return
		case *widgets.KeyList:
			out["list"] = append(out["list"], w)
			return
		case *widget.Check:
			out["check"] = append(out["check"], w)
			return
		case *widget.Button:
			out["button"] = append(out["button"], w)
			return
		case fyne.Tappable:
			// tabs, radio items, hyperlinks
			out["tap"] = append(out["tap"], o)
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, k := range c.Objects {
				walk(k)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(c).Objects() {
				walk(k)
			}
		}
	}
	walk(o)
	return out
}

func (m *monkey) logf(format string, args ...any) {
	m.log = append(m.log, fmt.Sprintf(format, args...))
}

// words are what the monkey types: plain text, the formats the editors
// parse (durations, times, dates, numbers) and text that is not valid.
var words = []string{"a", "Ops", " x", "15m", "1h30m", "2d", "09:00", "25:99", "2026-03-04", "3", "-1", "", "ünï", "_*`", "\n", "zz9"}

// act does one random thing under root.
func (m *monkey) act(root fyne.CanvasObject) {
	groups := interactive(root)
	var kinds []string
	for _, k := range []string{"entry", "select", "table", "list", "check", "button", "tap"} {
		if len(groups[k]) > 0 {
			kinds = append(kinds, k)
		}
	}
	if len(kinds) == 0 {
		m.logf("nothing to operate")
		return
	}
	kind := kinds[m.rng.Intn(len(kinds))]
	objs := groups[kind]
	i := m.rng.Intn(len(objs))
	switch w := objs[i].(type) {
	case *widget.Entry:
		switch m.rng.Intn(4) {
		case 0:
			s := words[m.rng.Intn(len(words))]
			m.logf("entry %d %q: set %q", i, short(w.Text), s)
			w.SetText(s)
		case 1:
			n := 1 + m.rng.Intn(3)
			m.logf("entry %d %q: backspace ×%d", i, short(w.Text), n)
			w.FocusGained()
			w.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
			for range n {
				w.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
			}
		default:
			s := words[m.rng.Intn(len(words))]
			m.logf("entry %d %q: type %q", i, short(w.Text), s)
			test.Type(w, s)
		}
	case *widget.Select:
		if m.rng.Intn(3) == 0 {
			m.logf("select %d: tap (opens its menu)", i)
			test.Tap(w)
			return
		}
		j := m.rng.Intn(len(w.Options))
		m.logf("select %d: choose %d %q", i, j, short(w.Options[j]))
		w.SetSelectedIndex(j)
	case *widget.Table:
		rows, cols := w.Length()
		if rows == 0 || cols == 0 {
			return
		}
		id := widget.TableCellID{Row: m.rng.Intn(rows), Col: m.rng.Intn(cols)}
		m.logf("table %d: select %v", i, id)
		w.Select(id)
		// A cell of the responsibility matrix is set with the code
		// buttons beside it.
		var codes []*widget.Button
		for _, b := range groups["button"] {
			if b := b.(*widget.Button); slices.Contains([]string{"R", "A", "C", "I", "Clear"}, b.Text) {
				codes = append(codes, b)
			}
		}
		if len(codes) > 0 {
			b := codes[m.rng.Intn(len(codes))]
			m.logf("  then %q", b.Text)
			test.Tap(b)
		}
	case *widget.List:
		m.selectRow(i, w.Length(), w.Select)
	case *widgets.KeyList:
		m.selectRow(i, w.Length(), w.Select)
	case *widget.Check:
		m.logf("check %d %q: tap", i, short(w.Text))
		test.Tap(w)
	case *widget.Button:
		m.logf("button %d %q: tap", i, short(w.Text))
		test.Tap(w)
	case fyne.Tappable:
		m.logf("tap %d %T", i, w)
		test.Tap(w)
	}
}

func (m *monkey) selectRow(i, n int, sel func(widget.ListItemID)) {
	if n == 0 {
		return
	}
	r := m.rng.Intn(n)
	m.logf("list %d: select row %d of %d", i, r, n)
	sel(r)
}

// answerDialogs operates whatever dialogs or pop-up menus are open, then
// closes any still open, so the next action starts on the window.
func (m *monkey) answerDialogs() {
	c := m.win.Canvas()
	for range 4 {
		top := c.Overlays().Top()
		if top == nil {
			return
		}
		m.logf("dialog:")
		m.act(top)
	}
	for c.Overlays().Top() != nil {
		m.logf("dialog left open: closed")
		c.Overlays().Remove(c.Overlays().Top())
	}
}

// short abbreviates a widget's text for the log.
func short(s string) string {
	s = strings.ReplaceAll(s, "\n", "⏎")
	if r := []rune(s); len(r) > 24 {
		return string(r[:24]) + "…"
	}
	return s
}
