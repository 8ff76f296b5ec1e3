package app

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/widgets"
	"drillbook/plan"
)

// Field constructors. Each builds the widget, fills it from the plan on
// load and writes changes through bindSet. Text fields merge consecutive
// keystrokes into one undo step and are never reloaded while the user
// types in them (only on selection, undo and redo), so the cursor stays.

// text is a one-line entry.
func (b *binder) text(label, key string, at func(addr) *string) *widget.Entry {
	e := widget.NewEntry()
	b.textEntry(e, label, key, at)
	return e
}

// textArea is a multi-line entry.
func (b *binder) textArea(label, key string, rows int, at func(addr) *string) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	b.textEntry(e, label, key, at)
	return e
}

func (b *binder) textEntry(e *widget.Entry, label, key string, at func(addr) *string) {
	what := "edit " + strings.ToLower(label)
	e.OnChanged = func(s string) { bindSet(b, key, what, at, s, true) }
	b.add(label, key, e, e, func(a addr) { widgets.SetText(e, *at(a)) })
}

// lines is a multi-line entry holding a list, one item per line; blank
// lines at the end are dropped.
func (b *binder) lines(label, key string, rows int, placeholder string, at func(addr) *[]string) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	e.SetPlaceHolder(placeholder)
	what := "edit " + strings.ToLower(label)
	e.OnChanged = func(s string) { bindSet(b, key, what, at, splitLines(s), true) }
	b.add(label, key, e, e, func(a addr) {
		if !slices.Equal(splitLines(e.Text), *at(a)) {
			e.SetText(strings.Join(*at(a), "\n"))
		}
	})
	return e
}

func splitLines(s string) []string {
	ls := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for len(ls) > 0 && strings.TrimSpace(ls[len(ls)-1]) == "" {
		ls = ls[:len(ls)-1]
	}
	if len(ls) == 0 {
		return nil
	}
	return ls
}

// duration is an entry for a plan.Duration ("15m", "1h30m", "2d"). Text
// that does not parse is flagged and not stored; empty means not set.
func (b *binder) duration(label, key string, at func(addr) *plan.Duration) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder("e.g. 15m, 1h30m, 2d")
	e.Validator = func(s string) error {
		_, err := parseDurationText(s)
		return err
	}
	what := "edit " + strings.ToLower(label)
	e.OnChanged = func(s string) {
		if d, err := parseDurationText(s); err == nil {
			bindSet(b, key, what, at, d, true)
		}
	}
	b.add(label, key, e, e, func(a addr) {
		if d, err := parseDurationText(e.Text); err != nil || d != *at(a) {
			e.SetText(durationText(*at(a)))
		}
	})
	return e
}

func parseDurationText(s string) (plan.Duration, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	return plan.ParseDuration(s)
}

func durationText(d plan.Duration) string {
	if d == 0 {
		return ""
	}
	return d.String()
}

// clock is an entry for a time of day, "HH:MM". The text is stored as
// typed; validation reports a bad time beside the field.
func (b *binder) clock(label, key string, at func(addr) *string) *widget.Entry {
	e := b.text(label, key, at)
	e.SetPlaceHolder("HH:MM")
	e.Validator = func(s string) error {
		if s == "" {
			return nil
		}
		_, err := plan.ParseClock(s)
		return err
	}
	return e
}

// date is an entry for a calendar day, "YYYY-MM-DD"; empty means not set.
func (b *binder) date(label, key string, at func(addr) *plan.Date) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder("YYYY-MM-DD")
	e.Validator = func(s string) error {
		if s == "" {
			return nil
		}
		_, err := plan.ParseDate(s)
		return err
	}
	what := "edit " + strings.ToLower(label)
	e.OnChanged = func(s string) {
		if s == "" {
			bindSet(b, key, what, at, plan.Date{}, true)
		} else if d, err := plan.ParseDate(s); err == nil {
			bindSet(b, key, what, at, d, true)
		}
	}
	b.add(label, key, e, e, func(a addr) { widgets.SetText(e, (*at(a)).String()) })
	return e
}

// number is an entry for a whole number.
func (b *binder) number(label, key string, at func(addr) *int) *widget.Entry {
	e := widget.NewEntry()
	e.Validator = func(s string) error {
		if _, err := strconv.Atoi(strings.TrimSpace(s)); err != nil {
			return errors.New("enter a whole number")
		}
		return nil
	}
	what := "edit " + strings.ToLower(label)
	e.OnChanged = func(s string) {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
			bindSet(b, key, what, at, n, true)
		}
	}
	b.add(label, key, e, e, func(a addr) {
		if n, err := strconv.Atoi(strings.TrimSpace(e.Text)); err != nil || n != *at(a) {
			e.SetText(strconv.Itoa(*at(a)))
		}
	})
	return e
}

// choice is a select of a fixed vocabulary (category, channel, …).
func choice[E ~string](b *binder, label, key string, values []E, at func(addr) *E) *widget.Select {
	return pick(b, label, key, false, func() []option { return enumOptions(values) }, at)
}

// pick is a select of options; optional adds "(none)" for the empty
// value. A value the options do not hold (a dangling reference) shows as
// "unknown: id" until it is changed.
func pick[E ~string](b *binder, label, key string, optional bool, options func() []option, at func(addr) *E) *widget.Select {
	s := widget.NewSelect(nil, nil)
	var values []string
	what := "edit " + strings.ToLower(label)
	s.OnChanged = func(string) {
		if i := s.SelectedIndex(); i >= 0 && i < len(values) && !strings.HasPrefix(s.Selected, "unknown: ") {
			bindSet(b, key, what, at, E(values[i]), false)
		}
	}
	b.add(label, key, s, s, func(a addr) {
		opts := options()
		values = values[:0]
		var labels []string
		if optional {
			values = append(values, "")
			labels = append(labels, "(none)")
		}
		for _, o := range opts {
			values = append(values, o.value)
		}
		labels = append(labels, optionLabels(opts)...)
		cur := string(*at(a))
		sel := slices.Index(values, cur)
		if sel < 0 && cur != "" {
			values = append(values, cur)
			labels = append(labels, "unknown: "+cur)
			sel = len(values) - 1
		}
		s.Options = labels
		if sel >= 0 {
			s.SetSelectedIndex(sel)
		} else {
			s.ClearSelected()
		}
	})
	return s
}

// checks is a set of check boxes for an unordered set of values (the
// incident types a playbook covers, a role's functions, days).
func checks[E ~string](b *binder, label, key string, horizontal bool, options func() []option, at func(addr) *[]E) *widget.CheckGroup {
	g := widget.NewCheckGroup(nil, nil)
	g.Horizontal = horizontal
	var opts []option
	what := "edit " + strings.ToLower(label)
	g.OnChanged = func(sel []string) {
		// Stored in the options' order, so the file does not depend on
		// the order the boxes were ticked in.
		var v []E
		for i, l := range optionLabels(opts) {
			if slices.Contains(sel, l) {
				v = append(v, E(opts[i].value))
			}
		}
		bindSet(b, key, what, at, v, false)
	}
	b.add(label, key, g, nil, func(a addr) {
		opts = options()
		labels := optionLabels(opts)
		g.Options = labels
		var sel []string
		for i, o := range opts {
			if slices.Contains(*at(a), E(o.value)) {
				sel = append(sel, labels[i])
			}
		}
		g.SetSelected(sel)
	})
	return g
}

// levels is a set of toggles for severity levels.
func (b *binder) levels(label, key string, at func(addr) *[]int) *fyne.Container {
	what := "edit " + strings.ToLower(label)
	return b.toggles(label, key, 2, func() []option { return severityOptions(b.u.doc.ws) },
		func(a addr) []string {
			v := make([]string, len(*at(a)))
			for i, n := range *at(a) {
				v[i] = strconv.Itoa(n)
			}
			return v
		},
		func(sel []string) {
			var v []int
			for _, s := range sel {
				n, _ := strconv.Atoi(s)
				v = append(v, n)
			}
			bindSet(b, key, what, at, v, false)
		})
}

// days is a row of toggles for the days of the week.
func (b *binder) days(label, key string, at func(addr) *[]plan.Weekday) *fyne.Container {
	what := "edit " + strings.ToLower(label)
	return b.toggles(label, key, 7, func() []option {
		out := make([]option, len(plan.Weekdays))
		for i, d := range plan.Weekdays {
			out[i] = option{string(d), strings.ToUpper(string(d[:1])) + string(d[1:2])}
		}
		return out
	}, func(a addr) []string {
		v := make([]string, len(*at(a)))
		for i, d := range *at(a) {
			v[i] = string(d)
		}
		return v
	}, func(sel []string) {
		v := make([]plan.Weekday, len(sel))
		for i, s := range sel {
			v[i] = plan.Weekday(s)
		}
		bindSet(b, key, what, at, v, false)
	})
}

// toggles is a compact grid of on/off buttons for a small set (days,
// severity levels); set receives the chosen values in the options' order.
func (b *binder) toggles(label, key string, cols int, options func() []option, get func(addr) []string, set func([]string)) *fyne.Container {
	grid := container.NewGridWithColumns(cols)
	var opts []option
	var on []bool
	var buttons []*widget.Button
	paint := func() {
		for i, btn := range buttons {
			imp := widget.MediumImportance
			if on[i] {
				imp = widget.HighImportance
			}
			if btn.Importance != imp {
				btn.Importance = imp
				btn.Refresh()
			}
		}
	}
	b.add(label, key, grid, nil, func(a addr) {
		if next := options(); !slices.Equal(next, opts) {
			opts = next
			grid.RemoveAll()
			buttons = buttons[:0]
			for i, o := range opts {
				btn := widget.NewButton(widgets.Clip(o.label, widgets.ShortRunes/2), func() {
					on[i] = !on[i]
					paint()
					var sel []string
					for j, x := range opts {
						if on[j] {
							sel = append(sel, x.value)
						}
					}
					set(sel)
				})
				buttons = append(buttons, btn)
				grid.Add(btn)
			}
		}
		have := get(a)
		on = make([]bool, len(opts))
		for i, o := range opts {
			on[i] = slices.Contains(have, o.value)
		}
		paint()
	})
	return grid
}

// info is a read-only line computed from the item (an ID, a state).
func (b *binder) info(label string, text func(addr) string) *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	b.add(label, "\x00"+label, l, nil, func(a addr) { l.SetText(widgets.Shown(text(a))) })
	return l
}

// toggleSet is a grid of toggles for an unordered set of a vocabulary
// (a role's functions), stored in the options' order.
func toggleSet[E ~string](b *binder, label, key string, cols int, options func() []option, at func(addr) *[]E) *fyne.Container {
	what := "edit " + strings.ToLower(label)
	return b.toggles(label, key, cols, options, func(a addr) []string {
		v := make([]string, len(*at(a)))
		for i, x := range *at(a) {
			v[i] = string(x)
		}
		return v
	}, func(sel []string) {
		var v []E
		for _, s := range sel {
			v = append(v, E(s))
		}
		bindSet(b, key, what, at, v, false)
	})
}
