package export

import (
	"fmt"

	"drillbook/internal/prose"
)

// improvement draws the improvement plan: every stored action and then
// the actions proposed for findings that have none open, each with owner,
// due date and status (overdue ones in red).
func (d *pdfDoc) improvement() {
	r := d.r
	d.sectionTitle(SectionTitle(SectionImprovement))
	d.markSection(SectionImprovement)
	stored, proposed := 0, 0
	for _, a := range r.actions {
		if a.Proposed {
			proposed++
		} else {
			stored++
		}
	}
	d.paragraph(fmt.Sprintf("%s %s in the plan; %s %s proposed for findings that have no open action. Proposed actions are drafts from the assessment: accept them in the app to track them.",
		prose.Count(stored, "action", "actions"), prose.Plural(stored, "is", "are"), prose.Count(proposed, "more", "more"), prose.Plural(proposed, "is", "are")))
	if d.nothing(len(r.actions), "There are no actions.") {
		return
	}
	d.gap(1)
	findings := map[string]string{}
	for _, f := range r.a.Findings {
		findings[f.ID] = dimensionName(f.Dimension)
	}
	t := d.table(col("Action", 7), col("Area", 2.2), col("Owner", 3), column{"Due", 1.7, "L"}, column{"Status", 2, "L"})
	t.begin()
	for _, a := range r.actions {
		text := r.names.text(a.Text)
		if a.Notes != "" {
			text += "\n" + r.names.text(a.Notes)
		}
		status := c(a.statusText())
		switch {
		case !a.Status.Closed() && !a.Due.IsZero() && a.Due.Before(r.date):
			status = colored(a.statusText()+" — overdue", colBreach)
		case a.Status.Closed():
			status = colored(a.statusText(), colMet)
		case a.Proposed:
			status = pcell{text: a.statusText(), col: &colMuted}
		}
		t.row(c(text), c(findings[a.Finding]), c(a.Owner), c(a.Due.String()), status)
		if d.err != nil {
			return
		}
	}
	t.end()
}
