package plan

import "testing"

func TestIndexResolvesFirstOccurrenceAndSkipsDangling(t *testing.T) {
	ws := &Workspace{
		People: []Person{{ID: "ann", Name: "Ann"}, {ID: "bob", Name: " "}, {ID: "ann", Name: "Second Ann"}},
		Roles: []Role{
			{ID: "im", Name: "Incident manager", Functions: []Function{FunctionIncidentManager}, Members: []string{"ghost", "bob", "ann", "bob"}},
			{ID: "empty", Functions: []Function{FunctionOnCall}},
			{ID: "oncall", Functions: []Function{FunctionOnCall}, Members: []string{"ann"}},
		},
		IncidentTypes: []IncidentType{{ID: "outage", Name: "Outage"}},
	}
	x := ws.Index()
	if p := x.Person("ann"); p == nil || p.Name != "Ann" {
		t.Errorf("Person(ann) = %+v, want the first Ann", p)
	}
	if x.Person("ghost") != nil || x.Role("nope") != nil {
		t.Error("unknown IDs resolved")
	}
	if got := ids(x.staffed("im")); len(got) != 2 || got[0] != "bob" || got[1] != "ann" {
		t.Errorf("Staffed(im) = %v, want [bob ann]: dangling and repeated members skipped", got)
	}
	if p := x.Primary("im"); p == nil || p.ID != "bob" {
		t.Errorf("Primary(im) = %+v, want bob (the first member is no person of the plan)", p)
	}
	if x.Primary("empty") != nil || x.Primary("nope") != nil {
		t.Error("a role with nobody has a primary")
	}
	if r, ps := x.StaffedWithFunction(FunctionOnCall); r == nil || r.ID != "oncall" || len(ps) != 1 {
		t.Errorf("StaffedWithFunction(on-call) = %v, %v; want the staffed role", r, ps)
	}
	if r, ps := ws.Index().StaffedWithFunction(FunctionTriage); r != nil || ps != nil {
		t.Errorf("no triage role, got %v", r)
	}
	if x.PersonName("bob") != "bob" || x.PersonName("ann") != "Ann" || x.RoleName("nope") != "nope" || x.TypeName("outage") != "Outage" {
		t.Error("names wrong")
	}
	if (*Workspace)(nil).Index().Person("x") != nil {
		t.Error("nil workspace")
	}
}

func TestPrimaryIsTheFirstMember(t *testing.T) {
	r := Role{Members: []string{"a", "b"}}
	s := Shift{Members: []string{"c"}}
	if r.Primary() != "a" || s.Primary() != "c" || (&Role{}).Primary() != "" || (&Shift{}).Primary() != "" {
		t.Errorf("primaries %q %q", r.Primary(), s.Primary())
	}
}

func TestOrID(t *testing.T) {
	for _, c := range [][3]string{{"Name", "id", "Name"}, {"", "id", "id"}, {" \t", "id", "id"}, {"TBC", "id", "TBC"}} {
		if got := OrID(c[0], c[1]); got != c[2] {
			t.Errorf("OrID(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}
