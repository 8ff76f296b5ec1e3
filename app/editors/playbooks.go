package editors

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/form"
	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/plan"
	"drillbook/plan/playbookmd"
)

// playbooksPart is the playbook editor: the list filtered by role and
// incident type; for the selected playbook its details, ordered steps, a
// read view rendered from Markdown, and its revisions with publish, view
// and diff; import from and export to Markdown.
type playbooksPart struct {
	h      host.Host
	list   *form.List[plan.Playbook]
	role   *widget.Select
	kind   *widget.Select
	header *widget.Label
	review *widget.Label
	tabs   *container.AppTabs
	steps  *form.List[plan.Step]
	read   *widget.RichText
	revs   *revisionsView
	root   fyne.CanvasObject
}

const (
	allRoles = "All roles"
	allTypes = "All incident types"
)

func newPlaybooksPart(h host.Host) *playbooksPart {
	p := &playbooksPart{h: h}
	e := form.NewList(h, form.ListSpec[plan.Playbook]{
		Noun: "playbook", Base: "playbooks", Reorder: true, Filterable: true,
		Slice:   func(int) *[]plan.Playbook { return &h.Workspace().Playbooks },
		Row:     func(pb *plan.Playbook) string { return widgets.OrDash(pb.Title) },
		Sub:     p.rowDetails,
		Named:   func(pb *plan.Playbook) (*string, *string) { return &pb.ID, &pb.Title },
		NewName: "New playbook",
		New: func(ws *plan.Workspace, _ int) plan.Playbook {
			pb := plan.Playbook{ReviewInterval: 180 * plan.Day}
			if p.role.SelectedIndex() > 0 {
				pb.Role = ws.Roles[p.role.SelectedIndex()-1].ID
			}
			if p.kind.SelectedIndex() > 0 {
				pb.IncidentTypes = []string{ws.IncidentTypes[p.kind.SelectedIndex()-1].ID}
			}
			return pb
		},
		Copy: func(_ *plan.Workspace, _ int, pb plan.Playbook) plan.Playbook {
			// A copy is a new draft: no published history, never reviewed.
			pb.Revisions = nil
			pb.LastReviewed = plan.Date{}
			return pb
		},
		Keep: p.filtered,
	})
	p.list = e
	p.role = widget.NewSelect([]string{allRoles}, func(string) { e.Refresh() })
	p.kind = widget.NewSelect([]string{allTypes}, func(string) { e.Refresh() })
	p.role.SetSelectedIndex(0)
	p.kind.SetSelectedIndex(0)

	at := func(a form.Addr) *plan.Playbook { return &h.Workspace().Playbooks[a.Index] }
	b := e.Binder()
	b.Text("Title", "title", func(a form.Addr) *string { return &at(a).Title })
	form.Pick(b, "Role", "role", false, func() []form.Option { return form.RoleOptions(h.Workspace()) }, func(a form.Addr) *string { return &at(a).Role })
	form.Checks(b, "Incident types", "incidentTypes", false, func() []form.Option { return form.TypeOptions(h.Workspace()) }, func(a form.Addr) *[]string { return &at(a).IncidentTypes })
	b.TextArea("Summary", "summary", func(a form.Addr) *string { return &at(a).Summary })
	form.Pick(b, "Owner", "owner", true, func() []form.Option { return form.PersonOptions(h.Workspace()) }, func(a form.Addr) *string { return &at(a).Owner })
	b.Duration("Review every", "reviewInterval", func(a form.Addr) *plan.Duration { return &at(a).ReviewInterval })
	b.Date("Last reviewed", "lastReviewed", func(a form.Addr) *plan.Date { return &at(a).LastReviewed })
	b.Ordered("Related playbooks", "references", "", func() []form.Option { return otherPlaybooks(h.Workspace(), e.Item()) }, func(a form.Addr) *[]string { return &at(a).References })
	b.Info("ID", func(a form.Addr) string { return at(a).ID })

	p.steps = newStepsEditor(h, e)
	p.read = widget.NewRichText()
	p.read.Wrapping = fyne.TextWrapWord
	p.revs = newRevisionsView(p)

	p.header = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.header.Truncation = fyne.TextTruncateEllipsis
	p.review = widget.NewLabel("")
	p.review.Wrapping = fyne.TextWrapWord
	exportOne := widget.NewButtonWithIcon("Export…", theme.DocumentSaveIcon(), p.exportSelected)
	publish := widget.NewButtonWithIcon("Publish revision…", theme.UploadIcon(), p.revs.publishDialog)
	publish.Importance = widget.HighImportance
	p.tabs = container.NewAppTabs(
		container.NewTabItem("Details", container.NewVScroll(b.Form())),
		container.NewTabItem("Steps", p.steps.Object()),
		container.NewTabItem("Read", container.NewVScroll(p.read)),
		container.NewTabItem("Revisions", p.revs.root),
	)
	p.tabs.OnSelected = func(*container.TabItem) { p.refreshTab() }
	head := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(publish, exportOne), p.header), p.review)
	e.SetDetail(container.NewBorder(head, nil, nil, nil, p.tabs))
	e.OnSelect(p.selectionChanged)

	importBtn := widget.NewButtonWithIcon("Import…", theme.FolderOpenIcon(), p.importDialog)
	exportAll := widget.NewButtonWithIcon("Export all…", theme.DocumentSaveIcon(), p.exportAll)
	left := container.NewBorder(container.NewVBox(container.NewGridWithColumns(2, p.role, p.kind)),
		container.NewGridWithColumns(2, importBtn, exportAll), nil, nil, e.ListPane())
	split := container.NewHSplit(left, e.DetailPane())
	split.Offset = 0.3
	e.SetRoot(split)
	p.root = split
	return p
}

// filtered keeps the playbooks of the role and incident type chosen above
// the list.
func (p *playbooksPart) filtered(pb *plan.Playbook) bool {
	ws := p.h.Workspace()
	if i := p.role.SelectedIndex(); i > 0 && i-1 < len(ws.Roles) && pb.Role != ws.Roles[i-1].ID {
		return false
	}
	if i := p.kind.SelectedIndex(); i > 0 && i-1 < len(ws.IncidentTypes) && !slices.Contains(pb.IncidentTypes, ws.IncidentTypes[i-1].ID) {
		return false
	}
	return true
}

// rowDetails is the second line of a playbook's row: role, steps and an
// overdue review in the error colour.
func (p *playbooksPart) rowDetails(pb *plan.Playbook) (string, widget.Importance) {
	s := fmt.Sprintf("%s · %d steps", roleName(p.h.Workspace(), pb.Role), len(pb.Steps))
	if pb.ReviewOverdue(p.h.Today()) {
		return "Review overdue · " + s, widget.DangerImportance
	}
	// Medium, not Low: Low draws in the disabled colour, which is hard
	// to read on a projector. The bold title above still stands out.
	return s, widget.MediumImportance
}

// otherPlaybooks are the playbooks self (nil for none) may refer to.
func otherPlaybooks(ws *plan.Workspace, self *plan.Playbook) []form.Option {
	id := ""
	if self != nil {
		id = self.ID
	}
	var out []form.Option
	for _, o := range form.PlaybookOptions(ws) {
		if o.Value != id {
			out = append(out, o)
		}
	}
	return out
}

func (p *playbooksPart) Object() fyne.CanvasObject { return p.root }

func (p *playbooksPart) Refresh() {
	ws := p.h.Workspace()
	roles := []string{allRoles}
	roles = append(roles, form.OptionLabels(form.RoleOptions(ws))...)
	types := []string{allTypes}
	types = append(types, form.OptionLabels(form.TypeOptions(ws))...)
	p.role.Options, p.kind.Options = roles, types
	if p.role.SelectedIndex() >= len(roles) {
		p.role.SetSelectedIndex(0)
	}
	if p.kind.SelectedIndex() >= len(types) {
		p.kind.SetSelectedIndex(0)
	}
	p.list.Refresh()
}

func (p *playbooksPart) AfterEdit(path string) {
	p.list.AfterEdit(path)
	p.showHeader()
	p.refreshTabLight(path)
}

func (p *playbooksPart) CanShow(path string) bool { return plan.Within(path, "playbooks") }

// showPath selects the playbook, then the tab and item the rest points at.
func (p *playbooksPart) ShowPath(path string) {
	i, rest, ok := plan.CutIndex(path, "playbooks")
	if !ok {
		return
	}
	// A filter must not hide what was asked for.
	p.role.SetSelectedIndex(0)
	p.kind.SetSelectedIndex(0)
	switch {
	case strings.HasPrefix(rest, "steps"):
		p.list.Show(plan.Root("playbooks").Index(i).String())
		p.tabs.SelectIndex(1)
		p.steps.ShowPath(path)
	case strings.HasPrefix(rest, "revisions"):
		p.list.Show(plan.Root("playbooks").Index(i).String())
		p.tabs.SelectIndex(3)
		if j, _, ok := plan.CutIndex(rest, "revisions"); ok {
			p.revs.selectRevision(j)
		}
	default:
		p.tabs.SelectIndex(0)
		p.list.Show(path)
	}
}

// selectionChanged reloads what depends on the selected playbook.
func (p *playbooksPart) selectionChanged() {
	p.showHeader()
	p.steps.Refresh()
	p.revs.reset()
	p.refreshTab()
}

func (p *playbooksPart) showHeader() {
	pb := p.list.Item()
	if pb == nil {
		p.header.SetText("")
		p.review.SetText("")
		return
	}
	p.header.SetText(widgets.OrDash(pb.Title))
	today := p.h.Today()
	rev := "not published yet"
	if r := pb.CurrentRevision(); r != nil {
		rev = fmt.Sprintf("revision %d of %s", r.Number, r.Date)
		if pb.HasDraftChanges() {
			rev += ", with unpublished changes"
		}
	}
	switch due := pb.ReviewDue(); {
	case pb.ReviewOverdue(today):
		p.review.Importance = widget.DangerImportance
		p.review.SetText(fmt.Sprintf("Review overdue: was due on %s · %s", due, rev))
	case due.IsZero():
		p.review.Importance = widget.WarningImportance
		p.review.SetText("No review scheduled: set a review interval and the last review date · " + rev)
	default:
		p.review.Importance = widget.MediumImportance
		p.review.SetText(fmt.Sprintf("Next review due %s · %s", due, rev))
	}
}

// refreshTab reloads the detail tab being shown.
func (p *playbooksPart) refreshTab() {
	switch p.tabs.SelectedIndex() {
	case 1:
		p.steps.Refresh()
	case 2:
		p.renderRead()
	case 3:
		p.revs.refresh()
	}
}

// refreshTabLight updates the shown tab after an edit, without reloading
// a form being typed in.
func (p *playbooksPart) refreshTabLight(path string) {
	switch p.tabs.SelectedIndex() {
	case 1:
		p.steps.AfterEdit(path)
	case 2:
		p.renderRead()
	case 3:
		p.revs.refresh()
	}
}

// renderRead shows the playbook as its Markdown (images are not shown,
// so viewing it makes no network request; see widgets/safemd.go).
func (p *playbooksPart) renderRead() {
	pb := p.list.Item()
	if pb == nil {
		widgets.SetMarkdown(p.read, "")
		return
	}
	// The title becomes a heading Fyne wraps; a clipped one keeps a
	// pasted 10,000-character title from stalling the view.
	view := *pb
	view.Title = widgets.Shown(pb.Title)
	widgets.SetMarkdown(p.read, playbookmd.Markdown(&view, p.h.Workspace(), p.h.Today()))
}
