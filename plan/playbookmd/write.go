package playbookmd

import (
	"fmt"
	"strconv"
	"strings"

	"drillbook/internal/mdtext"
	"drillbook/plan"
)

// Markdown renders a playbook in the format of the package comment. The
// workspace (may be nil) supplies names for roles, incident types, people
// and other playbooks; today (may be zero) decides whether the review is
// shown as overdue. Links point at "<id>.md", the names Export writes. Step text is user input: a viewer must not fetch the images it
// may name (the GUI renders every image as a placeholder).
func Markdown(p *plan.Playbook, ws *plan.Workspace, today plan.Date) string {
	if p == nil {
		return ""
	}
	if ws == nil {
		ws = &plan.Workspace{}
	}
	x := ws.Index()
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", mdtext.Inline(plan.OrID(p.Title, p.ID)))
	meta := func(key, value string) {
		if value != "" {
			fmt.Fprintf(&b, "- **%s:** %s\n", key, value)
		}
	}
	if p.ID != "" {
		meta("Playbook", code(p.ID))
	}
	if p.Role != "" {
		meta("Role", named(x.RoleName(p.Role), p.Role))
	}
	types := make([]string, len(p.IncidentTypes))
	for i, t := range p.IncidentTypes {
		types[i] = named(x.TypeName(t), t)
	}
	meta("Incident types", strings.Join(types, ", "))
	if p.Owner != "" {
		meta("Owner", named(x.PersonName(p.Owner), p.Owner))
	}
	meta("Review", reviewText(p, today))
	meta("Related playbooks", playbookLinks(ws, p.References))
	if s := userMarkdown(p.Summary, false); s != "" {
		b.WriteString("\n## Summary\n\n" + s + "\n")
	}
	b.WriteString("\n## Steps\n")
	if len(p.Steps) > 0 {
		b.WriteString("\n")
	}
	for i, s := range p.Steps {
		marker := strconv.Itoa(i+1) + ". "
		indent := strings.Repeat(" ", len(marker))
		for j, line := range strings.Split(userMarkdown(s.Text, true), "\n") {
			switch {
			case j == 0:
				b.WriteString(marker + line + "\n")
			case line == "":
				b.WriteString("\n")
			default:
				b.WriteString(indent + line + "\n")
			}
		}
		if s.ExpectedDuration != 0 {
			fmt.Fprintf(&b, "%s- Expected duration: %s\n", indent, s.ExpectedDuration)
		}
		if len(s.References) > 0 {
			fmt.Fprintf(&b, "%s- See: %s\n", indent, playbookLinks(ws, s.References))
		}
	}
	if len(p.Revisions) > 0 {
		b.WriteString("\n## Revision history\n\n| Revision | Date | Author | Summary |\n| --- | --- | --- | --- |\n")
		for i := len(p.Revisions) - 1; i >= 0; i-- { // newest first
			r := p.Revisions[i]
			author := cell(r.Author)
			if x.Person(r.Author) != nil {
				author = named(x.PersonName(r.Author), r.Author)
			}
			fmt.Fprintf(&b, "| %d | %s | %s | %s |\n", r.Number, r.Date, author, cell(r.Summary))
		}
	}
	return b.String()
}

// reviewText renders "every 180d; last reviewed 2026-10-14; next due
// 2027-04-12; **overdue**", or "" when nothing is set.
func reviewText(p *plan.Playbook, today plan.Date) string {
	var parts []string
	if p.ReviewInterval != 0 {
		parts = append(parts, "every "+p.ReviewInterval.String())
	}
	if !p.LastReviewed.IsZero() {
		parts = append(parts, "last reviewed "+p.LastReviewed.String())
	} else if p.ReviewInterval != 0 {
		parts = append(parts, "never reviewed")
	}
	if due := p.ReviewDue(); !due.IsZero() {
		parts = append(parts, "next due "+due.String())
		if !today.IsZero() && p.ReviewOverdue(today) {
			parts = append(parts, "**overdue**")
		}
	}
	return strings.Join(parts, "; ")
}

// playbookLinks renders references as links to the playbooks' files. An
// ID that is not a valid one (which validation reports) cannot be a file
// name, so it is shown as text rather than made into a link.
func playbookLinks(ws *plan.Workspace, ids []string) string {
	links := make([]string, len(ids))
	for i, id := range ids {
		title := id
		if pb := ws.Playbook(id); pb != nil && strings.TrimSpace(pb.Title) != "" {
			title = pb.Title
		}
		links[i] = playbookLink(title, id)
	}
	return strings.Join(links, ", ")
}

// playbookLink is "[Title](id.md)", or the title and ID as text when the
// ID is not valid.
func playbookLink(title, id string) string {
	if !plan.ValidID(id) {
		return named(title, id)
	}
	return "[" + mdtext.Inline(title) + "](" + id + ".md)"
}

// named renders "Name (`id`)", or just "`id`" when the name is the ID.
func named(name, id string) string {
	if name == id || strings.TrimSpace(name) == "" {
		return code(id)
	}
	return mdtext.Inline(name) + " (" + code(id) + ")"
}

// code renders an ID in backticks. Only valid IDs are put in a code span
// (the reader takes code spans for IDs); anything else is written as
// literal text, since code spans show HTML and control characters raw.
func code(id string) string {
	if !plan.ValidID(id) {
		return mdtext.Inline(id)
	}
	return "`" + id + "`"
}

// cell renders text for a table cell: literal, line breaks as <br>.
func cell(s string) string { return strings.Join(mdtext.Lines(s), "<br>") }
