package app

import (
	"fmt"

	"drillbook/app/widgets"
	"drillbook/plan"
)

// newThirdPartiesPart edits the suppliers the team may need during an
// incident and how to reach them, out of hours included.
func newThirdPartiesPart(u *UI) *listEditor[plan.ThirdParty] {
	e := newListEditor(u, listSpec[plan.ThirdParty]{
		noun: "third party", base: "thirdParties", reorder: true, filterable: true,
		slice: func(int) *[]plan.ThirdParty { return &u.doc.ws.ThirdParties },
		row: func(t *plan.ThirdParty) string {
			return fmt.Sprintf("%s · %s · %s", widgets.OrDash(t.Name), t.ServiceClass, t.Criticality)
		},
		fresh: func(ws *plan.Workspace, _ int) plan.ThirdParty {
			id, _ := ws.NewID("thirdParties", "New supplier")
			return plan.ThirdParty{ID: id, Name: "New supplier", ServiceClass: plan.ServiceOther, Criticality: plan.CriticalityMedium}
		},
		copyOf: func(ws *plan.Workspace, _ int, t plan.ThirdParty) plan.ThirdParty {
			t.Name += " (copy)"
			t.ID, _ = ws.NewID("thirdParties", t.Name)
			return t
		},
	})
	at := func(a addr) *plan.ThirdParty { return &u.doc.ws.ThirdParties[a.index] }
	b := e.b
	b.text("Name", "name", func(a addr) *string { return &at(a).Name })
	choice(b, "Service class", "serviceClass", plan.ServiceClasses, func(a addr) *plan.ServiceClass { return &at(a).ServiceClass })
	choice(b, "Criticality", "criticality", plan.Criticalities, func(a addr) *plan.Criticality { return &at(a).Criticality })
	b.text("Service", "service", func(a addr) *string { return &at(a).Service }).SetPlaceHolder("what they provide, e.g. managed PostgreSQL")
	b.contacts("Contacts", "contacts", func(a addr) *[]plan.Contact { return &at(a).Contacts })
	b.text("Support plan", "supportPlan", func(a addr) *string { return &at(a).SupportPlan })
	b.text("Status page", "statusPage", func(a addr) *string { return &at(a).StatusPage })
	b.text("Account reference", "accountRef", func(a addr) *string { return &at(a).AccountRef })
	b.textArea("Notes", "notes", 3, func(a addr) *string { return &at(a).Notes })
	b.info("ID", func(a addr) string { return at(a).ID })
	e.finish()
	return e
}
