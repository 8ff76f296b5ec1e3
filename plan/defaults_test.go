package plan

import (
	"slices"
	"strings"
	"testing"
)

func TestDefaultsAreValid(t *testing.T) {
	ws := New("Acme")
	for _, k := range []DefaultKind{DefaultsSeverities, DefaultsRoles, DefaultsIncidentTypes, DefaultsThirdParties, DefaultsStakeholders} {
		if _, err := ws.ApplyDefaults(k); err != nil {
			t.Fatal(err)
		}
	}
	// Only the expected warnings: nobody in the new roles. Placeholder
	// suppliers have no contacts, which validation accepts and the guide
	// asks about.
	for _, p := range ws.Validate() {
		if p.Level == Error || !strings.HasSuffix(p.Path, ".members") {
			t.Errorf("defaults: %s (%s)", p, p.Level)
		}
	}
	if n := len(ws.Severities); n != 4 {
		t.Errorf("%d severities", n)
	}
	for _, s := range ws.Severities {
		tg := s.Targets
		if tg.Acknowledge <= 0 || tg.FirstUpdate < tg.Acknowledge || tg.UpdateCadence <= 0 || tg.Resolve <= tg.Acknowledge {
			t.Errorf("severity %d targets %+v", s.Level, tg)
		}
	}
	var cats []Category
	for _, it := range ws.IncidentTypes {
		cats = append(cats, it.Category)
		if len(it.Criteria) == 0 {
			t.Errorf("%s has no criteria", it.ID)
		}
	}
	if !slices.Equal(cats, []Category{CategorySecurity, CategoryAvailability, CategoryInfoGov, CategoryClinical}) {
		t.Errorf("categories = %v", cats)
	}
	for _, tp := range ws.ThirdParties {
		if len(tp.Contacts) != 0 {
			t.Errorf("%s: placeholder has contacts", tp.ID)
		}
	}
	// Stakeholders were applied after the roles and severities, so each
	// has an owner and its cadences.
	for _, s := range ws.Stakeholders {
		if s.OwnerRole == "" || len(s.Cadence) == 0 {
			t.Errorf("stakeholder %s: owner %q cadence %v", s.ID, s.OwnerRole, s.Cadence)
		}
	}
}

func TestApplyDefaultsAddsOnlyWhatIsMissing(t *testing.T) {
	ws := New("Acme")
	ws.Severities = []Severity{{Level: 2, Name: "Our P2"}}
	ws.IncidentTypes = []IncidentType{{ID: "security-incident", Name: "Outage (ours)", Category: CategoryAvailability}}
	ws.ThirdParties = []ThirdParty{{ID: "aws", Name: "AWS", ServiceClass: ServiceCloud}}
	ws.Roles = []Role{{ID: "comms-lead", Name: "Our comms", Functions: []Function{FunctionCustomerComms}}}

	cases := []struct {
		kind  DefaultKind
		added int
		check func(t *testing.T)
	}{
		{DefaultsSeverities, 3, func(t *testing.T) {
			var levels []int
			for _, s := range ws.Severities {
				levels = append(levels, s.Level)
			}
			if !slices.Equal(levels, []int{1, 2, 3, 4}) || ws.Severities[1].Name != "Our P2" {
				t.Errorf("severities = %+v", ws.Severities)
			}
		}},
		{DefaultsIncidentTypes, 3, func(t *testing.T) {
			// The availability default is skipped (the user has one); the
			// security default's ID is taken, so it gets a fresh one.
			if ws.IncidentTypes[1].ID != "security-incident-2" || ws.IncidentTypes[1].Category != CategorySecurity {
				t.Errorf("types = %+v", ws.IncidentTypes)
			}
		}},
		{DefaultsThirdParties, 5, nil},
		{DefaultsRoles, 4, func(t *testing.T) {
			// comms-lead is skipped: a role already carries customer comms.
			for _, r := range ws.Roles[1:] {
				if r.ID == "comms-lead" || slices.Contains(r.Functions, FunctionCustomerComms) {
					t.Errorf("comms role added again: %+v", r)
				}
			}
		}},
		{DefaultsStakeholders, 4, func(t *testing.T) {
			byID := map[string]Stakeholder{}
			for _, s := range ws.Stakeholders {
				byID[s.ID] = s
			}
			if o := byID["customers"].OwnerRole; o != "comms-lead" {
				t.Errorf("customers owned by %q", o)
			}
			if o := byID["internal-staff"].OwnerRole; o != "" {
				t.Errorf("internal staff owned by %q; no role carries internal comms", o)
			}
			if o := byID["executive-team"].OwnerRole; o != "incident-manager" {
				t.Errorf("executives owned by %q", o)
			}
		}},
	}
	for _, c := range cases {
		t.Run(string(c.kind), func(t *testing.T) {
			n, err := ws.ApplyDefaults(c.kind)
			if err != nil || n != c.added {
				t.Fatalf("ApplyDefaults(%s) = %d, %v; want %d", c.kind, n, err, c.added)
			}
			if c.check != nil {
				c.check(t)
			}
			if n, _ := ws.ApplyDefaults(c.kind); n != 0 {
				t.Errorf("second ApplyDefaults(%s) added %d", c.kind, n)
			}
		})
	}
	for _, p := range ws.Validate() {
		if strings.Contains(p.Message, "duplicate") {
			t.Errorf("%s", p)
		}
	}
}

func TestApplyDefaultsStakeholderCadenceFollowsSeverities(t *testing.T) {
	ws := New("Acme")
	ws.Severities = []Severity{{Level: 1, Name: "Only one"}}
	if _, err := ws.ApplyDefaults(DefaultsStakeholders); err != nil {
		t.Fatal(err)
	}
	for _, s := range ws.Stakeholders {
		for _, c := range s.Cadence {
			if c.Severity != 1 {
				t.Errorf("%s has a cadence for undefined severity %d", s.ID, c.Severity)
			}
		}
	}
	for _, p := range ws.Validate() {
		if strings.Contains(p.Path, "cadence") {
			t.Errorf("%s", p)
		}
	}
}

func TestApplyDefaultsUnknownKind(t *testing.T) {
	n, err := New("x").ApplyDefaults("playbooks")
	if err == nil || n != 0 || !strings.Contains(err.Error(), `"playbooks"`) {
		t.Errorf("ApplyDefaults(playbooks) = %d, %v", n, err)
	}
}

func TestDefaultsAreFresh(t *testing.T) {
	all := []DefaultKind{DefaultsSeverities, DefaultsRoles, DefaultsIncidentTypes, DefaultsThirdParties, DefaultsStakeholders}
	a, b := New("a"), New("b")
	for _, ws := range []*Workspace{a, b} {
		for _, k := range all {
			if _, err := ws.ApplyDefaults(k); err != nil {
				t.Fatal(err)
			}
		}
	}
	a.Stakeholders[0].Cadence[0].Every = 0
	a.Roles[0].Functions[0] = FunctionExecutive
	a.IncidentTypes[0].Criteria[0] = "changed"
	if b.Stakeholders[0].Cadence[0].Every == 0 || b.Roles[0].Functions[0] == FunctionExecutive || b.IncidentTypes[0].Criteria[0] == "changed" {
		t.Error("two plans share the slices of their defaults")
	}
	for _, s := range a.Stakeholders {
		if s.OwnerRole == "" {
			t.Errorf("%s: no owner though the plan has the default roles", s.ID)
		}
	}
}

func TestMakeID(t *testing.T) {
	taken := func(ids ...string) func(string) bool {
		return func(s string) bool { return slices.Contains(ids, s) }
	}
	long := strings.Repeat("abcdefghij", 8)
	cases := []struct {
		name  string
		taken func(string) bool
		want  string
	}{
		{"On-call Engineer", nil, "on-call-engineer"},
		{"  Head of Engineering (Escalation) ", nil, "head-of-engineering-escalation"},
		{"Café — DNS/CDN", nil, "caf-dns-cdn"},
		{"事件", nil, "item"},
		{"", nil, "item"},
		{"---", taken("item"), "item-2"},
		{"Outage", taken("outage", "outage-2"), "outage-3"},
		{long, nil, long[:64]},
		{long, taken(long[:64]), long[:62] + "-2"},
		{"a" + strings.Repeat(" ", 70) + "b", nil, "a-b"},
	}
	for _, c := range cases {
		got := MakeID(c.name, c.taken)
		if got != c.want || !ValidID(got) {
			t.Errorf("MakeID(%q) = %q, want %q (valid %v)", c.name, got, c.want, ValidID(got))
		}
	}
}

func TestUniqueID(t *testing.T) {
	ws := Demo()
	cases := []struct{ part, name, want string }{
		{"roles", "Incident Manager", "incident-manager-2"},
		{"people", "Priya Raman", "priya-raman-2"},
		{"playbooks", "Brand new", "brand-new"},
		{"coverage.rota.shifts", "Sunday night", "sunday-night-2"},
		{"reporting.channels", "Slack incidents", "slack-incidents-2"},
	}
	for _, c := range cases {
		if got := ws.UniqueID(c.part, c.name); got != c.want {
			t.Errorf("UniqueID(%s, %q) = %q; want %q", c.part, c.name, got, c.want)
		}
	}
	// A part without IDs (a slip in the caller) still gets an ID no part
	// uses: "incident-manager" is a role, "priya-raman" a person.
	for _, name := range []string{"Incident Manager", "Priya Raman"} {
		got := ws.UniqueID("severities", name)
		for _, p := range idParts {
			if ids, _ := ws.partIDs(p); slices.Contains(ids, got) {
				t.Errorf("UniqueID(severities, %q) = %q, taken in %s", name, got, p)
			}
		}
	}
	for _, p := range idParts {
		if _, ok := ws.partIDs(p); !ok {
			t.Errorf("idParts names %q, which partIDs does not know", p)
		}
	}
}
