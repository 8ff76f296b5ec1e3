package plan

import (
	"slices"
	"strings"
	"testing"
)

func duty(t *testing.T, regime, id string) *RegimeObligation {
	t.Helper()
	r := RegimeByID(regime)
	if r == nil {
		t.Fatalf("no regime %q", regime)
	}
	for i := range r.Obligations {
		if r.Obligations[i].ID == id {
			return &r.Obligations[i]
		}
	}
	t.Fatalf("regime %s has no duty %s", regime, id)
	return nil
}

// TestRegimeDeadlines holds each duty to the primary text it cites.
func TestRegimeDeadlines(t *testing.T) {
	cases := []struct {
		regime, duty    string
		deadline, limit Duration
		ref             string
	}{
		// Directive (EU) 2022/2555 Art. 23(4)(a), (b), (d): 24 h and 72 h
		// from becoming aware; final report one month after the
		// notification.
		{"nis2", "nis2-early-warning", 24 * Hour, 24 * Hour, "Art. 23(4)(a)"},
		{"nis2", "nis2-notification", 72 * Hour, 72 * Hour, "Art. 23(4)(b)"},
		{"nis2", "nis2-final-report", 72*Hour + 30*Day, 72*Hour + 31*Day, "Art. 23(4)(d)"},
		// Regulation (EU) 2022/2554 Art. 19(4) and Delegated Regulation (EU)
		// 2025/301 Art. 5: 4 h from classification and at most 24 h from
		// awareness; 72 h after the initial notification; one month after
		// the latest intermediate report (no ceiling from detection).
		{"dora", "dora-initial", 4 * Hour, 24 * Hour, "2025/301"},
		{"dora", "dora-intermediate", 76 * Hour, 96 * Hour, "Art. 19(4)(b)"},
		{"dora", "dora-final", 76*Hour + 30*Day, 0, "Art. 19(4)(c)"},
		// GDPR and UK GDPR Art. 33(1): 72 h from becoming aware.
		{"gdpr", "gdpr-art33", 72 * Hour, 72 * Hour, "2016/679 (GDPR) Art. 33(1)"},
		{"uk-gdpr", "uk-gdpr-art33", 72 * Hour, 72 * Hour, "UK GDPR Art. 33(1)"},
		// 45 CFR 164.404(b), 164.406(b), 164.408(b): 60 calendar days after
		// discovery.
		{"hipaa", "hipaa-individuals", 60 * Day, 60 * Day, "164.404"},
		{"hipaa", "hipaa-hhs", 60 * Day, 60 * Day, "164.408(b)"},
		{"hipaa", "hipaa-media", 60 * Day, 60 * Day, "164.406"},
		// Form 8-K Item 1.05: four business days after the materiality
		// determination, which has no fixed time from discovery.
		{"sec", "sec-8k-1-05", 4 * Day, 0, "Item 1.05"},
	}
	for _, c := range cases {
		d := duty(t, c.regime, c.duty)
		if d.Deadline != c.deadline || d.Limit != c.limit {
			t.Errorf("%s: deadline %s, limit %s; want %s, %s", c.duty, d.Deadline, d.Limit, c.deadline, c.limit)
		}
		if !strings.Contains(d.Reference, c.ref) || d.Untimed != "" || d.ClockFrom == "" || d.Method == "" {
			t.Errorf("%s: reference %q (want %q), untimed %q, clock %q, method %q", c.duty, d.Reference, c.ref, d.Untimed, d.ClockFrom, d.Method)
		}
	}
	// Duties without a fixed deadline say so and invent none.
	for _, u := range [][2]string{{"gdpr", "gdpr-data-subjects"}, {"uk-gdpr", "uk-gdpr-data-subjects"}, {"dora", "dora-clients"}, {"hipaa", "hipaa-hhs-annual"}} {
		d := duty(t, u[0], u[1])
		if d.Deadline != 0 || d.Limit != 0 || d.Untimed == "" {
			t.Errorf("%s: deadline %s, limit %s, untimed %q; want no deadline and the reason", d.ID, d.Deadline, d.Limit, d.Untimed)
		}
	}
	want := map[string]string{"nis2": "nis2", "dora": "dora", "gdpr": "gdpr", "uk-gdpr": "uk-gdpr", "hipaa": "hipaa-breach", "sec": "sec-8k-1.05"}
	ids := map[string]bool{}
	for _, r := range Regimes() {
		if want[r.ID] != r.Framework || r.Name == "" {
			t.Errorf("regime %s: framework %q, name %q", r.ID, r.Framework, r.Name)
		}
		for _, d := range r.Obligations {
			if ids[d.ID] || MakeID(d.ID, nil) != d.ID {
				t.Errorf("duty ID %q repeated or not an ID", d.ID)
			}
			ids[d.ID] = true
			if d.Limit != 0 && d.Limit < d.Deadline {
				t.Errorf("%s: limit %s before the deadline %s", d.ID, d.Limit, d.Deadline)
			}
		}
	}
	if len(Regimes()) != len(want) {
		t.Errorf("%d regimes, want %d", len(Regimes()), len(want))
	}
}

func TestRegimesOf(t *testing.T) {
	cases := []struct {
		o    ReportingObligation
		want []string // regime/duty ("" duty: the regime, no duty told)
	}{
		{ReportingObligation{ID: "ico", Body: "Information Commissioner's Office", Reference: "UK GDPR Article 33"}, []string{"uk-gdpr/uk-gdpr-art33"}},
		{ReportingObligation{ID: "dpc", Body: "Data Protection Commission", Reference: "GDPR Article 33(1)"}, []string{"gdpr/gdpr-art33"}},
		{ReportingObligation{ID: "subjects", Body: "Customers", Reference: "GDPR Article 34"}, []string{"gdpr/gdpr-data-subjects"}},
		{ReportingObligation{ID: "dora-final", Body: "Central Bank – DORA final report", Reference: "DORA Art. 19(4)(c)"}, []string{"dora/dora-final"}},
		{ReportingObligation{ID: "x", Body: "Clients whose financial interests are affected", Reference: "DORA Art. 19(3)"}, []string{"dora/dora-clients"}},
		{ReportingObligation{ID: "y", Body: "Central Bank", Reference: "DORA"}, []string{"dora/"}},
		{ReportingObligation{ID: "csirt", Body: "CSIRT early warning", Reference: "NIS2 Art. 23"}, []string{"nis2/nis2-early-warning"}},
		{ReportingObligation{ID: "insurer", Body: "Cyber insurer", Reference: "Policy condition 4"}, nil},
	}
	for _, c := range cases {
		var got []string
		for _, m := range RegimesOf(&c.o) {
			d := ""
			if m.Duty != nil {
				d = m.Duty.ID
			}
			got = append(got, m.Regime.ID+"/"+d)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.o.ID, got, c.want)
		}
	}
}

func regimeWorkspace(regimes ...string) *Workspace {
	ws := New("Regime Test Ltd")
	ws.Organisation.Regimes = regimes
	ws.IncidentTypes = []IncidentType{
		{ID: "ransomware", Name: "Ransomware", Category: CategorySecurity},
		{ID: "outage", Name: "Outage", Category: CategoryAvailability},
		{ID: "data-breach", Name: "Data breach", Category: CategoryInfoGov},
	}
	ws.People = []Person{{ID: "dana", Name: "Dana"}}
	ws.Roles = []Role{
		{ID: "compliance", Name: "Compliance", Functions: []Function{FunctionRegulatory}, Members: []string{"dana"}},
		{ID: "dpo", Name: "DPO", Functions: []Function{FunctionRegulatory, FunctionDataProtection}, Members: []string{"dana"}},
	}
	return ws
}

func TestOfferFromRegimes(t *testing.T) {
	ws := regimeWorkspace("nis2", "gdpr", "nis2")
	var got []string
	for _, o := range ws.OfferFromRegimes() {
		got = append(got, o.Duty.ID)
		if o.Duty.Untimed == "" && (o.Obligation.Deadline != o.Duty.Deadline || o.Obligation.Reference != o.Duty.Reference || !strings.Contains(o.Obligation.Method, o.Duty.ClockFrom)) {
			t.Errorf("%s: offered %+v", o.Duty.ID, o.Obligation)
		}
	}
	want := []string{"nis2-early-warning", "nis2-notification", "nis2-final-report", "gdpr-art33", "gdpr-data-subjects"}
	if !slices.Equal(got, want) {
		t.Fatalf("offers %v, want %v", got, want)
	}
	obs := ws.RegimeObligations()
	if len(obs) != 4 {
		t.Fatalf("%d obligations, want the 4 timed ones", len(obs))
	}
	// The NIS2 duties cover every incident and go to the regulatory role
	// with people; the GDPR one covers the data-breach categories and goes
	// to the role that also carries data protection.
	if obs[0].OwnerRole != "compliance" || obs[0].IncidentTypes != nil {
		t.Errorf("NIS2 early warning: owner %q, types %v", obs[0].OwnerRole, obs[0].IncidentTypes)
	}
	if obs[3].OwnerRole != "dpo" || !slices.Equal(obs[3].IncidentTypes, []string{"ransomware", "data-breach"}) {
		t.Errorf("GDPR: owner %q, types %v", obs[3].OwnerRole, obs[3].IncidentTypes)
	}
	ws.ReportingObligations = append(ws.ReportingObligations, obs...)
	ws.Organisation.Regimes = ws.Organisation.Regimes[:2]
	if errs := ws.Validate().Errors(); errs != 0 {
		t.Errorf("applied offer: %d validation errors: %v", errs, ws.Validate())
	}
	// Once applied nothing timed is offered again.
	if again := ws.RegimeObligations(); len(again) != 0 {
		t.Errorf("offered again: %v", again)
	}
}

func TestOfferSkipsWhatThePlanHas(t *testing.T) {
	ws := regimeWorkspace("uk-gdpr", "dora")
	ws.Roles = ws.Roles[:0]
	ws.ReportingObligations = []ReportingObligation{
		{ID: "ico-72h", Body: "Information Commissioner's Office", Reference: "UK GDPR Article 33", Deadline: 72 * Hour},
		{ID: "dora-initial", Body: "Central Bank of Ireland – DORA initial notification", Reference: "DORA Art. 19(4)(a)", Deadline: 4 * Hour},
		{ID: "insurer", Body: "Cyber insurer", Reference: "Policy condition 4", Deadline: Hour},
	}
	var got []string
	for _, o := range ws.RegimeObligations() {
		got = append(got, o.ID)
		if o.OwnerRole != "" {
			t.Errorf("%s: owner %q with no regulatory role, want empty", o.ID, o.OwnerRole)
		}
	}
	if want := []string{"dora-intermediate", "dora-final"}; !slices.Equal(got, want) {
		t.Errorf("offered %v, want %v", got, want)
	}
	// An owner left empty is what validation then asks for.
	ws.ReportingObligations = append(ws.ReportingObligations, ws.RegimeObligations()...)
	if ps := ws.Validate().At(Root("reportingObligations").At(3, "ownerRole").String()); len(ps) == 0 {
		t.Errorf("no problem at the empty owner role")
	}
}

func TestOfferKnowsItsOwnIDs(t *testing.T) {
	// An obligation with a duty's ID stands for that duty, whatever its
	// body says, so applying the offer twice never duplicates.
	ws := regimeWorkspace("sec")
	ws.ReportingObligations = []ReportingObligation{{ID: "sec-8k-1-05", Body: "Securities regulator", Deadline: Day}}
	if obs := ws.RegimeObligations(); len(obs) != 0 {
		t.Fatalf("offered %+v again", obs)
	}
}

func TestValidateRegimes(t *testing.T) {
	ws := regimeWorkspace("gdpr", "nis-2", "gdpr")
	ps := ws.Validate()
	unknown := ps.At(Root("organisation.regimes").Index(1).String())
	if len(unknown) != 1 || !strings.Contains(unknown[0].Message, `unknown regime "nis-2"`) || !strings.Contains(unknown[0].Message, "nis2") {
		t.Errorf("organisation.regimes[1]: %v", unknown)
	}
	if twice := ps.At(Root("organisation.regimes").Index(2).String()); len(twice) != 1 || !strings.Contains(twice[0].Message, "twice") {
		t.Errorf("organisation.regimes[2]: %v", twice)
	}
	if ok := ps.At(Root("organisation.regimes").Index(0).String()); len(ok) != 0 {
		t.Errorf("organisation.regimes[0]: %v", ok)
	}
	if got := Root("organisation.regimes").Index(1).String(); got != "organisation.regimes[1]" {
		t.Errorf("path %q", got)
	}
}

func TestRegimesRoundTrip(t *testing.T) {
	ws := regimeWorkspace("dora", "gdpr")
	data, err := Encode(ws)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"regimes": [`) {
		t.Fatalf("regimes not written:\n%s", data)
	}
	back, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(back.Organisation.Regimes, ws.Organisation.Regimes) {
		t.Errorf("read back %v", back.Organisation.Regimes)
	}
	// A file of the previous version holding regimes is read (migrations
	// only add fields); a misspelt key is refused at its place.
	old := strings.Replace(string(data), `"schemaVersion": 5`, `"schemaVersion": 4`, 1)
	if _, err := Decode([]byte(old)); err != nil {
		t.Errorf("version 4 with regimes: %v", err)
	}
	bad := strings.Replace(string(data), `"regimes"`, `"regime"`, 1)
	if _, err := Decode([]byte(bad)); err == nil || !strings.Contains(err.Error(), "organisation") {
		t.Errorf("misspelt field: %v", err)
	}
}
