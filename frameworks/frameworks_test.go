package frameworks

import (
	"go/build"
	"slices"
	"strings"
	"testing"
)

func TestFrameworkIDsAreTheAgreedOnes(t *testing.T) {
	want := []string{"nist-csf-2.0", "nist-sp-800-61r3", "iso-iec-27035-1-2023", "nis2", "dora", "gdpr", "uk-gdpr", "hipaa-breach", "sec-8k-1.05", "pci-dss-4.0-12.10"}
	if got := IDs(); !slices.Equal(got, want) {
		t.Errorf("IDs() = %q, want %q", got, want)
	}
}

func TestEveryClauseIsComplete(t *testing.T) {
	if Version == "" {
		t.Error("the catalogue has no version")
	}
	for _, f := range All() {
		if f.Name == "" || f.Short == "" || f.Source == "" || len(f.Clauses) == 0 {
			t.Errorf("%s: name %q, short %q, source %q, %d clauses", f.ID, f.Name, f.Short, f.Source, len(f.Clauses))
		}
		seen := map[string]bool{}
		for _, c := range f.Clauses {
			ref := Ref(f.ID, c.ID)
			if c.ID == "" || strings.TrimSpace(c.Reference) == "" || strings.TrimSpace(c.Summary) == "" || strings.TrimSpace(c.Citation) == "" {
				t.Errorf("%s: id %q, reference %q, summary %q, citation %q", ref, c.ID, c.Reference, c.Summary, c.Citation)
			}
			if seen[c.ID] {
				t.Errorf("%s: clause ID repeated", ref)
			}
			seen[c.ID] = true
			if strings.Contains(c.ID, ":") {
				t.Errorf("%s: a clause ID cannot hold ':' (it separates refs)", ref)
			}
			for _, m := range c.MapsTo {
				if _, _, ok := Lookup(m); !ok {
					t.Errorf("%s maps to %q, which is not in the catalogue", ref, m)
				}
			}
			for _, d := range c.Deadlines {
				if d.Amount <= 0 || d.From == "" || !slices.Contains([]Unit{Hours, CalendarDays, BusinessDays, Months}, d.Unit) {
					t.Errorf("%s: deadline %+v", ref, d)
				}
			}
		}
	}
}

// The subcategories the catalogue must hold, as NIST CSWP 29 (CSF 2.0,
// February 2024) numbers them: the whole Respond function (RS.MA-01..05,
// RS.AN-03/06/07/08, RS.CO-02/03, RS.MI-01/02; the gaps in the numbers
// are subcategories CSF 2.0 withdrew or moved) and Recover (RC.RP-01..06,
// RC.CO-03/04), GV.RR-01..04, GV.SC-08, ID.IM-01..04 and DE.AE-08.
var csfWant = []string{
	"GV.RR-01", "GV.RR-02", "GV.RR-03", "GV.RR-04", "GV.SC-08",
	"ID.IM-01", "ID.IM-02", "ID.IM-03", "ID.IM-04", "DE.AE-08",
	"RS.MA-01", "RS.MA-02", "RS.MA-03", "RS.MA-04", "RS.MA-05",
	"RS.AN-03", "RS.AN-06", "RS.AN-07", "RS.AN-08",
	"RS.CO-02", "RS.CO-03", "RS.MI-01", "RS.MI-02",
	"RC.RP-01", "RC.RP-02", "RC.RP-03", "RC.RP-04", "RC.RP-05", "RC.RP-06",
	"RC.CO-03", "RC.CO-04",
}

func clauseIDs(f Framework) []string {
	ids := make([]string, len(f.Clauses))
	for i, c := range f.Clauses {
		ids[i] = c.ID
	}
	return ids
}

func TestCSFSubcategories(t *testing.T) {
	f, _ := ByID(NISTCSF)
	if got := clauseIDs(f); !slices.Equal(got, csfWant) {
		t.Errorf("CSF clauses = %q\nwant %q", got, csfWant)
	}
}

func TestSP80061MapsOntoEveryCSFClause(t *testing.T) {
	f, _ := ByID(SP80061)
	var mapped []string
	for _, c := range f.Clauses {
		if len(c.MapsTo) == 0 {
			t.Errorf("%s maps to no CSF subcategory", c.ID)
		}
		for _, m := range c.MapsTo {
			fid, cid, _ := strings.Cut(m, ":")
			if fid != NISTCSF || !strings.HasPrefix(cid, c.ID+"-") {
				t.Errorf("%s maps to %s, outside its CSF category", c.ID, m)
			}
			mapped = append(mapped, cid)
		}
	}
	slices.Sort(mapped)
	want := slices.Sorted(slices.Values(csfWant))
	if !slices.Equal(mapped, want) {
		t.Errorf("SP 800-61r3 maps onto %q, want every catalogued CSF subcategory %q", mapped, want)
	}
}

func TestISOPhases(t *testing.T) {
	f, _ := ByID(ISO27035)
	// ISO/IEC 27035-1:2023 clauses 5.2–5.6, as ISO/IEC 27035-2:2023 cites them.
	var got []string
	for _, c := range f.Clauses {
		got = append(got, c.Reference+" "+c.Citation[strings.LastIndex(c.Citation, " ")+1:])
	}
	want := []string{"Plan and prepare 5.2", "Detect and report 5.3", "Assess and decide 5.4", "Respond 5.5", "Learn lessons 5.6"}
	if !slices.Equal(got, want) {
		t.Errorf("ISO phases %q, want %q", got, want)
	}
}

func TestRespondFunctionIsMappedOrOutOfScope(t *testing.T) {
	f, _ := ByID(NISTCSF)
	for _, c := range f.Clauses {
		if strings.HasPrefix(c.ID, "RS.") && c.OutOfScope != "" && len(c.OutOfScope) < 30 {
			t.Errorf("%s is out of scope with too short a reason: %q", c.ID, c.OutOfScope)
		}
	}
}

// deadline returns the deadlines of a clause by ref.
func deadlines(t *testing.T, ref string) []Deadline {
	t.Helper()
	_, c, ok := Lookup(ref)
	if !ok {
		t.Fatalf("%s is not in the catalogue", ref)
	}
	return c.Deadlines
}

func TestDeadlinesAgainstTheirSources(t *testing.T) {
	for _, tc := range []struct {
		ref  string
		want []Deadline
		why  string
	}{
		{"nis2:23(4)(a)", []Deadline{{24, Hours, "becoming aware of the significant incident"}}, "NIS2 Art. 23(4)(a): early warning within 24 hours of becoming aware"},
		{"nis2:23(4)(b)", []Deadline{{72, Hours, "becoming aware of the significant incident"}}, "NIS2 Art. 23(4)(b): incident notification within 72 hours of becoming aware"},
		{"nis2:23(4)(d)", []Deadline{{1, Months, "the incident notification"}}, "NIS2 Art. 23(4)(d): final report not later than one month after the incident notification"},
		{"dora:19(4)(a)", []Deadline{{4, Hours, "classifying the incident as major"}, {24, Hours, "becoming aware of the incident"}}, "Delegated Regulation (EU) 2025/301 Art. 5(1): 4 h from classification, at most 24 h from awareness"},
		{"dora:19(4)(b)", []Deadline{{72, Hours, "submitting the initial notification"}}, "Delegated Regulation (EU) 2025/301 Art. 5(2): 72 h from the initial notification"},
		{"dora:19(4)(c)", []Deadline{{1, Months, "the latest updated intermediate report"}}, "Delegated Regulation (EU) 2025/301 Art. 5(3): one month from the latest intermediate report"},
		{"gdpr:33(1)", []Deadline{{72, Hours, "becoming aware of the breach"}}, "GDPR Art. 33(1): not later than 72 hours after becoming aware"},
		{"uk-gdpr:33(1)", []Deadline{{72, Hours, "becoming aware of the breach"}}, "UK GDPR Art. 33(1): the same 72 hours"},
		{"hipaa-breach:164.404", []Deadline{{60, CalendarDays, "discovering the breach"}}, "45 CFR 164.404(b): no later than 60 calendar days after discovery"},
		{"hipaa-breach:164.406", []Deadline{{60, CalendarDays, "discovering the breach"}}, "45 CFR 164.406(b)"},
		{"hipaa-breach:164.408", []Deadline{{60, CalendarDays, "discovering the breach"}}, "45 CFR 164.408(b), 500 or more individuals: with the 164.404 notice"},
		{"hipaa-breach:164.410", []Deadline{{60, CalendarDays, "discovering the breach"}}, "45 CFR 164.410(b)"},
		{"sec-8k-1.05:1.05(a)", []Deadline{{4, BusinessDays, "determining that the incident is material"}}, "Form 8-K General Instruction B.1 with Item 1.05: four business days after the materiality determination"},
	} {
		if got := deadlines(t, tc.ref); !slices.Equal(got, tc.want) {
			t.Errorf("%s deadlines %+v, want %+v (%s)", tc.ref, got, tc.want, tc.why)
		}
	}
}

func TestDeadlineWords(t *testing.T) {
	for d, want := range map[Deadline]string{
		{24, Hours, "becoming aware"}:          "24 hours from becoming aware",
		{1, Months, "the notification"}:        "1 month from the notification",
		{4, BusinessDays, "the determination"}: "4 business days from the determination",
		{60, CalendarDays, "discovering it"}:   "60 calendar days from discovering it",
	} {
		if got := d.String(); got != want {
			t.Errorf("%+v reads %q, want %q", d, got, want)
		}
	}
	if h, ok := (Deadline{60, CalendarDays, "x"}).Hours(); !ok || h != 1440 {
		t.Errorf("60 calendar days = %d h, %v", h, ok)
	}
	if _, ok := (Deadline{4, BusinessDays, "x"}).Hours(); ok {
		t.Error("business days have no fixed length in hours")
	}
}

func TestChosen(t *testing.T) {
	ids := func(fs []Framework) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.ID)
		}
		return out
	}
	for _, tc := range []struct{ in, want []string }{
		{nil, []string{NISTCSF}},
		{[]string{"nope"}, []string{NISTCSF}},
		{[]string{GDPR, NIS2, GDPR}, []string{NIS2, GDPR}},
		{[]string{PCIDSS, NISTCSF}, []string{NISTCSF, PCIDSS}},
	} {
		if got := ids(Chosen(tc.in)); !slices.Equal(got, tc.want) {
			t.Errorf("Chosen(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := Unknown([]string{NIS2, "nist-csf-1.1", ""}); !slices.Equal(got, []string{"nist-csf-1.1", ""}) {
		t.Errorf("Unknown = %q", got)
	}
}

func TestLookup(t *testing.T) {
	if f, c, ok := Lookup("nis2:23(4)(a)"); !ok || f.ID != NIS2 || c.Reference != "Art. 23(4)(a)" {
		t.Errorf("Lookup = %v %v %v", f.ID, c.Reference, ok)
	}
	for _, bad := range []string{"", "nis2", "nis2:", "x:23(1)", "nis2:99"} {
		if _, _, ok := Lookup(bad); ok {
			t.Errorf("Lookup(%q) found a clause", bad)
		}
	}
}

// The package is a leaf: model, scoring and reports all import it.
func TestImportsNoDrillbookPackage(t *testing.T) {
	p, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range p.Imports {
		if strings.HasPrefix(imp, "drillbook") {
			t.Errorf("frameworks imports %s", imp)
		}
	}
}
