package export

import "fmt"

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
	d.paragraph(fmt.Sprintf("%d actions are in the plan; %d more are proposed for findings that have no open action. Proposed actions are drafts from the assessment: accept them in the app to track them.", stored, proposed))
	if d.nothing(len(r.actions), "There are no actions.") {
		return
	}
	t := d.table(col("Action", 7), col("Finding", 1.6), col("Owner", 3), column{"Due", 1.7, "L"}, column{"Status", 2, "L"})
	t.begin()
	for _, a := range r.actions {
		text := a.Text
		if a.Notes != "" {
			text += "\n" + a.Notes
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
		t.row(c(text), c(a.Finding), c(a.Owner), c(a.Due.String()), status)
		if d.err != nil {
			return
		}
	}
	t.end()
}
