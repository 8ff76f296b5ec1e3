package scoring

import (
	"strings"
	"testing"

	"drillbook/plan"
)

// regimePlan is the model workspace declaring NIS2 and GDPR, before their
// obligations are added.
func regimePlan() *plan.Workspace {
	ws := modelWorkspace()
	ws.Organisation.Regimes = []string{"nis2", "gdpr"}
	return ws
}

func TestDeclaredRegimeWithoutObligation(t *testing.T) {
	a := Assess(regimePlan(), today)
	f := a.Finding("REG-2.5")
	if f == nil {
		t.Fatal("no REG-2.5 finding for NIS2 and GDPR declared with no obligation under them")
	}
	if len(f.Gaps) != 2 || f.Gaps[0].Path != "organisation.regimes[0]" || f.Gaps[1].Path != "organisation.regimes[1]" {
		t.Fatalf("gaps %v, want one at each of organisation.regimes[0] and [1]", f.Gaps)
	}
	if !strings.Contains(f.Gaps[0].What, "NIS2") || f.Gaps[0].Place != "the declared regime NIS2" || f.Place != "the regimes the organisation declares" || !strings.Contains(f.Recommendation, "Art. 23(4)") {
		t.Errorf("finding reads %q at %q, recommendation %q", f.Gaps[0].What, f.Place, f.Recommendation)
	}
}

func TestGDPRObligationAt96Hours(t *testing.T) {
	ws := regimePlan()
	ws.ReportingObligations = append(ws.ReportingObligations, ws.RegimeObligations()...)
	i := len(ws.ReportingObligations) - 1
	if o := ws.ReportingObligations[i]; o.ID != "gdpr-art33" || o.Deadline != 72*plan.Hour {
		t.Fatalf("last offered obligation %s at %s, want gdpr-art33 at 72 h", o.ID, o.Deadline)
	}
	// The plan with the regimes' own obligations passes both criteria.
	a := Assess(ws, today)
	for _, id := range []string{"REG-2.5", "REG-2.6"} {
		if r := a.Criterion(id); r == nil || r.Status != Pass {
			t.Errorf("%s on the plan with the offered obligations: %+v", id, r)
		}
	}
	ws.ReportingObligations[i].Deadline = 96 * plan.Hour
	a = Assess(ws, today)
	f := a.Finding("REG-2.6")
	if f == nil {
		t.Fatal("no REG-2.6 finding for a GDPR obligation at 96 hours")
	}
	want := "reportingObligations[" + string(rune('0'+i)) + "].deadline"
	if len(f.Gaps) != 1 || f.Gaps[0].Path != want {
		t.Fatalf("gaps %v, want one at %s", f.Gaps, want)
	}
	if g := f.Gaps[0].What; !strings.Contains(g, "4 days") || !strings.Contains(g, "3 days") || !strings.Contains(g, "Art. 33(1)") {
		t.Errorf("gap reads %q", g)
	}
}

func TestRegimeLimits(t *testing.T) {
	cases := []struct {
		o    plan.ReportingObligation
		slow bool
	}{
		// DORA's initial notification is due at most 24 h from awareness.
		{plan.ReportingObligation{Body: "Central Bank – DORA initial notification", Deadline: 24 * plan.Hour}, false},
		{plan.ReportingObligation{Body: "Central Bank – DORA initial notification", Deadline: 25 * plan.Hour}, true},
		// The final report follows the latest intermediate update: no ceiling.
		{plan.ReportingObligation{Body: "Central Bank – DORA final report", Deadline: 50 * plan.Day}, false},
		// Names DORA but no duty: only beyond every duty would be slower,
		// and the final report has no ceiling.
		{plan.ReportingObligation{Body: "Central Bank", Reference: "DORA", Deadline: 50 * plan.Day}, false},
		// NIS2 without a duty named: beyond the final report's 72 h + 31 days.
		{plan.ReportingObligation{Body: "CSIRT", Reference: "NIS2", Deadline: 35 * plan.Day}, true},
		{plan.ReportingObligation{Body: "CSIRT", Reference: "NIS2", Deadline: 30 * plan.Day}, false},
		// GDPR Art. 34 has no fixed deadline; SEC has no ceiling from detection.
		{plan.ReportingObligation{Body: "Customers", Reference: "GDPR Article 34", Deadline: 10 * plan.Day}, false},
		{plan.ReportingObligation{Body: "SEC", Reference: "Form 8-K Item 1.05", Deadline: 10 * plan.Day}, false},
		// HIPAA individuals: 60 days.
		{plan.ReportingObligation{Body: "Patients", Reference: "45 CFR 164.404", Deadline: 61 * plan.Day}, true},
		// Not about any regime.
		{plan.ReportingObligation{Body: "Cyber insurer", Reference: "Policy condition 4", Deadline: 10 * plan.Day}, false},
	}
	for _, c := range cases {
		ws := modelWorkspace()
		c.o.ID, c.o.OwnerRole = "x", ws.ReportingObligations[0].OwnerRole
		ws.ReportingObligations = append(ws.ReportingObligations, c.o)
		slow := Assess(ws, today).Finding("REG-2.6") != nil
		if slow != c.slow {
			t.Errorf("%s (%s) at %s: slower than its regime %v, want %v", c.o.Body, c.o.Reference, c.o.Deadline, slow, c.slow)
		}
	}
}
