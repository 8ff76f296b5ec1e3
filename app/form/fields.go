package form

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/widgets"
	"drillbook/plan"
)

// Field constructors. Each builds the widget, fills it from the plan on
// load and writes changes through SetField. Text fields merge consecutive
// keystrokes into one undo step and are never reloaded while the user
// types in them (only on selection, undo and redo), so the cursor stays.

// Text is a one-line entry.
func (b *Binder) Text(label, key string, at func(Addr) *string) *widget.Entry {
	e := newEntry(false)
	b.textEntry(e, label, key, at)
	return &e.Entry
}

// TextArea is a multi-line entry that grows with its text (fitRows).
func (b *Binder) TextArea(label, key string, at func(Addr) *string) *widget.Entry {
	e := newEntry(true)
	b.textEntry(e, label, key, at)
	return &e.Entry
}

func (b *Binder) textEntry(e *Entry, label, key string, at func(Addr) *string) {
	what := "edit " + strings.ToLower(label)
	shown := 0
	e.OnChanged = func(s string) {
		b.fitRows(&e.Entry, &shown)
		SetField(b, key, what, at, s, true)
	}
	b.addEntry(label, key, e, func(a Addr) {
		widgets.SetText(&e.Entry, *at(a))
		b.fitRows(&e.Entry, &shown)
	})
}

// Multi-line fields show between minRows and maxRows lines: as many as
// their text has, so short notes leave no empty box and long ones need
// no scrolling inside a scrolling form.
const (
	minRows = 2
	maxRows = 12
)

// fitRows sizes a multi-line entry to its text's lines (one spare for
// the next line typed), laying the form out again when that changes.
// shown is the row count the entry was given last.
func (b *Binder) fitRows(e *widget.Entry, shown *int) {
	if !e.MultiLine {
		return
	}
	n := min(max(strings.Count(e.Text, "\n")+2, minRows), maxRows)
	if n == *shown {
		return
	}
	*shown = n
	e.SetMinRowsVisible(n)
	if b.form != nil {
		b.form.Refresh()
	}
}

// Lines is a multi-line entry holding a list, one item per line; blank
// lines at the end are dropped.
// Like TextArea it grows with its text.
func (b *Binder) Lines(label, key string, placeholder string, at func(Addr) *[]string) *widget.Entry {
	le := newEntry(true)
	e := &le.Entry
	e.SetPlaceHolder(placeholder)
	what := "edit " + strings.ToLower(label)
	shown := 0
	e.OnChanged = func(s string) {
		b.fitRows(e, &shown)
		SetField(b, key, what, at, splitLines(s), true)
	}
	b.addEntry(label, key, le, func(a Addr) {
		if !slices.Equal(splitLines(e.Text), *at(a)) {
			e.SetText(strings.Join(*at(a), "\n"))
		}
		b.fitRows(e, &shown)
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

// Duration is an entry for a plan.Duration ("15m", "1h30m", "2d"). Text
// that does not parse is flagged and not stored; empty means not set.
func (b *Binder) Duration(label, key string, at func(Addr) *plan.Duration) *widget.Entry {
	le := newEntry(false)
	e := &le.Entry
	e.SetPlaceHolder("e.g. 15m, 1h30m, 2d")
	e.Validator = func(s string) error {
		_, err := ParseDurationText(s)
		return err
	}
	what := "edit " + strings.ToLower(label)
	e.OnChanged = func(s string) {
		if d, err := ParseDurationText(s); err == nil {
			SetField(b, key, what, at, d, true)
		}
	}
	b.addEntry(label, key, le, func(a Addr) {
		if d, err := ParseDurationText(e.Text); err != nil || d != *at(a) {
			e.SetText(DurationText(*at(a)))
		}
	})
	return e
}

// ParseDurationText reads a duration typed into a form; empty is 0.
func ParseDurationText(s string) (plan.Duration, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	return plan.ParseDuration(s)
}

// DurationText shows a duration in a form; 0 is empty.
func DurationText(d plan.Duration) string {
	if d == 0 {
		return ""
	}
	return d.String()
}

// Clock is an entry for a time of day, "HH:MM". The text is stored as
// typed; validation reports a bad time beside the field.
func (b *Binder) Clock(label, key string, at func(Addr) *string) *widget.Entry {
	e := b.Text(label, key, at)
	e.SetPlaceHolder("HH:MM")
	e.Validator = EmptyOr(plan.ParseClock)
	return e
}

// EmptyOr is a validator for an optional value: empty text (not set) or
// text parse accepts.
func EmptyOr[T any](parse func(string) (T, error)) fyne.StringValidator {
	return func(s string) error {
		if s == "" {
			return nil
		}
		_, err := parse(s)
		return err
	}
}

// Date is an entry for a calendar day, "YYYY-MM-DD"; empty means not set.
func (b *Binder) Date(label, key string, at func(Addr) *plan.Date) *widget.Entry {
	le := newEntry(false)
	e := &le.Entry
	e.SetPlaceHolder("YYYY-MM-DD")
	e.Validator = EmptyOr(plan.ParseDate)
	what := "edit " + strings.ToLower(label)
	e.OnChanged = func(s string) {
		if s == "" {
			SetField(b, key, what, at, plan.Date{}, true)
		} else if d, err := plan.ParseDate(s); err == nil {
			SetField(b, key, what, at, d, true)
		}
	}
	b.addEntry(label, key, le, func(a Addr) { widgets.SetText(e, (*at(a)).String()) })
	return e
}

// Number is an entry for a whole number.
func (b *Binder) Number(label, key string, at func(Addr) *int) *widget.Entry {
	le := newEntry(false)
	e := &le.Entry
	e.Validator = func(s string) error {
		if _, err := strconv.Atoi(strings.TrimSpace(s)); err != nil {
			return errors.New("enter a whole number")
		}
		return nil
	}
	what := "edit " + strings.ToLower(label)
	e.OnChanged = func(s string) {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
			SetField(b, key, what, at, n, true)
		}
	}
	b.addEntry(label, key, le, func(a Addr) {
		if n, err := strconv.Atoi(strings.TrimSpace(e.Text)); err != nil || n != *at(a) {
			e.SetText(strconv.Itoa(*at(a)))
		}
	})
	return e
}

// infoKey starts the key of a read-only line, which no path names.
const infoKey = "\x00"

// Info is a read-only line computed from the item (an ID, a state).
func (b *Binder) Info(label string, text func(Addr) string) *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	b.add(label, infoKey+label, l, nil, func(a Addr) { l.SetText(widgets.Shown(text(a))) })
	return l
}
