package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/plan"
)

func playbooksOf(t *testing.T, u *UI) *playbooksPart {
	t.Helper()
	return openTab[*playbooksPart](t, u, "Playbooks", "Playbooks")
}

func TestPlaybookRevisionFlow(t *testing.T) {
	u, _ := editorUI(t)
	p := playbooksOf(t, u)
	p.list.selectIndex(0)
	pb := func() *plan.Playbook { return &u.doc.ws.Playbooks[0] }
	revs := len(pb().Revisions)
	if strings.Contains(p.review.Text, "unpublished") {
		t.Fatalf("demo playbook has draft changes: %q", p.review.Text)
	}

	// Edit a step in the Steps tab.
	p.tabs.SelectIndex(1)
	p.steps.selectIndex(1)
	input[*widget.Entry](t, p.steps.b, "Step").SetText("Confirm the type and severity with the on-call engineer.")
	test.Tap(p.steps.addBtn)
	input[*widget.Entry](t, p.steps.b, "Step").SetText("Write the timeline as you go.")
	input[*widget.Entry](t, p.steps.b, "Expected duration").SetText("2m")
	if n := len(pb().Steps); pb().Steps[n-1].Text != "Write the timeline as you go." || pb().Steps[n-1].ExpectedDuration != 2*plan.Minute {
		t.Fatalf("new step %+v", pb().Steps[n-1])
	}
	if !strings.Contains(p.review.Text, "unpublished changes") {
		t.Fatalf("draft state not shown: %q", p.review.Text)
	}

	// The read view renders the draft.
	p.tabs.SelectIndex(2)
	if !strings.Contains(richText(p.read.Segments), "Write the timeline as you go.") {
		t.Fatalf("read view does not show the draft: %q", richText(p.read.Segments))
	}

	// Compare the latest revision with the draft.
	p.tabs.SelectIndex(3)
	shown := strings.Join(texts(p.revs.diff), "\n")
	if !strings.Contains(shown, "+ 2. Confirm the type and severity") || !strings.Contains(shown, "- 2.") || !strings.Contains(shown, "+ 11. Write the timeline") {
		t.Fatalf("diff with the draft:\n%s", shown)
	}

	// Publish through the dialog.
	test.Tap(button(t, p.root, "Publish revision…"))
	form := topOverlay(t, u)
	summary, _ := find(form, func(e *widget.Entry) bool { return e.MultiLine })
	summary.SetText("Shorter triage step; keep a timeline")
	test.Tap(button(t, form, "Publish"))
	if len(pb().Revisions) != revs+1 {
		t.Fatalf("%d revisions after publishing", len(pb().Revisions))
	}
	r := pb().CurrentRevision()
	if r.Summary != "Shorter triage step; keep a timeline" || r.Author != pb().Owner || r.Date != u.today() || pb().LastReviewed != u.today() {
		t.Fatalf("revision %+v, last reviewed %s", r, pb().LastReviewed)
	}
	if strings.Contains(p.review.Text, "unpublished") {
		t.Fatalf("still shows draft changes: %q", p.review.Text)
	}
	// The new revision is shown, and steps edited later do not change it.
	if !strings.Contains(richText(p.revs.view.Segments), "Write the timeline as you go.") {
		t.Fatal("published revision not shown")
	}
	pb().Steps[0].Text = "edited after publishing"
	if r.Steps[0].Text == "edited after publishing" {
		t.Fatal("the revision shares steps with the draft")
	}
	pb().Steps[0].Text = r.Steps[0].Text

	// View an old revision and compare two revisions.
	p.revs.selectRevision(0)
	if !strings.Contains(p.revs.view.String(), "Revision 1") {
		t.Fatalf("old revision view: %.200q", p.revs.view.String())
	}
	p.revs.from.SetSelectedIndex(0)
	p.revs.to.SetSelectedIndex(len(pb().Revisions) - 1)
	if len(p.revs.diff.Objects) == 0 {
		t.Fatal("no diff between two revisions")
	}

	// Publishing again with nothing changed is refused.
	p.revs.publish(pb().Owner, "again")
	if len(pb().Revisions) != revs+1 {
		t.Fatal("published an unchanged playbook")
	}
	test.Tap(button(t, topOverlay(t, u), "OK"))

	// Undo takes the revision back.
	u.undoLast()
	if len(pb().Revisions) != revs || !pb().HasDraftChanges() {
		t.Fatalf("undo publish: %d revisions", len(pb().Revisions))
	}
}

func TestPlaybookReviewOverdueAndFilters(t *testing.T) {
	u, _ := editorUI(t)
	p := playbooksOf(t, u)
	today := u.today()
	over := slices.IndexFunc(u.doc.ws.Playbooks, func(pb plan.Playbook) bool { return pb.ReviewOverdue(today) })
	if over < 0 {
		t.Fatal("the demo has no overdue playbook")
	}
	p.list.selectIndex(over)
	if p.review.Importance != widget.DangerImportance || !strings.HasPrefix(p.review.Text, "Review overdue") {
		t.Fatalf("overdue state %q", p.review.Text)
	}
	if s, imp := p.rowDetails(&u.doc.ws.Playbooks[over]); imp != widget.DangerImportance || !strings.Contains(s, "Review overdue") {
		t.Fatalf("row %q", s)
	}
	// Recording a review clears it.
	input[*widget.Entry](t, p.list.b, "Last reviewed").SetText(today.String())
	if p.review.Importance == widget.DangerImportance {
		t.Fatal("still overdue after a review")
	}

	// Filter by role, then by incident type.
	role := u.doc.ws.Playbooks[0].Role
	ri := slices.IndexFunc(u.doc.ws.Roles, func(r plan.Role) bool { return r.ID == role })
	p.role.SetSelectedIndex(ri + 1)
	if len(p.list.shown) == 0 {
		t.Fatal("role filter hides everything")
	}
	for _, i := range p.list.shown {
		if u.doc.ws.Playbooks[i].Role != role {
			t.Fatalf("%s shown under role %s", u.doc.ws.Playbooks[i].ID, role)
		}
	}
	p.role.SetSelectedIndex(0)
	typ := u.doc.ws.IncidentTypes[len(u.doc.ws.IncidentTypes)-1].ID
	p.kind.SetSelectedIndex(len(u.doc.ws.IncidentTypes))
	for _, i := range p.list.shown {
		if !slices.Contains(u.doc.ws.Playbooks[i].IncidentTypes, typ) {
			t.Fatalf("%s shown under %s", u.doc.ws.Playbooks[i].ID, typ)
		}
	}
	// Going to a playbook the filter hides clears the filter.
	u.goTo("playbooks[0].steps[2].text")
	if p.list.cur != 0 || p.tabs.SelectedIndex() != 1 || p.steps.cur != 2 {
		t.Fatalf("goTo: playbook %d, tab %d, step %d", p.list.cur, p.tabs.SelectedIndex(), p.steps.cur)
	}
}

func TestPlaybookImportAndExport(t *testing.T) {
	u, _ := editorUI(t)
	picker := u.picker.(*fakePicker)
	p := playbooksOf(t, u)
	dir := t.TempDir()

	// Export the selected playbook.
	p.list.selectIndex(0)
	picker.save = filepath.Join(dir, "one.md")
	test.Tap(button(t, p.root, "Export…"))
	data, err := os.ReadFile(picker.save)
	if err != nil || !strings.HasPrefix(string(data), "# "+u.doc.ws.Playbooks[0].Title) {
		t.Fatalf("exported file: %v %.80q", err, data)
	}

	// Import it back: the ID is taken, so it gets a new one.
	n := len(u.doc.ws.Playbooks)
	picker.open = picker.save
	test.Tap(button(t, p.root, "Import…"))
	if len(u.doc.ws.Playbooks) != n+1 || p.list.cur != n {
		t.Fatalf("import: %d playbooks, selected %d", len(u.doc.ws.Playbooks), p.list.cur)
	}
	imp := u.doc.ws.Playbooks[n]
	if imp.ID == u.doc.ws.Playbooks[0].ID || len(imp.Steps) != len(u.doc.ws.Playbooks[0].Steps) {
		t.Fatalf("imported %s with %d steps", imp.ID, len(imp.Steps))
	}

	// A hand-written file with a role the plan lacks: imported, with the
	// problem beside the field.
	hand := filepath.Join(dir, "hand.md")
	os.WriteFile(hand, []byte("# Restart the widget service\n\nRole: Widget Wrangler\n\n1. Check the dashboard ![x](https://evil.example/x.png)\n2. Restart it\n"), 0o600)
	p.importFile(hand)
	test.Tap(button(t, topOverlay(t, u), "OK"))
	if nt := note(t, p.list.b, "Role"); !nt.Visible() || !strings.Contains(nt.Text, "unknown role") {
		t.Fatalf("role problem not shown: %q", nt.Text)
	}
	p.tabs.SelectIndex(2)
	if strings.Contains(richText(p.read.Segments), "evil.example") {
		t.Fatal("read view keeps a remote image")
	}
	u.undoLast()
	if len(u.doc.ws.Playbooks) != n+1 {
		t.Fatal("undo import")
	}

	// Export all into a folder.
	picker.folder = filepath.Join(dir, "all")
	test.Tap(button(t, p.root, "Export all…"))
	test.Tap(button(t, topOverlay(t, u), "OK"))
	files, _ := os.ReadDir(picker.folder)
	if len(files) != len(u.doc.ws.Playbooks)+1 {
		t.Fatalf("%d files for %d playbooks", len(files), len(u.doc.ws.Playbooks))
	}
}

// richText collects the text of rendered Markdown, lists included (the
// widget's String leaves lists out).
func richText(segs []widget.RichTextSegment) string {
	var b strings.Builder
	for _, s := range segs {
		switch x := s.(type) {
		case *widget.ListSegment:
			b.WriteString(richText(x.Items))
		case *widget.ParagraphSegment:
			b.WriteString(richText(x.Texts))
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
