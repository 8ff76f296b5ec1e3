package editors

import (
	"fmt"
	"slices"
	"strings"

	"drillbook/app/form"
	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/plan"
)

// Step 2 editors: people, roles and reporting obligations.

func newPeoplePart(h host.Host) *form.List[plan.Person] {
	e := form.NewList(h, form.ListSpec[plan.Person]{
		Noun: "person", Base: "people", Filterable: true,
		Slice: func(int) *[]plan.Person { return &h.Workspace().People },
		Row: func(p *plan.Person) string {
			if p.Title == "" {
				return widgets.OrDash(p.Name)
			}
			return widgets.OrDash(p.Name) + " · " + p.Title
		},
		Named:   func(p *plan.Person) (*string, *string) { return &p.ID, &p.Name },
		NewName: "New person",
	})
	at := func(a form.Addr) *plan.Person { return &h.Workspace().People[a.Index] }
	b := e.Binder()
	b.Text("Name", "name", func(a form.Addr) *string { return &at(a).Name })
	b.Text("Job title", "title", func(a form.Addr) *string { return &at(a).Title })
	b.Contacts("Contacts", "contacts", func(a form.Addr) *[]plan.Contact { return &at(a).Contacts })
	form.Pick(b, "Deputy", "deputy", true, func() []form.Option { return form.PersonOptions(h.Workspace()) }, func(a form.Addr) *string { return &at(a).Deputy })
	b.Info("Roles", func(a form.Addr) string { return rolesOf(h.Workspace(), at(a).ID) })
	b.Info("ID", func(a form.Addr) string { return at(a).ID })
	e.Finish()
	return e
}

// rolesOf lists the roles a person is in, for the person's form.
func rolesOf(ws *plan.Workspace, id string) string {
	var names []string
	for i := range ws.Roles {
		r := &ws.Roles[i]
		if !slices.Contains(r.Members, id) {
			continue
		}
		n := r.Name
		if r.Primary() == id {
			n += " (primary)"
		}
		names = append(names, n)
	}
	if len(names) == 0 {
		return "In no role yet: add them on the Roles tab."
	}
	return strings.Join(names, ", ")
}

func newRolesPart(h host.Host) *form.List[plan.Role] {
	e := form.NewList(h, form.ListSpec[plan.Role]{
		Noun: "role", Base: "roles", Reorder: true, Filterable: true,
		Slice: func(int) *[]plan.Role { return &h.Workspace().Roles },
		Row: func(r *plan.Role) string {
			return fmt.Sprintf("%s · %d people", widgets.OrDash(r.Name), len(r.Members))
		},
		Named:   func(r *plan.Role) (*string, *string) { return &r.ID, &r.Name },
		NewName: "New role",
	})
	at := func(a form.Addr) *plan.Role { return &h.Workspace().Roles[a.Index] }
	b := e.Binder()
	b.Text("Name", "name", func(a form.Addr) *string { return &at(a).Name })
	b.TextArea("Description", "description", func(a form.Addr) *string { return &at(a).Description })
	form.ToggleSet(b, "Functions", "functions", 2, func() []form.Option { return form.EnumOptions(plan.Functions) }, func(a form.Addr) *[]plan.Function { return &at(a).Functions })
	b.Lines("Responsibilities", "responsibilities", "One responsibility per line", func(a form.Addr) *[]string { return &at(a).Responsibilities })
	b.Ordered("Members", "members", "primary", func() []form.Option { return form.PersonOptions(h.Workspace()) }, func(a form.Addr) *[]string { return &at(a).Members })
	b.Info("ID", func(a form.Addr) string { return at(a).ID })
	e.Finish()
	return e
}

// newObligationsList is the list editor of the reporting obligations
// (newObligationsPart adds the regimes above it).
func newObligationsList(h host.Host) *form.List[plan.ReportingObligation] {
	e := form.NewList(h, form.ListSpec[plan.ReportingObligation]{
		Noun: "reporting obligation", Base: "reportingObligations", Reorder: true,
		Slice: func(int) *[]plan.ReportingObligation { return &h.Workspace().ReportingObligations },
		Row: func(o *plan.ReportingObligation) string {
			return fmt.Sprintf("%s · within %s", widgets.OrDash(o.Body), widgets.OrDash(form.DurationText(o.Deadline)))
		},
		Named:   func(o *plan.ReportingObligation) (*string, *string) { return &o.ID, &o.Body },
		NewName: "New obligation",
		New: func(ws *plan.Workspace, _ int) plan.ReportingObligation {
			return plan.ReportingObligation{Body: "New regulator or customer", Deadline: 72 * plan.Hour,
				OwnerRole: firstRoleWith(ws, plan.FunctionRegulatory)}
		},
	})
	at := func(a form.Addr) *plan.ReportingObligation { return &h.Workspace().ReportingObligations[a.Index] }
	b := e.Binder()
	b.Text("Report to", "body", func(a form.Addr) *string { return &at(a).Body })
	b.Duration("Deadline from detection", "deadline", func(a form.Addr) *plan.Duration { return &at(a).Deadline })
	form.Pick(b, "Sent by role", "ownerRole", false, func() []form.Option { return form.RoleOptions(h.Workspace()) }, func(a form.Addr) *string { return &at(a).OwnerRole })
	form.Checks(b, "Incident types (none: all)", "incidentTypes", false, func() []form.Option { return form.TypeOptions(h.Workspace()) }, func(a form.Addr) *[]string { return &at(a).IncidentTypes })
	b.Levels("Severities (none: all)", "severities", func(a form.Addr) *[]int { return &at(a).Severities })
	b.Text("Method", "method", func(a form.Addr) *string { return &at(a).Method }).SetPlaceHolder("e.g. NHS DSPT incident reporting tool")
	b.Text("Reference", "reference", func(a form.Addr) *string { return &at(a).Reference }).SetPlaceHolder("law, contract clause or URL")
	form.Pick(b, "Stakeholder group", "stakeholder", true, func() []form.Option { return form.StakeholderOptions(h.Workspace()) }, func(a form.Addr) *string { return &at(a).Stakeholder })
	e.Finish()
	return e
}
