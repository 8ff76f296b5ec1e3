package editors

import (
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/plan"
)

func regimeCheck(t *testing.T, p *obligationsPart, name string) *widget.Check {
	t.Helper()
	c, ok := uitest.Find(p.Object(), func(c *widget.Check) bool { return c.Text == name })
	if !ok {
		t.Fatalf("no %q check", name)
	}
	return c
}

// Ticking NIS2 and GDPR, then "Add obligations from regimes…", previews
// what is added and adds it as one step; one undo removes all of it.
func TestAddObligationsFromRegimes(t *testing.T) {
	ws := plan.Demo()
	ws.Organisation.Regimes = nil
	h := uitest.NewHost(t, ws)
	h.Show(Procedure(h), Roles(h), Playbooks(h))
	h.Win.Resize(fyne.NewSize(1280, 720))
	p := openTab[*obligationsPart](t, h, "Roles & escalation", "Reporting obligations")
	before := slices.Clone(h.WS.ReportingObligations)
	if !p.offer.Disabled() {
		t.Error("the offer is enabled with no regime ticked")
	}
	test.Tap(regimeCheck(t, p, "GDPR controller"))
	test.Tap(regimeCheck(t, p, "NIS2 essential or important entity"))
	if !slices.Equal(h.WS.Organisation.Regimes, []string{"gdpr", "nis2"}) || p.offer.Disabled() {
		t.Fatalf("regimes %v, offer disabled %v", h.WS.Organisation.Regimes, p.offer.Disabled())
	}
	steps := h.History.Steps()
	p.SelectIndex(0)
	shot(t, h.Win, "regimes-page-1280x720.png")

	test.Tap(p.offer)
	shot(t, h.Win, "regimes-offer-1280x720.png")
	text := uitest.ShownDialog(h.Win)
	for _, want := range []string{"NIS2 early warning", "Within 1 day of detection", "Art. 23(4)(a)", "NIS2 final report",
		"Data protection supervisory authority (GDPR)", "Within 3 days", "Not added: no fixed deadline", "Add 4 obligations"} {
		if !strings.Contains(text, want) {
			t.Errorf("preview lacks %q:\n%s", want, text)
		}
	}
	// What is added comes before what is not.
	if a, n := strings.Index(text, "NIS2 final report"), strings.Index(text, "Not added"); a > n {
		t.Errorf("an untimed duty is listed before an obligation to add:\n%s", text)
	}
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "Add 4 obligations"))

	added := h.WS.ReportingObligations[len(before):]
	var ids []string
	for _, o := range added {
		ids = append(ids, o.ID)
	}
	if want := []string{"gdpr-art33", "nis2-early-warning", "nis2-notification", "nis2-final-report"}; !slices.Equal(ids, want) {
		t.Fatalf("added %v, want %v", ids, want)
	}
	if h.History.Steps() != steps+1 {
		t.Errorf("%d undo steps for the offer, want 1", h.History.Steps()-steps)
	}
	if a, ok := p.Selected(); !ok || a.Index != len(before) {
		t.Errorf("selected %v, want the first added obligation", a)
	}
	shot(t, h.Win, "regimes-added-1280x720.png")
	// Nothing timed is offered twice.
	test.Tap(p.offer)
	if text := uitest.ShownDialog(h.Win); !strings.Contains(text, "already has every obligation") {
		t.Errorf("second offer:\n%s", text)
	}

	h.Undo()
	if !slices.EqualFunc(h.WS.ReportingObligations, before, func(a, b plan.ReportingObligation) bool { return a.ID == b.ID }) {
		t.Errorf("after undo %d obligations, want the %d before", len(h.WS.ReportingObligations), len(before))
	}
	h.Redo()
	if len(h.WS.ReportingObligations) != len(before)+4 {
		t.Errorf("after redo %d obligations, want %d", len(h.WS.ReportingObligations), len(before)+4)
	}
	h.Undo()
	h.Undo() // the NIS2 tick
	if !slices.Equal(h.WS.Organisation.Regimes, []string{"gdpr"}) || regimeCheck(t, p, "NIS2 essential or important entity").Checked {
		t.Errorf("after undoing the tick: regimes %v", h.WS.Organisation.Regimes)
	}
}

// An unknown regime in the file shows its problem above the list, and
// a long hostile organisation does not widen the page at 1366×768.
func TestRegimeProblemShown(t *testing.T) {
	ws := plan.Demo()
	ws.Organisation.Regimes = []string{"uk-gdpr", "nis-2"}
	ws.Roles[0].Name = strings.Repeat("\u202eRole ", 2000)
	h := uitest.NewHost(t, ws)
	h.Show(Procedure(h), Roles(h), Playbooks(h))
	h.Win.Resize(fyne.NewSize(1366, 768))
	p := openTab[*obligationsPart](t, h, "Roles & escalation", "Reporting obligations")
	p.SelectIndex(0)
	if !p.note.Visible() || !strings.Contains(p.note.Text, `nknown regime "nis-2"`) {
		t.Errorf("note %q", p.note.Text)
	}
	if !regimeCheck(t, p, "UK GDPR controller").Checked {
		t.Error("UK GDPR not ticked")
	}
	if w := h.Win.Canvas().Size().Width; w > 1366 {
		t.Errorf("window %v wide", w)
	}
	shot(t, h.Win, "regimes-problem-1366x768.png")
}

// shot saves the window to $EDITOR_SHOTS, when set, to look at.
func shot(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	dir := os.Getenv("EDITOR_SHOTS")
	if dir == "" {
		return
	}
	// A form filled after the window's last layout can hold rows laid out
	// below their minimum (-2 px high), which the test driver's software
	// painter cannot paint; a resize lays the window out again.
	size := w.Canvas().Size()
	w.Resize(size.AddWidthHeight(1, 1))
	w.Resize(size)
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
