package form

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/host"
	"drillbook/plan"
)

// maxPickerOptions bounds the add-a-member select; with 1,000 people the
// filter narrows it down.
const maxPickerOptions = 200

// Ordered edits an ordered list of references (a role's members, a
// shift's members, playbook references) where the first is primary:
// rows with move-up and remove, and a select to add one more.
func (b *Binder) Ordered(label, key, primary string, options func() []Option, at func(Addr) *[]string) *fyne.Container {
	rows := container.NewVBox()
	pickerSel := widget.NewSelect(nil, nil)
	pickerSel.PlaceHolder = "Add…"
	filter := widget.NewEntry()
	filter.SetPlaceHolder("Filter…")
	var cur Addr
	var all []Option
	what := strings.ToLower(label)
	setList := func(v []string) {
		SetField(b, key, "edit "+what, at, v, false)
		b.reload(key, cur)
	}
	var pickValues []string
	fillPicker := func() {
		have := *at(cur)
		q := strings.ToLower(strings.TrimSpace(filter.Text))
		pickValues = pickValues[:0]
		var labels []string
		for i, l := range OptionLabels(all) {
			if slices.Contains(have, all[i].Value) || (q != "" && !strings.Contains(strings.ToLower(l), q)) {
				continue
			}
			if len(labels) == maxPickerOptions {
				break
			}
			pickValues = append(pickValues, all[i].Value)
			labels = append(labels, l)
		}
		pickerSel.Options = labels
		pickerSel.ClearSelected()
	}
	filter.OnChanged = func(string) { fillPicker() }
	pickerSel.OnChanged = func(string) {
		i := pickerSel.SelectedIndex()
		if b.loading || i < 0 || i >= len(pickValues) {
			return
		}
		setList(append(slices.Clone(*at(cur)), pickValues[i]))
	}
	box := container.NewVBox(rows, container.NewBorder(nil, nil, nil, filter, pickerSel))
	b.add(label, key, box, pickerSel, func(a Addr) {
		cur = a
		all = options()
		names := map[string]string{}
		for i, l := range OptionLabels(all) {
			names[all[i].Value] = l
		}
		rows.RemoveAll()
		list := *at(a)
		for i, id := range list {
			name, ok := names[id]
			if !ok {
				name = "unknown: " + id
			}
			if i == 0 && primary != "" {
				name += " — " + primary
			}
			text := widget.NewLabel(fmt.Sprintf("%d. %s", i+1, name))
			text.Truncation = fyne.TextTruncateEllipsis
			up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() {
				v := slices.Clone(*at(cur))
				v[i-1], v[i] = v[i], v[i-1]
				setList(v)
			})
			if i == 0 {
				up.Disable()
			}
			remove := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() {
				setList(slices.Delete(slices.Clone(*at(cur)), i, i+1))
			})
			rows.Add(container.NewBorder(nil, nil, nil, container.NewHBox(up, remove), text))
		}
		if len(all) > 30 {
			filter.Show()
		} else {
			filter.Hide()
		}
		fillPicker()
	})
	return box
}

// Contacts edits a list of contacts: channel, value, label and whether it
// is answered out of hours, one row each.
func (b *Binder) Contacts(label, key string, at func(Addr) *[]plan.Contact) *fyne.Container {
	rows := container.NewVBox()
	var cur Addr
	setAll := func(v []plan.Contact, what string) {
		SetField(b, key, what, at, v, false)
		b.reload(key, cur)
	}
	// setOne edits one contact in place; typing merges per contact field.
	setOne := func(j int, sub string, merge bool, f func(*plan.Contact)) {
		if b.loading {
			return
		}
		b.editing(key)
		a := cur
		old := (*at(a))[j]
		next := old
		f(&next)
		b.h.Change(host.Edit{Label: "edit contact", Path: plan.Root(b.path(a)).Field(key).At(j, sub).String(), Merge: merge,
			Do: func() { (*at(a))[j] = next }, Undo: func() { (*at(a))[j] = old }})
	}
	add := widget.NewButtonWithIcon("Add contact", theme.ContentAddIcon(), func() {
		setAll(append(slices.Clone(*at(cur)), plan.Contact{Channel: plan.ChannelPhone}), "add contact")
		b.hold(key) // "value is required" waits until the new row is left
	})
	channels := EnumOptions(plan.Channels)
	box := container.NewVBox(rows, container.NewHBox(add))
	b.add(label, key, box, add, func(a Addr) {
		cur = a
		rows.RemoveAll()
		for j, c := range *at(a) {
			ch := widget.NewSelect(OptionLabels(channels), nil)
			ch.SetSelectedIndex(slices.IndexFunc(channels, func(o Option) bool { return o.Value == string(c.Channel) }))
			ch.OnChanged = func(string) {
				if i := ch.SelectedIndex(); i >= 0 {
					setOne(j, "channel", false, func(x *plan.Contact) { x.Channel = plan.Channel(channels[i].Value) })
				}
			}
			value := newEntry(false)
			value.onLeft = func() { b.left(key) }
			value.SetPlaceHolder("number, address or URL")
			value.SetText(c.Value)
			value.OnChanged = func(s string) { setOne(j, "value", true, func(x *plan.Contact) { x.Value = s }) }
			value.OnSubmitted = func(string) { b.left(key) }
			lbl := widget.NewEntry()
			lbl.SetPlaceHolder("label (optional)")
			lbl.SetText(c.Label)
			lbl.OnChanged = func(s string) { setOne(j, "label", true, func(x *plan.Contact) { x.Label = s }) }
			ooh := widget.NewCheck("Out of hours", func(v bool) { setOne(j, "outOfHours", false, func(x *plan.Contact) { x.OutOfHours = v }) })
			ooh.SetChecked(c.OutOfHours)
			remove := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() {
				setAll(slices.Delete(slices.Clone(*at(cur)), j, j+1), "remove contact")
			})
			label := container.NewGridWrap(fyne.NewSize(120, lbl.MinSize().Height), lbl)
			rows.Add(container.NewBorder(nil, nil, ch, container.NewHBox(ooh, remove), container.NewBorder(nil, nil, nil, label, value)))
		}
	})
	return box
}
