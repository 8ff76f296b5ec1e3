package form

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/widgets"
	"drillbook/plan"
)

// Choice is a select of a fixed vocabulary (category, channel, …).
func Choice[E ~string](b *Binder, label, key string, values []E, at func(Addr) *E) *widget.Select {
	return Pick(b, label, key, false, func() []Option { return EnumOptions(values) }, at)
}

// Pick is a select of options; optional adds "(none)" for the empty
// value. A value the options do not hold (a dangling reference) shows as
// "unknown: id" until it is changed.
func Pick[E ~string](b *Binder, label, key string, optional bool, options func() []Option, at func(Addr) *E) *widget.Select {
	s := widget.NewSelect(nil, nil)
	var values []string
	what := "edit " + strings.ToLower(label)
	s.OnChanged = func(string) {
		if i := s.SelectedIndex(); i >= 0 && i < len(values) && !strings.HasPrefix(s.Selected, "unknown: ") {
			SetField(b, key, what, at, E(values[i]), false)
		}
	}
	b.add(label, key, s, s, func(a Addr) {
		opts := options()
		values = values[:0]
		var labels []string
		if optional {
			values = append(values, "")
			labels = append(labels, "(none)")
		}
		for _, o := range opts {
			values = append(values, o.Value)
		}
		labels = append(labels, OptionLabels(opts)...)
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

// Checks is a set of check boxes for an unordered set of values (the
// incident types a playbook covers, a role's functions, days).
func Checks[E ~string](b *Binder, label, key string, horizontal bool, options func() []Option, at func(Addr) *[]E) *widget.CheckGroup {
	g := widget.NewCheckGroup(nil, nil)
	g.Horizontal = horizontal
	var opts []Option
	what := "edit " + strings.ToLower(label)
	g.OnChanged = func(sel []string) {
		// Stored in the options' order, so the file does not depend on
		// the order the boxes were ticked in.
		var v []E
		for i, l := range OptionLabels(opts) {
			if slices.Contains(sel, l) {
				v = append(v, E(opts[i].Value))
			}
		}
		SetField(b, key, what, at, v, false)
	}
	b.add(label, key, g, nil, func(a Addr) {
		opts = options()
		labels := OptionLabels(opts)
		g.Options = labels
		var sel []string
		for i, o := range opts {
			if slices.Contains(*at(a), E(o.Value)) {
				sel = append(sel, labels[i])
			}
		}
		g.SetSelected(sel)
	})
	return g
}

// Levels is a set of toggles for severity levels.
func (b *Binder) Levels(label, key string, at func(Addr) *[]int) *fyne.Container {
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	return toggleSlice(b, label, key, 2, func() []Option { return SeverityOptions(b.h.Workspace()) }, at, strconv.Itoa, atoi, false)
}

// Days is a row of toggles for the days of the week. No day is an empty
// list, not a missing one (a shift's days are always written).
func (b *Binder) Days(label, key string, at func(Addr) *[]plan.Weekday) *fyne.Container {
	days := func() []Option {
		out := make([]Option, len(plan.Weekdays))
		for i, d := range plan.Weekdays {
			out[i] = Option{string(d), strings.ToUpper(string(d[:1])) + string(d[1:2])}
		}
		return out
	}
	return toggleSlice(b, label, key, 7, days, at, weekdayString, parseWeekday, true)
}

func weekdayString(d plan.Weekday) string { return string(d) }
func parseWeekday(s string) plan.Weekday  { return plan.Weekday(s) }

// ToggleSet is a grid of toggles for an unordered set of a vocabulary
// (a role's functions), stored in the options' order.
func ToggleSet[E ~string](b *Binder, label, key string, cols int, options func() []Option, at func(Addr) *[]E) *fyne.Container {
	return toggleSlice(b, label, key, cols, options, at, func(x E) string { return string(x) }, func(s string) E { return E(s) }, false)
}

// toggleSlice is toggles for a list of values the options name as
// strings. emptyList stores no choice as an empty list instead of none.
func toggleSlice[E any](b *Binder, label, key string, cols int, options func() []Option, at func(Addr) *[]E, str func(E) string, parse func(string) E, emptyList bool) *fyne.Container {
	what := "edit " + strings.ToLower(label)
	return b.toggles(label, key, cols, options, func(a Addr) []string {
		v := make([]string, len(*at(a)))
		for i, x := range *at(a) {
			v[i] = str(x)
		}
		return v
	}, func(sel []string) {
		var v []E
		if emptyList {
			v = make([]E, 0, len(sel))
		}
		for _, s := range sel {
			v = append(v, parse(s))
		}
		SetField(b, key, what, at, v, false)
	})
}

// toggles is a compact grid of on/off buttons for a small set (days,
// severity levels); set receives the chosen values in the options' order.
func (b *Binder) toggles(label, key string, cols int, options func() []Option, get func(Addr) []string, set func([]string)) *fyne.Container {
	grid := container.NewGridWithColumns(cols)
	var opts []Option
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
	b.add(label, key, grid, nil, func(a Addr) {
		if next := options(); !slices.Equal(next, opts) {
			opts = next
			grid.RemoveAll()
			buttons = buttons[:0]
			for i, o := range opts {
				btn := widget.NewButton(widgets.Clip(o.Label, widgets.ShortRunes/2), func() {
					on[i] = !on[i]
					paint()
					var sel []string
					for j, x := range opts {
						if on[j] {
							sel = append(sel, x.Value)
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
			on[i] = slices.Contains(have, o.Value)
		}
		paint()
	})
	return grid
}
