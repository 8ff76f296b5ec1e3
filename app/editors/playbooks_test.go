package editors

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/plan"
)

func playbooksOf(t *testing.T, h *uitest.Host) *playbooksPart {
	t.Helper()
	return openTab[*playbooksPart](t, h, "Playbooks", "Playbooks")
}

func TestPlaybookRevisionFlow(t *testing.T) {
	h := editorHost(t)
	p := playbooksOf(t, h)
	p.list.SelectIndex(0)
	pb := func() *plan.Playbook { return &h.WS.Playbooks[0] }
	revs := len(pb().Revisions)
	if strings.Contains(p.review.Text, "unpublished") {
		t.Fatalf("demo playbook has draft changes: %q", p.review.Text)
	}

	// Edit a step in the Steps tab.
	p.tabs.SelectIndex(1)
	p.steps.SelectIndex(1)
	input[*widget.Entry](t, p.steps, "Step").SetText("Confirm the type and severity with the on-call engineer.")
	test.Tap(addButton(t, p.steps))
	input[*widget.Entry](t, p.steps, "Step").SetText("Write the timeline as you go.")
	input[*widget.Entry](t, p.steps, "Expected duration").SetText("2m")
	if n := len(pb().Steps); pb().Steps[n-1].Text != "Write the timeline as you go." || pb().Steps[n-1].ExpectedDuration != 2*plan.Minute {
		t.Fatalf("new step %+v", pb().Steps[n-1])
	}
	if !strings.Contains(p.review.Text, "unpublished changes") {
		t.Fatalf("draft state not shown: %q", p.review.Text)
	}

	// The read view renders the draft.
	p.tabs.SelectIndex(2)
	if !strings.Contains(uitest.RichText(p.read.Segments), "Write the timeline as you go.") {
		t.Fatalf("read view does not show the draft: %q", uitest.RichText(p.read.Segments))
	}

	// Compare the latest revision with the draft.
	p.tabs.SelectIndex(3)
	shown := strings.Join(uitest.Texts(p.revs.diff), "\n")
	if !strings.Contains(shown, "+ 2. Confirm the type and severity") || !strings.Contains(shown, "- 2.") || !strings.Contains(shown, "+ 11. Write the timeline") {
		t.Fatalf("diff with the draft:\n%s", shown)
	}

	// Publish through the dialog.
	test.Tap(uitest.Button(t, p.root, "Publish revision…"))
	form := uitest.TopOverlay(t, h.Win)
	summary, _ := uitest.Find(form, func(e *widget.Entry) bool { return e.MultiLine })
	summary.SetText("Shorter triage step; keep a timeline")
	test.Tap(uitest.Button(t, form, "Publish"))
	if len(pb().Revisions) != revs+1 {
		t.Fatalf("%d revisions after publishing", len(pb().Revisions))
	}
	r := pb().CurrentRevision()
	if r.Summary != "Shorter triage step; keep a timeline" || r.Author != pb().Owner || r.Date != h.Today() || pb().LastReviewed != h.Today() {
		t.Fatalf("revision %+v, last reviewed %s", r, pb().LastReviewed)
	}
	if strings.Contains(p.review.Text, "unpublished") {
		t.Fatalf("still shows draft changes: %q", p.review.Text)
	}
	// The new revision is shown, and steps edited later do not change it.
	if !strings.Contains(uitest.RichText(p.revs.view.Segments), "Write the timeline as you go.") {
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
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "OK"))

	// Undo takes the revision back.
	h.Undo()
	if len(pb().Revisions) != revs || !pb().HasDraftChanges() {
		t.Fatalf("undo publish: %d revisions", len(pb().Revisions))
	}
}

func TestPlaybookReviewOverdueAndFilters(t *testing.T) {
	h := editorHost(t)
	p := playbooksOf(t, h)
	today := h.Today()
	over := slices.IndexFunc(h.WS.Playbooks, func(pb plan.Playbook) bool { return pb.ReviewOverdue(today) })
	if over < 0 {
		t.Fatal("the demo has no overdue playbook")
	}
	p.list.SelectIndex(over)
	if p.review.Importance != widget.DangerImportance || !strings.HasPrefix(p.review.Text, "Review overdue") {
		t.Fatalf("overdue state %q", p.review.Text)
	}
	if s, imp := p.rowDetails(&h.WS.Playbooks[over]); imp != widget.DangerImportance || !strings.Contains(s, "Review overdue") {
		t.Fatalf("row %q", s)
	}
	// Recording a review clears it.
	input[*widget.Entry](t, p.list, "Last reviewed").SetText(today.String())
	if p.review.Importance == widget.DangerImportance {
		t.Fatal("still overdue after a review")
	}

	// Filter by role, then by incident type.
	role := h.WS.Playbooks[0].Role
	ri := slices.IndexFunc(h.WS.Roles, func(r plan.Role) bool { return r.ID == role })
	p.role.SetSelectedIndex(ri + 1)
	if len(p.list.Shown()) == 0 {
		t.Fatal("role filter hides everything")
	}
	for _, i := range p.list.Shown() {
		if h.WS.Playbooks[i].Role != role {
			t.Fatalf("%s shown under role %s", h.WS.Playbooks[i].ID, role)
		}
	}
	p.role.SetSelectedIndex(0)
	typ := h.WS.IncidentTypes[len(h.WS.IncidentTypes)-1].ID
	p.kind.SetSelectedIndex(len(h.WS.IncidentTypes))
	for _, i := range p.list.Shown() {
		if !slices.Contains(h.WS.Playbooks[i].IncidentTypes, typ) {
			t.Fatalf("%s shown under %s", h.WS.Playbooks[i].ID, typ)
		}
	}
	// Going to a playbook the filter hides clears the filter.
	h.GoTo("playbooks[0].steps[2].text")
	if cur(p.list) != 0 || p.tabs.SelectedIndex() != 1 || cur(p.steps) != 2 {
		t.Fatalf("goTo: playbook %d, tab %d, step %d", cur(p.list), p.tabs.SelectedIndex(), cur(p.steps))
	}
}

func TestPlaybookImportAndExport(t *testing.T) {
	h := editorHost(t)
	picker := h.Pick
	p := playbooksOf(t, h)
	dir := t.TempDir()

	// Export the selected playbook.
	p.list.SelectIndex(0)
	picker.Save = filepath.Join(dir, "one.md")
	test.Tap(uitest.Button(t, p.root, "Export…"))
	data, err := os.ReadFile(picker.Save)
	if err != nil || !strings.HasPrefix(string(data), "# "+h.WS.Playbooks[0].Title) {
		t.Fatalf("exported file: %v %.80q", err, data)
	}

	// Import it back: the ID is taken, so it gets a new one.
	n := len(h.WS.Playbooks)
	picker.Open = picker.Save
	test.Tap(uitest.Button(t, p.root, "Import…"))
	if len(h.WS.Playbooks) != n+1 || cur(p.list) != n {
		t.Fatalf("import: %d playbooks, selected %d", len(h.WS.Playbooks), cur(p.list))
	}
	imp := h.WS.Playbooks[n]
	if imp.ID == h.WS.Playbooks[0].ID || len(imp.Steps) != len(h.WS.Playbooks[0].Steps) {
		t.Fatalf("imported %s with %d steps", imp.ID, len(imp.Steps))
	}

	// A hand-written file with a role the plan lacks: imported, with the
	// problem beside the field.
	hand := filepath.Join(dir, "hand.md")
	os.WriteFile(hand, []byte("# Restart the widget service\n\nRole: Widget Wrangler\n\n1. Check the dashboard ![x](https://evil.example/x.png)\n2. Restart it\n"), 0o600)
	p.importFile(hand)
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "OK"))
	if nt := note(t, p.list, "Role"); !nt.Visible() || !strings.Contains(nt.Text, "Unknown role") {
		t.Fatalf("role problem not shown: %q", nt.Text)
	}
	p.tabs.SelectIndex(2)
	if strings.Contains(uitest.RichText(p.read.Segments), "evil.example") {
		t.Fatal("read view keeps a remote image")
	}
	h.Undo()
	if len(h.WS.Playbooks) != n+1 {
		t.Fatal("undo import")
	}

	// Export all into a folder.
	picker.Folder = filepath.Join(dir, "all")
	test.Tap(uitest.Button(t, p.root, "Export all…"))
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "OK"))
	files, _ := os.ReadDir(picker.Folder)
	if len(files) != len(h.WS.Playbooks)+1 {
		t.Fatalf("%d files for %d playbooks", len(files), len(h.WS.Playbooks))
	}
}
