package interchange

import (
	"slices"
	"strings"
	"testing"

	"drillbook/plan"
)

func TestPeopleCSVColumnsInAnotherOrder(t *testing.T) {
	// The columns run e-mail, phone, deputy, title, name (semicolons, as a
	// European spreadsheet saves them); "Department" is not imported.
	// Expected: Priya (matched by e-mail) gains a title, a phone and Bob as
	// deputy; Bob likewise with Priya (named by name); Grace is new, with
	// Carol (named in other case and spacing) as deputy; Carol, matched by
	// name, gains a title and a phone.
	src, err := ParsePeopleCSV("people.csv", readFixture(t, "people.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Notes) != 1 || !strings.Contains(src.Notes[0], "Department") {
		t.Errorf("notes %q", src.Notes)
	}
	p, err := Plan(testPlan(), []*Source{src})
	if err != nil {
		t.Fatal(err)
	}
	x := p.Result.Index()
	priya, bob, carol := x.Person("priya"), x.Person("bob"), x.Person("carol")
	grace := x.Person("hopper-grace")
	if grace == nil {
		t.Fatalf("Grace not added: %+v", p.Result.People)
	}
	for _, c := range []struct {
		p             *plan.Person
		title, deputy string
		contacts      int
	}{{priya, "Platform lead", "bob", 2}, {bob, "Site reliability engineer", "priya", 2}, {grace, "Head of service", "carol", 1}, {carol, "Service desk analyst", "", 1}} {
		if c.p.Title != c.title || c.p.Deputy != c.deputy || len(c.p.Contacts) != c.contacts {
			t.Errorf("%s = %+v", c.p.Name, c.p)
		}
	}
	if !slices.Contains(p.Added, "person Hopper, Grace <grace@example.com>") ||
		!slices.Contains(p.Changed, Change{"person Priya Raman: deputy", "(none)", "Bob Okafor"}) {
		t.Errorf("added %q changed %v", p.Added, p.Changed)
	}
	if len(p.Result.People) != 6 {
		t.Errorf("%d people, want 6", len(p.Result.People))
	}
}

func TestPeopleCSVErrorsNameLineAndColumn(t *testing.T) {
	ws := testPlan()
	for _, c := range []struct{ csv, want string }{
		{"Name,Email\nAna,ana@example.com\n,nobody@example.com\n", "p.csv:3: name: the name is empty"},
		{"Name,Email\nAna,not-an-address\n", `p.csv:2: e-mail: "not-an-address" is not an e-mail address`},
		{"Email,Phone\na@example.com,1\n", "p.csv:1: the header \"Email,Phone\" has no name column"},
		{"Name,Mail,E-mail\nAna,a@x,b@x\n", `p.csv:1: E-mail: column 3 means e-mail as column 2 "Mail" does`},
		{"Name,Deputy\nAna,Zoe Nobody\n", `p.csv:2: deputy: "Zoe Nobody" is nobody in the plan or the file`},
		{"Name,Deputy\nAna,ana\n", `p.csv:2: deputy: Ana cannot be their own deputy`},
		{"Name,Email\nAna,a@x.org\nana ,\n", "p.csv:3: name: ana is also on line 2"},
		{"Name\n\"Ana\n", `p.csv:2: column`},
		{"", "p.csv: the file has no header row"},
		{"Name,Email\n", "p.csv: the file has a header but nobody under it"},
		{"Name\n\xff\n", "p.csv: the file is not UTF-8"},
	} {
		src, err := ParsePeopleCSV("p.csv", []byte(c.csv))
		if err == nil {
			_, err = Plan(ws, []*Source{src})
		}
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.csv, err, c.want)
		}
	}
}

func TestPeopleOnlyImportShowsNoHoles(t *testing.T) {
	src, _ := ParsePeopleCSV("p.csv", []byte("Name\nNew Person\n"))
	p, _ := Plan(testPlan(), []*Source{src}) // a 24/7 plan with no rota at all
	if p.Rota || len(p.Holes) != 0 {
		t.Errorf("a people import reports the rota: %v %v", p.Rota, p.Holes)
	}
}
