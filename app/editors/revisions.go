package editors

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/form"
	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/plan"
	"drillbook/plan/playbookmd"
)

// revisionsView lists a playbook's published revisions, newest first;
// shows any one of them; compares two (or one with the current draft) with
// plan's step diff; and publishes the draft as a new revision.
type revisionsView struct {
	p        *playbooksPart
	list     *widgets.KeyList
	sel      int // index into Revisions, -1 for none
	view     *widget.RichText
	from, to *widget.Select
	diff     *fyne.Container
	inner    *container.AppTabs
	root     fyne.CanvasObject
}

const draftLabel = "Current draft"

func newRevisionsView(p *playbooksPart) *revisionsView {
	v := &revisionsView{p: p, sel: -1}
	v.list = widgets.NewKeyList(
		func() int {
			if pb := p.list.Item(); pb != nil {
				return len(pb.Revisions)
			}
			return 0
		},
		func() fyne.CanvasObject {
			l := widget.NewLabel("Revision 10 · 2026-01-01 · author")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			pb := p.list.Item()
			if pb == nil || id >= len(pb.Revisions) {
				return
			}
			r := pb.Revisions[len(pb.Revisions)-1-id]
			o.(*widget.Label).SetText(fmt.Sprintf("Revision %d · %s · %s", r.Number, r.Date, widgets.FirstLine(r.Summary)))
		},
	)
	v.list.OnSelected = func(id widget.ListItemID) {
		if pb := p.list.Item(); pb != nil && id < len(pb.Revisions) {
			v.sel = len(pb.Revisions) - 1 - id
			v.inner.SelectIndex(0)
			v.showRevision()
		}
	}
	v.view = widget.NewRichText()
	v.view.Wrapping = fyne.TextWrapWord
	v.from = widget.NewSelect(nil, func(string) { v.showDiff() })
	v.to = widget.NewSelect(nil, func(string) { v.showDiff() })
	v.diff = container.NewVBox()
	compare := container.NewBorder(
		container.NewHBox(widget.NewLabel("Compare"), v.from, widget.NewLabel("with"), v.to),
		nil, nil, nil, container.NewVScroll(v.diff))
	v.inner = container.NewAppTabs(
		container.NewTabItem("View revision", container.NewVScroll(v.view)),
		container.NewTabItem("Compare", compare),
	)
	split := container.NewHSplit(v.list, v.inner)
	split.Offset = 0.35
	v.root = split
	return v
}

// revisionLabels names the revisions for the compare selects, oldest
// first; the draft comes last in "to".
func revisionLabels(pb *plan.Playbook) []string {
	out := make([]string, len(pb.Revisions))
	for i, r := range pb.Revisions {
		out[i] = fmt.Sprintf("Revision %d", r.Number)
	}
	return out
}

// reset chooses the default comparison for a newly selected playbook:
// the latest revision against the draft.
func (v *revisionsView) reset() {
	v.sel = -1
	v.list.UnselectAll()
	pb := v.p.list.Item()
	if pb == nil {
		v.from.Options, v.to.Options = nil, nil
		v.from.ClearSelected()
		v.to.ClearSelected()
		return
	}
	labels := revisionLabels(pb)
	v.from.Options = labels
	v.to.Options = append(slices.Clone(labels), draftLabel)
	if len(labels) > 0 {
		v.from.SetSelectedIndex(len(labels) - 1)
	} else {
		v.from.ClearSelected()
	}
	v.to.SetSelectedIndex(len(labels))
	if len(pb.Revisions) > 0 {
		v.list.Select(0) // the latest revision
	}
}

func (v *revisionsView) refresh() {
	pb := v.p.list.Item()
	if pb == nil {
		return
	}
	// Revisions may have been published or undone since: keep choices
	// that still exist.
	if len(v.from.Options) != len(pb.Revisions) {
		v.reset()
	}
	v.list.Refresh()
	v.showRevision()
	v.showDiff()
}

// selectRevision shows revision i (an index into Revisions).
func (v *revisionsView) selectRevision(i int) {
	pb := v.p.list.Item()
	if pb == nil || i < 0 || i >= len(pb.Revisions) {
		return
	}
	v.list.Select(len(pb.Revisions) - 1 - i)
}

func (v *revisionsView) showRevision() {
	pb := v.p.list.Item()
	if pb == nil || v.sel < 0 || v.sel >= len(pb.Revisions) {
		widgets.SetMarkdown(v.view, "*Select a revision to read it as it was published.*")
		return
	}
	r := pb.Revisions[v.sel]
	// Render the revision through the playbook's own Markdown, with the
	// revision's steps in place of the draft's.
	old := *pb
	old.Steps = r.Steps
	old.Revisions = nil
	old.Title = widgets.Shown(pb.Title) // as in the read view
	author := r.Author
	if person := v.p.h.Workspace().Person(r.Author); person != nil {
		author = person.Name
	}
	head := fmt.Sprintf("**Revision %d** · %s · %s\n\n*%s*\n\n---\n\n", r.Number, r.Date, widgets.MdText(author), widgets.MdText(strings.ReplaceAll(strings.TrimSpace(r.Summary), "\n", " ")))
	widgets.SetMarkdown(v.view, head+playbookmd.Markdown(&old, v.p.h.Workspace(), v.p.h.Today()))
}

// showDiff compares the two chosen versions with plan.Playbook.Diff.
func (v *revisionsView) showDiff() {
	v.diff.RemoveAll()
	pb := v.p.list.Item()
	if pb == nil {
		return
	}
	fi, ti := v.from.SelectedIndex(), v.to.SelectedIndex()
	if len(pb.Revisions) == 0 {
		v.diff.Add(widget.NewLabel("Nothing to compare: publish a first revision."))
		return
	}
	if fi < 0 || fi >= len(pb.Revisions) || ti < 0 || ti > len(pb.Revisions) {
		return
	}
	to := 0 // the draft
	if ti < len(pb.Revisions) {
		to = pb.Revisions[ti].Number
	}
	lines, err := pb.Diff(pb.Revisions[fi].Number, to)
	if err != nil {
		v.diff.Add(widget.NewLabel(err.Error()))
		return
	}
	changed := 0
	for _, d := range lines {
		if d.Changed() {
			changed++
		}
		v.diff.Add(diffRow(d))
	}
	if changed == 0 {
		v.diff.Objects = append([]fyne.CanvasObject{widget.NewLabel("No differences.")}, v.diff.Objects...)
	}
	v.diff.Refresh()
}

// diffRow renders one step of a diff: added in green, removed in red,
// unchanged plain, with duration and reference changes below.
func diffRow(d plan.DiffLine) fyne.CanvasObject {
	text := fmt.Sprintf("%c %d. %s", d.Op, d.Step, widgets.FirstLine(d.Text))
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	switch d.Op {
	case plan.DiffAdd:
		l.Importance = widget.SuccessImportance
		l.TextStyle.Bold = true
	case plan.DiffRemove:
		l.Importance = widget.DangerImportance
		l.TextStyle.Bold = true
	}
	if len(d.Changes) == 0 {
		return l
	}
	c := widget.NewLabel("    " + strings.Join(d.Changes, "; "))
	c.Importance = widget.WarningImportance
	c.Wrapping = fyne.TextWrapWord
	return container.NewVBox(l, c)
}

// publishDialog asks who publishes and what changed, then publishes.
func (v *revisionsView) publishDialog() {
	pb := v.p.list.Item()
	if pb == nil {
		return
	}
	if !pb.HasDraftChanges() {
		v.p.h.ShowError(errors.New("nothing to publish: the steps are the same as in the latest revision"))
		return
	}
	ws := v.p.h.Workspace()
	opts := form.PersonOptions(ws)
	author := widget.NewSelect(form.OptionLabels(opts), nil)
	if i := slices.IndexFunc(opts, func(o form.Option) bool { return o.Value == pb.Owner }); i >= 0 {
		author.SetSelectedIndex(i)
	}
	summary := widget.NewMultiLineEntry()
	summary.SetPlaceHolder("What changed and why (shown in the revision history)")
	summary.SetMinRowsVisible(3)
	items := []*widget.FormItem{widget.NewFormItem("Author", author), widget.NewFormItem("Summary", summary)}
	d := dialog.NewForm("Publish revision of “"+widgets.OrDash(pb.Title)+"”", "Publish", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		who := ""
		if i := author.SelectedIndex(); i >= 0 {
			who = opts[i].Value
		}
		v.publish(who, summary.Text)
	}, v.p.h.Window())
	d.Resize(fyne.NewSize(520, 320))
	d.Show()
}

// publish records the draft as a new revision (plan.PublishRevision) as
// one undoable edit.
func (v *revisionsView) publish(author, summary string) {
	a, ok := v.p.list.Selected()
	if !ok {
		return
	}
	h := v.p.h
	pb := &h.Workspace().Playbooks[a.Index]
	next := *pb
	next.Revisions = slices.Clip(pb.Revisions) // appending must not write into pb's array
	if err := plan.PublishRevision(&next, author, summary, h.Today()); err != nil {
		h.ShowError(err)
		return
	}
	oldRevs, oldReviewed := pb.Revisions, pb.LastReviewed
	newRevs, newReviewed := next.Revisions, next.LastReviewed
	at := func() *plan.Playbook { return &h.Workspace().Playbooks[a.Index] }
	h.Change(host.Edit{Label: "publish revision", Path: plan.Root("playbooks").At(a.Index, "revisions").Index(len(newRevs) - 1).String(),
		Do:   func() { at().Revisions, at().LastReviewed = newRevs, newReviewed },
		Undo: func() { at().Revisions, at().LastReviewed = oldRevs, oldReviewed }})
	v.p.tabs.SelectIndex(3)
	v.reset()
	v.refresh()
	v.selectRevision(len(newRevs) - 1)
	v.p.showHeader()
}
