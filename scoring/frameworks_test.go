package scoring

import (
	"slices"
	"strings"
	"testing"

	"drillbook/frameworks"
	"drillbook/plan"
)

// Every criterion gives evidence for at least one clause; a new criterion
// fails here by name until it is mapped.
func TestEveryCriterionMapsToAClause(t *testing.T) {
	for _, c := range Criteria() {
		if len(ClauseRefs(c.ID)) == 0 {
			t.Errorf("criterion %s (%s) maps to no framework clause: add it to frameworkMap in scoring/frameworks_map.go with the clauses it gives evidence for", c.ID, c.Title)
		}
	}
	for id := range frameworkMap {
		if _, ok := CriterionByID(id); !ok {
			t.Errorf("frameworkMap lists %s, which is not a criterion", id)
		}
	}
}

func TestEveryMappedClauseExists(t *testing.T) {
	for _, c := range Criteria() {
		seen := map[string]bool{}
		for _, short := range strings.Fields(frameworkMap[c.ID]) {
			if alias, _, _ := strings.Cut(short, ":"); frameworkAliases[alias] == nil {
				t.Errorf("%s: %q names no framework", c.ID, short)
			}
		}
		for _, ref := range ClauseRefs(c.ID) {
			_, cl, ok := frameworks.Lookup(ref)
			switch {
			case !ok:
				t.Errorf("%s maps to %s, which is not in the catalogue", c.ID, ref)
			case cl.OutOfScope != "":
				t.Errorf("%s maps to %s, which the catalogue marks out of scope (%s)", c.ID, ref, cl.OutOfScope)
			case seen[ref]:
				t.Errorf("%s maps to %s twice", c.ID, ref)
			}
			seen[ref] = true
		}
	}
}

// Every subcategory of the CSF Respond function is either mapped to a
// criterion or marked out of scope with a reason.
func TestRespondFunctionMappedOrOutOfScope(t *testing.T) {
	csf, _ := frameworks.ByID(frameworks.NISTCSF)
	for _, cl := range csf.Clauses {
		if !strings.HasPrefix(cl.ID, "RS.") {
			continue
		}
		mapped := len(clauseCriteria()[frameworks.Ref(csf.ID, cl.ID)]) > 0
		if mapped == (cl.OutOfScope != "") {
			t.Errorf("%s: mapped %v, out of scope %q: it must be exactly one", cl.ID, mapped, cl.OutOfScope)
		}
	}
}

// The mapping is defensible: a few pairs an assessor would check.
func TestMappingIsDefensible(t *testing.T) {
	for _, c := range Criteria() {
		refs := ClauseRefs(c.ID)
		if c.Dimension == DimEscalation && !slices.Contains(refs, "nist-csf-2.0:RS.MA-04") {
			t.Errorf("%s (escalation) is not evidence for RS.MA-04: %q", c.ID, refs)
		}
		for _, r := range refs {
			if strings.HasPrefix(r, "nist-csf-2.0:RC.RP") {
				t.Errorf("%s is mapped to recovery plan execution %s, which the workspace cannot evidence", c.ID, r)
			}
		}
	}
	for id, want := range map[string]string{
		"TP-2.2": "nist-csf-2.0:GV.SC-08", "TRI-2.1": "nist-csf-2.0:RS.MA-02", "TYP-2.1": "nist-csf-2.0:DE.AE-08",
		"REG-2.1": "gdpr:33(1)", "REG-1.1": "uk-gdpr:33(1)", "COV-2.5": "pci-dss-4.0-12.10:12.10.3",
		"IMP-3.3": "nist-csf-2.0:ID.IM-02", "COM-3.1": "nist-csf-2.0:RS.CO-03",
	} {
		if !slices.Contains(ClauseRefs(id), want) {
			t.Errorf("%s is not evidence for %s: %q", id, want, ClauseRefs(id))
		}
	}
}

func TestClauseStatusRule(t *testing.T) {
	o := func(ss ...Status) []CriterionOutcome {
		var out []CriterionOutcome
		for i, s := range ss {
			out = append(out, CriterionOutcome{ID: string(rune('A' + i)), Status: s})
		}
		return out
	}
	for _, tc := range []struct {
		name string
		in   []CriterionOutcome
		want ClauseStatus
	}{
		{"no criteria", nil, ClauseNotAssessed},
		{"all N/A", o(NA, NA), ClauseNotAssessed},
		{"all pass", o(Pass, Pass), ClauseMet},
		{"pass and N/A", o(Pass, NA), ClauseMet},
		{"one of two fails", o(Pass, Fail), ClausePartlyMet},
		{"fail, pass and N/A", o(Fail, NA, Pass), ClausePartlyMet},
		{"all fail", o(Fail, Fail), ClauseNotMet},
		{"fail and N/A", o(Fail, NA), ClauseNotMet},
	} {
		if got := clauseStatus(tc.in); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestAssessCoversChosenFrameworks(t *testing.T) {
	ws := plan.Demo()
	ws.Organisation.Regimes = nil // a declared regime brings its framework (below)
	a := Assess(ws, today)
	if len(a.Frameworks) != 1 || a.Frameworks[0].Framework.ID != frameworks.NISTCSF {
		t.Fatalf("no frameworks chosen: got %d, want NIST CSF 2.0 alone", len(a.Frameworks))
	}
	ws.Frameworks = []string{frameworks.GDPR, frameworks.NIS2, frameworks.SP80061}
	a = Assess(ws, today)
	var got []string
	for _, f := range a.Frameworks {
		got = append(got, f.Framework.ID)
	}
	if want := []string{frameworks.SP80061, frameworks.NIS2, frameworks.GDPR}; !slices.Equal(got, want) {
		t.Fatalf("frameworks %q, want %q", got, want)
	}
	for _, fc := range a.Frameworks {
		for _, cc := range fc.Clauses {
			ref := frameworks.Ref(fc.Framework.ID, cc.Clause.ID)
			if cc.Status == ClauseNotAssessed && cc.Reason == "" {
				t.Errorf("%s is not assessed without a reason", ref)
			}
			if cc.Clause.OutOfScope != "" && (cc.Status != ClauseNotAssessed || len(cc.Criteria) > 0) {
				t.Errorf("%s is out of scope but %s with %d criteria", ref, cc.Status, len(cc.Criteria))
			}
			for _, o := range cc.Criteria {
				if r := a.Criterion(o.ID); r == nil || r.Status != o.Status {
					t.Errorf("%s: criterion %s outcome %s differs from the assessment's", ref, o.ID, o.Status)
				}
			}
			for _, id := range cc.Findings {
				if a.Finding(id) == nil {
					t.Errorf("%s: finding %s is not in the assessment", ref, id)
				}
			}
			if (cc.Status == ClauseNotMet || cc.Status == ClausePartlyMet) && len(cc.Findings) == 0 {
				t.Errorf("%s is %s with no finding behind it", ref, cc.Status)
			}
		}
	}
	// The demo misses a deputy for its incident manager (ROL-2.3), so
	// GV.RR-03, which the roles' depth evidences, is partly met and names
	// that finding; SP 800-61r3's GV.RR takes it over from CSF.
	sp := a.Framework(frameworks.SP80061)
	i := slices.IndexFunc(sp.Clauses, func(c ClauseCoverage) bool { return c.Clause.ID == "GV.RR" })
	if gv := sp.Clauses[i]; gv.Status != ClausePartlyMet || !slices.Contains(gv.Findings, "ROL-2.3") {
		t.Errorf("SP 800-61r3 GV.RR: %s with findings %q, want partly met with ROL-2.3", gv.Status, gv.Findings)
	}
}

// An N/A mark takes a criterion out of a clause's count, as out of the
// dimension's.
func TestClauseStatusHonoursNA(t *testing.T) {
	ws := plan.Demo()
	ws.NotApplicable = append(ws.NotApplicable, plan.NotApplicable{Criterion: "ROL-2.3", Reason: "The incident manager's deputy is covered by the MSP contract."})
	a := Assess(ws, today)
	for _, cc := range a.Frameworks[0].Clauses {
		if slices.Contains(cc.Findings, "ROL-2.3") {
			t.Errorf("%s still names ROL-2.3 after it was marked N/A", cc.Clause.ID)
		}
	}
}

func TestCoverageSummary(t *testing.T) {
	fc := FrameworkCoverage{Framework: frameworks.Framework{Short: "X"}, Clauses: []ClauseCoverage{{Status: ClauseMet}, {Status: ClausePartlyMet}, {Status: ClauseMet}}}
	if got, want := fc.Summary(), "X: 2 met, 1 partly met, 0 not met, 0 not assessed"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
}

// Each regime names a framework of the catalogue, and declaring it puts
// that framework among those assessed.
func TestDeclaredRegimesChooseTheirFrameworks(t *testing.T) {
	for _, r := range plan.Regimes() {
		if _, ok := frameworks.ByID(r.Framework); !ok {
			t.Errorf("regime %s names framework %q, which the catalogue lacks", r.ID, r.Framework)
			continue
		}
		ws := plan.New("Org")
		ws.Organisation.Regimes = []string{r.ID}
		var ids []string
		for _, f := range ChosenFrameworks(ws) {
			ids = append(ids, f.ID)
		}
		if !slices.Contains(ids, r.Framework) {
			t.Errorf("declaring %s assesses %v, not %s", r.ID, ids, r.Framework)
		}
	}
}
