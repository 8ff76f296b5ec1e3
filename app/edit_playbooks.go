package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/widgets"
	"drillbook/plan"
)

// playbooksPart is the playbook editor: the list filtered by role and
// incident type; for the selected playbook its details, ordered steps, a
// read view rendered from Markdown, and its revisions with publish, view
// and diff; import from and export to Markdown.
type playbooksPart struct {
	u      *UI
	list   *listEditor[plan.Playbook]
	role   *widget.Select
	kind   *widget.Select
	header *widget.Label
	review *widget.Label
	tabs   *container.AppTabs
	steps  *listEditor[plan.Step]
	read   *widget.RichText
	revs   *revisionsView
	root   fyne.CanvasObject
}

const (
	allRoles = "All roles"
	allTypes = "All incident types"
)

func newPlaybooksPart(u *UI) *playbooksPart {
	p := &playbooksPart{u: u}
	e := newListEditor(u, listSpec[plan.Playbook]{
		noun: "playbook", base: "playbooks", reorder: true, filterable: true,
		slice: func(int) *[]plan.Playbook { return &u.doc.ws.Playbooks },
		row:   func(pb *plan.Playbook) string { return widgets.OrDash(pb.Title) },
		sub:   p.rowDetails,
		fresh: func(ws *plan.Workspace, _ int) plan.Playbook {
			id, _ := ws.NewID("playbooks", "New playbook")
			pb := plan.Playbook{ID: id, Title: "New playbook", ReviewInterval: 180 * plan.Day}
			if p.role.SelectedIndex() > 0 {
				pb.Role = ws.Roles[p.role.SelectedIndex()-1].ID
			}
			if p.kind.SelectedIndex() > 0 {
				pb.IncidentTypes = []string{ws.IncidentTypes[p.kind.SelectedIndex()-1].ID}
			}
			return pb
		},
		copyOf: func(ws *plan.Workspace, _ int, pb plan.Playbook) plan.Playbook {
			// A copy is a new draft: no published history, never reviewed.
			pb.Title += " (copy)"
			pb.ID, _ = ws.NewID("playbooks", pb.Title)
			pb.Revisions = nil
			pb.LastReviewed = plan.Date{}
			return pb
		},
	})
	p.list = e
	p.role = widget.NewSelect([]string{allRoles}, func(string) { e.refresh() })
	p.kind = widget.NewSelect([]string{allTypes}, func(string) { e.refresh() })
	p.role.SetSelectedIndex(0)
	p.kind.SetSelectedIndex(0)
	e.keep = func(pb *plan.Playbook) bool {
		ws := u.doc.ws
		if i := p.role.SelectedIndex(); i > 0 && i-1 < len(ws.Roles) && pb.Role != ws.Roles[i-1].ID {
			return false
		}
		if i := p.kind.SelectedIndex(); i > 0 && i-1 < len(ws.IncidentTypes) && !slices.Contains(pb.IncidentTypes, ws.IncidentTypes[i-1].ID) {
			return false
		}
		return true
	}

	at := func(a addr) *plan.Playbook { return &u.doc.ws.Playbooks[a.index] }
	b := e.b
	b.text("Title", "title", func(a addr) *string { return &at(a).Title })
	pick(b, "Role", "role", false, func() []option { return roleOptions(u.doc.ws) }, func(a addr) *string { return &at(a).Role })
	checks(b, "Incident types", "incidentTypes", false, func() []option { return typeOptions(u.doc.ws) }, func(a addr) *[]string { return &at(a).IncidentTypes })
	b.textArea("Summary", "summary", 3, func(a addr) *string { return &at(a).Summary })
	pick(b, "Owner", "owner", true, func() []option { return personOptions(u.doc.ws) }, func(a addr) *string { return &at(a).Owner })
	b.duration("Review every", "reviewInterval", func(a addr) *plan.Duration { return &at(a).ReviewInterval })
	b.date("Last reviewed", "lastReviewed", func(a addr) *plan.Date { return &at(a).LastReviewed })
	b.ordered("Related playbooks", "references", "", func() []option { return p.otherPlaybooks() }, func(a addr) *[]string { return &at(a).References })
	b.info("ID", func(a addr) string { return at(a).ID })
	e.form = b.form()

	p.steps = newStepsEditor(u, e)
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
		container.NewTabItem("Details", container.NewVScroll(e.form)),
		container.NewTabItem("Steps", p.steps.root),
		container.NewTabItem("Read", container.NewVScroll(p.read)),
		container.NewTabItem("Revisions", p.revs.root),
	)
	p.tabs.OnSelected = func(*container.TabItem) { p.refreshTab() }
	head := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(publish, exportOne), p.header), p.review)
	e.detail.Objects = []fyne.CanvasObject{container.NewBorder(head, nil, nil, nil, p.tabs)}
	e.onSelect = p.selectionChanged

	importBtn := widget.NewButtonWithIcon("Import…", theme.FolderOpenIcon(), p.importDialog)
	exportAll := widget.NewButtonWithIcon("Export all…", theme.DocumentSaveIcon(), p.exportAll)
	left := container.NewBorder(container.NewVBox(container.NewGridWithColumns(2, p.role, p.kind)),
		container.NewGridWithColumns(2, importBtn, exportAll), nil, nil, e.listPane())
	split := container.NewHSplit(left, e.detailPane())
	split.Offset = 0.3
	e.root = split
	p.root = split
	return p
}

// rowDetails is the second line of a playbook's row: role, steps and an
// overdue review in the error colour.
func (p *playbooksPart) rowDetails(pb *plan.Playbook) (string, widget.Importance) {
	s := fmt.Sprintf("%s · %d steps", roleName(p.u.doc.ws, pb.Role), len(pb.Steps))
	if pb.ReviewOverdue(p.u.today()) {
		return "Review overdue · " + s, widget.DangerImportance
	}
	return s, widget.LowImportance
}

// otherPlaybooks are the playbooks the selected one may refer to.
func (p *playbooksPart) otherPlaybooks() []option {
	self := ""
	if pb := p.list.item(); pb != nil {
		self = pb.ID
	}
	var out []option
	for _, o := range playbookOptions(p.u.doc.ws) {
		if o.value != self {
			out = append(out, o)
		}
	}
	return out
}

func (p *playbooksPart) object() fyne.CanvasObject { return p.root }

func (p *playbooksPart) refresh() {
	ws := p.u.doc.ws
	roles := []string{allRoles}
	roles = append(roles, optionLabels(roleOptions(ws))...)
	types := []string{allTypes}
	types = append(types, optionLabels(typeOptions(ws))...)
	p.role.Options, p.kind.Options = roles, types
	if p.role.SelectedIndex() >= len(roles) {
		p.role.SetSelectedIndex(0)
	}
	if p.kind.SelectedIndex() >= len(types) {
		p.kind.SetSelectedIndex(0)
	}
	p.list.refresh()
}

func (p *playbooksPart) edited(path string) {
	p.list.edited(path)
	p.showHeader()
	p.refreshTabLight(path)
}

func (p *playbooksPart) canShow(path string) bool { return under(path, "playbooks") }

// showPath selects the playbook, then the tab and item the rest points at.
func (p *playbooksPart) showPath(path string) {
	i, rest, ok := splitIndex(strings.TrimPrefix(path, "playbooks"))
	if !ok {
		return
	}
	// A filter must not hide what was asked for.
	p.role.SetSelectedIndex(0)
	p.kind.SetSelectedIndex(0)
	switch {
	case strings.HasPrefix(rest, "steps"):
		p.list.show(fmt.Sprintf("playbooks[%d]", i))
		p.tabs.SelectIndex(1)
		p.steps.showPath(path)
	case strings.HasPrefix(rest, "revisions"):
		p.list.show(fmt.Sprintf("playbooks[%d]", i))
		p.tabs.SelectIndex(3)
		if j, _, ok := splitIndex(strings.TrimPrefix(rest, "revisions")); ok {
			p.revs.selectRevision(j)
		}
	default:
		p.tabs.SelectIndex(0)
		p.list.show(path)
	}
}

// selectionChanged reloads what depends on the selected playbook.
func (p *playbooksPart) selectionChanged() {
	p.showHeader()
	p.steps.refresh()
	p.revs.reset()
	p.refreshTab()
}

func (p *playbooksPart) showHeader() {
	pb := p.list.item()
	if pb == nil {
		p.header.SetText("")
		p.review.SetText("")
		return
	}
	p.header.SetText(widgets.OrDash(pb.Title))
	today := p.u.today()
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
		p.steps.refresh()
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
		p.steps.edited(path)
	case 2:
		p.renderRead()
	case 3:
		p.revs.refresh()
	}
}

// renderRead shows the playbook as its Markdown (images are not shown,
// so viewing it makes no network request; see safemd.go).
func (p *playbooksPart) renderRead() {
	pb := p.list.item()
	if pb == nil {
		widgets.SetMarkdown(p.read, "")
		return
	}
	// The title becomes a heading Fyne wraps; a clipped one keeps a
	// pasted 10,000-character title from stalling the view.
	view := *pb
	view.Title = widgets.Shown(pb.Title)
	widgets.SetMarkdown(p.read, plan.PlaybookMarkdown(&view, p.u.doc.ws, p.u.today()))
}
