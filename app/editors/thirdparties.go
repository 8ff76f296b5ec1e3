package editors

import (
	"fmt"

	"drillbook/app/form"
	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/plan"
)

// newThirdPartiesPart edits the suppliers the team may need during an
// incident and how to reach them, out of hours included.
func newThirdPartiesPart(h host.Host) *form.List[plan.ThirdParty] {
	e := form.NewList(h, form.ListSpec[plan.ThirdParty]{
		Noun: "third party", Base: "thirdParties", Reorder: true, Filterable: true,
		Slice: func(int) *[]plan.ThirdParty { return &h.Workspace().ThirdParties },
		Row: func(t *plan.ThirdParty) string {
			return fmt.Sprintf("%s · %s · %s", widgets.OrDash(t.Name), t.ServiceClass, t.Criticality)
		},
		Named:   func(t *plan.ThirdParty) (*string, *string) { return &t.ID, &t.Name },
		NewName: "New supplier",
		New: func(*plan.Workspace, int) plan.ThirdParty {
			return plan.ThirdParty{ServiceClass: plan.ServiceOther, Criticality: plan.CriticalityMedium}
		},
	})
	at := func(a form.Addr) *plan.ThirdParty { return &h.Workspace().ThirdParties[a.Index] }
	b := e.Binder()
	b.Text("Name", "name", func(a form.Addr) *string { return &at(a).Name })
	form.Choice(b, "Service class", "serviceClass", plan.ServiceClasses, func(a form.Addr) *plan.ServiceClass { return &at(a).ServiceClass })
	form.Choice(b, "Criticality", "criticality", plan.Criticalities, func(a form.Addr) *plan.Criticality { return &at(a).Criticality })
	b.Text("Service", "service", func(a form.Addr) *string { return &at(a).Service }).SetPlaceHolder("what they provide, e.g. managed PostgreSQL")
	b.Contacts("Contacts", "contacts", func(a form.Addr) *[]plan.Contact { return &at(a).Contacts })
	b.Text("Support plan", "supportPlan", func(a form.Addr) *string { return &at(a).SupportPlan })
	b.Text("Status page", "statusPage", func(a form.Addr) *string { return &at(a).StatusPage })
	b.Text("Account reference", "accountRef", func(a form.Addr) *string { return &at(a).AccountRef })
	b.TextArea("Notes", "notes", func(a form.Addr) *string { return &at(a).Notes })
	b.Info("ID", func(a form.Addr) string { return at(a).ID })
	e.Finish()
	return e
}
