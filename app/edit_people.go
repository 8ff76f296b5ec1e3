package app

import (
	"fmt"
	"strings"

	"drillbook/app/widgets"
	"drillbook/plan"
)

// Step 2 editors: people, roles and reporting obligations.

func newPeoplePart(u *UI) *listEditor[plan.Person] {
	e := newListEditor(u, listSpec[plan.Person]{
		noun: "person", base: "people", filterable: true,
		slice: func(int) *[]plan.Person { return &u.doc.ws.People },
		row: func(p *plan.Person) string {
			if p.Title == "" {
				return widgets.OrDash(p.Name)
			}
			return widgets.OrDash(p.Name) + " · " + p.Title
		},
		fresh: func(ws *plan.Workspace, _ int) plan.Person {
			id, _ := ws.NewID("people", "New person")
			return plan.Person{ID: id, Name: "New person"}
		},
		copyOf: func(ws *plan.Workspace, _ int, p plan.Person) plan.Person {
			p.Name += " (copy)"
			p.ID, _ = ws.NewID("people", p.Name)
			return p
		},
	})
	at := func(a addr) *plan.Person { return &u.doc.ws.People[a.index] }
	b := e.b
	b.text("Name", "name", func(a addr) *string { return &at(a).Name })
	b.text("Job title", "title", func(a addr) *string { return &at(a).Title })
	b.contacts("Contacts", "contacts", func(a addr) *[]plan.Contact { return &at(a).Contacts })
	pick(b, "Deputy", "deputy", true, func() []option { return personOptions(u.doc.ws) }, func(a addr) *string { return &at(a).Deputy })
	b.info("Roles", func(a addr) string { return rolesOf(u.doc.ws, at(a).ID) })
	b.info("ID", func(a addr) string { return at(a).ID })
	e.finish()
	return e
}

// rolesOf lists the roles a person is in, for the person's form.
func rolesOf(ws *plan.Workspace, id string) string {
	var names []string
	for _, r := range ws.Roles {
		for i, m := range r.Members {
			if m == id {
				n := r.Name
				if i == 0 {
					n += " (primary)"
				}
				names = append(names, n)
				break
			}
		}
	}
	if len(names) == 0 {
		return "In no role yet: add them on the Roles tab."
	}
	return strings.Join(names, ", ")
}

func newRolesPart(u *UI) *listEditor[plan.Role] {
	e := newListEditor(u, listSpec[plan.Role]{
		noun: "role", base: "roles", reorder: true, filterable: true,
		slice: func(int) *[]plan.Role { return &u.doc.ws.Roles },
		row: func(r *plan.Role) string {
			return fmt.Sprintf("%s · %d people", widgets.OrDash(r.Name), len(r.Members))
		},
		fresh: func(ws *plan.Workspace, _ int) plan.Role {
			id, _ := ws.NewID("roles", "New role")
			return plan.Role{ID: id, Name: "New role"}
		},
		copyOf: func(ws *plan.Workspace, _ int, r plan.Role) plan.Role {
			r.Name += " (copy)"
			r.ID, _ = ws.NewID("roles", r.Name)
			return r
		},
	})
	at := func(a addr) *plan.Role { return &u.doc.ws.Roles[a.index] }
	b := e.b
	b.text("Name", "name", func(a addr) *string { return &at(a).Name })
	b.textArea("Description", "description", 2, func(a addr) *string { return &at(a).Description })
	toggleSet(b, "Functions", "functions", 3, func() []option { return enumOptions(plan.Functions) }, func(a addr) *[]plan.Function { return &at(a).Functions })
	b.lines("Responsibilities", "responsibilities", 4, "One responsibility per line", func(a addr) *[]string { return &at(a).Responsibilities })
	b.ordered("Members", "members", "primary", func() []option { return personOptions(u.doc.ws) }, func(a addr) *[]string { return &at(a).Members })
	b.info("ID", func(a addr) string { return at(a).ID })
	e.finish()
	return e
}

func newObligationsPart(u *UI) *listEditor[plan.ReportingObligation] {
	e := newListEditor(u, listSpec[plan.ReportingObligation]{
		noun: "reporting obligation", base: "reportingObligations", reorder: true,
		slice: func(int) *[]plan.ReportingObligation { return &u.doc.ws.ReportingObligations },
		row: func(o *plan.ReportingObligation) string {
			return fmt.Sprintf("%s · within %s", widgets.OrDash(o.Body), widgets.OrDash(durationText(o.Deadline)))
		},
		fresh: func(ws *plan.Workspace, _ int) plan.ReportingObligation {
			id, _ := ws.NewID("reportingObligations", "New obligation")
			o := plan.ReportingObligation{ID: id, Body: "New regulator or customer", Deadline: 72 * plan.Hour}
			if rs := ws.RolesWithFunction(plan.FunctionRegulatory); len(rs) > 0 {
				o.OwnerRole = rs[0].ID
			}
			return o
		},
		copyOf: func(ws *plan.Workspace, _ int, o plan.ReportingObligation) plan.ReportingObligation {
			o.Body += " (copy)"
			o.ID, _ = ws.NewID("reportingObligations", o.Body)
			return o
		},
	})
	at := func(a addr) *plan.ReportingObligation { return &u.doc.ws.ReportingObligations[a.index] }
	b := e.b
	b.text("Report to", "body", func(a addr) *string { return &at(a).Body })
	b.duration("Deadline from detection", "deadline", func(a addr) *plan.Duration { return &at(a).Deadline })
	pick(b, "Sent by role", "ownerRole", false, func() []option { return roleOptions(u.doc.ws) }, func(a addr) *string { return &at(a).OwnerRole })
	checks(b, "Incident types (none: all)", "incidentTypes", false, func() []option { return typeOptions(u.doc.ws) }, func(a addr) *[]string { return &at(a).IncidentTypes })
	b.levels("Severities (none: all)", "severities", func(a addr) *[]int { return &at(a).Severities })
	b.text("Method", "method", func(a addr) *string { return &at(a).Method }).SetPlaceHolder("e.g. NHS DSPT incident reporting tool")
	b.text("Reference", "reference", func(a addr) *string { return &at(a).Reference }).SetPlaceHolder("law, contract clause or URL")
	pick(b, "Stakeholder group", "stakeholder", true, func() []option { return stakeholderOptions(u.doc.ws) }, func(a addr) *string { return &at(a).Stakeholder })
	e.finish()
	return e
}
