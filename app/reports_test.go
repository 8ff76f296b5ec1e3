package app

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/app/widgets"
	"drillbook/plan"
)

// The marking names the organisation of the open workspace, also after
// another one is opened; one the user typed stays for that workspace.
func TestReportsMarkingFollowsTheOpenWorkspace(t *testing.T) {
	u, _ := exerciseUI(t, Options{Demo: true})
	p := u.picker.(*uitest.Picker)
	reports := u.screens[screenNamed(t, u, "Reports")].Object()
	marking := uitest.Input[*widget.Entry](t, reports, "Marking")
	preview, _ := find(reports, func(*widgets.PagePreview) bool { return true })
	if marking.Text != "CONFIDENTIAL — Harbourside Health Ltd" {
		t.Fatalf("demo marking %q", marking.Text)
	}
	other := plan.Demo()
	other.Organisation.Name = "Bayside Clinics"
	p.Open = filepath.Join(t.TempDir(), "bayside.json")
	if err := plan.Save(p.Open, other); err != nil {
		t.Fatal(err)
	}
	u.openWorkspace()
	screenNamed(t, u, "Reports")
	if marking.Text != "CONFIDENTIAL — Bayside Clinics" || preview.Marking != marking.Text {
		t.Fatalf("after opening another workspace: marking %q, preview %q", marking.Text, preview.Marking)
	}
	marking.SetText("OFFICIAL-SENSITIVE")
	orgField(t, u, "Organisation").SetText("Bayside Clinics Group")
	screenNamed(t, u, "Reports")
	if marking.Text != "OFFICIAL-SENSITIVE" {
		t.Fatalf("a marking the user typed was replaced: %q", marking.Text)
	}
}
